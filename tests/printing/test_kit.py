"""`coop kit`: one A4 PDF of cards, poster, questions, sheet and slips; no card cut by a page, no text lost."""

import shutil
import subprocess
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_scenario
from game.printing.kit import HEIGHT, MARGIN, WIDTH, build_kit

REPO = Path(__file__).resolve().parent.parent.parent
FLAGSHIP = REPO / "scenarios" / "quartier_des_tilleuls.yaml"
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_box_of_the_kit_fits_its_page_and_its_text(path, language):
    scenario = load_scenario(path)
    data, placed = build_kit(scenario, language)
    assert data.startswith(b"%PDF")
    for box in placed:
        assert MARGIN - 6 <= box.x and box.x + box.w <= WIDTH - MARGIN + 6, box
        assert MARGIN - 6 <= box.y and box.y + box.h <= HEIGHT - MARGIN + 6, box
        assert box.fits, box
    cards = [b for b in placed if b.kind in ("character", "action", "slip", "posture")]
    for n, first in enumerate(cards):
        for second in cards[n + 1:]:
            if first.page == second.page:
                apart = (first.x + first.w <= second.x + 0.5 or second.x + second.w <= first.x + 0.5
                         or first.y + first.h <= second.y + 0.5 or second.y + second.h <= first.y + 0.5)
                assert apart, (first, second)
    assert {b.ident for b in placed if b.kind == "character"} == {c.id for c in scenario.characters}
    assert {b.ident for b in placed if b.kind == "action"} == {a.id for a in scenario.actions} | {"observer"}
    assert {b.ident for b in placed if b.kind == "posture"} == {p.id for p in scenario.postures}
    assert sum(b.kind == "sheet" for b in placed) == 1 and sum(b.kind == "slip" for b in placed) == 8


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_each_card_is_whole_on_the_page_the_layout_says(tmp_path):
    out = tmp_path / "kit.pdf"
    assert main(["kit", str(FLAGSHIP), "-o", str(out)]) == 0
    scenario = load_scenario(FLAGSHIP)
    _, placed = build_kit(scenario, "fr")
    pages = _pages(out)
    where = {(b.kind, b.ident): b.page for b in placed}
    flat = [" ".join(page.split()) for page in pages]
    for character in scenario.characters:
        page = flat[where[("character", character.id)] - 1]
        # the name, the objective's last words and the secret's are on the card's page
        assert character.name in page
        assert " ".join(character.objective.split()[-3:]) in page
        if character.secret:
            assert " ".join(character.secret.split()[-2:]) in page
    for action in scenario.actions:
        page = flat[where[("action", action.id)] - 1]
        assert " ".join(action.title.split()[:3]) in page
        if action.description:
            assert " ".join(action.description.split()[-2:]) in page
    # No effect of a card is printed: no "+2", no indicator's label as a promise.
    for action in scenario.actions:
        page = flat[where[("action", action.id)] - 1]
        for indicator in scenario.indicators:
            assert f"{indicator.label} +" not in page


def test_the_kit_is_in_english_when_asked(tmp_path):
    data, _ = build_kit(load_scenario(FLAGSHIP), "en")
    out = tmp_path / "kit.pdf"
    out.write_bytes(data)
    if shutil.which("pdftotext"):
        text = "".join(_pages(out))
        assert "Character cards" in text and "Fold here" in text and "Cartes des personnages" not in text


def test_an_invalid_scenario_gets_its_located_diagnostics_and_exit_1(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\ntitle: [oops\n", encoding="utf-8")
    assert main(["kit", str(broken), "-o", str(tmp_path / "k.pdf")]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:" in err and "Traceback" not in err
    assert not (tmp_path / "k.pdf").exists()
    assert main(["kit", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "k.pdf")]) == 1


def test_hostile_scenario_texts_stay_letters_in_the_kit(tmp_path):
    import sys
    sys.path.insert(0, str(REPO / "tests" / "session"))
    from report_samples import hostile_scenario

    data, placed = build_kit(load_scenario(hostile_scenario(tmp_path)), "fr")
    assert all(b.fits for b in placed)
    assert b"/URI" not in data and b"javascript" not in data.lower() and b"/XObject" not in data


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_sheet_says_how_many_rounds_fit_two_hours_and_the_clocks_keys(tmp_path):
    """The guide's pace (game.pace): 16 minutes a round for the Tilleuls (a 6-minute debrief), 5 rounds in 2 h."""
    out = tmp_path / "kit.pdf"
    assert main(["kit", str(FLAGSHIP), "-o", str(out)]) == 0
    sheet = " ".join(_pages(out)[0].split())
    assert "6 tours d'environ 16 minutes" in sheet and "En 2 heures : 5 tours à ce rythme" in sheet
    assert "T et + pour le minuteur des choix" in sheet and "finir la partie après ce tour" in sheet
