"""What a phone may send: anything but the three known messages, exactly formed, is refused."""

import json

import pytest

from game.phones import protocol
from game.phones.protocol import MoveIntent, Refused, TakeBackIntent, VoteIntent, parse


def test_the_three_messages_parse():
    assert parse('{"type":"move","posture":"p","action":"a","ref":3}') == (MoveIntent("p", "a"), 3)
    assert parse('{"type":"take_back"}') == (TakeBackIntent(), None)
    assert parse('{"type":"vote","round":2,"character":"elue","answer":"coop"}') == (
        VoteIntent(2, "elue", "coop"), None)


@pytest.mark.parametrize("text", [
    "not json", "[]", "3", "null", '{"type":"hack"}', '{"posture":"p","action":"a"}',
    '{"type":"move","posture":"p"}',                                      # missing field
    '{"type":"move","posture":"p","action":"a","character":"elue"}',     # the team is never in a message
    '{"type":"move","posture":1,"action":"a"}',                          # mistyped
    '{"type":"move","posture":"","action":"a"}',                         # empty
    '{"type":"move","posture":"' + "x" * 65 + '","action":"a"}',         # too long an id
    '{"type":"vote","round":"2","character":"elue","answer":"coop"}',
    '{"type":"vote","round":true,"character":"elue","answer":"coop"}',
    '{"type":"take_back","ref":"x"}',
])
def test_anything_else_is_refused_as_malformed(text):
    with pytest.raises(Refused) as refused:
        parse(text)
    assert refused.value.code == "malformed"


def test_binary_frames_are_refused():
    with pytest.raises(Refused):
        parse(b'{"type":"take_back"}')


def test_every_refusal_code_has_words_in_both_languages():
    from game.ui.strings import TR

    codes = ["malformed", "not_a_team", "claimed", "claim_reset", "too_fast", "vote_closed", "stale_round",
             "no_such_move", "bad_answer", "not_choosing", "already_confirmed", "nothing_to_take_back"]
    for code in codes:
        for language in ("fr", "en"):
            frame = json.loads(protocol.refusal_frame(code, language))
            assert frame["type"] == "refused" and frame["code"] == code and frame["text"]
