"""`coop simulate`: N whole games headless by the bot, summed up as a table or as one JSON object."""

from __future__ import annotations

import json
import os
from collections import Counter
import sys
from pathlib import Path
from typing import Optional

from game.content.model import OBSERVER_ID, Scenario
from game.engine.draws import game_seed
from game.i18n import Catalog, pick_language
from game.sim.fastgame import FastGame

MESSAGES = Catalog({
    "fr": {
        "title": "Simulation de « {title} » : {games} parties, graine {seed}, politique {policy}",
        "cast": "Personnages en jeu ({count}) : {names} ; {rounds} tours",
        "indicators": "Indicateurs en fin de partie",
        "indicator_head": "{label:<28} {mean:>8} {min:>6} {max:>6}",
        "endings": "Fins atteintes",
        "none": "(aucune fin ne s'applique)",
        "never": "Jamais atteinte(s) avec cette politique : {titles}",
        "postures": "Postures prises",
        "actions": "Actions jouées",
        "bad_players": "--players {count} : ce scénario se joue de {min} à {max} personnages.",
        "invalid": "Scénario invalide : {path}",
        "unreadable": "Impossible de lire {path} : {detail}",
    },
    "en": {
        "title": "Simulation of “{title}”: {games} games, seed {seed}, policy {policy}",
        "cast": "Characters in play ({count}): {names}; {rounds} rounds",
        "indicators": "Indicators at the end of the game",
        "indicator_head": "{label:<28} {mean:>8} {min:>6} {max:>6}",
        "endings": "Endings reached",
        "none": "(no ending applies)",
        "never": "Never reached with this policy: {titles}",
        "postures": "Postures taken",
        "actions": "Actions played",
        "bad_players": "--players {count}: this scenario is played with {min} to {max} characters.",
        "invalid": "Invalid scenario: {path}",
        "unreadable": "Cannot read {path}: {detail}",
    },
})

HEADS = {"fr": ("moyenne", "min", "max"), "en": ("mean", "min", "max")}


def characters_in_play(scenario: Scenario, players: Optional[int]) -> tuple[str, ...]:
    """The first `players.max` characters in file order, or the first N asked for."""
    count = players if players is not None else scenario.players.max
    return tuple(c.id for c in scenario.characters[:count])


class Tally:
    """Counts over a range of games; two tallies merge into the tally of both ranges."""

    def __init__(self):
        self.outcomes: Counter = Counter()   # (final values in indicator order, ending) -> games
        self.pairs: Counter = Counter()      # (posture, action) -> moves

    def play(self, loop: FastGame, seed: int, start: int, stop: int) -> None:
        outcomes, pairs = self.outcomes, self.pairs
        for index in range(start, stop):
            result = loop.play(game_seed(seed, index), pair_counts=pairs)
            outcomes[tuple(result.values.values()), result.ending] += 1

    def to_json(self) -> dict:
        return {"outcomes": [[list(v), e, n] for (v, e), n in self.outcomes.items()],
                "pairs": [[p, a, n] for (p, a), n in self.pairs.items()]}

    def merge(self, other: dict) -> None:
        for values, ending, count in other["outcomes"]:
            self.outcomes[tuple(values), ending] += count
        for posture, action, count in other["pairs"]:
            self.pairs[posture, action] += count

    def summary(self, scenario: Scenario, indicator_ids: tuple[str, ...], games: int) -> dict:
        indicators = {}
        for k, ident in enumerate(indicator_ids):
            finals = [(values[k], count) for (values, _), count in self.outcomes.items()]
            indicators[ident] = {
                "mean": round(sum(v * n for v, n in finals) / games, 4),
                "min": min(v for v, _ in finals),
                "max": max(v for v, _ in finals),
            }
        endings = {e.id: 0 for e in scenario.endings}
        for (_, ending), count in self.outcomes.items():
            key = "none" if ending is None else ending
            endings[key] = endings.get(key, 0) + count
        postures = {p.id: 0 for p in scenario.postures}
        actions = {a.id: 0 for a in scenario.actions}
        actions[OBSERVER_ID] = 0
        for (posture, action), count in self.pairs.items():
            postures[posture] += count
            actions[action] += count
        return {"indicators": indicators, "endings": endings, "postures": postures, "actions": actions}


# Below this many games a second process costs more than it saves.
PARALLEL_FROM = 2000


def _play_in_two_processes(tally: Tally, loop: FastGame, seed: int, games: int) -> bool:
    """Play the second half of the games in a forked child, the first half here; False when not possible."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not hasattr(os, "fork") or usable < 2:
        return False
    half = games // 2
    reading, writing = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return False
    if child == 0:  # the child: play its half, send the tally, leave without running any cleanup
        status = 1
        try:
            os.close(reading)
            other = Tally()
            other.play(loop, seed, half, games)
            data = json.dumps(other.to_json()).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(writing, view):]
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    tally.play(loop, seed, 0, half)
    chunks = []
    while chunk := os.read(reading, 1 << 16):
        chunks.append(chunk)
    os.close(reading)
    _, status = os.waitpid(child, 0)
    if status != 0:
        tally.play(loop, seed, half, games)   # the child failed: play its half here, same numbers
        return True
    tally.merge(json.loads(b"".join(chunks)))
    return True


def simulate(scenario: Scenario, games: int, seed: int, policy: str = "random",
             players: Optional[int] = None, parallel: bool = True) -> dict:
    """The summary object of `--json`: the same arguments always give the same numbers."""
    characters = characters_in_play(scenario, players)
    loop = FastGame(scenario, characters, scenario.rounds, policy)
    tally = Tally()
    parallel = parallel and not os.environ.get("COOP_SIMULATE_SEQUENTIAL")
    if not (parallel and games >= PARALLEL_FROM and _play_in_two_processes(tally, loop, seed, games)):
        tally.play(loop, seed, 0, games)
    return {
        "scenario": scenario.id,
        "games": games,
        "seed": seed,
        "policy": policy,
        "players": list(characters),
        "rounds": scenario.rounds,
        **tally.summary(scenario, loop.indicator_ids, games),
    }


def render_table(scenario: Scenario, summary: dict, language: str) -> str:
    """The summary as a table readable in a terminal."""
    tr = lambda key, **values: MESSAGES(language, key, **values)  # noqa: E731
    names = {c.id: c.name for c in scenario.characters}
    games = summary["games"]
    lines = [
        tr("title", title=scenario.title, games=games, seed=summary["seed"], policy=summary["policy"]),
        tr("cast", count=len(summary["players"]), names=", ".join(names[c] for c in summary["players"]),
           rounds=summary["rounds"]),
        "",
        tr("indicators"),
        "  " + tr("indicator_head", label="", mean=HEADS[language][0], min=HEADS[language][1],
                  max=HEADS[language][2]),
    ]
    for indicator in scenario.indicators:
        row = summary["indicators"][indicator.id]
        lines.append("  " + tr("indicator_head", label=_cut(indicator.label, 28),
                               mean=_decimal(row["mean"], 2, language), min=row["min"], max=row["max"]))
    titles = {e.id: e.title for e in scenario.endings}
    lines += ["", tr("endings")]
    for ident, count in summary["endings"].items():
        label = titles.get(ident) or tr("none")
        lines.append(f"  {_cut(label, 40):<40} {count:>7}  {_percent(count, games, language)}")
    never = [titles[ident] for ident, count in summary["endings"].items() if count == 0 and ident in titles]
    if never:
        lines.append("  " + tr("never", titles=", ".join(never)))
    moves = games * len(summary["players"]) * summary["rounds"]
    labels = {p.id: p.label for p in scenario.postures}
    lines += ["", tr("postures")]
    for ident, count in summary["postures"].items():
        lines.append(f"  {_cut(labels[ident], 40):<40} {count:>7}  {_percent(count, moves, language)}")
    titles = {a.id: a.title for a in scenario.actions}
    titles[OBSERVER_ID] = "Observer / ne rien faire" if language == "fr" else "Observe / do nothing"
    lines += ["", tr("actions")]
    for ident, count in summary["actions"].items():
        lines.append(f"  {_cut(titles[ident], 40):<40} {count:>7}  {_percent(count, moves, language)}")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _decimal(value: float, digits: int, language: str) -> str:
    """`value` with `digits` decimals, with a decimal comma in French."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "fr" else text


def _percent(count: int, total: int, language: str) -> str:
    """A share of the total: "12,5 %" in French (space before %), "12.5%" in English; same width in both."""
    if not total:
        return ""
    share = _decimal(100 * count / total, 1, language)
    return f"{share:>5} %" if language == "fr" else f"{share:>6}%"


def run_simulate(args) -> int:
    """The `coop simulate` command: exit 0 with the summary; 1 for a bad scenario, 2 for bad arguments."""
    from game.content import ScenarioError, load_scenario

    language = pick_language(getattr(args, "lang", None))
    path = Path(args.scenario)
    try:
        scenario = load_scenario(path)
    except ScenarioError as error:
        print(MESSAGES(language, "invalid", path=path), file=sys.stderr)
        print(error.render(language), file=sys.stderr)
        return 1
    except OSError as error:
        print(MESSAGES(language, "unreadable", path=path, detail=error.strerror or error), file=sys.stderr)
        return 1
    language = pick_language(getattr(args, "lang", None), scenario.language)
    if args.players is not None and not scenario.players.min <= args.players <= scenario.players.max:
        print(MESSAGES(language, "bad_players", count=args.players, min=scenario.players.min,
                       max=scenario.players.max), file=sys.stderr)
        return 2
    summary = simulate(scenario, args.games, args.seed, args.policy, args.players)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(render_table(scenario, summary, language))
    return 0
