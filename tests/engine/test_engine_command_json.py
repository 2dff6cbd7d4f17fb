"""Every command type reads back from the journal's JSON, and one with a field it does not have is refused."""

from __future__ import annotations

import pytest

from game.engine.commands import COMMAND_TYPES, command_from_json, command_to_json
from game.engine.errors import IllegalCommand
from game.record import fields_of


def sample(cls):
    values = {}
    for name in fields_of(cls):
        kind = cls.__annotations__[name]
        values[name] = 3 if "int" in kind else "x"
    return cls(**values)


@pytest.mark.parametrize("name", sorted(COMMAND_TYPES))
def test_a_command_reads_back_and_an_unknown_field_is_refused(name):
    command = sample(COMMAND_TYPES[name])
    data = command_to_json(command)
    assert command_from_json(data) == command
    for extra in ({"more": 1}, {"type2": name}, {"": None}):
        with pytest.raises(IllegalCommand) as refused:
            command_from_json({**data, **extra})
        assert refused.value.code == "malformed_command" and "has unknown fields" in str(refused.value)
