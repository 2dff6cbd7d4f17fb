"""The state is frozen all the way down: no part of a GameState can change, so states may share parts safely."""

from game.record import FrozenRecordError, fields_of, is_record
import json
from types import MappingProxyType

import pytest

from game.engine import ConfirmMove, GameState, RoundLog, Setup, apply, bot_next, new_game
from game.engine.state import FrozenDict, frozen

IMMUTABLE_LEAVES = (str, int, float, bool, type(None))


def mutable_parts(value, where="state"):
    """Every place under `value` that holds something changeable (a list, a dict, a set, a plain object)."""
    if isinstance(value, IMMUTABLE_LEAVES):
        return []
    if type(value) is tuple or type(value) is frozenset:
        return [p for i, item in enumerate(value) for p in mutable_parts(item, f"{where}[{i}]")]
    if type(value) is FrozenDict:
        return [p for key, item in value.items() for p in mutable_parts(key, f"{where} key") + mutable_parts(item, f"{where}[{key!r}]")]
    if is_record(value):   # frozen: a record refuses every assignment
        return [p for name in fields_of(value) for p in mutable_parts(getattr(value, name), f"{where}.{name}")]
    return [f"{where}: {type(value).__name__}"]


def whole_game(scenario, setup, seed=5):
    states = [new_game(scenario, setup, seed)]
    while (command := bot_next(scenario, states[-1])) is not None:
        states.append(apply(scenario, states[-1], command)[0])
    return states


def test_no_state_of_a_whole_game_holds_anything_changeable(small, setup3):
    states = whole_game(small, setup3)
    assert len(states) > 40 and states[-1].finished
    for state in states:
        assert mutable_parts(state) == []


def test_the_checker_sees_a_mutable_part():
    # The walk above must be able to fail: a plain dict or list slipped into a state is reported.
    log = RoundLog(1, ("a",))
    object.__setattr__(log, "notes", ["x"])
    assert mutable_parts(log) == ["state.notes: list"]
    object.__setattr__(log, "notes", ())
    object.__setattr__(log, "verdicts", {"a": 1})
    assert mutable_parts(log) == ["state.verdicts: dict"]


def test_changing_a_state_in_place_is_refused(game):
    with pytest.raises(TypeError):
        game.indicators["confiance"] = 0
    with pytest.raises(TypeError):
        game.resources["elue"]["temps"] = 0
    with pytest.raises(TypeError):
        game.resources.pop("elue")
    with pytest.raises(TypeError):
        game.current.indicators_before.update(confiance=0)
    with pytest.raises(TypeError):
        game.setup.teams["elue"] = "Autre"
    with pytest.raises(TypeError):
        game.current.verdicts.setdefault("elue", None)
    with pytest.raises(FrozenRecordError):
        game.indicators = {}


def test_what_a_state_was_built_from_cannot_reach_it_afterwards(small):
    teams = {"elue": "A", "bailleur": "B"}
    setup = Setup(["elue", "bailleur"], teams, 2)
    teams["elue"] = "changed"
    assert setup.teams["elue"] == "A" and setup.characters == ("elue", "bailleur")
    values = {"g": 1}
    log = RoundLog(1, ("a",), indicators_start=values)
    values["g"] = 99
    assert log.indicators_start == {"g": 1}


def test_consecutive_states_share_only_parts_that_cannot_change(small, game):
    # Before, a confirmation copied the outer resources dict only: the other teams' dicts were the same
    # objects in both states, and a write through one state changed the other.
    state = game
    while state.phase != "choices" or state.current.moves or state.draft_action is None:
        state = apply(small, state, bot_next(small, state))[0]
    first = state.turn
    confirmed = apply(small, state, ConfirmMove(first))[0]
    others = [c for c in state.setup.characters if c != first]
    assert all(confirmed.resources[c] is state.resources[c] for c in others)
    assert all(type(confirmed.resources[c]) is FrozenDict for c in others)
    with pytest.raises(TypeError):
        confirmed.resources[others[0]]["temps"] = 0
    assert state.resources[others[0]] == game.resources[others[0]]


def test_to_json_gives_plain_data_and_from_json_an_equal_frozen_state(small, setup3):
    for state in whole_game(small, setup3)[::7]:
        data = state.to_json()
        assert json.loads(json.dumps(data)) == data
        data["indicators"]["confiance"] = -1                           # the copy is the caller's own
        assert state.indicators["confiance"] != -1
        back = GameState.from_json(state.to_json())
        assert back == state and mutable_parts(back) == []


def test_frozen_dicts_read_like_dicts_and_copy_into_plain_ones():
    held = frozen({"temps": 2})
    assert held == {"temps": 2} and isinstance(held, dict) and json.dumps(held) == '{"temps": 2}'
    assert frozen(held) is held and hash(held) == hash(frozen({"temps": 2}))
    mine = dict(held)
    mine["temps"] = 0
    assert held["temps"] == 2 and type(held | {"x": 1}) is dict
    assert type(frozen(MappingProxyType({"a": 1}))) is FrozenDict
