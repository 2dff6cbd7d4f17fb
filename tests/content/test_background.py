"""`coop validate` parses a large first file in a forked child: same verdicts and diagnostics as the ordinary way."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from content_cases import BASE_TEXT, patch
from game.content import background
from game.content.background import BACKGROUND_MIN_BYTES, BackgroundParse, parse_for_validation
from game.content.commands import run_validate

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the shortcut needs fork")


def _large(text: str) -> str:
    """The scenario with enough long facts to pass the size from which the child is used."""
    fact = "    - " + "Un fait sur le quartier, assez long pour peser dans le fichier. " * 8 + "\n"
    count = BACKGROUND_MIN_BYTES // len(fact) + 10
    return patch("  name: Square Vercors\n", "  name: Square Vercors\n  facts:\n" + fact * count, text)


@pytest.fixture
def large_valid(tmp_path) -> Path:
    path = tmp_path / "grand.yaml"
    path.write_text(_large(BASE_TEXT), encoding="utf-8")
    assert path.stat().st_size >= BACKGROUND_MIN_BYTES
    return path


def test_the_child_sends_back_exactly_what_parsing_here_gives(large_valid):
    child = BackgroundParse.start(large_valid)
    assert child is not None
    assert child.result() == parse_for_validation(large_valid)


def test_small_files_are_parsed_here(tmp_path):
    small = tmp_path / "petit.yaml"
    small.write_text(BASE_TEXT, encoding="utf-8")
    assert BackgroundParse.start(small) is None
    assert BackgroundParse.start(tmp_path / "absent.yaml") is None


def test_a_large_valid_file_is_valid(large_valid, capsys):
    assert run_validate([str(large_valid)], "en") == 0
    assert capsys.readouterr().out == "1 file(s) checked: all valid\n"


def test_a_large_invalid_file_gets_the_ordinary_diagnostics(tmp_path, capsys):
    path = tmp_path / "grand.yaml"
    path.write_text(_large(patch("    start: 5", "    start: 15")), encoding="utf-8")
    assert run_validate([str(path)], "en") == 1
    out = capsys.readouterr().out
    assert ": error: `start` is 15: it must be between `min` (0) and `max` (10)" in out
    assert out.splitlines()[-1] == "1 file(s) checked: 1 invalid, 1 problem(s)"


def test_a_failing_child_falls_back_to_the_ordinary_check(large_valid, monkeypatch, capsys):
    def crash(path):
        raise RuntimeError("the child fails")

    monkeypatch.setattr(background, "parse_for_validation", crash)
    assert run_validate([str(large_valid)], "en") == 0
    assert capsys.readouterr().out == "1 file(s) checked: all valid\n"
