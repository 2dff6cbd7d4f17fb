"""Class 6 of the hardening issue: messages point at the right place and say the right thing. Generated cases:
mis-cased keys are named by the key with the right one suggested; the alias-expansion limit never applies to a
file without aliases; at most 100 diagnostics a file, then how many more; a read-only session says read-only."""

import errno
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.cli import main
from game.content import ScenarioError, load_scenario_bytes
from game.content.template import starting_scenario

TEMPLATE = starting_scenario("essai", "fr")
TOP_KEYS = ["title", "summary", "goal", "rounds", "language", "territory", "indicators", "characters", "actions"]


@given(key=st.sampled_from(TOP_KEYS), flips=st.lists(st.booleans(), min_size=12, max_size=12))
@settings(max_examples=60, deadline=None)
def test_a_mis_cased_key_is_named_by_the_key_with_the_right_one_suggested(key, flips):
    wrong = "".join(c.upper() if flip else c for c, flip in zip(key, flips))
    if wrong == key:
        wrong = key.upper()
    text = TEMPLATE.replace(f"\n{key}:", f"\n{wrong}:", 1)
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(text.encode(), "s.yaml", check_images=False)
    unknown = [d for d in raised.value.diagnostics if d.code == "unknown_key"]
    assert len(unknown) == 1 and unknown[0].params["name"] == wrong
    assert unknown[0].params.get("suggestion") == key
    line = text.split("\n").index(next(l for l in text.split("\n") if l.startswith(f"{wrong}:"))) + 1
    assert unknown[0].line == line and unknown[0].col == 1


@given(facts=st.integers(200_001, 230_000), star_at=st.sampled_from(["summary", "goal"]))
@settings(max_examples=2, deadline=None)
def test_the_alias_limit_never_applies_to_a_file_without_aliases(facts, star_at):
    text = TEMPLATE.replace(f"\n{star_at}: ", f"\n{star_at}: Note * ", 1)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  facts:"))
    lines.insert(at + 1, "\n".join(["    - f"] * facts))
    data = "\n".join(lines).encode()
    assert b"*" in data and len(data) < 2 * 1024 * 1024
    load_scenario_bytes(data, "s.yaml", check_images=False)  # valid: 200,000+ nodes, no alias


@given(count=st.integers(1, 260))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_at_most_100_diagnostics_a_file_then_how_many_more(tmp_path, capsys, count):
    extra = "\n".join(f"unknown_{i}: 1" for i in range(count))
    path = tmp_path / "s.yaml"
    path.write_text(TEMPLATE + "\n" + extra + "\n", encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    errors = [line for line in out if ": error: " in line]
    assert len(errors) == min(count, 100)
    more = [line for line in out if "more problem(s) not shown" in line]
    assert len(more) == (count > 100) and (count <= 100 or f"and {count - 100} more" in more[0])
    assert out[-1].endswith(f"{count} problem(s)")


def test_a_read_only_session_says_read_only(monkeypatch, tmp_path):
    from game.session.errors import SessionError
    from game.session.journal import open_regular

    path = tmp_path / "s.coop-session.jsonl"
    path.write_bytes(b"{}\n")
    real_open = os.open

    def read_only_open(name, flags, *args):
        if flags & os.O_RDWR:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", read_only_open)
    with pytest.raises(SessionError) as raised:
        open_regular(path, writable=True)
    assert raised.value.code == "read_only" and "read-only" in raised.value.message("en")
