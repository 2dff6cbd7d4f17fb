"""Screenshots as PNG files, encoded for speed: autoplay saves one per screen shown.

pygame's writer (libpng at its default compression) took 68–90 ms for a 1280x720 screen on the
2-core test machine; this one, the same pixels with zlib at level 1 and no row filter, 22–25 ms,
for files about the same size (screens are flat colours and text). The pixels read back identical.

`write_png` streams, as libpng does: the file is opened first and each band of compressed rows
goes out as its own IDAT chunk, so the file starts while the rest of the screen is still being
compressed. Python does the writing (never SDL's own writer, which leaves an empty or cut file on
a full disk without saying so); a write that fails removes its unfinished file and raises.
"""

from __future__ import annotations

import os
import struct
import zlib
from typing import Iterator

import pygame

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_BAND = 64 * 1024     # compressed bytes gathered before they go out as one IDAT chunk


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png_parts(surface: pygame.Surface, level: int) -> Iterator[bytes]:
    """The PNG file of the surface, piece by piece: signature and header first, then IDAT chunks of
    about `_BAND` compressed bytes as the rows are compressed, then the end."""
    width, height = surface.get_size()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)   # 8 bits, truecolour, no interlace
    yield _SIGNATURE + _chunk(b"IHDR", header)
    raw = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    compressor = zlib.compressobj(level)
    pending: list[bytes] = []
    size = 0
    for row in range(height):
        # Each scanline starts with its filter type; 0 (none) keeps encoding a plain copy.
        out = compressor.compress(b"\x00" + raw[row * stride:(row + 1) * stride])
        if out:
            pending.append(out)
            size += len(out)
            if size >= _BAND:
                yield _chunk(b"IDAT", b"".join(pending))
                pending, size = [], 0
    pending.append(compressor.flush())
    yield _chunk(b"IDAT", b"".join(pending)) + _chunk(b"IEND", b"")


def encode_png(surface: pygame.Surface, level: int = 1) -> bytes:
    """The surface's pixels as an 8-bit RGB PNG (alpha dropped: a window has none to keep)."""
    return b"".join(_png_parts(surface, level))


def write_png(surface: pygame.Surface, path: os.PathLike | str, level: int = 1) -> None:
    """`encode_png` written to `path` as it is encoded; OSError or pygame.error, with no file left, if
    it cannot be written whole."""
    try:
        with open(path, "wb") as stream:
            for part in _png_parts(surface, level):
                stream.write(part)
    except BaseException:
        try:
            if os.path.isfile(path):     # never a device or a pipe given as the target
                os.unlink(path)
        except OSError:
            pass
        raise
