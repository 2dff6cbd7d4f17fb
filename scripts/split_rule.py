"""How often "avis partagés" fires, under the first edition's rule (no answer with two thirds of the votes)
and the current one (no answer with more than half, or the two largest less than a fifth of the voters
apart): on tallies like those of a real workshop, and on the engine bot's rooms over many games.

    python scripts/split_rule.py [--games 200]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import Setup, apply, bot_next, new_game  # noqa: E402
from game.engine.commands import RecordVerdict  # noqa: E402
from game.engine.queries import is_split  # noqa: E402
from game.engine.state import Verdict  # noqa: E402

# Tallies of a room of 20 as a facilitator reads them (COOP, pas COOP, ça dépend).
EXAMPLES = [(12, 3, 5), (14, 3, 3), (11, 9, 0), (8, 6, 6), (10, 5, 5), (13, 2, 5), (9, 8, 3), (15, 5, 0),
            (6, 12, 2), (7, 7, 6), (16, 1, 3), (12, 6, 2)]


def first_edition(verdict: Verdict) -> bool:
    total = verdict.total
    return total > 0 and max(verdict.coop, verdict.pas_coop, verdict.depends) < 2 / 3 * total


def bot_tallies(games: int) -> list[Verdict]:
    from game.content import load_scenario
    from game.paths import SCENARIOS

    tallies = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path)
        cast = tuple(c.id for c in scenario.characters[:scenario.players.max])
        for seed in range(games):
            state = new_game(scenario, Setup(cast, {c: c for c in cast}, scenario.rounds), seed)
            while (command := bot_next(scenario, state)) is not None:
                if isinstance(command, RecordVerdict):
                    tallies.append(Verdict(command.coop, command.pas_coop, command.depends))
                state, _ = apply(scenario, state, command)
    return tallies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=40)
    args = parser.parse_args()
    print("tally        first edition  now")
    for tally in EXAMPLES:
        verdict = Verdict(*tally)
        print(f"{'/'.join(map(str, tally)):<12} {'split' if first_edition(verdict) else '-':<14} "
              f"{'split' if is_split(verdict) else '-'}")
    examples = [Verdict(*t) for t in EXAMPLES]
    print(f"examples: first edition {sum(map(first_edition, examples))}/{len(examples)}, "
          f"now {sum(map(is_split, examples))}/{len(examples)}")
    tallies = bot_tallies(args.games)
    old = sum(map(first_edition, tallies))
    new = sum(map(is_split, tallies))
    print(f"bot rooms of 12 over {args.games} games of each bundled scenario ({len(tallies)} moves): "
          f"first edition {old} ({100 * old / len(tallies):.0f} %), now {new} ({100 * new / len(tallies):.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
