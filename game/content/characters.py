"""Which characters a scenario text may hold, decided per Unicode category (the authors' guides list the rule).

- Refused anywhere (`forbidden_character`): controls (Cc) other than line feed
  and tab, surrogates (Cs), private-use characters (Co), unassigned code
  points (Cn, noncharacters included), line and paragraph separators (Zl, Zp:
  YAML would read them as line breaks) and format characters (Cf: zero-width
  space, word joiner, soft hyphen, BOM, bidi marks and overrides, tag
  characters) except the two joiners U+200C and U+200D that Persian, Indic
  scripts and emoji sequences need.
- Refused where they would stand alone (`lone_mark`): a combining mark (Mn,
  Mc, Me, variation selectors included) or a joiner at the start of a text or
  right after a space, a tab or a line break: it has nothing to attach to.
- Refused (`invisible_text`): a text made only of spaces (any Zs), tabs and
  line breaks.
- Everything else (letters, digits, punctuation, symbols and emoji of every
  script, the non-breaking spaces of French typography) is accepted.

The renderer (game/ui/text.py) draws any code point whatever this says: a
team name typed on the laptop or an error screen quoting a broken file never
went through these rules.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional

JOINERS = frozenset("\u200c\u200d")
_REFUSED_CATEGORIES = frozenset(("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"))
_ASCII_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

OK, REFUSED, MARK = 0, 1, 2


@lru_cache(maxsize=65536)
def kind(char: str) -> int:
    """OK, REFUSED (never in a text) or MARK (must follow a visible character)."""
    if char in "\t\n":
        return OK
    category = unicodedata.category(char)
    if char in JOINERS or category[0] == "M":
        return MARK
    return REFUSED if category in _REFUSED_CATEGORIES else OK


class TextProblem(NamedTuple):
    code: str  # forbidden_character, lone_mark or invisible_text
    char: str  # "U+200B" (empty for invisible_text)
    index: int  # type: ignore[assignment]  # where in the text (shadows tuple.index, as a field name)


def _shown(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_problem(value: str) -> Optional[TextProblem]:
    """The first thing wrong with a text under the rules above, or None."""
    if value.isascii():
        bad = _ASCII_CONTROLS.search(value)
        if bad:
            return TextProblem("forbidden_character", _shown(bad.group()), bad.start())
    else:
        kinds = {char: kind(char) for char in set(value) if not char.isascii()}
        refused = [char for char, k in kinds.items() if k == REFUSED]
        refused += [char for char in set(value) if char.isascii() and _ASCII_CONTROLS.match(char)]
        if refused:
            index = min(value.index(char) for char in refused)
            return TextProblem("forbidden_character", _shown(value[index]), index)
        marks = "".join(re.escape(char) for char, k in kinds.items() if k == MARK)
        if marks:
            lone = re.search(rf"(?:^|(?<=\s))[{marks}]", value)
            if lone:
                return TextProblem("lone_mark", _shown(lone.group()), lone.start())
    if value.isspace():
        return TextProblem("invisible_text", "", 0)
    return None


def texts_need_no_scan(body: bytes) -> bool:
    """Whether the per-text scan may be skipped for a file's (decoded, control-free) bytes: no backslash escape
    could produce a character, and no character of the file is refused or a mark (texts made only of spaces are
    still refused, by a cheap test)."""
    if b"\\" in body:
        return False
    return body.isascii() or all(kind(char) == OK for char in set(body.decode("utf-8")) if not char.isascii())
