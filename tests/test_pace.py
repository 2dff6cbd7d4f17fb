"""The pace of a workshop (game.pace): the guide's minutes a round, the pace measured on this machine's
sessions of the same scenario, and how many rounds fit the setup's "2 h" preset."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import pace
from game.engine import Setup, bot_next
from game.session import Session

FIVE = Path(__file__).resolve().parent / "sim" / "data" / "five_characters.yaml"
TILLEULS = Path(__file__).resolve().parents[1] / "scenarios" / "quartier_des_tilleuls.yaml"


def test_the_guides_pace_and_the_rounds_that_fit_two_hours():
    assert pace.guide_round_minutes(5) == 15
    assert pace.workshop_minutes(6, 15) == 125            # 15 to open, 6 x 15, 20 for the bilan
    assert pace.rounds_for(120, 6, 15) == 5               # 85 minutes for the rounds
    assert pace.rounds_for(120, 6, 25) == 3               # the 22-31 minutes a round of a real session
    assert pace.rounds_for(120, 3, 15) == 3               # never more than the scenario's
    assert pace.rounds_for(30, 6, 15) == 1                # never fewer than one
    assert pace.short_session(6, 5, None) == (5, 15.0, "guide")
    assert pace.short_session(6, 5, 26.0) == (3, 26.0, "measured")
    assert pace.short_session(6, 5, 9.0) == (5, 15.0, "guide")     # the slower pace counts


def play_rounds(monkeypatch, folder, minutes_a_round, rounds, scenario=FIVE):
    """A session whose journal says each round took `minutes_a_round` (its clock is the test's)."""
    import game.session.session as sessions

    clock = [1_000_000.0]
    monkeypatch.setattr(sessions, "_now", lambda: clock[0])
    session = Session.create(scenario, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 3), 4,
                             folder=folder)
    done = 0
    while (command := bot_next(session.scenario, session.state)) is not None and done < rounds:
        before = session.state.round
        if session.state.phase == "debrief" and type(command).__name__ == "Advance":
            clock[0] += minutes_a_round * 60
        session.apply(command)
        done += session.state.round != before or session.state.phase == "end"
    session.close()
    return session.path


def test_the_measured_pace_is_the_median_of_the_scenarios_sessions(monkeypatch, tmp_path):
    folder = tmp_path / "sessions"
    for minutes in (20, 30, 26):
        play_rounds(monkeypatch, folder, minutes, 2)
    assert pace.measured_for("cinq_acteurs", folder) == pytest.approx(26)
    assert pace.measured_for("quartier_des_tilleuls", folder) is None     # another scenario's pace
    assert pace.measured_for("cinq_acteurs", tmp_path / "nowhere") is None
    (folder / "x-cinq_acteurs-zz.coop.jsonl").write_bytes(b"garbage\n")    # damaged: skipped
    assert pace.measured_for("cinq_acteurs", folder) == pytest.approx(26)


def test_a_session_left_open_overnight_is_no_pace(monkeypatch, tmp_path):
    folder = tmp_path / "sessions"
    play_rounds(monkeypatch, folder, 600, 1)
    play_rounds(monkeypatch, folder, 0, 0)          # not one whole round
    assert pace.measured_for("cinq_acteurs", folder) is None


def test_a_session_whose_header_is_odd_is_skipped(monkeypatch, tmp_path):
    folder = tmp_path / "sessions"
    play_rounds(monkeypatch, folder, 26, 2)
    # A readable journal whose header's scenario is not a mapping (hand-made, another tool): no pace, no crash.
    for number, scenario in enumerate(('"cinq_acteurs"', '["cinq_acteurs"]', "null", "3")):
        (folder / f"z{number}-cinq_acteurs-zz.coop.jsonl").write_text(
            '{"kind":"coop-session","format":1,"created":0,"scenario":%s,'
            '"setup":{"verdicts":true,"rounds":3}}\n' % scenario, encoding="utf-8")
    assert pace.measured_for("cinq_acteurs", folder) == pytest.approx(26)
