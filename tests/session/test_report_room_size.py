"""The report's JSON says how many people voted when the facilitator said so (SetRoomSize), else null."""

from __future__ import annotations

import json
from pathlib import Path

from game.engine import SetRoomSize, Setup, bot_next
from game.session import Session
from game.session.report import render

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"


def test_the_reports_json_says_how_many_people_voted(tmp_path):
    setup = Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 1)
    said = Session.create(FIVE, setup, 5, folder=tmp_path / "a")
    unsaid = Session.create(FIVE, setup, 5, folder=tmp_path / "b")
    said.apply(SetRoomSize(18))
    for session in (said, unsaid):
        while (command := bot_next(session.scenario, session.state)) is not None:
            session.apply(command)
        session.close()
    assert json.loads(render(said.path, "json"))["room_size"] == 18
    assert json.loads(render(unsaid.path, "json"))["room_size"] is None


def test_the_summary_counts_the_room_as_the_facilitator_said_it_and_says_where_the_figure_comes_from(tmp_path):
    setup = Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 1)
    said = Session.create(FIVE, setup, 5, folder=tmp_path / "a")
    unsaid = Session.create(FIVE, setup, 5, folder=tmp_path / "b")
    said.apply(SetRoomSize(18))
    for session in (said, unsaid):
        while (command := bot_next(session.scenario, session.state)) is not None:
            session.apply(command)
        session.close()
    assert "18 personnes (la salle, dite au vote)" in render(said.path, "html", "fr")
    assert "18 people (the room, as said at the vote)" in render(said.path, "html", "en")
    assert "la salle, dite au vote" not in render(unsaid.path, "html", "fr")
