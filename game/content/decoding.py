"""The bytes of a scenario file -> its text, refusing whatever is not UTF-8 (with the byte offset, line and column)."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple, Optional

from game.content.constants import MAX_FILE_BYTES  # noqa: F401 - read from here by the loader
# Opening a file safely needs none of this module's patterns (the title and setup screens open files first).
from game.content.opening import NotRegularFile, open_scenario_file  # noqa: F401 - read from here by the loader

# C0 controls other than tab, line feed and carriage return; DEL; C1 controls
# (NEL included, which YAML would read as a line break). Checked on the bytes: UTF-8
# encodes C1 controls as 0xC2 0x80..0x9F.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
_C1_CONTROLS = re.compile(rb"\xc2[\x80-\x9f]")
# Every byte but the C0 controls and DEL: deleting them leaves only the bad
# ones, a much faster test than a regular expression on a 2 MiB file.
_NOT_C0_CONTROL = bytes(b for b in range(256) if b in (9, 10, 13) or 0x20 <= b != 0x7F)
# Bidi embedding, override and isolate characters (U+202A..U+202E, U+2066..U+2069)
# make a text display differently from what it says ("Trojan Source").
_BIDI_BYTES = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
# U+2028 and U+2029 (YAML reads them as line breaks: the file would not mean what it shows)
# and U+FFFE, U+FFFF (YAML refuses them, and would report them without their place).
_YAML_UNACCEPTABLE_BYTES = re.compile(rb"\xe2\x80[\xa8\xa9]|\xef\xbf[\xbe\xbf]")


class ByteProblem(NamedTuple):
    """A problem found before parsing, placed at a byte offset of the file."""

    offset: int
    code: str
    params: dict
    hint: Optional[str]


def place_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return line, col


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_zeros, odd_zeros) > half * 0.3 and min(even_zeros, odd_zeros) < half * 0.05


def check_size(size: int) -> Optional[ByteProblem]:
    if size > MAX_FILE_BYTES:
        return ByteProblem(0, "file_too_large", {"size": size, "limit": MAX_FILE_BYTES}, None)
    return None


def decode(data: bytes) -> tuple[Optional[bytes], Optional[ByteProblem]]:
    """The file's bytes without a UTF-8 BOM when they are acceptable UTF-8 text, else the first problem."""
    too_large = check_size(len(data))
    if too_large:
        return None, too_large
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, ByteProblem(0, "encoding_utf32", {}, "hint_resave_utf8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, ByteProblem(0, "encoding_utf16", {}, "hint_resave_utf8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        bom = len(codecs.BOM_UTF8)
    else:
        bom = 0
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(data):
            return None, ByteProblem(0, "encoding_utf16", {}, "hint_resave_utf8")
        return None, ByteProblem(bom + nul, "binary_file", {"offset": bom + nul}, None)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        guess = bytes([bad]).decode("cp1252", "replace")
        return None, ByteProblem(
            bom + error.start, "encoding_not_utf8",
            {"byte": f"0x{bad:02X}", "offset": bom + error.start, "guess": guess},
            "hint_resave_utf8",
        )
    control = None
    if data.translate(None, _NOT_C0_CONTROL) or _C1_CONTROLS.search(data):
        control = _CONTROL_BYTES.search(data)
    if control:
        raw = control.group()
        code_point = raw[0] if len(raw) == 1 else raw[1]
        return None, ByteProblem(bom + control.start(), "control_character", {"char": f"U+{code_point:04X}"}, None)
    bidi = _BIDI_BYTES.search(data)
    if bidi:
        char = bidi.group().decode("utf-8")
        return None, ByteProblem(bom + bidi.start(), "bidi_character", {"char": f"U+{ord(char):04X}"}, None)
    unacceptable = _YAML_UNACCEPTABLE_BYTES.search(data)
    if unacceptable:
        char = unacceptable.group().decode("utf-8")
        return None, ByteProblem(bom + unacceptable.start(), "unacceptable_character", {"char": f"U+{ord(char):04X}"}, None)
    return data, None
