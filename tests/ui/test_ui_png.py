"""Screenshots are real PNG files whose pixels read back exactly as drawn."""

import io

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.png import encode_png, write_png


@settings(max_examples=25, deadline=None)
@given(width=st.integers(1, 64), height=st.integers(1, 48), seed=st.integers(0, 2**32 - 1))
def test_pixels_read_back_identical(width, height, seed):
    import random

    rng = random.Random(seed)
    surface = pygame.Surface((width, height))
    for _ in range(6):
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        surface.fill(colour, (rng.randrange(width), rng.randrange(height), rng.randrange(1, 20), rng.randrange(1, 20)))
    data = encode_png(surface)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    back = pygame.image.load(io.BytesIO(data))
    assert back.get_size() == (width, height)
    assert pygame.image.tobytes(back, "RGB") == pygame.image.tobytes(surface, "RGB")


def test_written_file_streams_bands_and_reads_back(tmp_path):
    """A screen whose compressed rows pass one band goes out as several IDAT chunks, read back identical."""
    import random

    rng = random.Random(7)
    surface = pygame.Surface((320, 240))
    surface.blit(pygame.image.frombytes(bytes(rng.randrange(256) for _ in range(320 * 240 * 3)), (320, 240), "RGB"),
                 (0, 0))
    target = tmp_path / "shot.png"
    write_png(surface, target)
    data = target.read_bytes()
    assert data == encode_png(surface)
    assert data.count(b"IDAT") >= 2 and data.endswith(b"IEND\xaeB`\x82")
    back = pygame.image.load(str(target))
    assert pygame.image.tobytes(back, "RGB") == pygame.image.tobytes(surface, "RGB")


def test_failed_write_leaves_no_file(tmp_path, monkeypatch):
    """The file is open before the pixels are read: a failure after that removes the unfinished file."""
    import pytest

    def broken(*args, **kwargs):
        assert (tmp_path / "shot.png").exists()    # the file had started
        raise pygame.error("surface lost")

    monkeypatch.setattr(pygame.image, "tobytes", broken)
    with pytest.raises(pygame.error):
        write_png(pygame.Surface((8, 8)), tmp_path / "shot.png")
    assert not (tmp_path / "shot.png").exists()
