"""A journal holding ShowDebriefPhase replays to the phase on show, and the report does not mention it."""

import json
from pathlib import Path

from game.engine import Advance, ShowDebriefPhase, Setup, bot_next, debrief
from game.session import Session, replay_file
from game.session.report_data import build_report

SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"
SETUP = Setup(("elue", "bailleur", "habitante"), {"elue": "A", "bailleur": "B", "habitante": "C"}, 3)


def test_a_journal_with_a_debrief_phase_replays_and_resumes_on_that_phase(coop_home):
    session = Session.create(SMALL, SETUP, seed=5)
    while session.state.phase != "debrief":
        session.apply(bot_next(session.scenario, session.state))
    phases = [p for p, _ in debrief(session.scenario, session.state).phases]
    session.apply(ShowDebriefPhase(phases[-1]))
    session.apply(ShowDebriefPhase(phases[1]))
    state = session.state
    session.close()
    assert replay_file(session.path).state == state
    with Session.resume(session.path) as resumed:
        assert resumed.state.phase == "debrief"
        assert resumed.state.current.debrief_phase == phases[1]


def test_the_json_report_is_the_same_whether_the_debrief_phases_were_journaled_or_not(coop_home):
    reports = []
    for show_phases in (False, True):
        with Session.create(SMALL, SETUP, seed=5) as session:
            while not session.state.finished:
                command = bot_next(session.scenario, session.state)
                if isinstance(command, ShowDebriefPhase) and not show_phases:
                    command = Advance()      # a debrief left at its first phase: no ShowDebriefPhase journaled
                session.apply(command)
            path = session.path
        report = build_report(replay_file(path))
        reports.append(json.dumps({k: v for k, v in report.items() if k not in ("times", "session")}, sort_keys=True))
    assert reports[0] == reports[1]
