"""Checks a character's image path and size from the file's header bytes, without decoding it (no pygame here)."""

from __future__ import annotations

import struct
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, BinaryIO, Optional

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_SIDE = 4096
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers carry the picture's size (all SOFn but DHT, JPG and DAC).
_JPEG_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}

Problem = Optional[tuple[str, dict[str, Any]]]


def _png_size(head: bytes) -> Optional[tuple[int, int]]:
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def _jpeg_size(stream: BinaryIO) -> Optional[tuple[int, int]]:
    """Walks the JPEG segments (seeking over their bodies) until the frame header."""
    stream.seek(2)
    for _ in range(10_000):
        byte = stream.read(1)
        while byte == b"\xff":  # fill bytes before a marker
            byte = stream.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue  # markers without a body
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            return None
        (length,) = struct.unpack(">H", length_bytes)
        if length < 2:
            return None
        if marker in _JPEG_FRAME_MARKERS:
            frame = stream.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        stream.seek(length - 2, 1)
    return None


def _inside_folder(relative: str, base_folder: Path) -> Problem:
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).is_absolute() or PureWindowsPath(relative).drive:
        return "image_absolute", {"image": relative}
    parts = PureWindowsPath(relative).parts  # splits on both / and \
    if ".." in parts:
        return "image_outside", {"image": relative}
    current = base_folder
    for part in parts:
        current = current / part
        if current.is_symlink():
            return "image_symlink", {"image": relative}
    return None


def check_image(relative: str, base_folder: Path) -> Problem:
    """None when the image is acceptable, else a message code and its values."""
    problem = _inside_folder(relative, base_folder)
    if problem:
        return problem
    path = base_folder.joinpath(*PureWindowsPath(relative).parts)
    try:
        resolved_base = base_folder.resolve()
        if not path.resolve().is_relative_to(resolved_base):
            return "image_outside", {"image": relative}
        if not path.is_file():
            return "image_missing", {"image": relative}
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return "image_too_heavy", {"image": relative, "size": size, "limit": MAX_IMAGE_BYTES}
        with path.open("rb") as stream:
            head = stream.read(32)
            if head.startswith(_PNG_SIGNATURE):
                dimensions = _png_size(head)
            elif head.startswith(b"\xff\xd8"):
                dimensions = _jpeg_size(stream)
            else:
                return "image_format", {"image": relative}
    except OSError as error:
        return "image_unreadable", {"image": relative, "reason": error.strerror or str(error)}
    if dimensions is None:
        return "image_corrupt", {"image": relative}
    width, height = dimensions
    if width == 0 or height == 0:
        return "image_corrupt", {"image": relative}
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        return "image_too_big", {"image": relative, "width": width, "height": height, "limit": MAX_IMAGE_SIDE}
    return None
