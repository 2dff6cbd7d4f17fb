import pytest

from phones_room import Room


@pytest.fixture
def room(tmp_path):
    made = Room(tmp_path)
    yield made
    made.close()
