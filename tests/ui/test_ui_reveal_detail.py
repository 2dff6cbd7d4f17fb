"""The reveal says what each move did, then the synergies, then the totals: one computation for all three."""

from collections import Counter
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import Setup, bot_next, new_game, apply, reveal

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_moves_effects_and_the_synergies_add_up_to_the_totals(path):
    scenario = load_scenario(path)
    ids = tuple(c.id for c in scenario.characters[: scenario.players.max])
    state = new_game(scenario, Setup(ids, {c: c for c in ids}, scenario.rounds, verdicts=False), seed=4)
    rounds = 0
    while (command := bot_next(scenario, state)) is not None:
        state, _ = apply(scenario, state, command)
        if state.phase == "reveal":
            view = reveal(scenario, state)
            summed: Counter = Counter()
            for source in view.sources:
                summed.update(source.deltas)
            assert {k: v for k, v in summed.items() if v} == {k: v for k, v in view.totals.items() if v}
            assert {s.character for s in view.sources if s.kind != "synergy"} <= set(ids)
            rounds += 1
    assert rounds == scenario.rounds


def test_autoplay_shows_the_move_by_move_step_between_the_moves_and_the_totals(tmp_path, monkeypatch):
    import subprocess
    import sys

    env = {"COOP_HOME": str(tmp_path / "home"), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    import os

    done = subprocess.run([sys.executable, "-m", "game", "play", str(SCENARIOS[-1]), "--autoplay", "--seed", "2",
                           "--rounds", "1", "--size", "1024x768", "--screenshots", str(tmp_path / "shots")],
                          env={**os.environ, **env}, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "shots").iterdir())
    steps = [n.split("-", 1)[1] for n in names if "-reveal-" in n]
    assert steps == ["reveal-moves.png", "reveal-detail.png", "reveal-effects.png"]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_with_eight_teams_every_moves_effects_show_on_one_screen(make_app, size):
    import pygame

    from ui_walk import drawn, key, layout_problems, phase_on_screen

    app = phase_on_screen(make_app, SCENARIOS[0], "reveal", size, players=8)
    while app.scene.step != "detail":
        key(app, pygame.K_RETURN)
    app.render()
    text = drawn(app.canvas)
    view = app.scene.view
    assert len(view.moves) == 8
    for move in view.moves:
        assert app.scene.character_name(move.character) in text
    assert not layout_problems(app.canvas)
    assert app.scene.scroll == 0
