"""Every malformed scenario of the catalogue is refused with exactly its expected diagnostics (golden text, French)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from content_cases import CASES
from game.content import ScenarioError, load_scenario

GOLDEN = Path(__file__).resolve().parent / "golden_malformed.txt"


def _golden() -> dict[str, str]:
    sections: dict[str, str] = {}
    name = None
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            name = line[4:]
            sections[name] = ""
        elif name is not None:
            sections[name] += line + "\n"
    return {key: value.rstrip("\n") for key, value in sections.items()}


EXPECTED = _golden()


def _write_case(case, folder: Path) -> Path:
    scenario = folder / "case.yaml"
    scenario.write_bytes(case.make())
    for name, content in case.files.items():
        (folder / name).write_bytes(content)
    for name, target in case.links.items():
        os.symlink(target, folder / name)
    return scenario


def test_the_catalogue_covers_every_family_with_at_least_forty_cases():
    families = {case.family for case in CASES}
    assert families >= {"encoding", "syntax", "structure", "types", "references", "limits", "security"}
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


def test_every_case_has_a_golden_text_and_every_golden_text_a_case():
    assert set(EXPECTED) == {case.name for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_scenario_gets_its_exact_diagnostics(case, tmp_path, monkeypatch):
    _write_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)  # diagnostics name the file as given: "case.yaml"
    with pytest.raises(ScenarioError) as raised:
        load_scenario("case.yaml")
    assert raised.value.render("fr") == EXPECTED[case.name]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_scenario_is_also_explained_in_english(case, tmp_path, monkeypatch):
    _write_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ScenarioError) as raised:
        load_scenario("case.yaml")
    english = raised.value.render("en")
    first_lines = [line for line in english.splitlines() if line.startswith("case.yaml")]
    assert first_lines, english
    assert all(": error: " in line for line in first_lines)
    # Same places in both languages; only the words change.
    french_places = [line.split(": error: ")[0] for line in EXPECTED[case.name].splitlines() if line.startswith("case.yaml")]
    assert [line.split(": error: ")[0] for line in first_lines] == french_places
    for diagnostic in raised.value.diagnostics:
        message = diagnostic.message("en")
        assert not message.startswith(diagnostic.code + " {"), message  # a message that failed to render
        assert message != diagnostic.message("fr")


def test_a_yaml_merge_key_is_refused_with_its_own_message():
    from content_cases import patch
    from game.content import load_scenario_bytes

    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(patch("rounds: 2\n", "rounds: 2\n<<: {goal: x}\n").encode(), "merge.yaml")
    assert raised.value.render("en").splitlines()[0] == "merge.yaml:12:1: error: YAML merge `<<` is not supported: copy the keys you need"


@pytest.mark.parametrize("where, written, suggestion", [
    ("    - Que retenez-vous ?", "    - {phase: faits, txt: Que retenez-vous ?}", "text"),
    ("    title: Réunion publique", "    title: Réunion publique\n    requires: {round_at_leest: 2}", "round_at_least"),
    ("    title: Réunion publique", "    title: Réunion publique\n    requires: {not: {evre_played: [reunion]}}",
     "ever_played"),
    ("    start: 5", "    start: 5\n    lable: x", "label"),
])
def test_an_unknown_key_anywhere_suggests_the_closest_known_key(where, written, suggestion):
    from content_cases import patch
    from game.content import load_scenario_bytes

    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(patch(where, written).encode(), "typo.yaml")
    unknown = [d for d in raised.value.diagnostics if d.code == "unknown_key"]
    assert len(unknown) == 1
    assert unknown[0].hint_text("en") == f"did you mean `{suggestion}`?"


@pytest.mark.parametrize("many", [
    "territory:\n" + "".join(f"  cle_{n}: 1\n" for n in range(30_000)),  # unknown keys
    "territory:\n" + "  name: x\n" * 30_000,  # duplicate keys
    "actions:\n  - id: a\n    title: A\n    who: [" + ", ".join(f"p{n}" for n in range(30_000)) + "]\n",  # unknown ids
])
def test_thousands_of_problems_in_one_file_are_all_reported_without_slowing_down(many):
    from game.content import load_scenario_bytes

    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(("format: 1\n" + many).encode(), "many.yaml")
    assert len(raised.value.diagnostics) >= 29_999
