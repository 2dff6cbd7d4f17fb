"""`coop compare SESSION... -o OUT.html`: tables that played the same scenario, side by side.

Each SESSION is a session file (replayed) or its `json` report (read as it is:
the machine interface of the interfaces page). Different scenarios are refused
with a clear message (exit 1). The page: what differs most first, then teams and
endings, each table's indicators on one scale, postures per round, verdict
splits and the actions chosen. Like the report, it runs no script and fetches nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

from game.i18n import Catalog, pick_language, team_display
from game.neutralise import for_html as escape
from game.session.report_charts import indicators_figure, to_svg

WORDS = Catalog({
    "fr": {
        "title": "Comparaison des tables — {title}", "table": "Table {n}", "differs": "Ce qui diffère le plus",
        "spread": "{label} : de {low} ({low_table}) à {high} ({high_table}) à la fin",
        "no_spread": "Les tables finissent avec les mêmes indicateurs.",
        "endings_differ": "Fins différentes : {endings}.", "endings_same": "Toutes les tables arrivent à la même fin : {ending}.",
        "coop_average": "Posture moyenne (de -2 « je » à +2 « nous ») : {values}.",
        "overview": "Les tables", "teams": "Équipes", "ending": "Fin", "rounds": "Tours joués",
        "no_ending": "aucune", "unfinished": "en cours", "indicators": "Les indicateurs de chaque table, sur la même échelle",
        "postures": "Les postures, tour par tour", "round": "T{n}", "start": "Départ",
        "splits": "Verdicts aux avis partagés", "splits_count": "{n} coup(s) aux avis partagés sur {total}",
        "actions": "Les actions choisies", "action": "Action", "observer": "Observer / ne rien faire",
        "different": "Ces sessions ne jouent pas le même scénario : {which}. Comparez des tables du même scénario.",
        "unreadable": "Impossible de lire {path} : {detail}", "file": "Fichier",
        "made": "Comparaison produite par COOP ou pas COOP.",
    },
    "en": {
        "title": "Tables compared — {title}", "table": "Table {n}", "differs": "What differs most",
        "spread": "{label}: from {low} ({low_table}) to {high} ({high_table}) at the end",
        "no_spread": "The tables end with the same indicators.",
        "endings_differ": "Different endings: {endings}.", "endings_same": "Every table reaches the same ending: {ending}.",
        "coop_average": "Average posture (from -2 “I” to +2 “we”): {values}.",
        "overview": "The tables", "teams": "Teams", "ending": "Ending", "rounds": "Rounds played",
        "no_ending": "none", "unfinished": "unfinished", "indicators": "Each table's indicators, on one scale",
        "postures": "Postures, round by round", "round": "R{n}", "start": "Start",
        "splits": "Split verdicts", "splits_count": "{n} split move(s) out of {total}",
        "actions": "The actions chosen", "action": "Action", "observer": "Observe / do nothing",
        "different": "These sessions do not play the same scenario: {which}. Compare tables of one scenario.",
        "unreadable": "Cannot read {path}: {detail}", "file": "File",
        "made": "Comparison made by COOP ou pas COOP.",
    },
})


class CompareError(Exception):
    def __init__(self, key: str, **values: Any):
        super().__init__(key)
        self.key, self.values = key, values

    def message(self, language: str) -> str:
        return WORDS(language, self.key, **self.values)


def load_table(path: Path) -> tuple[dict, Any]:
    """(json report, scenario or None) of a session file or of a saved json report."""
    from game.session.errors import SessionError

    if path.suffix == ".json":
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(report, dict) or "scenario" not in report or "rounds" not in report:
                raise ValueError("not a report")
        except (OSError, ValueError) as error:
            raise CompareError("unreadable", path=path, detail=getattr(error, "strerror", None) or error) from None
        return report, None
    from game.session.report_data import build_report
    from game.session.session import replay_file

    try:
        replay = replay_file(path, light=True)
    except SessionError as error:
        raise CompareError("unreadable", path=path, detail=error.message("en")) from None
    return build_report(replay), replay.scenario


def _labels(scenario, reports: list[dict], language: str) -> dict[str, dict[str, Any]]:
    """Names of ids from the scenario when one is at hand, else the ids themselves."""
    if scenario is None:
        ids: dict[str, dict[str, Any]] = {k: {} for k in ("indicators", "postures", "actions", "characters", "endings")}
        ids["postures_coop"] = {}
        return ids
    return {"indicators": {i.id: i.label for i in scenario.indicators},
            "postures": {p.id: p.label for p in scenario.postures},
            "postures_coop": {p.id: p.coop for p in scenario.postures},
            "actions": {a.id: a.title for a in scenario.actions},
            "characters": {c.id: c.name for c in scenario.characters},
            "endings": {e.id: e.title for e in scenario.endings}}


def compare_html(tables: list[tuple[str, dict]], scenario, language: str) -> str:
    from game.engine.queries import is_split
    from game.engine.state import Verdict

    def tr(key: str, **values: Any) -> str:
        return WORDS(language, key, **values)

    reports = [r for _, r in tables]
    names = _labels(scenario, reports, language)

    def name(kind: str, ident: Optional[str]) -> str:
        return names[kind].get(ident, ident) if ident else tr("no_ending")

    heads = [tr("table", n=n + 1) for n in range(len(tables))]
    title = reports[0].get("title") or reports[0]["scenario"]
    out = ["<!DOCTYPE html>", f'<html lang="{language}">', "<head>", '<meta charset="utf-8">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
           f"<title>{escape(tr('title', title=title))}</title>",
           "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a;line-height:1.4}"
           "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #bbb;padding:.25rem .5rem;"
           "vertical-align:top;text-align:left}th{background:#eef3fb}.grid{display:grid;"
           "grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}figure{margin:0;break-inside:avoid}"
           "@page{size:A4 landscape;margin:12mm}h2{margin-top:1.6rem}.split{color:#8a1c00;font-weight:bold}</style>",
           "</head>", "<body>", f"<h1>{escape(tr('title', title=title))}</h1>"]

    # What differs most: the indicators' spread at the end, the endings, the average posture.
    ids = list(reports[0]["indicators_start"])
    finals = [{i: (r["rounds"][-1]["indicators"][i] if r["rounds"] else r["indicators_start"][i]) for i in ids}
              for r in reports]
    spreads = sorted(((max(f[i] for f in finals) - min(f[i] for f in finals), i) for i in ids), reverse=True)
    out.append(f"<h2>{escape(tr('differs'))}</h2><ul>")
    shown = [(gap, i) for gap, i in spreads if gap > 0][:3]
    for gap, ident in shown:
        low = min(range(len(finals)), key=lambda k: finals[k][ident])
        high = max(range(len(finals)), key=lambda k: finals[k][ident])
        out.append(f"<li>{escape(tr('spread', label=name('indicators', ident), low=finals[low][ident], low_table=heads[low], high=finals[high][ident], high_table=heads[high]))}</li>")
    if not shown:
        out.append(f"<li>{escape(tr('no_spread'))}</li>")
    endings = [r["ending"] for r in reports]
    if len(set(endings)) > 1:
        listed = ", ".join(f"{heads[k]} : {name('endings', e)}" if language == "fr" else f"{heads[k]}: {name('endings', e)}"
                           for k, e in enumerate(endings))
        out.append(f"<li>{escape(tr('endings_differ', endings=listed))}</li>")
    else:
        out.append(f"<li>{escape(tr('endings_same', ending=name('endings', endings[0])))}</li>")
    if names["postures_coop"]:
        averages = []
        for head, report in zip(heads, reports):
            # A posture à débattre (no coop value) counts in no average, as in the conditions.
            values = [names["postures_coop"][m["posture"]] for r in report["rounds"] for m in r["moves"]
                      if names["postures_coop"][m["posture"]] is not None]
            mean = sum(values) / len(values) if values else 0.0
            text = f"{mean:+.1f}".replace(".", ",") if language == "fr" else f"{mean:+.1f}"
            averages.append(f"{head} {text}")
        out.append(f"<li>{escape(tr('coop_average', values=' · '.join(averages)))}</li>")
    out.append("</ul>")

    # The tables: file, teams, ending, rounds.
    out.append(f"<h2>{escape(tr('overview'))}</h2><table><tr><th></th>"
               + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>")
    rows = [(tr("file"), [Path(label).name for label, _ in tables]),
            (tr("teams"), [", ".join(team_display(r["teams"][c], language) for c in r["characters"]) for r in reports]),
            (tr("ending"), [name("endings", r["ending"]) if r.get("finished") else tr("unfinished") for r in reports]),
            (tr("rounds"), [f"{len(r['rounds'])} / {r['settings']['rounds']}" for r in reports])]
    for label, values in rows:
        out.append(f"<tr><th>{escape(label)}</th>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
    out.append("</table>")

    # Indicators, one chart per table, one scale: the scenario's ranges and the longest game's rounds.
    span = max(len(r["rounds"]) for r in reports) + 1
    indicators = ([(i.id, i.label, i.min, i.max) for i in scenario.indicators] if scenario is not None else
                  [(i, i, min(min(v) for v in _series(reports, i)), max(max(v) for v in _series(reports, i)) or 1)
                   for i in ids])

    def point(k: int) -> str:
        return tr("start") if k == 0 else tr("round", n=k)

    out.append(f"<h2>{escape(tr('indicators'))}</h2><div class=\"grid\">")
    for n, (head, report) in enumerate(zip(heads, reports)):
        figure = indicators_figure(report, indicators, head, point, width=520, height=260, span=span)
        out.append(f'<figure data-chart="indicators-{n + 1}"><figcaption><strong>{escape(head)}</strong>'
                   f"</figcaption>{to_svg(figure, f'table-{n + 1}')}</figure>")
    out.append("</div>")

    # Postures per round.
    out.append(f"<h2>{escape(tr('postures'))}</h2><table><tr><th></th>"
               + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>")
    for number in range(1, span):
        cells = []
        for report in reports:
            entry = next((r for r in report["rounds"] if r["number"] == number), None)
            cells.append("<br>".join(escape(f"{name('characters', m['character'])} : {name('postures', m['posture'])}"
                                            if language == "fr" else
                                            f"{name('characters', m['character'])}: {name('postures', m['posture'])}")
                                     for m in sorted(entry["moves"], key=lambda m: report["characters"].index(m["character"])))
                         if entry else "")
        out.append(f"<tr><th>{escape(tr('round', n=number))}</th>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</table>")

    # Verdict splits.
    out.append(f"<h2>{escape(tr('splits'))}</h2><table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr><tr>")
    for report in reports:
        verdicts = [(r["number"], v) for r in report["rounds"] for v in r["verdicts"]]
        split = [(n, v) for n, v in verdicts if is_split(Verdict(v["coop"], v["pas_coop"], v["depends"]))]
        lines = [escape(tr("splits_count", n=len(split), total=len(verdicts)))]
        lines += [f'<span class="split">{escape(tr("round", n=n))} · {escape(name("characters", v["character"]))}</span> '
                  f"({v['coop']} / {v['pas_coop']} / {v['depends']})" for n, v in split]
        out.append(f"<td>{'<br>'.join(lines)}</td>")
    out.append("</tr></table>")

    # Actions chosen, with how many times.
    counts: list[dict[str, int]] = [{} for _ in reports]
    for k, report in enumerate(reports):
        for entry in report["rounds"]:
            for move in entry["moves"]:
                counts[k][move["action"]] = counts[k].get(move["action"], 0) + 1
    actions = sorted({a for c in counts for a in c}, key=lambda a: (-sum(c.get(a, 0) for c in counts), a))
    out.append(f"<h2>{escape(tr('actions'))}</h2><table><tr><th>{escape(tr('action'))}</th>"
               + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>")
    for action in actions:
        label = tr("observer") if action == "observer" else name("actions", action)
        out.append(f"<tr><td>{escape(label)}</td>" + "".join(f"<td>{c.get(action, 0) or ''}</td>" for c in counts) + "</tr>")
    out.append(f"</table><p>{escape(tr('made'))}</p></body>\n</html>\n")
    return "\n".join(out)


def _series(reports: list[dict], ident: str) -> list[list[int]]:
    return [[r["indicators_start"][ident]] + [e["indicators"][ident] for e in r["rounds"]] for r in reports]


def run_compare(args, err=None) -> int:
    """0 with the page written; 1 for an unreadable input or different scenarios (a clear message)."""
    from game.session.report import write_output

    err = err or sys.stderr
    language = pick_language(getattr(args, "lang", None))
    tables, scenario = [], None
    try:
        for given in args.sessions:
            report, found = load_table(Path(given))
            tables.append((given, report))
            scenario = scenario or found
        ids = {r["scenario"] for _, r in tables}
        if len(ids) > 1:
            which = ", ".join(f"{Path(label).name} ({r['scenario']})" for label, r in tables)
            raise CompareError("different", which=which)
    except CompareError as error:
        print(error.message(language), file=err)
        return 1
    if scenario is None:
        scenario = _scenario_of(tables[0][1])
    language = pick_language(getattr(args, "lang", None), tables[0][1].get("language"))
    page = compare_html(tables, scenario, language)
    return write_output(Path(args.output), page.encode("utf-8"), language)


def _scenario_of(report: dict):
    """The scenario a json report names, when its file is still there unchanged (for labels); else None."""
    import hashlib

    session = report.get("session") or {}
    path = session.get("scenario_path")
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
        if hashlib.sha256(data).hexdigest() != session.get("scenario_sha256"):
            return None
        from game.content.loader import load_scenario_bytes

        return load_scenario_bytes(data, path)
    except Exception:  # noqa: BLE001 - labels are a comfort: ids will do
        return None
