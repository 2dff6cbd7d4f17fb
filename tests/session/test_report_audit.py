"""The `json` report against the game it tells: every promised key of the interfaces page, round by round."""

import json
from pathlib import Path

import pytest

from game.engine import AddNote, Setup, bot_next, debrief
from game.session import Session
from game.session.report import render
from game.session.session import replay_file

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"
CHARACTERS = ("habitante", "elue", "gusp", "bailleur")     # not the file order: the setup's order counts


def finished_session(path, setup, seed, policy):
    session = Session.create(path, setup, seed)
    while (command := bot_next(session.scenario, session.state, policy)) is not None:
        session.apply(command)
        if session.state.phase == "debrief" and not session.state.current.notes:
            session.apply(AddNote(f"note {session.state.round}"))
    session.close()
    return session.path


@pytest.mark.parametrize("policy", ["solo", "coop"])
def test_each_round_of_the_json_report_is_the_round_the_engine_played(policy):
    setup = Setup(CHARACTERS, {c: c.title() for c in CHARACTERS}, 4)
    path = finished_session(FIVE, setup, 11, policy)
    report = json.loads(render(path, "json"))
    replay = replay_file(path)
    history = replay.state.history
    assert report["characters"] == list(history[0].turn_order) == list(CHARACTERS)
    assert report["teams"] == setup.teams
    assert len(report["rounds"]) == len(history) == 4
    for entry, log in zip(report["rounds"], history):
        assert entry["number"] == log.number
        assert entry["events"] == list(log.events)
        assert entry["moves"] == [{"character": m.character, "posture": m.posture, "action": m.action}
                                  for m in log.moves]
        assert [m["character"] for m in entry["moves"]] == list(log.turn_order)
        assert entry["synergies"] == list(log.synergies)
        assert entry["indicators"] == log.indicators_after                # after the reveal, every indicator
        assert entry["verdicts"] == [
            {"character": c, "coop": v.coop, "pas_coop": v.pas_coop, "depends": v.depends}
            for c, v in ((m.character, log.verdicts[m.character]) for m in log.moves)
        ]
        view = debrief(replay.scenario, replay.state, log.number)
        assert entry["prompts"] == [{"phase": phase, "text": text} for phase, texts in view.every_phase for text in texts]
        assert entry["notes"] == [f"note {log.number}"]
    assert [r["moves"][0]["character"] for r in report["rounds"]] == ["habitante", "elue", "gusp", "bailleur"]
    assert report["ending"] == replay.state.ending


def test_the_solo_game_report_holds_a_fired_synergy_and_its_trigger_prompt():
    setup = Setup(CHARACTERS, {c: c.title() for c in CHARACTERS}, 4)
    report = json.loads(render(finished_session(FIVE, setup, 11, "solo"), "json"))
    first = report["rounds"][0]
    assert "passage_force" in first["synergies"]                            # everyone imposed
    assert {"phase": "analyse", "text": "Deux acteurs ont imposé ; qu'en dites-vous ?"} in first["prompts"]


def test_a_game_whose_end_matches_no_ending_reports_ending_null(tmp_path):
    text = SMALL.read_text(encoding="utf-8")
    path = tmp_path / "no_default.yaml"
    path.write_text(text[: text.index("  - {id: enlisement")], encoding="utf-8")
    setup = Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 1)
    rendered = render(finished_session(path, setup, 2, "solo"), "json")
    assert json.loads(rendered)["ending"] is None and '"ending": null' in rendered
