"""`coop simulate --audit`: the rules page's balance criteria, checked on the engine's own rules.

The criteria (rules page, "The room, not the program, decides what cooperation is"):

- dominance: for at most half of the actions is a most-cooperative posture at
  least as good as every other posture on every indicator (on the move's own
  deltas: posture effects + action effects + `by_posture`; costs and synergies aside);
- pas_coop_better: on at least two actions a posture read "pas COOP" does better
  on some indicator than every most-cooperative posture;
- consult_vs_coop: everyone consulting (postures whose `coop` is 1) and everyone
  co-constructing (the most cooperative postures) reach the best ending at rates
  at least 20 points apart ("best ending": the one most reached when everyone
  plays the most cooperative postures);
- observe: everyone observing all game, with a most-cooperative posture, never
  reaches the best ending;
- tags: a table of institutions only and one of habitants only, where the
  scenario tags characters so: neither reaches the best ending as often as the
  whole table does;
- can_fail: the most cooperative play reaches another ending in at least 5 % of games;
- random_endings: every ending is reached in at least 1 % of random games at
  every table size the file allows.

Games are played by the fast loop (`game.sim.fastgame`, tested move for move
against the engine), a fixed number per table and policy, with a fixed seed: the
same file always gives the same audit. Everything here is pure computation but
the optional second process of `run_in_two_processes`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Optional, Sequence


from game.content.constants import OBSERVER_ID
from game.engine.draws import game_seed
from game.engine.tables import tables_for
from game.i18n import Catalog
from game.sim.fastgame import FastGame
from game.sim.simulate import _cut, _percent, game_seeds, run_in_two_processes, vectorised

if TYPE_CHECKING:
    from game.content.model import Scenario

AUDIT_GAMES = 1000
AUDIT_SEED = 1
DOMINANCE_SHARE = 0.5        # dominated actions may be at most half of them
PAS_COOP_ACTIONS = 2         # actions on which a pas COOP posture beats every most-cooperative one
CONSULT_GAP = 20.0           # points between consulting and co-constructing on the best ending
FAIL_SHARE = 5.0             # % of cooperative games reaching another ending
RANDOM_FLOOR = 1.0           # % of random games reaching each ending, at every table size
TAGS = ("institution", "habitant")
NONE = "none"                # the outcome of a game no ending matches

MESSAGES = Catalog({
    "fr": {
        "title": "Audit de « {title} » : {games} parties par table et par politique, graine {seed}",
        "table": "Table auditée ({count}) : {names} ; {rounds} tours",
        "best": "Meilleure fin (la plus atteinte quand tous jouent les postures les plus coopératives) : {title}",
        "no_best": "Pas de fin dans ce scénario : les critères sur les fins sont sans objet.",
        "criteria": "Critères",
        "pass": "RÉUSSI",
        "fail": "ÉCHEC",
        "na": "SANS OBJET",
        "dominance": "Une posture la plus coopérative domine au plus la moitié des actions",
        "dominance_fig": "dominée(s) : {count} actions sur {total} (au plus {limit})",
        "dominance_free": "non dominées : {names}",
        "pas_coop_better": "Au moins deux actions où une posture « pas COOP » fait mieux quelque part",
        "pas_coop_fig": "{count} action(s) : {names}",
        "pas_coop_line": "{action} — {posture} : {indicator} {theirs} contre {best} au mieux",
        "consult_vs_coop": "Consulter et co-construire atteignent la meilleure fin à ≥ 20 points d'écart",
        "consult_fig": "consulter {consult} · co-construire {coop} · écart {gap} points",
        "consult_na": "aucune posture lue +1 (consulter) sous les plus coopératives",
        "observe": "Tout le monde observe toute la partie : jamais la meilleure fin",
        "observe_fig": "meilleure fin dans {share} des parties",
        "tags": "Institutions seules ou habitants seuls : moins souvent la meilleure fin que la table entière",
        "tags_fig": "table entière {whole} · institutions seules ({ni}) {inst} · habitants seuls ({nh}) {hab}",
        "tags_na": "le scénario ne marque pas assez de personnages « institution » et « habitant » (champ tags)",
        "tags_missing": "trop peu de personnages",
        "can_fail": "La coopération peut encore échouer (une autre fin dans ≥ 5 % des parties)",
        "can_fail_fig": "une autre fin dans {share} des parties les plus coopératives",
        "random_endings": "Chaque fin atteinte dans ≥ 1 % des parties au hasard, à chaque taille de table",
        "random_fig": "la plus rare : {title}, {share} à {count} personnages",
        "random_missing": "sous 1 % : {items}",
        "postures": "Postures fixes (toute la table prend la même posture, actions au hasard) : part de chaque fin",
        "sizes": "Part de chaque fin par taille de table (hasard / coop / solo)",
        "size_head": "{count} personnages",
        "reading_coop": "COOP", "reading_neutre": "neutre", "reading_pas_coop": "pas COOP",
        "none": "(aucune fin)",
        "summary": "{passed} critère(s) réussi(s), {failed} en échec, {na} sans objet",
        "bad_cast": "--cast : {detail}",
        "cast_unknown": "personnage inconnu {ident} (connus : {known})",
        "cast_twice": "{ident} est nommé deux fois",
        "cast_count": "{count} personnages ; ce scénario se joue de {min} à {max}",
        "bad_rounds": "--rounds {rounds} : ce scénario se joue en 1 à {max} tours.",
    },
    "en": {
        "title": "Audit of “{title}”: {games} games per table and policy, seed {seed}",
        "table": "Audited table ({count}): {names}; {rounds} rounds",
        "best": "Best ending (the one most reached when everyone plays the most cooperative postures): {title}",
        "no_best": "No ending in this scenario: the criteria on endings do not apply.",
        "criteria": "Criteria",
        "pass": "PASS",
        "fail": "FAIL",
        "na": "N/A",
        "dominance": "A most-cooperative posture dominates at most half of the actions",
        "dominance_fig": "dominated: {count} actions of {total} (at most {limit})",
        "dominance_free": "not dominated: {names}",
        "pas_coop_better": "At least two actions on which a “pas COOP” posture does better somewhere",
        "pas_coop_fig": "{count} action(s): {names}",
        "pas_coop_line": "{action} — {posture}: {indicator} {theirs} against {best} at best",
        "consult_vs_coop": "Consulting and co-constructing reach the best ending ≥ 20 points apart",
        "consult_fig": "consulting {consult} · co-constructing {coop} · gap {gap} points",
        "consult_na": "no posture read +1 (consulting) below the most cooperative ones",
        "observe": "Everyone observes all game: never the best ending",
        "observe_fig": "best ending in {share} of the games",
        "tags": "Institutions only or habitants only: the best ending less often than the whole table",
        "tags_fig": "whole table {whole} · institutions only ({ni}) {inst} · habitants only ({nh}) {hab}",
        "tags_na": "the scenario does not tag enough characters “institution” and “habitant” (tags key)",
        "tags_missing": "too few characters",
        "can_fail": "Cooperation can still fail (another ending in ≥ 5% of games)",
        "can_fail_fig": "another ending in {share} of the most cooperative games",
        "random_endings": "Every ending reached in ≥ 1% of random games, at every table size",
        "random_fig": "the rarest: {title}, {share} with {count} characters",
        "random_missing": "below 1%: {items}",
        "postures": "Fixed postures (the whole table takes one posture, actions at random): share of each ending",
        "sizes": "Share of each ending per table size (random / coop / solo)",
        "size_head": "{count} characters",
        "reading_coop": "COOP", "reading_neutre": "neutral", "reading_pas_coop": "pas COOP",
        "none": "(no ending)",
        "summary": "{passed} criteria passed, {failed} failed, {na} not applicable",
        "bad_cast": "--cast: {detail}",
        "cast_unknown": "unknown character {ident} (known: {known})",
        "cast_twice": "{ident} is named twice",
        "cast_count": "{count} characters; this scenario is played with {min} to {max}",
        "bad_rounds": "--rounds {rounds}: this scenario is played in 1 to {max} rounds.",
    },
})


def cast_problem(scenario: Scenario, cast: Sequence[str], language: str) -> Optional[str]:
    """Why a `--cast` list cannot be a table of this scenario, or None."""
    known = [c.id for c in scenario.characters]
    tr = lambda key, **values: MESSAGES(language, key, **values)  # noqa: E731
    seen = set()
    for ident in cast:
        if ident not in known:
            return tr("bad_cast", detail=tr("cast_unknown", ident=ident, known=", ".join(known)))
        if ident in seen:
            return tr("bad_cast", detail=tr("cast_twice", ident=ident))
        seen.add(ident)
    if not scenario.players.min <= len(cast) <= scenario.players.max:
        return tr("bad_cast", detail=tr("cast_count", count=len(cast), min=scenario.players.min,
                                        max=scenario.players.max))
    return None


def _better_lower(scenario: Scenario) -> dict[str, bool]:
    return {i.id: getattr(i, "better", "higher") == "lower" for i in scenario.indicators}


def move_deltas(scenario: Scenario) -> dict[str, dict[str, dict[str, int]]]:
    """Action -> posture -> the move's own deltas on every indicator (posture + action + by_posture)."""
    tables = tables_for(scenario)
    result = {}
    for action in scenario.actions:
        spec = tables.actions[action.id]
        per_posture = {}
        for posture in tables.posture_ids:
            total = dict.fromkeys(tables.indicator_ids, 0)
            for delta in (tables.posture_effects[posture], spec.effects, spec.by_posture.get(posture, {})):
                for ident, amount in delta.items():
                    total[ident] += amount
            per_posture[posture] = total
        result[action.id] = per_posture
    return result


def most_cooperative(scenario: Scenario) -> tuple[str, ...]:
    readable = [p for p in scenario.postures if getattr(p, "coop", None) is not None]
    if not readable:
        return ()
    top = max(p.coop for p in readable)
    return tuple(p.id for p in readable if p.coop == top)


def dominance(scenario: Scenario) -> dict:
    """Which actions a most-cooperative posture dominates, and where a pas COOP posture beats them all."""
    deltas = move_deltas(scenario)
    lower = _better_lower(scenario)
    top = most_cooperative(scenario)
    pas_coop = [p.id for p in scenario.postures if getattr(p, "coop", None) is not None and p.coop < 0]
    gain = lambda ident, v: -v if lower[ident] else v  # noqa: E731  (higher is better after this)
    dominated, free, beaten = [], [], []
    for action, per_posture in deltas.items():
        if any(all(gain(i, per_posture[m][i]) >= gain(i, per_posture[q][i])
                   for q in per_posture if q != m for i in lower)
               for m in top):
            dominated.append(action)
        else:
            free.append(action)
        wins = []
        for q in pas_coop:
            for i in lower:
                best = max(gain(i, per_posture[m][i]) for m in top) if top else None
                if best is not None and gain(i, per_posture[q][i]) > best:
                    wins.append({"posture": q, "indicator": i, "theirs": per_posture[q][i],
                                 "best": gain(i, best)})
        if wins:
            beaten.append({"action": action, "wins": wins})
    return {"dominated": dominated, "free": free, "beaten": beaten, "total": len(deltas)}


class _Plan:
    """The (table, policy) pairs to play, each once, and their ending counts afterwards."""

    def __init__(self, scenario: Scenario, rounds: int, games: int, seed: int):
        self.scenario, self.rounds, self.games, self.seed = scenario, rounds, games, seed
        self.keys: list[tuple[tuple[str, ...], str]] = []
        self.counts: dict[tuple[tuple[str, ...], str], dict[str, int]] = {}

    def want(self, table: Sequence[str], policy: str) -> None:
        key = (tuple(table), policy)
        if key not in self.keys:
            self.keys.append(key)

    def run(self, parallel: bool = True) -> None:
        def job(table, policy):
            def play():
                loop = FastGame(self.scenario, table, self.rounds, policy)
                endings: Counter = Counter()
                many = vectorised(self.scenario, loop, self.games)
                if many is not None:
                    import numpy as np

                    _, reached, _ = many.play(game_seeds(self.seed, 0, self.games))
                    names = [ident for ident, _ in many.endings]
                    kinds, first, counts = np.unique(reached, return_index=True, return_counts=True)
                    # In the order the games first reach them, as the loop below counts them.
                    for k in np.argsort(first, kind="stable"):
                        endings[NONE if kinds[k] < 0 else names[kinds[k]]] = int(counts[k])
                    return dict(endings)
                for index in range(self.games):
                    ending = loop.play(game_seed(self.seed, index)).ending
                    endings[NONE if ending is None else ending] += 1
                return dict(endings)
            return play
        # Bigger tables take longer: alternate them between the two processes.
        order = sorted(self.keys, key=lambda k: -len(k[0]))
        results = run_in_two_processes([job(*key) for key in order], parallel)
        self.counts = dict(zip(order, results))

    def share(self, table: Sequence[str], policy: str, ending: Optional[str]) -> float:
        counts = self.counts[tuple(table), policy]
        return 100.0 * counts.get(NONE if ending is None else ending, 0) / self.games


def audit(scenario: Scenario, players: Optional[int] = None, cast: Optional[Sequence[str]] = None,
          rounds: Optional[int] = None, games: int = AUDIT_GAMES, seed: int = AUDIT_SEED,
          parallel: bool = True) -> dict:
    """The audit as plain data: the table, the best ending, each criterion with its figures and verdict."""
    count = players if players is not None else scenario.players.max
    table = tuple(cast) if cast else tuple(c.id for c in scenario.characters[:count])
    rounds = rounds or scenario.rounds
    sizes = list(range(scenario.players.min, scenario.players.max + 1))
    first = {n: tuple(c.id for c in scenario.characters[:n]) for n in sizes}
    tables = tables_for(scenario)
    levels = {getattr(p, "coop", None) for p in scenario.postures} - {None}
    top = max(levels) if levels else None
    consult = "level:1" if 1 in levels and top is not None and top > 1 else None
    tagged = {tag: tuple(c.id for c in scenario.characters if tag in getattr(c, "tags", ()))[:scenario.players.max]
              for tag in TAGS}
    plan = _Plan(scenario, rounds, games, seed)
    for policy in ("random", "coop", "solo"):
        plan.want(table, policy)
        for n in sizes:
            plan.want(first[n], policy)
    if consult:
        plan.want(table, consult)
    plan.want(table, "coop+observe")
    for posture in tables.posture_ids:
        plan.want(table, f"always:{posture}")
    for tag, members in tagged.items():
        if len(members) >= scenario.players.min:
            plan.want(members, "coop")
    plan.run(parallel)

    ending_ids = [e.id for e in scenario.endings]
    outcome_ids = ending_ids + ([NONE] if any(NONE in c for c in plan.counts.values()) else [])
    coop_counts = plan.counts[table, "coop"]
    best = max(ending_ids, key=lambda e: (coop_counts.get(e, 0), -ending_ids.index(e))) if ending_ids else None
    criteria = []

    found = dominance(scenario)
    limit = int(found["total"] * DOMINANCE_SHARE)
    criteria.append({"id": "dominance", "verdict": "pass" if len(found["dominated"]) <= limit else "fail",
                     "dominated": found["dominated"], "free": found["free"], "total": found["total"],
                     "limit": limit})
    criteria.append({"id": "pas_coop_better",
                     "verdict": "pass" if len(found["beaten"]) >= PAS_COOP_ACTIONS else "fail",
                     "actions": found["beaten"]})
    if best is None:
        for ident in ("consult_vs_coop", "observe", "tags", "can_fail"):
            criteria.append({"id": ident, "verdict": "na"})
    else:
        coop_share = plan.share(table, "coop", best)
        if consult:
            consult_share = plan.share(table, consult, best)
            gap = abs(coop_share - consult_share)
            criteria.append({"id": "consult_vs_coop", "verdict": "pass" if gap >= CONSULT_GAP else "fail",
                             "consult": consult_share, "coop": coop_share, "gap": gap})
        else:
            criteria.append({"id": "consult_vs_coop", "verdict": "na", "reason": "consult_na"})
        observed = plan.share(table, "coop+observe", best)
        criteria.append({"id": "observe", "verdict": "pass" if observed == 0 else "fail", "share": observed})
        if all(len(m) >= scenario.players.min for m in tagged.values()):
            whole = coop_share
            inst = plan.share(tagged["institution"], "coop", best)
            hab = plan.share(tagged["habitant"], "coop", best)
            criteria.append({"id": "tags", "verdict": "pass" if inst < whole and hab < whole else "fail",
                             "whole": whole, "institution": inst, "habitant": hab,
                             "sizes": {t: len(m) for t, m in tagged.items()}})
        else:
            criteria.append({"id": "tags", "verdict": "na", "reason": "tags_na"})
        other = 100.0 - coop_share
        criteria.append({"id": "can_fail", "verdict": "pass" if other >= FAIL_SHARE else "fail", "share": other})
    if ending_ids:
        rare = [(plan.share(first[n], "random", e), n, e) for n in sizes for e in ending_ids]
        missing = sorted(r for r in rare if r[0] < RANDOM_FLOOR)
        rarest = min(rare)
        criteria.append({"id": "random_endings", "verdict": "fail" if missing else "pass",
                         "rarest": {"share": rarest[0], "size": rarest[1], "ending": rarest[2]},
                         "missing": [{"share": s, "size": n, "ending": e} for s, n, e in missing]})
    else:
        criteria.append({"id": "random_endings", "verdict": "na"})

    return {
        "scenario": scenario.id, "games": games, "seed": seed, "rounds": rounds, "table": list(table),
        "best_ending": best, "criteria": criteria,
        "postures": {p: {e: plan.share(table, f"always:{p}", e) for e in outcome_ids}
                     for p in tables.posture_ids},
        "sizes": {n: {policy: {e: plan.share(first[n], policy, e) for e in outcome_ids}
                      for policy in ("random", "coop", "solo")} for n in sizes},
    }


def render_audit(scenario: Scenario, report: dict, language: str) -> str:
    """The audit as text for a terminal: the criteria one by one, then the tables of endings."""
    tr = lambda key, **values: MESSAGES(language, key, **values)  # noqa: E731
    pct = lambda share: _percent(round(share * 10), 1000, language).strip()  # noqa: E731
    names = {c.id: c.name for c in scenario.characters}
    titles = {e.id: e.title for e in scenario.endings}
    titles[NONE] = tr("none")
    actions = {a.id: a.title for a in scenario.actions}
    actions[OBSERVER_ID] = "Observer" if language == "fr" else "Observe"
    postures = {p.id: p.label for p in scenario.postures}
    labels = {i.id: i.label for i in scenario.indicators}
    lines = [
        tr("title", title=scenario.title, games=report["games"], seed=report["seed"]),
        tr("table", count=len(report["table"]), names=", ".join(names[c] for c in report["table"]),
           rounds=report["rounds"]),
        tr("best", title=titles[report["best_ending"]]) if report["best_ending"] else tr("no_best"),
        "",
        tr("criteria"),
    ]
    tally = Counter()
    for number, criterion in enumerate(report["criteria"], 1):
        verdict = criterion["verdict"]
        tally[verdict] += 1
        lines.append(f"  {number}. [{tr(verdict)}] {tr(criterion['id'])}")
        for detail in _figures(criterion, tr, pct, titles, actions, postures, labels):
            lines.append("       " + detail)
    lines.append("")
    lines.append(tr("summary", passed=tally["pass"], failed=tally["fail"], na=tally["na"]))
    outcomes = list(next(iter(report["postures"].values())))
    lines += ["", tr("postures")]
    lines.append(_row("", [_cut(titles[e], 14) for e in outcomes]))
    for posture, shares in report["postures"].items():
        lines.append(_row(postures[posture], [pct(shares[e]) for e in outcomes]))
    lines += ["", tr("sizes")]
    lines.append(_row("", [_cut(titles[e], 14) for e in outcomes]))
    for size, by_policy in report["sizes"].items():
        lines.append(_row(tr("size_head", count=size),
                          [" / ".join(_short(by_policy[p][e], language) for p in ("random", "coop", "solo"))
                           for e in outcomes]))
    return "\n".join(lines)


def _figures(criterion: dict, tr, pct, titles, actions, postures, labels) -> list[str]:
    ident = criterion["id"]
    if criterion["verdict"] == "na":
        return [tr(criterion["reason"])] if "reason" in criterion else []
    if ident == "dominance":
        lines = [tr("dominance_fig", count=len(criterion["dominated"]), total=criterion["total"],
                    limit=criterion["limit"])]
        if criterion["free"]:
            lines.append(tr("dominance_free", names=", ".join(actions[a] for a in criterion["free"])))
        return lines
    if ident == "pas_coop_better":
        found = criterion["actions"]
        lines = [tr("pas_coop_fig", count=len(found), names=", ".join(actions[f["action"]] for f in found) or "—")]
        for item in found[:6]:
            win = item["wins"][0]
            lines.append(tr("pas_coop_line", action=actions[item["action"]], posture=postures[win["posture"]],
                            indicator=labels[win["indicator"]], theirs=_signed(win["theirs"]),
                            best=_signed(win["best"])))
        return lines
    if ident == "consult_vs_coop":
        return [tr("consult_fig", consult=pct(criterion["consult"]), coop=pct(criterion["coop"]),
                   gap=pct(criterion["gap"]).rstrip(" %"))]
    if ident == "observe":
        return [tr("observe_fig", share=pct(criterion["share"]))]
    if ident == "tags":
        return [tr("tags_fig", whole=pct(criterion["whole"]), inst=pct(criterion["institution"]),
                   hab=pct(criterion["habitant"]), ni=criterion["sizes"]["institution"],
                   nh=criterion["sizes"]["habitant"])]
    if ident == "can_fail":
        return [tr("can_fail_fig", share=pct(criterion["share"]))]
    if ident == "random_endings":
        rarest = criterion["rarest"]
        lines = [tr("random_fig", title=titles[rarest["ending"]], share=pct(rarest["share"]), count=rarest["size"])]
        if criterion["missing"]:
            items = [f"{titles[m['ending']]} ({m['size']}: {pct(m['share'])})" for m in criterion["missing"][:8]]
            more = len(criterion["missing"]) - 8
            lines.append(tr("random_missing", items=", ".join(items) + (f" … (+{more})" if more > 0 else "")))
        return lines
    return []


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def _short(share: float, language: str) -> str:
    """A whole percentage for the dense table by table size."""
    return f"{share:.0f}"


def _row(label: str, cells: list[str]) -> str:
    return f"  {_cut(label, 22):<22} " + " ".join(f"{cell:>15}" for cell in cells)
