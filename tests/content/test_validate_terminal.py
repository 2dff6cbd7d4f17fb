"""Class 4 of the hardening issue, on `coop validate`: no escape sequence or line break from a file (its keys,
its values, its name) reaches the terminal; each problem stays one `PATH:LINE:COL: error:` line."""

import json
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from game.cli import main
from game.content.template import starting_scenario

ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
pieces = st.sampled_from(["\x1b[2J", "\x1b]0;titre\x07", "\x9b31m", "\u202e", "\u2066", "\n", "\r", "\x85", "\u2028",
                          "\x00", "\x7f", "a", "é", "clé", " ", ":", "\t"])
hostile = st.lists(st.one_of(pieces, st.text(max_size=3)), min_size=1, max_size=6).map("".join)


@given(key=hostile, value=hostile, name=st.lists(st.sampled_from(["\x1b[1m", "\n", "\u202e", "e", "é", "\r"]),
                                                    max_size=4).map("".join))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_escape_sequence_from_the_file_reaches_the_terminal(tmp_path, capsys, key, value, name):
    text = starting_scenario("essai", "fr")
    text = text.replace("\nid: essai", "\nid: " + json.dumps(value), 1)
    text += f"\n{json.dumps(key)}: 1\n"
    path = tmp_path / f"s{name.replace('/', '')}.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert not ACTIVE.search(out), repr(out)
    lines = out.splitlines()
    errors = [line for line in lines if ": error: " in line]
    assert all(line.startswith(("    ",)) or ": error: " in line for line in lines[:-1]), lines
    assert len(errors) >= 1 and all(line.startswith(str(tmp_path)) for line in errors)
