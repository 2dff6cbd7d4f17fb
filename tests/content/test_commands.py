"""The trainer's commands: validate (exit codes, one line per problem, summary, languages), schema, new-scenario."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from content_cases import FIXTURES, patch
from game.content import load_scenario
from game.content.commands import run_new_scenario, run_schema, run_validate

MINIMAL = FIXTURES / "valid" / "minimal.yaml"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "broken.yaml"
    text = patch("    start: 5", "    start: 15")
    path.write_text(patch("title: Petit square", "title: no", text), encoding="utf-8")
    return path


def test_validate_a_valid_file_exits_0_with_a_summary_only(capsys):
    assert run_validate([str(MINIMAL)], None) == 0
    assert capsys.readouterr().out == "1 fichier(s) vérifié(s) : tous valides\n"


def test_validate_an_invalid_file_exits_1_with_one_located_line_per_problem(broken, capsys):
    assert run_validate([str(broken)], None) == 1
    out = capsys.readouterr().out
    error_lines = [line for line in out.splitlines() if ": error: " in line]
    assert error_lines == [
        f"{broken}:4:8: error: `title` : un texte est attendu, pas le booléen `no`",
        f"{broken}:15:12: error: `start` vaut 15 : il doit être entre `min` (0) et `max` (10)",
    ]
    assert out.splitlines()[-1] == "1 fichier(s) vérifié(s) : 1 invalide(s), 2 problème(s)"
    # Indented lines follow an error: the hint, the source line, the caret.
    assert "    title: no" in out.splitlines()


def test_validate_speaks_english_with_lang_en(broken, capsys):
    assert run_validate([str(broken), str(MINIMAL)], "en") == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{broken}:4:8: error: `title`: text is expected, not the boolean `no`" in out
    assert '    without quotes, YAML does not read `no` as text: write "no"' in out
    assert out[-1] == "2 file(s) checked: 1 invalid, 2 problem(s)"


def test_validate_a_missing_path_is_a_usage_error_even_beside_invalid_files(broken, tmp_path, capsys):
    missing = tmp_path / "absent.yaml"
    assert run_validate([str(missing), str(broken)], None) == 2
    out = capsys.readouterr().out.splitlines()
    assert f"{missing}: error: fichier introuvable" in out
    assert out[-1] == "1 fichier(s) vérifié(s) : 1 invalide(s), 2 problème(s), 1 introuvable(s)"


def test_validate_a_folder_checks_each_scenario_file_in_it(broken, capsys):
    (broken.parent / "notes.txt").write_text("pas un scénario", encoding="utf-8")
    (broken.parent / "ok.yml").write_bytes(MINIMAL.read_bytes())
    assert run_validate([str(broken.parent)], "en") == 1
    assert capsys.readouterr().out.splitlines()[-1] == "2 file(s) checked: 1 invalid, 2 problem(s)"


def test_validate_a_folder_without_scenarios_is_a_usage_error(tmp_path, capsys):
    assert run_validate([str(tmp_path)], "en") == 2
    assert f"{tmp_path}: error: this folder holds no .yaml or .yml file" in capsys.readouterr().out


def test_validate_reads_the_file_afresh_each_time(tmp_path, capsys):
    path = tmp_path / "s.yaml"
    path.write_bytes(MINIMAL.read_bytes())
    assert run_validate([str(path)], None) == 0
    path.write_text(patch("format: 1", "format: 2"), encoding="utf-8")
    assert run_validate([str(path)], None) == 1


def test_the_coop_command_validates_without_traceback_and_without_pygame(broken):
    probe = (
        "import sys, runpy; sys.argv = ['coop', 'validate', sys.argv[1], '--lang', 'en'];"
        "from game.cli import main; code = main();"
        "print('PYGAME' if 'pygame' in sys.modules else 'NO-PYGAME'); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(broken)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{broken}:15:12: error: `start` is 15: it must be between `min` (0) and `max` (10)" in result.stdout
    assert result.stdout.splitlines()[-1] == "NO-PYGAME"


def test_schema_is_json_with_keys_as_written_and_a_description_on_every_field(capsys):
    assert run_schema() == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "not" in schema["$defs"]["Condition"]["properties"]  # the alias, not the Python name
    assert set(schema["required"]) >= {"format", "id", "title", "language", "indicators", "debrief"}
    for definition in [schema, *schema["$defs"].values()]:
        for name, field in definition["properties"].items():
            assert field.get("description"), name
    assert schema["properties"]["actions"]["maxItems"] == 500


def test_new_scenario_writes_a_commented_french_scenario_that_validates(tmp_path, capsys):
    path = tmp_path / "Mon quartier à moi.yaml"
    assert run_new_scenario(str(path), None) == 0
    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") >= 10  # it teaches by comments
    assert "manche" not in text  # the game's screens and the guides say "tour"
    scenario = load_scenario(path)
    assert scenario.id == "mon_quartier_a_moi" and scenario.language == "fr"
    assert scenario.events and scenario.synergies and scenario.endings and scenario.resources
    assert "écrit" in capsys.readouterr().out


def test_new_scenario_never_overwrites_an_existing_file(tmp_path, capsys):
    path = tmp_path / "existant.yaml"
    path.write_text("mon travail", encoding="utf-8")
    assert run_new_scenario(str(path), "en") == 1
    assert path.read_text(encoding="utf-8") == "mon travail"
    assert "already exists" in capsys.readouterr().err


def test_new_scenario_in_a_missing_folder_says_so(tmp_path, capsys):
    assert run_new_scenario(str(tmp_path / "absent" / "s.yaml"), None) == 1
    assert "impossible d'écrire" in capsys.readouterr().err


def test_validate_reports_an_unexpected_failure_as_a_line_not_a_traceback(monkeypatch, capsys):
    def broken_checker(path):
        raise RuntimeError("boom")

    monkeypatch.setattr("game.content.load_scenario", broken_checker)
    assert run_validate([str(MINIMAL)], "en") == 1
    out = capsys.readouterr().out
    assert f"{MINIMAL}: error: internal error while checking this file (RuntimeError: boom)" in out


def test_validate_on_a_console_that_cannot_show_accents_replaces_them_instead_of_failing(broken, tmp_path):
    probe = "import sys; from game.cli import main; sys.exit(main(['validate', sys.argv[1]]))"
    result = subprocess.run([sys.executable, "-c", probe, str(broken)], capture_output=True, cwd=REPO,
                            env={**__import__("os").environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"`title` : un texte est attendu, pas le bool?en `no`" in result.stdout


def test_validate_checks_a_file_named_twice_only_once_in_order_of_first_mention(broken, tmp_path, capsys):
    other = tmp_path / "ok.yml"
    other.write_bytes(MINIMAL.read_bytes())
    same_folder_by_another_name = tmp_path / "." / ""
    assert run_validate([str(tmp_path), str(same_folder_by_another_name), str(broken)], "en") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "2 file(s) checked: 1 invalid, 2 problem(s)"
    assert sum(": error: " in line for line in out) == 2


def test_new_scenario_with_lang_en_writes_an_english_scenario_that_validates_and_says_so_in_english(tmp_path, capsys):
    path = tmp_path / "Our estate.yaml"
    assert run_new_scenario(str(path), "en") == 0
    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") >= 10  # it teaches by comments, in English
    assert "é" not in text and "Modifiez" not in text
    scenario = load_scenario(path)
    assert scenario.id == "our_estate" and scenario.language == "en"
    assert scenario.events and scenario.synergies and scenario.endings and scenario.resources
    assert "written: open it in an editor" in capsys.readouterr().out
