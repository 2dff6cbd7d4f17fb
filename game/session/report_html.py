"""The HTML report for partners: one self-contained, print-ready page (A4) that runs no script and fetches nothing.

Its content is the story of game/session/report_story.py; the charts are inline SVG
drawn from the same figures the PDF draws. Every text is escaped here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.neutralise import for_html as escape  # one neutralising function per destination
from game.session.report_charts import to_svg
from game.session.report_story import story

if TYPE_CHECKING:
    from game.content.model import Scenario

# No url(), no @import, no web font: the page stands alone on a USB stick or in an e-mail.
STYLE = """
@page{size:A4;margin:16mm 15mm 18mm}
body{font-family:"Atkinson Hyperlegible",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:50rem;
margin:1.5rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
header.summary{border:2px solid #1f4e9c;border-radius:6px;padding:.6rem 1.2rem 1rem;margin-bottom:1.2rem}
.kind{text-transform:uppercase;letter-spacing:.08em;color:#1f4e9c;font-weight:bold;margin:0}
h1{font-size:1.8rem;margin:.2rem 0 .6rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:1.8rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
.ending{background:#eef3fb;border-left:6px solid #1f4e9c;padding:.5rem 1rem;margin:1rem 0}
.ending strong{display:block;font-size:1.15rem}
ul.commitments li{font-size:1.05rem;margin:.2rem 0}
figure.chart{margin:1rem 0;border:1px solid #ddd;border-radius:4px;padding:.5rem}
figure.chart figcaption{font-weight:bold;margin-bottom:.3rem}
.event{background:#f3f0e6;padding:.4rem .8rem;border-radius:4px}
ul.splits li{color:#8a1c00}ul.notes li{font-style:italic}
.muted{color:#555}p.indicators{font-size:.95rem}
footer{margin-top:2.5rem;border-top:1px solid #bbb;padding-top:.4rem;color:#555;font-size:.85rem}
footer p{margin:.1rem 0}
svg text{font-family:"Atkinson Hyperlegible",system-ui,sans-serif}
.page-break{break-before:page;page-break-before:always}
figure.chart,header.summary,.ending,li{break-inside:avoid;page-break-inside:avoid}
h2,h3{break-after:avoid;page-break-after:avoid}
@media print{body{margin:0;max-width:none}figure.chart{border:none}}
"""


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in str(text).splitlines()) or ""


def blocks_to_html(blocks: list[tuple], language: str) -> str:
    """The page of a list of story blocks (see report_story)."""
    title = next((b[1] for b in blocks if b[0] == "title"), "")
    kind = next((b[2] for b in blocks if b[0] == "title"), "")
    out = ['<!DOCTYPE html>', f'<html lang="{escape(language)}">', '<head>', '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           # Belt and braces: even a bug here could not run a script or fetch a resource.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">",
           f"<title>{escape(kind)} — {escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>"]
    in_header = False
    for block in blocks:
        kind_ = block[0]
        if kind_ == "title":
            out += ['<header class="summary">', f'<p class="kind">{escape(block[2])}</p>',
                    f"<h1>{escape(block[1])}</h1>"]
            in_header = True
        elif kind_ == "facts":
            out.append('<dl class="facts">')
            out += [f"<dt>{escape(label)}</dt><dd>{escape(str(value))}</dd>" for label, value in block[1]]
            out.append("</dl>")
        elif kind_ == "ending":
            out.append(f'<div class="ending"><strong>{escape(block[1])}</strong>{_lines(block[2])}</div>')
        else:
            if in_header:
                out.append("</header>")
                in_header = False
            if kind_ == "h2":
                css = ' class="page-break"' if block[2] else ""
                out.append(f"<h2{css}>{escape(block[1])}</h2>")
            elif kind_ == "h3":
                out.append(f"<h3>{escape(block[1])}</h3>")
            elif kind_ == "p":
                css = f' class="{block[2]}"' if block[2] else ""
                out.append(f"<p{css}>{_lines(block[1])}</p>")
            elif kind_ == "list":
                css = f' class="{block[2]}"' if block[2] else ""
                out.append(f"<ul{css}>" + "".join(f"<li>{_lines(item)}</li>" for item in block[1]) + "</ul>")
            elif kind_ == "figure":
                _, figure, caption, key = block
                out.append(f'<figure class="chart" data-chart="{key}"><figcaption>{escape(caption)}</figcaption>')
                out.append(to_svg(figure, f"chart-{key}"))
                out.append("</figure>")
            elif kind_ == "footer":
                out.append("<footer>" + "".join(f"<p>{escape(line)}</p>" for line in block[1]) + "</footer>")
    if in_header:
        out.append("</header>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def render_html(report: dict, scenario: Scenario, language: str, notes: bool = True) -> str:
    """The partners' report as one HTML page; `notes=False` leaves the facilitator's notes out."""
    return blocks_to_html(story(report, scenario, language, notes), language)
