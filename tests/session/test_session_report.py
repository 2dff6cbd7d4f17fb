"""`coop report`: the JSON of the interfaces page, a Markdown and an HTML story with an SVG chart."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine import AddNote, Setup, bot_next
from game.session import Session
from game.session.report import render, write_reports

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
CHARACTERS = ("elue", "bailleur", "habitante", "asso", "gusp")
SETUP = Setup(CHARACTERS, {c: f"Équipe {c}" for c in CHARACTERS}, 4)


def played(seed=5, stop_at=None, note="Débat <vif> & riche"):
    session = Session.create(FIVE, SETUP, seed)
    while (command := bot_next(session.scenario, session.state)) is not None:
        if stop_at is not None and stop_at(session.state):
            break
        session.apply(command)
        if session.state.phase == "debrief" and not session.state.current.notes:
            session.apply(AddNote(note))
    session.close()
    return session.path


def test_the_json_report_holds_what_the_interfaces_page_promises():
    report = json.loads(render(played(), "json"))
    assert report["scenario"] == "cinq_acteurs" and report["seed"] == 5
    assert report["characters"] == list(CHARACTERS)
    assert report["teams"]["gusp"] == "Équipe gusp"
    assert [r["number"] for r in report["rounds"]] == [1, 2, 3, 4]
    first = report["rounds"][0]
    assert {"number", "events", "moves", "synergies", "indicators", "verdicts", "prompts", "notes"} <= set(first)
    assert set(first["moves"][0]) == {"character", "posture", "action"}
    assert set(first["verdicts"][0]) == {"character", "coop", "pas_coop", "depends"}
    assert first["prompts"][0] == {"phase": "ressenti", "text": "Comment vous sentez-vous ?"}
    assert first["notes"] == ["Débat <vif> & riche"]
    assert report["ending"] in {"jardin", "vitrine", "conflit", "statu_quo"}
    assert "times" in report and "session" in report


def test_two_sessions_with_the_same_inputs_give_the_same_report_but_times_and_session():
    first = json.loads(render(played(), "json"))
    second = json.loads(render(played(), "json"))
    assert first["session"]["path"] != second["session"]["path"]
    for report in (first, second):
        del report["times"], report["session"]
    assert first == second


def test_the_moves_of_a_round_not_yet_revealed_stay_out_of_the_report():
    path = played(stop_at=lambda state: state.round == 2 and len(state.current.moves) == 3)
    report = json.loads(render(path, "json"))
    assert [r["number"] for r in report["rounds"]] == [1]
    assert report["finished"] is False and report["ending"] is None


def test_the_markdown_tells_teams_rounds_events_notes_and_ending():
    text = render(played(), "md")
    for expected in ("# Compte rendu — Cinq acteurs", "Équipe elue : Élue (Adjointe)", "## Tour 4",
                     "### Coups joués", "> Débat &lt;vif> & riche", "## Bilan", "| Indicateur | Départ | T1 |",
                     "Parcours des postures"):
        assert expected in text


def test_the_markdown_never_lets_a_text_become_an_html_tag():
    text = render(played(note='<img src=x onerror="alert(1)">'), "md")
    assert "&lt;img src=x" in text
    assert "<" not in text


def test_the_markdown_follows_the_language_asked():
    text = render(played(), "md", "en")
    assert "# Session report — Cinq acteurs" in text and "## Round 1" in text


def test_the_html_report_escapes_texts_and_draws_an_svg_chart_of_every_indicator():
    page = render(played(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "Débat &lt;vif&gt; &amp; riche" in page and "<vif>" not in page
    chart = page[page.index("<svg"): page.index("</svg>")]
    assert chart.count("<polyline") == 4
    for label in ("Confiance", "Pouvoir d&#x27;agir", "Avancement du projet", "Tension"):
        assert label in chart


def test_the_end_screen_export_writes_md_html_and_pdf_into_the_reports_folder(coop_home):
    md, html, pdf = write_reports(played())
    assert pdf.parent == md.parent and pdf.read_bytes().startswith(b"%PDF")
    assert md.parent == html.parent == coop_home / "reports"
    assert md.read_text(encoding="utf-8").startswith("# Compte rendu")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_report_command_writes_to_a_file_or_to_standard_output(tmp_path, capsys):
    path = played()
    out = tmp_path / "r.json"
    assert main(["report", str(path), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["scenario"] == "cinq_acteurs"
    assert main(["report", str(path), "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Compte rendu")


@pytest.mark.parametrize("content", [b"", b"hello\n", b'{"kind": "coop-session", "format": 99}\n'])
def test_a_missing_or_bad_session_gets_a_message_and_exit_1(tmp_path, capsys, content):
    path = tmp_path / "s.coop.jsonl"
    path.write_bytes(content)
    assert main(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err
    assert main(["report", str(tmp_path / "nope.coop.jsonl")]) == 1


def test_reports_name_teams_as_the_screens_do(coop_home):
    setup = Setup(CHARACTERS, {c: ("Équipe Zoé" if c == "elue" else f"Les {c}") for c in CHARACTERS}, 4)
    session = Session.create(FIVE, setup, 3)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
    session.close()
    for fmt in ("md", "html"):
        text = render(session.path, fmt).replace("\u00a0", " ")
        assert "équipe Les bailleur" in text
        assert "Équipe Zoé" in text and "équipe Équipe" not in text
    assert json.loads(render(session.path, "json"))["teams"]["bailleur"] == "Les bailleur"


def test_the_final_debriefs_notes_are_in_the_report_and_left_out_for_partners():
    from game.engine import AddFinalNote

    session = Session.create(FIVE, SETUP, 5)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
    session.apply(AddFinalNote("Le vrai quartier est revenu dans la salle"))
    session.close()
    report = json.loads(render(session.path, "json"))
    assert report["final_notes"] == ["Le vrai quartier est revenu dans la salle"]
    assert all("Le vrai quartier" not in note for r in report["rounds"] for note in r["notes"])
    assert "Le vrai quartier est revenu dans la salle" in render(session.path, "md")
    assert "Le vrai quartier est revenu dans la salle" in render(session.path, "html")
    assert "Le vrai quartier" not in render(session.path, "html", notes=False)
