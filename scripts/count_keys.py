"""Key presses for one round of 5 teams with a 20-person verdict, played through the real screens with
posted key events (SDL's dummy driver): `python scripts/count_keys.py [--vote-on N]`.

The fastest path the screens document (footer and F1 help), pressed as a facilitator would:
- setup: Ctrl+Enter starts with the defaults; the situation: Enter;
- each team, three presses: on its hand-off (which shows nothing of the previous move) the digit of its
  posture on the je → nous scale (the middle one) takes the keyboard and chooses it, the letter of its
  first playable action chooses that action, Enter confirms;
- the reveal: Enter through its steps (the moves, what each did, the totals); on the last one, once the
  room's size is known (the next round; at once with `--no-room`), the first digit of the first move's
  COOP count (`1` of `14`) instead of Enter: the verdict opens with it typed (counted under "reveal");
  in the first round Enter, since N comes first;
- the verdict: once a game, N `20` Enter says how many people vote; then each move's tally is typed
  `14` `3` (the first move's `1` already typed on the reveal): a count that can take no other digit
  (140 > 20, 30 > the 6 left) moves to the next answer by itself, "ça dépend" is completed from the
  room (3, in italics and said in words before Enter), and Enter records the tally and moves on; with
  `--vote-on N` only the first N moves are voted on (V takes the others out; the reveal ends on Enter);
  `--no-room` types the three counts with Space between them (`14`, Space, `3`, Space, `3`, Enter), as
  without a room size;
- the debrief: Enter through its phases to the next round's situation.
The next round is counted too (the same path, without the setup and the room's size).
The first edition took 148 presses for the same round (one press per raised hand)."""

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
    parser.add_argument("--no-room", action="store_true", help="no room size: every count typed")
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
    rounds: list[dict[str, int]] = [{}]                              # presses per round (setup in the first)

    def press(where: str, code: int, mod: int = 0, text: str = "") -> None:
        counted = rounds[-1]
        counted[where] = counted.get(where, 0) + 1
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=text, scancode=0,
                                             window=None))
        if text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text, window=None))
        app.step()

    open_scenario(app, Path(args.scenario) if args.scenario else SCENARIOS / "quartier_des_tilleuls.yaml")
    app.step()
    press("setup", pygame.K_RETURN, pygame.KMOD_LCTRL)            # Ctrl+Enter: start with the defaults
    play = app.play
    for first in (True, False):
        counts = rounds[-1]
        assert app.scene.name == "situation", app.scene.name
        number = play.state.round
        teams = play_round(app, play, press, args, first)
        recorded = len(play.state.log[number - 1].verdicts)
        tallies = {(v.coop, v.pas_coop, v.depends) for v in play.state.log[number - 1].verdicts.values()}
        assert tallies == {TALLY}, tallies                         # every move recorded as the room voted
        total = sum(counts.values())
        if first:
            print(f"one round, {teams} teams, a {sum(TALLY)}-person verdict on {recorded} moves: {total} key "
                  f"presses" + ("" if args.no_room else f" (of which 4 once a game: N {sum(TALLY)} Enter)"))
        else:
            print(f"the next round, the same: {total} key presses")
        for where, n in counts.items():
            print(f"  {where:<10} {n}")
        rounds.append({})
    play.close()
    window.destroy()
    return 0


def play_round(app, play, press, args, first: bool) -> int:
    """One round from its situation to the next round's situation (or the bilan); returns the teams."""
    import pygame

    press("situation", pygame.K_RETURN)
    teams = len(play.state.setup.characters)
    middle = str(len(play.scenario.postures) // 2 + 1)
    while play.state.phase == "choices":
        assert app.scene.name == "handoff", app.scene.name
        press("choices", pygame.K_0 + int(middle), text=middle)    # hand-off: ready, with this posture
        scene = app.scene
        assert scene.name == "choice" and scene.step == "action", (scene.name, scene.step)
        first_action = next(i for i, item in enumerate(scene.action_menu.items) if item.enabled)
        letter = "abcdefghijklmnopqrstuvwxyz"[first_action]
        press("choices", getattr(pygame, f"K_{letter}"), text=letter)   # its first playable action
        assert scene.step == "confirm", scene.step
        press("choices", pygame.K_RETURN)                          # confirmed
    typed = TALLY if args.no_room else TALLY[:2]
    sizing = first and not args.no_room                            # N 20 Enter comes before any count
    early = ""                                                     # the first digit, typed on the reveal
    while app.scene.name == "reveal":
        if app.scene.votes_next() and not sizing and args.vote_on >= teams:
            early = str(typed[0])[0]
            press("reveal", pygame.K_0 + int(early), text=early)   # "COOP ou pas COOP ?": the verdict opens
        else:
            press("reveal", pygame.K_RETURN)
    assert app.scene.name == "verdict", app.scene.name
    assert app.scene.typed == early, (app.scene.typed, early)
    if args.vote_on < teams:                                       # the other moves out of the vote
        for _ in range(max(0, args.vote_on - 1)):
            press("verdict", pygame.K_DOWN)
        for _ in range(args.vote_on, teams):
            press("verdict", pygame.K_DOWN)
            press("verdict", pygame.K_v, text="v")
        press("verdict", pygame.K_HOME)
    if sizing:
        press("verdict", pygame.K_n, text="n")                     # N 20 Enter: the room, once a game
        for digit in str(sum(TALLY)):
            press("verdict", pygame.K_0 + int(digit), text=digit)
        press("verdict", pygame.K_RETURN)
    while play.state.phase == "verdict":
        for column, count in enumerate(typed):
            digits = str(count)
            if column == 0 and early:
                digits, early = digits[len(early):], ""            # already typed on the reveal
            for digit in digits:
                press("verdict", pygame.K_0 + int(digit), text=digit)
            if column < len(typed) - 1 and args.no_room:
                press("verdict", pygame.K_SPACE, text=" ")
        press("verdict", pygame.K_RETURN)
    while play.state.phase == "debrief":
        press("debrief", pygame.K_RETURN)
    return teams


if __name__ == "__main__":
    sys.exit(main())
