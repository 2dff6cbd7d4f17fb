"""`coop simulate`: N whole games headless by the bot, summed up as a table or as one JSON object."""

from __future__ import annotations

import json
import os
from collections import Counter
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence


from game.content.constants import OBSERVER_ID
from game.engine.draws import game_seed
from game.i18n import Catalog, pick_language
from game.sim.fastgame import FastGame

if TYPE_CHECKING:
    from game.content.model import Scenario

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
        "bad_policy": "--policy {policy} : ce scénario n'a pas de posture {posture} (postures : {known}).",
        "need_games": "coop simulate : --games N et --seed S sont demandés (sauf avec --audit).",
        "policy_with_audit": "--policy : l'audit joue lui-même chaque politique ; ne la donnez pas avec --audit.",
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
        "bad_policy": "--policy {policy}: this scenario has no posture {posture} (postures: {known}).",
        "need_games": "coop simulate: --games N and --seed S are required (except with --audit).",
        "policy_with_audit": "--policy: the audit plays every policy itself; do not give one with --audit.",
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


def run_in_two_processes(jobs: list, parallel: bool = True) -> list:
    """Each job's result, in order: every other job runs in a forked child when the machine allows it.

    A job is a function of no argument returning JSON-able data. When no second
    process can be had, or the child fails, the jobs run here: same results.
    """
    parallel = parallel and not os.environ.get("COOP_SIMULATE_SEQUENTIAL")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not parallel or len(jobs) < 2 or not hasattr(os, "fork") or usable < 2:
        return [job() for job in jobs]
    theirs = jobs[1::2]
    reading, writing = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return [job() for job in jobs]
    if child == 0:  # the child: run its jobs, send the results, leave without running any cleanup
        status = 1
        try:
            os.close(reading)
            data = json.dumps([job() for job in theirs]).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(writing, view):]
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    mine = [job() for job in jobs[0::2]]
    chunks = []
    while chunk := os.read(reading, 1 << 16):
        chunks.append(chunk)
    os.close(reading)
    _, status = os.waitpid(child, 0)
    others = json.loads(b"".join(chunks)) if status == 0 else [job() for job in theirs]
    results = []
    for k in range(len(jobs)):
        results.append(mine[k // 2] if k % 2 == 0 else others[k // 2])
    return results


def play_tally(loop: FastGame, seed: int, start: int, stop: int) -> dict:
    """The tally of games start..stop as JSON (what a child process sends back)."""
    tally = Tally()
    tally.play(loop, seed, start, stop)
    return tally.to_json()


# From this many games on, the vectorised loop (numpy, all games at once) beats the fast loop.
VECTOR_FROM = 200


def vectorised(scenario: Scenario, loop: FastGame, games: int):
    """The numpy form of `loop` for a run of `games`, or None (small runs, no numpy, a scenario it
    does not play): the fast loop then plays the same games, with the same results."""
    if games < VECTOR_FROM or os.environ.get("COOP_SIMULATE_SCALAR"):
        return None
    module = vector_module()
    return None if module is None else module.vector_games(scenario, loop)


def vector_module():
    """game.sim.vector, or None when numpy is missing (the fast loop then plays alone). `coop simulate`
    asks for it during its start, the collector still off: a tenth of numpy's import was the collector's
    passes over its new objects."""
    try:
        import game.sim.vector as module
    except ImportError:
        return None
    return module


def game_seeds(seed: int, start: int, stop: int):
    from game.sim.vector import game_seeds as seeds

    return seeds(seed, start, stop)


def array_summary(scenario: Scenario, indicator_ids: tuple[str, ...], many, results) -> dict:
    """`Tally.summary` from the vectorised loop's arrays: the same numbers, the same key order."""
    import numpy as np

    values, endings_index, pairs = results
    games = len(values)
    indicators = {
        ident: {"mean": round(int(values[:, k].sum()) / games, 4),
                "min": int(values[:, k].min()), "max": int(values[:, k].max())}
        for k, ident in enumerate(indicator_ids)
    }
    endings = {e.id: 0 for e in scenario.endings}
    counts = [int(n) for n in np.bincount(endings_index + 1, minlength=len(many.endings) + 1)]
    for k, (ident, _) in enumerate(many.endings):
        endings[ident] = counts[k + 1]
    if counts[0]:
        endings["none"] = counts[0]
    postures = {p.id: 0 for p in scenario.postures}
    actions = {a.id: 0 for a in scenario.actions}
    actions[OBSERVER_ID] = 0
    for p, posture in enumerate(many.posture_ids):
        for a, action in enumerate(many.action_ids):
            count = int(pairs[p, a])
            if count:
                postures[posture] += count
                actions[action] += count
    return {"indicators": indicators, "endings": endings, "postures": postures, "actions": actions}


def simulate(scenario: Scenario, games: int, seed: int, policy: str = "random",
             players: Optional[int] = None, parallel: bool = True,
             cast: Optional[Sequence[str]] = None, rounds: Optional[int] = None) -> dict:
    """The summary object of `--json`: the same arguments always give the same numbers."""
    characters = tuple(cast) if cast else characters_in_play(scenario, players)
    rounds = rounds or scenario.rounds
    loop = FastGame(scenario, characters, rounds, policy)
    many = vectorised(scenario, loop, games)
    if many is not None:
        counts = array_summary(scenario, loop.indicator_ids, many, many.play(game_seeds(seed, 0, games)))
    else:
        tally = Tally()
        if games >= PARALLEL_FROM:
            half = games // 2
            for part in run_in_two_processes([lambda: play_tally(loop, seed, 0, half),
                                              lambda: play_tally(loop, seed, half, games)], parallel):
                tally.merge(part)
        else:
            tally.play(loop, seed, 0, games)
        counts = tally.summary(scenario, loop.indicator_ids, games)
    return {
        "scenario": scenario.id,
        "games": games,
        "seed": seed,
        "policy": policy,
        "players": list(characters),
        "rounds": rounds,
        **counts,
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
    from game.neutralise import for_terminal
    from game.content import ScenarioError
    from game.content.plain import load_plain

    language = pick_language(getattr(args, "lang", None))
    path = Path(args.scenario)
    try:
        # The validated copy of these very bytes when this program validated them before: no pydantic.
        scenario = load_plain(path)
    except ScenarioError as error:
        print(for_terminal(MESSAGES(language, "invalid", path=path)), file=sys.stderr)
        print(error.render(language), file=sys.stderr)
        return 1
    except OSError as error:
        print(for_terminal(MESSAGES(language, "unreadable", path=path, detail=error.strerror or error)), file=sys.stderr)
        return 1
    language = pick_language(getattr(args, "lang", None), scenario.language)
    say = lambda key, **values: print(MESSAGES(language, key, **values), file=sys.stderr)  # noqa: E731
    from game.sim.audit import MESSAGES as AUDIT, audit, cast_problem, render_audit

    cast = getattr(args, "cast", None)
    rounds = getattr(args, "rounds", None)
    if args.players is not None and not scenario.players.min <= args.players <= scenario.players.max:
        say("bad_players", count=args.players, min=scenario.players.min, max=scenario.players.max)
        return 2
    if cast and cast_problem(scenario, cast, language):
        print(cast_problem(scenario, cast, language), file=sys.stderr)
        return 2
    if rounds is not None and rounds > scenario.rounds:
        print(AUDIT(language, "bad_rounds", rounds=rounds, max=scenario.rounds), file=sys.stderr)
        return 2
    policy = args.policy or "random"
    if policy.startswith("always:"):
        posture = policy[len("always:"):]
        known = [p.id for p in scenario.postures]
        if posture not in known:
            say("bad_policy", policy=policy, posture=posture, known=", ".join(known))
            return 2
    from game.cli import collect_after_start

    if getattr(args, "audit", False):
        if args.policy is not None:
            say("policy_with_audit")
            return 2
        vector_module()
        collect_after_start()
        report = audit(scenario, args.players, cast, rounds)
        print(json.dumps(report, ensure_ascii=False) if args.json else render_audit(scenario, report, language))
        return 0
    if args.games is None or args.seed is None:
        say("need_games")
        return 2
    if args.games >= VECTOR_FROM:
        vector_module()
    collect_after_start()
    summary = simulate(scenario, args.games, args.seed, policy, args.players, cast=cast, rounds=rounds)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        # Titles and labels may hold line breaks (never a control: validation refuses them).
        print(for_terminal(render_table(scenario, summary, language), keep_newlines=True))
    return 0
