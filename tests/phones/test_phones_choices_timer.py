"""The choices timer on the phones: every page gets the seconds left and whether it runs (and counts down by
itself); a pause or an added minute sends the pages again; no timer outside the choices or without one."""

from __future__ import annotations

from game.engine import Advance, SubmitMove
from phones_room import Room


def test_the_pages_get_the_choices_countdown_and_its_pauses(tmp_path):
    room = Room(tmp_path, choices_minutes=2)
    try:
        team, voter = room.phone(room.characters[0]), room.phone()
        assert "timer" not in team.state()                      # the situation: no countdown
        room.submit(Advance())
        page = team.state()
        assert page["phase"] == "choices" and page["timer"]["running"] is True
        assert 118 <= page["timer"]["left"] <= 120
        assert voter.state()["timer"] == page["timer"] or voter.state()["timer"]["running"]
        countdown = room.play.shared.choices_timer
        countdown.toggle(countdown.started_at + 30_000)         # paused 30 s in
        page = team.state()
        assert page["timer"] == {"left": 90, "running": False}
        countdown.add_minute()
        assert team.state()["timer"] == {"left": 150, "running": False}
        for character in room.characters:                      # everyone chose: the reveal, no countdown
            room.submit(SubmitMove(character, "informer", "observer"))
        assert room.state.phase == "reveal" and "timer" not in team.state()
    finally:
        room.close()


def test_without_the_option_no_page_has_a_timer(tmp_path):
    room = Room(tmp_path)
    try:
        team = room.phone(room.characters[0])
        room.submit(Advance())
        assert team.state()["phase"] == "choices" and "timer" not in team.state()
    finally:
        room.close()


def test_the_pages_say_the_last_round_once_the_facilitator_ends_early(tmp_path):
    from game.engine import SetLastRound

    room = Room(tmp_path)
    try:
        voter = room.phone()
        assert "last" not in voter.state()
        room.submit(SetLastRound(1))
        assert voter.state()["last"] == 1
        room.submit(SetLastRound(2))
        assert "last" not in voter.state()
    finally:
        room.close()
