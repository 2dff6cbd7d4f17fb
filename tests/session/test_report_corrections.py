"""Corrections and an early end in the report (md, html, pdf, json): per round, which team changed its
move or had it taken back before the reveal, never what the move was before (the room never saw it); and
"fin anticipée après le tour N" when the facilitator ended after that round."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from game.engine import Advance, SetLastRound, Setup, SubmitMove, TakeBackMove, bot_next
from game.session import Session

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
CHARACTERS = ("elue", "bailleur", "habitante")
SETUP = Setup(CHARACTERS, {"elue": "Les Élus", "bailleur": "Bailleurs", "habitante": "L'amicale"}, 3)


def corrected_game(end_after=None):
    """Round 1: the amicale (habitante) replaces its move twice, the facilitator takes back the bailleur's;
    round 2: nothing corrected. `end_after`: the facilitator ends after that round."""
    session = Session.create(FIVE, SETUP, 5)
    if end_after is not None:
        session.apply(SetLastRound(end_after))
    session.apply(Advance())
    session.apply(SubmitMove("habitante", "imposer", "observer"))       # never revealed
    session.apply(SubmitMove("habitante", "decider_seul", "observer"))  # never revealed either
    session.apply(SubmitMove("bailleur", "imposer", "observer"))
    session.apply(TakeBackMove("bailleur"))
    session.apply(SubmitMove("habitante", "co_construire", "observer"))      # the one revealed
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
    session.close()
    return session.path


def render(path, kind, **options):
    """The report with its no-break spaces read as spaces ("équipe\u00a0L'amicale")."""
    from game.session.report import render as rendered

    out = rendered(path, kind, **options)
    return out if isinstance(out, bytes) else out.replace("\u00a0", " ")


def test_the_json_lists_each_correction_by_kind_and_team_only():
    report = json.loads(render(corrected_game(), "json"))
    first, second = report["rounds"][0], report["rounds"][1]
    assert first["corrections"] == [{"kind": "replaced", "character": "habitante"},
                                    {"kind": "taken_back", "character": "bailleur"},
                                    {"kind": "replaced", "character": "habitante"}]
    assert second["corrections"] == []
    assert report["ended_early_after"] is None


def test_markdown_and_html_say_that_a_move_changed_not_what_it_was():
    path = corrected_game()
    text = render(path, "md")
    assert "### Corrections avant la révélation" in text
    assert "équipe L'amicale (Habitante) a changé son coup avant la révélation (2 fois)" in text
    assert "équipe Bailleurs (Bailleur) : coup repris par l'animation avant la révélation" in text
    assert text.count("Corrections avant la révélation") == 1          # round 1 only
    # The replaced moves were never revealed: their postures show nowhere for the amicale.
    revealed = json.loads(render(path, "json"))["rounds"][0]["moves"]
    assert {m["character"]: m["posture"] for m in revealed}["habitante"] == "co_construire"
    for hidden in ("Imposer", "Décider seul"):
        line = next(l for l in text.splitlines() if l.startswith("- équipe L'amicale (Habitante) : "))
        assert hidden not in line
    page = render(path, "html")
    assert "Tour 1 : équipe L&#x27;amicale (Habitante) a changé son coup avant la révélation (2 fois)" in page
    english = render(path, "md", language="en")
    assert "team L'amicale (Habitante) changed its move before the reveal (2 times)" in english
    assert "team Bailleurs (Bailleur): move taken back by the facilitator before the reveal" in english


def test_an_early_end_is_said_and_only_the_rounds_played_are_shown(tmp_path):
    path = corrected_game(end_after=2)
    report = json.loads(render(path, "json"))
    assert report["finished"] and report["ended_early_after"] == 2
    assert [r["number"] for r in report["rounds"]] == [1, 2]
    text = render(path, "md")
    assert "Fin anticipée après le tour 2 (3 tours prévus)." in text and "T3" not in text
    assert "Tours joués : 2 / 3" in text
    page = render(path, "html")
    assert "Fin anticipée après le tour 2 (3 tours prévus)." in page
    if shutil.which("pdftotext"):
        out = tmp_path / "r.pdf"
        out.write_bytes(render(path, "pdf"))
        pdf = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "Fin anticipée après le tour 2" in pdf and "a changé son coup avant la révélation" in pdf
        # The line stays in the summary, after the title, not before it.
        assert pdf.index("Compte rendu d") < pdf.index("Fin anticipée")


def test_an_early_end_survives_a_resume():
    session = Session.create(FIVE, SETUP, 5)
    session.apply(Advance())
    session.apply(SetLastRound(1))
    path = session.path
    session.close()
    resumed = Session.resume(path)
    try:
        assert resumed.state.last_round == 1 and resumed.state.final_round == 1
        while (command := bot_next(resumed.scenario, resumed.state)) is not None:
            resumed.apply(command)
        assert resumed.state.finished and len(resumed.state.history) == 1
    finally:
        resumed.close()
