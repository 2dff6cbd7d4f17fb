"""How the committed fonts are opened: from one read of each file (not through file seeks), and unhinted
(scripts/unslashed_zero.py drops their TrueType bytecode, the largest cost of a first screen's glyphs)."""

import struct

import pygame
import pytest

from game.paths import FONTS
from game.ui import text as T


@pytest.fixture
def fresh_faces():
    T.font.cache_clear()
    T._font_file.cache_clear()
    yield
    T.font.cache_clear()
    T._font_file.cache_clear()


def test_each_file_is_read_once_for_all_its_sizes(fresh_faces, monkeypatch):
    opened = []
    real_open = open

    def counting(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(T, "open", counting, raising=False)
    for size in (18, 24, 36, 49):
        T.font(size).size("Équipe")
        T.font(size, "bold").size("Équipe")
    assert sorted(opened) == sorted(str(FONTS / T._FILES[style]) for style in ("regular", "bold"))


@pytest.mark.parametrize("style", sorted(T._FILES))
def test_a_face_from_memory_draws_what_the_file_draws(fresh_faces, style):
    words = "Délégué du préfet · 0 % · « COOP ? »"
    from_memory = T.font(26, style).render(words, True, (0, 0, 0), (255, 255, 255))
    from_file = pygame.font.Font(str(FONTS / T._FILES[style]), 26).render(words, True, (0, 0, 0), (255, 255, 255))
    assert from_memory.get_size() == from_file.get_size()
    assert pygame.image.tobytes(from_memory, "RGB") == pygame.image.tobytes(from_file, "RGB")


def _tables(path) -> dict[bytes, tuple[int, int]]:
    """The sfnt table directory: tag -> (offset, length)."""
    data = path.read_bytes()
    count = struct.unpack(">H", data[4:6])[0]
    entries = {}
    for k in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * k: 28 + 16 * k])
        entries[tag] = (offset, length)
    return entries


def _instruction_bytes(data: bytes, tables) -> int:
    """The bytes of TrueType instructions that the font's glyphs carry, summed over the glyf table."""
    head, _ = tables[b"head"]
    long_offsets = struct.unpack(">h", data[head + 50: head + 52])[0] == 1
    glyphs = struct.unpack(">H", data[tables[b"maxp"][0] + 4: tables[b"maxp"][0] + 6])[0]
    loca, _ = tables[b"loca"]
    if long_offsets:
        offsets = struct.unpack(f">{glyphs + 1}I", data[loca: loca + 4 * (glyphs + 1)])
    else:
        offsets = [2 * v for v in struct.unpack(f">{glyphs + 1}H", data[loca: loca + 2 * (glyphs + 1)])]
    glyf, _ = tables[b"glyf"]
    total = 0
    for start, end in zip(offsets, offsets[1:]):
        if end == start:
            continue                                   # an empty glyph (space)
        at = glyf + start
        contours = struct.unpack(">h", data[at: at + 2])[0]
        if contours >= 0:                              # simple: the end points, then the instructions' length
            at += 10 + 2 * contours
            total += struct.unpack(">H", data[at: at + 2])[0]
            continue
        at += 10                                       # composite: its components, then maybe instructions
        while True:
            flags = struct.unpack(">H", data[at: at + 2])[0]
            at += 4 + (4 if flags & 0x0001 else 2)
            at += 8 if flags & 0x0080 else 4 if flags & 0x0040 else 2 if flags & 0x0008 else 0
            if not flags & 0x0020:                     # MORE_COMPONENTS
                if flags & 0x0100:                     # WE_HAVE_INSTRUCTIONS
                    total += struct.unpack(">H", data[at: at + 2])[0]
                break
    return total


@pytest.mark.parametrize("style", sorted(T._FILES))
def test_the_committed_fonts_carry_no_hinting_program(style):
    path = FONTS / T._FILES[style]
    data, tables = path.read_bytes(), _tables(path)
    assert not {b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"} & set(tables)
    assert _instruction_bytes(data, tables) == 0
    offset, _ = tables[b"maxp"]
    # maxp 1.0: version, numGlyphs, then 13 uint16 fields; maxSizeOfInstructions is the 11th.
    assert struct.unpack(">13H", data[offset + 6: offset + 32])[10] == 0


def test_the_instruction_count_reads_a_hinted_font():
    """The check above can fail: the original font, hinted, carries instructions in its glyphs."""
    path = FONTS / "AtkinsonHyperlegible-Regular.ttf"
    assert _instruction_bytes(path.read_bytes(), _tables(path)) > 1000
