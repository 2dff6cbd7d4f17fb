"""`evolve` copies a record with some fields changed, without its `__init__`: the rules use it for every
update (a third of a replay's time went to `dataclasses.replace`, which rebuilds through `__init__`), so
it is checked against the record rebuilt by its constructor on every update of whole games — bot games
of every bundled scenario and policy, and the replays of the recorded sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import AddCommitment, AddNote, Setup, apply, bot_next, new_game, rules
from game.engine.state import FrozenDict, RoundLog, evolve
from game.record import FrozenRecordError, as_dict

ROOT = Path(__file__).resolve().parent.parent.parent
SESSIONS = ROOT / "tests" / "session" / "data"


@pytest.fixture
def checked(monkeypatch):
    kinds = []

    def both(record, **changes):
        new = evolve(record, **changes)
        old = type(record)(**{**as_dict(record), **changes})   # through __init__, which normalises every field
        assert type(new) is type(old) and new == old
        # The same fields in the same order, each of the same type (tuples and FrozenDicts alike).
        assert [(k, type(v)) for k, v in new.__dict__.items()] == [(k, type(v)) for k, v in old.__dict__.items()]
        assert new.__dict__ == old.__dict__ and hash(new) == hash(old)
        kinds.append(type(record).__name__)
        return new

    monkeypatch.setattr(rules, "evolve", both)
    return kinds


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("policy", ["random", "coop", "solo"])
def test_every_update_of_bot_games_is_the_same_as_the_constructor(checked, path, policy):
    scenario = load_scenario(path)
    ids = tuple(c.id for c in scenario.characters[:scenario.players.max])
    for seed, verdicts in ((1, True), (2, False)):
        state = new_game(scenario, Setup(ids, {c: f"Les {c}" for c in ids}, scenario.rounds, verdicts=verdicts), seed)
        while (command := bot_next(scenario, state, policy)) is not None:
            state, _ = apply(scenario, state, command)
            if state.phase == "debrief" and not state.current.notes:
                state, _ = apply(scenario, state, AddNote("Une note."))
        state, _ = apply(scenario, state, AddNote("Après la fin."))
        state, _ = apply(scenario, state, AddCommitment("Un engagement."))
        assert state.finished
    assert {"GameState", "RoundLog"} <= set(checked)


def test_every_update_of_the_recorded_sessions_is_the_same_as_the_constructor(checked):
    from game.session import replay_file

    replayed = 0
    for path in sorted(SESSIONS.glob("*.coop.jsonl")):
        replay_file(path)
        replayed += 1
    assert replayed >= 5 and len(checked) > 100


def test_evolve_normalises_and_refuses_as_the_constructor_does():
    log = RoundLog(1, ["a", "b"])
    changed = evolve(log, verdicts={}, notes=["x"], events=iter(["e"]))
    assert type(changed.verdicts) is FrozenDict and changed.notes == ("x",) and changed.events == ("e",)
    assert log.notes == () and changed.turn_order is log.turn_order
    with pytest.raises(TypeError):
        evolve(log, no_such_field=1)
    with pytest.raises(FrozenRecordError):
        changed.notes = ()
