"""Class 1 of the hardening issue: what the format refuses is decided per Unicode category, tested over every
category (hypothesis draws the code points), raw in the file and written as a YAML escape."""

import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from game.content import ScenarioError, load_scenario_bytes
from game.content.template import starting_scenario

CATEGORIES = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
              "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"]
REFUSED = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
MARKS = {"Mn", "Mc", "Me"}
TEMPLATE = starting_scenario("essai", "fr")


def _with_title(title_yaml: str) -> bytes:
    lines = TEMPLATE.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[index] = "title: " + title_yaml
    return "\n".join(lines).encode("utf-8", "surrogatepass"), index + 1


def _outcome(title_yaml: str):
    data, line = _with_title(title_yaml)
    try:
        load_scenario_bytes(data, "s.yaml", check_images=False)
    except ScenarioError as error:
        return error.diagnostics, line
    return [], line


def _expected_refusal(char: str, category: str, alone: bool) -> bool:
    if char in "\t\n":
        return False
    if category in REFUSED and char not in "\u200c\u200d":
        return True
    if (category in MARKS or char in "\u200c\u200d") and alone:
        return True
    return category == "Zs" and alone and False


@pytest.mark.parametrize("category", CATEGORIES)
@given(data=st.data())
@settings(max_examples=25, deadline=None)
def test_every_category_is_refused_or_accepted_as_the_guides_say(category, data):
    char = data.draw(st.characters(categories=[category]) if category != "Cs"
                     else st.integers(0xD800, 0xDFFF).map(chr))
    assert unicodedata.category(char) == category
    for alone in (False, True):
        text = ("Le" + char + "titre") if not alone else (char + " titre")
        escaped = '"' + "".join(c if c.isalnum() or c == " " else f"\\U{ord(c):08X}" for c in text) + '"'
        for written in ([escaped] if category == "Cs" else [escaped, '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"']):
            diagnostics, line = _outcome(written)
            # A raw carriage return is a line break of the file (CRLF files are fine), not a character of the text.
            refused = _expected_refusal(char, category, alone) and not (char == "\r" and written != escaped)
            if not refused:
                assert diagnostics == [], (hex(ord(char)), written, [d.render("en") for d in diagnostics])
                continue
            assert diagnostics, (hex(ord(char)), written)
            first = diagnostics[0]
            # Located where the character is: the title's line (not 1:1), with a code saying what is wrong.
            assert first.line == line, (hex(ord(char)), [d.render("en") for d in diagnostics])
            assert first.code in {"forbidden_character", "lone_mark", "control_character", "bidi_character",
                                  "unacceptable_character", "binary_file"} | ({"yaml_syntax"} if category == "Cs" else set()), first.code
            assert first.hint in (None,), first.render("en")


@given(st.text(alphabet=st.sampled_from(" \u00a0\u202f\u3000\u2003\t"), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_a_text_made_only_of_spaces_is_refused(spaces):
    diagnostics, line = _outcome('"' + spaces.replace("\t", "\\t") + '"')
    assert [d.code for d in diagnostics] == ["invisible_text"] and diagnostics[0].line == line
