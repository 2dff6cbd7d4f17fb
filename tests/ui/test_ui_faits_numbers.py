"""The "faits" of the debrief give the effects screen's numbers (after the events, before -> after) for every
round of autoplayed games of every bundled and outside scenario, and list the synergies fired."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from game.content import load_scenario
from game.engine import Setup, apply, bot_next, debrief, new_game, reveal
from game.ui import graphics

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "tests" / "outside" / "scenarios").glob("*.yaml"))
SCENARIOS = [p for p in SCENARIOS if "invalid" not in p.stem]


def _games(scenario):
    characters = tuple(c.id for c in scenario.characters[:scenario.players.max])
    for seed in (1, 2):
        state = new_game(scenario, Setup(characters, {c: c for c in characters}, scenario.rounds), seed)
        while (command := bot_next(scenario, state, "random")) is not None:
            state, _ = apply(scenario, state, command)
            if state.phase == "debrief" and state.current.debrief_phase is None:
                yield state


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_faits_and_reveal_give_the_same_numbers_every_round(path):
    try:
        scenario = load_scenario(path)
    except Exception:
        pytest.skip("not a valid scenario (the outside set holds broken ones on purpose)")
    from game.ui.scenes.debrief import DebriefScene

    rounds = 0
    for state in _games(scenario):
        shown = reveal(scenario, state)
        facts = debrief(scenario, state).facts
        assert {f.indicator: (f.after_events, f.after) for f in facts.indicators} == {
            i: (shown.before[i], shown.after[i]) for i in shown.before}
        scene = SimpleNamespace(scenario=scenario, state=state, view=debrief(scenario, state),
                                tr=lambda key, **values: f"{key}:{values}", character_name=lambda ident: ident,
                                action_title=lambda ident: ident)
        lines = DebriefScene.facts_lines(scene)     # the screen's own lines, without a window
        for ident in shown.before:
            if shown.before[ident] != shown.after[ident]:
                label = scenario.indicator(ident).label
                assert any(label in line and graphics.change_text(shown.before[ident], shown.after[ident]) in line
                           for line in lines), (ident, lines)
        for ident in shown.synergies:
            text = next(s.text for s in scenario.synergies if s.id == ident)
            assert any(text in line for line in lines)
        rounds += 1
    assert rounds >= scenario.rounds
