"""The HTML report: one self-contained page, with the indicators chart drawn here as inline SVG."""

from __future__ import annotations

from html import escape

from game.content.model import Scenario, prompt_of
from game.session.report_text import Labels, posture_paths, split_moves
from game.i18n import team_display

# Colour and dash per line: lines differ by pattern and end label too, never by colour alone.
LINE_STYLES = (
    ("#1f4e9c", ""), ("#b3261e", "8 4"), ("#1b7340", "2 3"), ("#7a4a00", "10 3 2 3"),
    ("#6b2c91", "4 4"), ("#00696b", "12 4"), ("#444444", "1 2"), ("#a3005f", "6 2 2 2"),
)
MARKERS = ("circle", "square", "diamond", "triangle", "circle", "square", "diamond", "triangle")

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.7rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.05rem;margin-bottom:.3rem}.event{background:#f3f0e6;padding:.5rem .8rem;border-radius:4px}
.split{font-weight:bold;color:#8a1c00}.tag{font-size:.85em;border:1px solid #777;border-radius:3px;padding:0 .3em}
blockquote{border-left:4px solid #bbb;margin:.4rem 0;padding:.1rem .8rem;color:#333}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}.muted{color:#555}
svg text{font-family:system-ui,sans-serif}
"""


def indicator_chart(report: dict, say: Labels, width: int = 640, height: int = 320) -> str:
    """An SVG line chart of every indicator from the start through each revealed round.

    Gauges with different ranges are drawn on a common 0–100 % scale of their own
    range; the value is written at each point so that no reading depends on the scale.
    """
    scenario = say.scenario
    ids = [i.id for i in scenario.indicators]
    bounds = {i.id: (i.min, i.max) for i in scenario.indicators}
    same_range = len(set(bounds.values())) == 1
    series = {i: [report["indicators_start"][i]] + [r["indicators"][i] for r in report["rounds"]] for i in ids}
    points = len(report["rounds"]) + 1
    left, right, top, bottom = 48, 170, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(k: int) -> float:
        return left + (plot_w * k / (points - 1) if points > 1 else plot_w / 2)

    def y(ident: str, value: int) -> float:
        low, high = bounds[ident]
        share = (value - low) / (high - low) if high > low else 0.5
        return top + plot_h * (1 - share)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" aria-labelledby="chart-title">',
             f'<title id="chart-title">{escape(say("chart"))}</title>',
             f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#999"/>']
    for step in range(5):
        share = step / 4
        gy = top + plot_h * (1 - share)
        parts.append(f'<line x1="{left}" y1="{gy:.1f}" x2="{left + plot_w}" y2="{gy:.1f}" stroke="#ddd"/>')
        if same_range:
            low, high = next(iter(bounds.values()))
            tick = low + (high - low) * share
            label = f"{tick:g}"
        else:
            label = f"{int(share * 100)} %"
        parts.append(f'<text x="{left - 6}" y="{gy + 4:.1f}" font-size="11" text-anchor="end">{label}</text>')
    for k in range(points):
        label = say("start") if k == 0 else say("short_round", number=report["rounds"][k - 1]["number"])
        parts.append(f'<text x="{x(k):.1f}" y="{height - bottom + 18}" font-size="12" '
                     f'text-anchor="middle">{escape(label)}</text>')
    ends = []
    for n, ident in enumerate(ids):
        colour, dash = LINE_STYLES[n % len(LINE_STYLES)]
        coords = [(x(k), y(ident, v)) for k, v in enumerate(series[ident])]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in coords)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        for (px, py), value in zip(coords, series[ident]):
            parts.append(_marker(MARKERS[n % len(MARKERS)], px, py, colour))
            parts.append(f'<text x="{px:.1f}" y="{py - 7:.1f}" font-size="10" text-anchor="middle" '
                         f'fill="{colour}">{value}</text>')
        ends.append([coords[-1][1], ident, colour])
    # End labels, pushed apart so that they never overlap.
    ends.sort()
    for k in range(1, len(ends)):
        ends[k][0] = max(ends[k][0], ends[k - 1][0] + 14)
    if ends and ends[-1][0] > height - 8:
        ends[-1][0] = height - 8
        for k in range(len(ends) - 2, -1, -1):
            ends[k][0] = min(ends[k][0], ends[k + 1][0] - 14)
    for label_y, ident, colour in ends:
        name = say.indicators[ident]
        label = escape(name if len(name) <= 24 else name[:23] + "…")
        parts.append(f'<text x="{left + plot_w + 8}" y="{label_y + 4:.1f}" font-size="12" '
                     f'fill="{colour}">{label}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _marker(shape: str, px: float, py: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{px - 3.5:.1f}" y="{py - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if shape == "diamond":
        return (f'<polygon points="{px:.1f},{py - 5:.1f} {px + 5:.1f},{py:.1f} {px:.1f},{py + 5:.1f} '
                f'{px - 5:.1f},{py:.1f}" fill="{colour}"/>')
    if shape == "triangle":
        return (f'<polygon points="{px:.1f},{py - 5:.1f} {px + 5:.1f},{py + 4:.1f} {px - 5:.1f},{py + 4:.1f}" '
                f'fill="{colour}"/>')
    return f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>'


def render_html(report: dict, scenario: Scenario, language: str) -> str:
    say = Labels(scenario, language)
    teams = {ident: team_display(name, language) for ident, name in report["teams"].items()}
    e = escape
    colon = " :" if language == "fr" else ":"
    out = [f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">',
           f'<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(say('title', title=scenario.title))}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
           f"<h1>{e(say('title', title=scenario.title))}</h1>", "<ul>",
           f"<li>{e(say('territory'))}{colon} {e(scenario.territory.name)}</li>",
           f"<li>{e(say('goal'))}{colon} {e(scenario.goal)}</li>",
           f"<li>{e(say('date'))}{colon} {e(report['times']['created'][:10])}</li>",
           f"<li>{e(say('rounds_played'))}{colon} {len(report['rounds'])} / {report['settings']['rounds']}</li>",
           f"<li>{e(say('seed'))}{colon} {report['seed']}</li>", "</ul>"]
    if not report["finished"]:
        out.append(f"<p><em>{e(say('unfinished'))}</em></p>")
    out.append(f"<h2>{e(say('teams'))}</h2><ul>")
    for ident in report["characters"]:
        character = say.characters[ident]
        out.append(f"<li>{e(say('team_line', team=teams[ident], name=character.name, role=character.role))}</li>")
    out.append("</ul>")
    for entry in report["rounds"]:
        out.append(f"<h2>{e(say('round', number=entry['number']))}</h2>")
        if entry["events"]:
            for ident in entry["events"]:
                event = say.events[ident]
                out.append(f'<p class="event"><strong>{e(say("events"))} — {e(event.title)}.</strong> '
                           f"{e(event.text)}</p>")
        else:
            out.append(f'<p class="muted">{e(say("no_event"))}</p>')
        out.append(f"<h3>{e(say('moves'))}</h3><ul>")
        out += [f"<li>{e(say.move(m, teams))}</li>" for m in entry["moves"]]
        out.append("</ul>")
        if entry["synergies"]:
            out.append(f"<h3>{e(say('synergies'))}</h3><ul>")
            out += [f"<li>{e(say.synergies[s])}</li>" for s in entry["synergies"]]
            out.append("</ul>")
        out.append(f"<h3>{e(say('indicators'))}</h3><ul>")
        for ident, after in entry["indicators"].items():
            out.append(f"<li>{e(say('indicator_line', label=say.indicators[ident], start=entry['indicators_start'][ident], after=after))}</li>")
        out.append(f"</ul><h3>{e(say('verdicts'))}</h3>")
        if entry["verdicts_skipped"] or not entry["verdicts"]:
            out.append(f'<p class="muted">{e(say("verdicts_skipped") if entry["verdicts_skipped"] else say("no_verdict"))}</p>')
        else:
            out.append("<ul>")
            for verdict in entry["verdicts"]:
                name = say.characters[verdict["character"]].name
                text = say.verdict(verdict)
                css = ' class="split"' if say("split") in text else ""
                out.append(f"<li{css}>{e(teams[verdict['character']])} ({e(name)}){colon} {e(text)}</li>")
            out.append("</ul>")
        if entry["prompts"]:
            out.append(f"<h3>{e(say('questions'))}</h3><ul>")
            out += [f'<li><span class="tag">{e(say(p["phase"]))}</span> {e(p["text"])}</li>' for p in entry["prompts"]]
            out.append("</ul>")
        if entry["notes"]:
            out.append(f"<h3>{e(say('notes'))}</h3>")
            out += [f"<blockquote>{'<br>'.join(e(line) for line in note.splitlines())}</blockquote>"
                    for note in entry["notes"]]
    out.append(f"<h2>{e(say('end'))}</h2>")
    ending = say.endings.get(report["ending"]) if report["ending"] else None
    if ending is not None:
        out.append(f"<p><strong>{e(ending.title)}.</strong> {e(ending.text)}</p>")
    elif report["finished"]:
        out.append(f"<p>{e(say('no_ending'))}</p>")
    out.append(f"<h3>{e(say('chart'))}</h3>")
    out.append(indicator_chart(report, say))
    out.append(f"<h3>{e(say('paths'))}</h3><ul>")
    for ident, path in posture_paths(report).items():
        steps = " → ".join(say.postures[p].label for p in path)
        out.append(f"<li>{e(teams[ident])} ({e(say.characters[ident].name)}){colon} {e(steps)}</li>")
    out.append(f"</ul><h3>{e(say('splits'))}</h3>")
    splits = split_moves(report)
    if splits:
        out.append("<ul>")
        out += [f"<li>{e(say('short_round', number=n))} — {e(say.move(m, teams))} — {e(say.verdict(v))}</li>"
                for n, m, v in splits]
        out.append("</ul>")
    else:
        out.append(f"<p>{e(say('none'))}</p>")
    if scenario.debrief.final:
        out.append(f"<h3>{e(say('final'))}</h3><ul>")
        out += [f"<li>{e(prompt_of(p).text)}</li>" for p in scenario.debrief.final]
        out.append("</ul>")
    out.append(f'<hr><p class="muted">{e(say("generated", version=report["session"].get("program") or ""))}</p>')
    out.append("</body>\n</html>\n")
    return "\n".join(out)
