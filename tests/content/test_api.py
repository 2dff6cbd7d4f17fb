"""The public API of game.content: one error type, diagnostics rendered GCC-style, a light import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from content_cases import FIXTURES, patch
from game.content import Diagnostic, ScenarioError, load_scenario, load_scenario_bytes

REPO = Path(__file__).resolve().parents[2]


def test_a_diagnostic_renders_as_gcc_with_hint_source_and_caret():
    diagnostic = Diagnostic("s.yaml", 3, 5, "unknown_key", {"name": "titel", "suggestion": "title"},
                            "hint_did_you_mean", "    titel: Bonjour")
    assert diagnostic.render("en").splitlines() == [
        "s.yaml:3:5: error: unknown key `titel`",
        "    did you mean `title`?",
        "        titel: Bonjour",
        "        ^",
    ]
    assert diagnostic.render("fr").splitlines()[0] == "s.yaml:3:5: error: clé inconnue `titel`"
    assert str(diagnostic) == diagnostic.render("fr")


def test_a_problem_about_the_whole_file_has_no_line():
    assert Diagnostic("absent.yaml", 0, 0, "file_missing").render("en") == "absent.yaml: error: file not found"


def test_missing_file_and_folder_are_scenario_errors(tmp_path):
    with pytest.raises(ScenarioError) as raised:
        load_scenario(tmp_path / "absent.yaml")
    assert raised.value.diagnostics[0].code == "file_missing"
    with pytest.raises(ScenarioError) as raised:
        load_scenario(tmp_path)
    assert raised.value.diagnostics[0].code == "file_is_directory"


def test_every_problem_of_a_file_is_reported_in_one_run_in_file_order():
    text = patch("title: Petit square", "title: no")
    text = patch("    start: 5", "    start: 15", text)
    text = patch("  - id: reunion", "  - id: reunion\n    who: [personne]", text)
    text = patch("rounds: 2\n", "rounds: 2\nrounds: 3\n", text)
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(text.encode(), "many.yaml")
    places = [(d.line, d.col, d.code) for d in raised.value.diagnostics]
    assert places == sorted(places)
    assert {code for _, _, code in places} >= {"expected_text", "duplicate_key", "start_out_of_bounds",
                                              "unknown_characters"}


def test_load_scenario_bytes_names_the_file_in_messages():
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(b"format: [", "sessions/abc/scenario.yaml")
    assert raised.value.render("en").startswith("sessions/abc/scenario.yaml:")
    assert "sessions/abc/scenario.yaml" in str(raised.value)


def test_loading_twice_gives_equal_scenarios():
    data = (FIXTURES / "valid" / "all_keys.yaml").read_bytes()
    path = FIXTURES / "valid" / "all_keys.yaml"
    assert load_scenario_bytes(data, path) == load_scenario(path)


def test_importing_game_content_loads_neither_pygame_nor_platformdirs():
    probe = "import sys, game.content; print(sorted(m for m in ('pygame', 'platformdirs') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_a_frozen_copy_can_be_reloaded_without_its_images(tmp_path):
    text = patch("    objective: De l'ombre pour les enfants.",
                 "    objective: De l'ombre pour les enfants.\n    image: parti.png")
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(text.encode(), tmp_path / "s.yaml")
    assert raised.value.diagnostics[0].code == "image_missing"
    scenario = load_scenario_bytes(text.encode(), tmp_path / "s.yaml", check_images=False)
    assert scenario.characters[1].image == "parti.png"
