"""A game played from phones: a team's page, moves through the journal, the room's vote, and a clear
refusal on the phone — nothing changed — for every bad message."""

import json

import pytest

from game.engine import Advance, ConfirmMove, RecordVerdict, SubmitMove
from game.phones import links
from game.session import Session


def to_choices(room):
    room.submit(Advance())
    assert room.state.phase == "choices"


def all_choose(room, phones):
    """Every team sends a move at once (in reverse turn order); the hub plays them in turn order."""
    for character in reversed(room.state.turn_order):
        page = phones[character].state()
        action = next(a["id"] for a in page["actions"] if a["allowed"])
        answer = phones[character].ask({"type": "move", "posture": page["postures"][-1]["id"], "action": action})
        assert answer["type"] == "ok", answer
    room.pump(0.1)


def test_a_team_page_shows_its_card_and_secret_from_the_moment_it_connects(room):
    team = room.characters[0]
    card = room.play.scenario.character(team)
    page = room.phone(team).state()
    assert room.state.phase == "situation"
    assert page["role"] == "team" and page["character"] == team
    assert page["card"]["secret"] == card.secret and page["card"]["objective"] == card.objective
    assert [r["have"] for r in page["resources"]] == [card.resources.get(r.id, 0)
                                                      for r in room.play.scenario.resources]


def test_during_the_choices_the_page_lists_the_engines_options_and_reasons(room):
    from game.engine import action_options

    to_choices(room)
    team = room.characters[1]
    page = room.phone(team).state()
    options = {o.action: o for o in action_options(room.play.scenario, room.state, team)}
    shown = {a["id"]: a for a in page["actions"]}
    assert set(shown) == {a for a, o in options.items() if o.reason != "not_for_character"}
    for ident, action in shown.items():
        assert action["allowed"] == options[ident].allowed
        assert bool(action["reason"]) == (not options[ident].allowed)
    assert [p["id"] for p in page["postures"]] == [p.id for p in room.play.scenario.postures]


def test_teams_choose_at_the_same_time_and_every_move_is_journaled(room):
    to_choices(room)
    phones = {c: room.phone(c) for c in room.characters}
    all_choose(room, phones)
    assert room.state.phase == "reveal"
    confirmed = [c.character for c in room.session.commands if isinstance(c, (ConfirmMove, SubmitMove))]
    assert sorted(confirmed) == sorted(room.characters)
    # On disk: the file replays to the same moves.
    from game.session import replay_file

    assert replay_file(room.session.path).state.current.moves == room.state.current.moves


def test_a_move_sent_before_its_turn_is_confirmed_at_once_and_revealed_in_turn_order(room):
    # Simultaneous choices (SubmitMove): a phone's move needs no turn of its own.
    to_choices(room)
    last = room.state.turn_order[-1]
    phone = room.phone(last)
    page = phone.state()
    action = next(a["id"] for a in page["actions"] if a["allowed"])
    assert phone.ask({"type": "move", "posture": page["postures"][0]["id"], "action": action})["type"] == "ok"
    assert [m.character for m in room.state.current.moves] == [last]
    assert room.state.turn == room.state.turn_order[0]
    # The other teams play at the keyboard; the reveal keeps turn order.
    from game.engine import ChooseAction, ChoosePosture

    for character in room.state.turn_order[:-1]:
        room.submit(ChoosePosture(character, room.play.scenario.postures[0].id),
                    ChooseAction(character, "observer"), ConfirmMove(character))
        room.pump(0.02)
    room.pump(0.1)
    assert room.state.phase == "reveal"
    assert room.state.current.moves[-1].character == last and room.state.current.moves[-1].action == action


def test_a_team_can_take_back_its_confirmed_move(room):
    to_choices(room)
    last = room.state.turn_order[-1]
    phone = room.phone(last)
    page = phone.state()
    before = room.state.resources
    phone.ask({"type": "move", "posture": page["postures"][0]["id"], "action": "observer"})
    assert last in room.state.confirmed
    assert phone.ask({"type": "take_back"})["type"] == "ok"
    assert last not in room.state.confirmed and room.state.resources == before
    assert room.state.current.corrections[-1].kind == "taken_back"
    assert phone.ask({"type": "take_back"})["code"] == "nothing_to_take_back"


@pytest.mark.parametrize("message, code", [
    ({"type": "move", "posture": "nope", "action": "observer"}, "unknown_posture"),
    ({"type": "move", "posture": "POSTURE", "action": "no-such-action"}, "unknown_action"),
])
def test_an_unknown_posture_or_action_is_refused_on_that_phone(room, message, code):
    to_choices(room)
    team = room.state.turn
    phone = room.phone(team)
    if message["posture"] == "POSTURE":
        message = {**message, "posture": room.play.scenario.postures[0].id}
    before = (room.state, len(room.session.commands))
    answer = phone.ask(message)
    assert answer["type"] == "refused" and answer["code"] == code and answer["text"]
    assert (room.state, len(room.session.commands)) == before


def test_an_action_the_engine_blocks_is_refused_with_its_reason(room):
    from game.engine import action_options

    to_choices(room)
    team = room.state.turn
    blocked = [o for o in action_options(room.play.scenario, room.state, team) if not o.allowed]
    assert blocked, "the test scenario must have a blocked action"
    phone = room.phone(team)
    answer = phone.ask({"type": "move", "posture": room.play.scenario.postures[0].id, "action": blocked[0].action})
    assert answer["type"] == "refused" and answer["code"] == blocked[0].reason
    assert room.state.current.moves == () and room.state.draft_action is None


def test_malformed_json_is_refused_and_changes_nothing(room):
    to_choices(room)
    phone = room.phone(room.state.turn)
    before = len(room.session.commands)
    phone.send("{not json")
    answer = phone.wait(lambda f: f["type"] == "refused")
    assert answer["code"] == "malformed" and "illisible" in answer["text"]
    assert len(room.session.commands) == before


def test_a_move_outside_the_choices_or_after_the_reveal_is_refused(room):
    team = room.characters[0]
    phone = room.phone(team)
    assert phone.ask({"type": "move", "posture": room.play.scenario.postures[0].id,
                      "action": "observer"})["code"] == "not_choosing"
    to_choices(room)
    all_choose(room, {c: (phone if c == team else room.phone(c)) for c in room.characters})
    assert room.state.phase == "reveal"
    before = len(room.session.commands)
    answer = phone.ask({"type": "move", "posture": room.play.scenario.postures[0].id, "action": "observer"})
    assert answer["code"] == "not_choosing" and len(room.session.commands) == before


def test_a_confirmed_move_is_replaced_by_a_second_one_until_the_reveal(room):
    to_choices(room)
    team = room.state.turn
    phone = room.phone(team)
    first, second = room.play.scenario.postures[0].id, room.play.scenario.postures[1].id
    assert phone.ask({"type": "move", "posture": first, "action": "observer"})["type"] == "ok"
    assert phone.ask({"type": "move", "posture": second, "action": "observer"})["type"] == "ok"
    mine = [m for m in room.state.current.moves if m.character == team]
    assert [m.posture for m in mine] == [second]
    assert room.state.current.corrections[-1].kind == "replaced"


def test_a_voters_link_cannot_submit_a_move(room):
    to_choices(room)
    voter = room.phone()
    before = len(room.session.commands)
    for message in ({"type": "move", "posture": room.play.scenario.postures[0].id, "action": "observer"},
                    {"type": "take_back"}):
        answer = voter.ask(message)
        assert answer["code"] == "not_a_team"
    assert len(room.session.commands) == before and room.state.draft_posture is None


def to_verdict(room):
    to_choices(room)
    phones = {c: room.phone(c) for c in room.characters}
    all_choose(room, phones)
    room.submit(Advance())
    room.pump(0.05)
    assert room.state.phase == "verdict" and room.hub.vote_open
    return phones


def test_votes_last_answer_of_a_device_counts_and_closing_journals_the_tallies(room):
    to_verdict(room)
    first, second = room.characters[:2]
    a, b = room.phone(), room.phone()
    assert a.ask({"type": "vote", "round": 1, "character": first, "answer": "coop"})["type"] == "ok"
    assert a.ask({"type": "vote", "round": 1, "character": first, "answer": "pas_coop"})["mine"] == {first: "pas_coop"}
    assert b.ask({"type": "vote", "round": 1, "character": first, "answer": "depends"})["type"] == "ok"
    assert b.ask({"type": "vote", "round": 1, "character": second, "answer": "coop"})["type"] == "ok"
    assert room.hub.voters == 2
    # A reload of the same device finds its ballot again.
    again = room.phone(device=a.device)
    assert again.wait(lambda f: f["type"] == "ballot")["mine"] == {first: "pas_coop"}
    assert room.state.current.verdicts == {}
    assert room.hub.close_vote(room.play)
    verdicts = room.state.current.verdicts
    assert (verdicts[first].coop, verdicts[first].pas_coop, verdicts[first].depends) == (0, 1, 1)
    assert (verdicts[second].coop, verdicts[second].pas_coop, verdicts[second].depends) == (1, 0, 0)
    assert sum(isinstance(c, RecordVerdict) for c in room.session.commands) == 2
    assert a.ask({"type": "vote", "round": 1, "character": first, "answer": "coop"})["code"] == "vote_closed"


@pytest.mark.parametrize("vote, code", [
    ({"round": 1, "character": "nobody", "answer": "coop"}, "no_such_move"),
    ({"round": 2, "character": "FIRST", "answer": "coop"}, "stale_round"),
    ({"round": 1, "character": "FIRST", "answer": "maybe"}, "bad_answer"),
])
def test_a_bad_vote_is_refused_on_that_phone(room, vote, code):
    to_verdict(room)
    voter = room.phone()
    if vote["character"] == "FIRST":
        vote = {**vote, "character": room.characters[0]}
    answer = voter.ask({"type": "vote", **vote})
    assert answer["type"] == "refused" and answer["code"] == code and answer["text"]
    assert room.hub.voters == 0


def test_a_vote_before_the_verdict_is_refused(room):
    to_choices(room)
    voter = room.phone()
    answer = voter.ask({"type": "vote", "round": 1, "character": room.characters[0], "answer": "coop"})
    assert answer["code"] == "vote_closed"


def test_the_tally_never_reaches_a_phone(room):
    to_verdict(room)
    voters = [room.phone() for _ in range(3)]
    for voter in voters:
        voter.ask({"type": "vote", "round": 1, "character": room.characters[0], "answer": "coop"})
    room.pump(0.1)
    for voter in voters:
        voter.state()
        for frame in voter.frames:
            text = json.dumps(frame)
            assert "tally" not in text and "voters" not in text
            if frame["type"] == "ballot" or "mine" in frame:
                assert set(frame.get("mine", {}).values()) <= {"coop"} and len(frame.get("mine", {})) <= 1


def test_a_crash_during_an_open_vote_reopens_it_empty_and_links_stay_the_same(tmp_path):
    from phones_room import FakeApp, Room
    from game.phones.hub import PhoneHub
    from game.ui.play import Play

    room = Room(tmp_path)
    try:
        to_verdict(room)
        voter = room.phone()
        voter.ask({"type": "vote", "round": 1, "character": room.characters[0], "answer": "coop"})
        tokens, path = dict(room.hub.tokens), room.session.path
    finally:
        room.close()          # the program dies: the open vote was only in memory
    session = Session.resume(path)
    play = Play(FakeApp(), session)
    hub = PhoneHub.start(session.header, session.state.setup.characters, "127.0.0.1", 0)
    try:
        assert hub.tokens == tokens == links.team_tokens(session.header["phones_key"], session.state.setup.characters)
        hub.pump(play)
        assert session.state.phase == "verdict" and hub.vote_open and hub.voters == 0
    finally:
        hub.stop()
        session.close()


def test_team_tokens_are_long_random_and_distinct():
    key = links.new_key()
    tokens = links.team_tokens(key, ["a", "b", "c"])
    assert len(set(tokens.values())) == 3
    assert all(len(t) >= 22 for t in tokens.values())       # 128 bits in URL-safe base64
    assert links.team_tokens(links.new_key(), ["a"]) != links.team_tokens(key, ["a"])
    assert links.team_tokens(key, ["a"]) == links.team_tokens(key, ["a"])


def test_a_team_choosing_sees_the_scenarios_readings_only_when_the_setting_says_always(room):
    from types import SimpleNamespace

    from game.engine import coop_reading
    from game.ui.strings import TR
    from game.ui.words import reading_text

    def words(reading):
        return reading_text(lambda key, **v: TR("fr", key, **v), reading)

    to_choices(room)
    team = room.characters[0]
    phone = room.phone(team)
    later = words("later")
    assert {p["reading"] for p in phone.state()["postures"]} == {later}      # the default: after the verdict
    room.app.settings = SimpleNamespace(readings="always")
    read = {p.id: words(coop_reading(p.coop)) for p in room.play.scenario.postures}
    assert {p["id"]: p["reading"] for p in phone.state()["postures"]} == read
    room.app.settings = SimpleNamespace(readings="never")
    assert {p["reading"] for p in phone.state()["postures"]} == {words("room")}
