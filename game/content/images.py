"""Checks a character's image path and size from the file's header bytes, without decoding it (no pygame here)."""

from __future__ import annotations

import errno
import io
import os
import stat
import struct
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, BinaryIO, Optional

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_SIDE = 4096
# Each scan of a progressive JPEG is a pass of the decoder over the whole picture: thousands of
# tiny scans within 10 MiB decode for minutes. Cameras and editors write at most about a dozen.
MAX_JPEG_SCANS = 100
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


def jpeg_scan_count(data: bytes) -> int:
    """How many scans (SOS segments) a JPEG holds: each costs the decoder a pass over the whole picture.

    Linear in the file's size: segment bodies are skipped by their length, entropy-coded data by
    searching for the next marker with bytes.find.
    """
    scans, at, end = 0, 2, len(data)
    while at < end:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= end:
            break
        marker = data[at + 1]
        if marker == 0xFF or marker == 0x00 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            at += 1 if marker == 0xFF else 2  # fill byte, stuffed zero, restart marker: inside or between segments
            continue
        if marker == 0xD9:
            break
        if at + 4 > end:
            break
        length = (data[at + 2] << 8) | data[at + 3]
        at += 2 + length
        if marker == 0xDA:
            scans += 1  # its entropy-coded data follows: the search above skips it
    return scans


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


def _place_problem(relative: str, base_folder: Path) -> Problem:
    """Where the image is: a path that leaves the folder, through a link, or that the system cannot name."""
    problem = _inside_folder(relative, base_folder)
    if problem:
        return problem
    path = base_folder.joinpath(*PureWindowsPath(relative).parts)
    if not path.resolve().is_relative_to(base_folder.resolve()):
        return "image_outside", {"image": relative}
    return None


def check_image(relative: str, base_folder: Path) -> Problem:
    """None when the image is acceptable, else a message code and its values; never raises.

    Only a regular file is read (a folder, a named pipe or a device gets its own message, and
    is never opened: opening a pipe would wait for a writer), with a size bound, and its
    header is checked before anything decodes it: its size, and for a JPEG its number of scans.
    """
    try:
        problem = _place_problem(relative, base_folder)
        if problem:
            return problem
        path = base_folder.joinpath(*PureWindowsPath(relative).parts)
        try:
            status = path.stat()
        except FileNotFoundError:
            return "image_missing", {"image": relative}
        if stat.S_ISDIR(status.st_mode):
            return "image_is_folder", {"image": relative}
        if not stat.S_ISREG(status.st_mode):
            return "image_not_file", {"image": relative}
        if status.st_size > MAX_IMAGE_BYTES:
            return "image_too_heavy", {"image": relative, "size": status.st_size, "limit": MAX_IMAGE_BYTES}
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return "image_not_file", {"image": relative}  # replaced between the two looks
            data = stream.read(MAX_IMAGE_BYTES + 1)
    except (ValueError, UnicodeError):
        # A NUL or a character the file system cannot encode in the name.
        return "image_bad_name", {"image": relative, "reason": "?"}
    except OSError as error:
        if error.errno in (errno.ENAMETOOLONG, errno.EILSEQ, errno.EINVAL):
            return "image_bad_name", {"image": relative, "reason": error.strerror or str(error)}
        return "image_unreadable", {"image": relative, "reason": error.strerror or str(error)}
    except RuntimeError:  # a loop of links
        return "image_symlink", {"image": relative}
    if len(data) > MAX_IMAGE_BYTES:
        return "image_too_heavy", {"image": relative, "size": len(data), "limit": MAX_IMAGE_BYTES}
    if data.startswith(_PNG_SIGNATURE):
        dimensions = _png_size(data[:32])
    elif data.startswith(b"\xff\xd8"):
        dimensions = _jpeg_size(io.BytesIO(data))
        if dimensions is not None and jpeg_scan_count(data) > MAX_JPEG_SCANS:
            return "image_too_complex", {"image": relative, "scans": jpeg_scan_count(data), "limit": MAX_JPEG_SCANS}
    else:
        return "image_format", {"image": relative}
    if dimensions is None:
        return "image_corrupt", {"image": relative}
    width, height = dimensions
    if width == 0 or height == 0:
        return "image_corrupt", {"image": relative}
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        return "image_too_big", {"image": relative, "width": width, "height": height, "limit": MAX_IMAGE_SIDE}
    return None
