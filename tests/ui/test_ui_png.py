"""Screenshots are real PNG files whose pixels read back exactly as drawn."""

import io

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.png import encode_png


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
