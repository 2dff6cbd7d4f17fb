"""QR codes of the links as plain matrices (segno); game.ui draws them with whole pixels per module."""

from __future__ import annotations

from functools import lru_cache

BORDER = 2      # quiet modules around the code (phones read 2 well on a light panel)


@lru_cache(maxsize=32)
def matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Rows of dark (True) / light modules, quiet border included. Error correction L keeps a team's
    link (52 characters on a LAN address) at version 3: 33 modules with the border, so 14 px a module
    still fits the 720-pixel projector."""
    import segno

    code = segno.make(text, error="l", micro=False, boost_error=True)
    size = code.symbol_size(border=0)[0]
    light = (False,) * (size + 2 * BORDER)
    rows = [light] * BORDER
    for row in code.matrix:
        rows.append((False,) * BORDER + tuple(bool(v) for v in row) + (False,) * BORDER)
    rows += [light] * BORDER
    return tuple(rows)
