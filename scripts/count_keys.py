"""Key presses for one round of 5 teams with a 20-person verdict, played through the real screens with
posted key events (SDL's dummy driver): `python scripts/count_keys.py [--vote-on N]`.

Each team takes the keyboard on its hand-off, moves along the je → nous scale once, chooses its posture,
its first playable action and confirms. Every tally is typed (`14`, →, `3`, →, `3`, Enter); with
`--vote-on N` only the first N moves are voted on (V takes the others out). The debrief goes through its
phases to the next round's situation. The first edition took 148 presses for the same round (one press
per raised hand)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

TALLY = (14, 3, 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vote-on", type=int, default=5, metavar="N")
    parser.add_argument("--scenario", default=None)
    args = parser.parse_args()
    os.environ.setdefault("COOP_HOME", tempfile.mkdtemp(prefix="coop-keys-"))

    import pygame

    from game.paths import SCENARIOS
    from game.ui.scenes.title import open_scenario
    from game.ui.settings import Settings
    from game.ui.shell import App

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window("keys", (1280, 720))
    app = App(window, Settings())
    app.seed = 1
    app.requested_players = 5
    counts: dict[str, int] = {}

    def press(where: str, code: int, mod: int = 0, text: str = "") -> None:
        counts[where] = counts.get(where, 0) + 1
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=text, scancode=0,
                                             window=None))
        if text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text, window=None))
        app.step()

    open_scenario(app, Path(args.scenario) if args.scenario else SCENARIOS / "quartier_des_tilleuls.yaml")
    app.step()
    press("setup", pygame.K_RETURN, pygame.KMOD_LCTRL)            # Ctrl+Enter: start with the defaults
    play = app.play
    assert app.scene.name == "situation", app.scene.name
    number = play.state.round
    press("situation", pygame.K_RETURN)
    teams = len(play.state.setup.characters)
    while play.state.phase == "choices":
        press("choices", pygame.K_RETURN)                         # hand-off: the team is ready
        press("choices", pygame.K_RIGHT)                          # a posture on the scale
        press("choices", pygame.K_RETURN)                         # posture chosen
        press("choices", pygame.K_RETURN)                         # first playable action
        press("choices", pygame.K_RETURN)                         # confirmed
    while app.scene.name == "reveal":
        press("reveal", pygame.K_RETURN)
    assert app.scene.name == "verdict", app.scene.name
    if args.vote_on < teams:                                       # the other moves out of the vote
        for _ in range(max(0, args.vote_on - 1)):
            press("verdict", pygame.K_DOWN)
        for _ in range(args.vote_on, teams):
            press("verdict", pygame.K_DOWN)
            press("verdict", pygame.K_v, text="v")
        press("verdict", pygame.K_HOME)
    while play.state.phase == "verdict":
        for column, count in enumerate(TALLY):
            for digit in str(count):
                press("verdict", pygame.K_0 + int(digit), text=digit)
            if column < 2:
                press("verdict", pygame.K_RIGHT)
        press("verdict", pygame.K_RETURN)
    while play.state.phase == "debrief":
        press("debrief", pygame.K_RETURN)
    recorded = len(play.state.log[number - 1].verdicts)
    total = sum(counts.values())
    print(f"one round, {teams} teams, a {sum(TALLY)}-person verdict on {recorded} moves: {total} key presses")
    for where, n in counts.items():
        print(f"  {where:<10} {n}")
    play.close()
    window.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
