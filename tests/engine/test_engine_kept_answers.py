"""What the rules keep between commands gives what computing afresh gives: the history's facts kept by
the identity of its tuple and each round's by the identity of its moves (game.engine.resolution._seen,
_of_moves), and the last debrief_phases answer, checked at every state of bot games of every bundled
scenario and of the recorded sessions' replays."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import AddNote, Setup, ShowDebriefPhase, apply, bot_next, new_game, queries
from game.engine.conditions import Facts
from game.engine.resolution import facts_after_round, facts_before_round
from game.engine.state import FrozenDict

ROOT = Path(__file__).resolve().parent.parent.parent


def fresh_after(log, values, history) -> Facts:
    """facts_after_round as it was written before anything was kept: every part built from the rounds."""
    rounds = tuple(history) + (log,)
    return Facts(log.number, values, {m.character: m.posture for m in log.moves},
                 frozenset(m.action for m in log.moves), {m.action for r in rounds for m in r.moves},
                 {m.character: m.action for m in log.moves},
                 tuple(({m.character: m.posture for m in r.moves}, {m.character: m.action for m in r.moves})
                       for r in rounds),
                 dict(log.verdicts), tuple(dict(r.verdicts) for r in rounds))


def fresh_before(number, values, history) -> Facts:
    if not history:
        return Facts(number, values, None, None, set())
    previous = history[-1]
    return Facts(number, values, {m.character: m.posture for m in previous.moves},
                 frozenset(m.action for m in previous.moves), {m.action for r in history for m in r.moves},
                 {m.character: m.action for m in previous.moves},
                 tuple(({m.character: m.posture for m in r.moves}, {m.character: m.action for m in r.moves})
                       for r in history),
                 dict(previous.verdicts), tuple(dict(r.verdicts) for r in history))


def same_facts(kept: Facts, fresh: Facts) -> None:
    for name in Facts.__slots__:
        assert getattr(kept, name) == getattr(fresh, name), name
        if name not in ("past", "past_verdicts"):   # those hold frozen dicts, shared by the facts of several states
            assert type(getattr(kept, name)) is type(getattr(fresh, name)), name
    # Shared by the facts of several states: frozen.
    assert all(type(d) is FrozenDict for pair in kept.past[:-1] for d in pair)


def check_state(scenario, state) -> int:
    """Compare every kept answer of this state with a fresh one; how many comparisons."""
    checked = 0
    for history in (state.history, list(state.history)):   # a list is never kept: computed each time
        same_facts(facts_before_round(state.round, state.indicators, history),
                   fresh_before(state.round, state.indicators, history))
    for log in state.log:
        if log.indicators_after is None:
            continue
        earlier = tuple(r for r in state.history if r.number < log.number)
        if earlier == state.history:
            earlier = state.history   # the tuple the rules pass, which is kept
        same_facts(facts_after_round(log, log.indicators_after, earlier),
                   fresh_after(log, log.indicators_after, earlier))
        # Asked once, then again (kept): both are the phases a fresh computation gives.
        for _ in range(2):
            assert queries.debrief_phases(scenario, state, log.number) == \
                queries._debrief_phases(scenario, state, log)
        checked += 1
    return checked


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_kept_facts_and_phases_are_those_computed_afresh_at_every_state_of_bot_games(path):
    scenario = load_scenario(path)
    ids = tuple(c.id for c in scenario.characters[:scenario.players.max])
    checked = 0
    for seed, policy in ((1, "random"), (2, "coop"), (3, "solo")):
        state = new_game(scenario, Setup(ids, {c: f"Les {c}" for c in ids}, scenario.rounds), seed)
        while (command := bot_next(scenario, state, policy)) is not None:
            state, _ = apply(scenario, state, command)
            checked += check_state(scenario, state)
            if state.phase == "debrief" and not state.current.notes:
                # The same round's facts again, on a state whose log is another object (the memo's case).
                state, _ = apply(scenario, state, AddNote("Une note."))
                checked += check_state(scenario, state)
                for phase in queries.debrief_phases(scenario, state):
                    state, _ = apply(scenario, state, ShowDebriefPhase(phase))
                    checked += check_state(scenario, state)
    assert checked > 100


def test_kept_facts_and_phases_are_those_computed_afresh_at_every_state_of_the_recorded_sessions():
    from game.engine.commands import command_from_json
    from game.session import journal, replay_file

    checked = 0
    for path in sorted((ROOT / "tests" / "session" / "data").glob("*.coop.jsonl")):
        replay = replay_file(path)
        state = new_game(replay.scenario, Setup.from_json(replay.header["setup"]), int(replay.header["seed"]))
        for entry in journal.read(path).entries:
            state, _ = apply(replay.scenario, state, command_from_json(entry["command"]))
            checked += check_state(replay.scenario, state)
        assert state == replay.state
    assert checked > 100


def test_a_trigger_on_the_room_s_verdicts_is_asked_again_when_a_verdict_changes(tiny):
    """States that differ only in a verdict (the same round, moves and history): the phase a split room
    brings comes and goes with the verdict, however often the phases were asked before."""
    from engine_samples import TINY_SETUP, play_to_reveal
    from game.engine import Advance, RecordVerdict

    split = {"when": {"split_verdicts": {}}, "ask": {"phase": "et_si", "text": "The room split."}}
    scenario = tiny(debrief={"every_round": [{"phase": "analyse", "text": "a"}], "triggers": [split], "final": ["f"]})
    state = play_to_reveal(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("up", "act"), "b": ("down", "act")})
    state, _ = apply(scenario, state, Advance())   # the verdicts
    seen = []
    for tally in ((9, 0, 0), (4, 4, 1), (9, 0, 0)):
        state, _ = apply(scenario, state, RecordVerdict("a", *tally))
        check_state(scenario, state)
        seen.append("et_si" in queries.debrief_phases(scenario, state))
    assert seen == [False, True, False]
