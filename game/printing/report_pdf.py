"""The partners' report as an A4 PDF: the same story blocks as the HTML page, the same chart figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

import io

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from game.printing.pdf import MARGIN, PAGE, FigureFlowable, bullet, para, styles
from game.session.report_story import story

if TYPE_CHECKING:
    from game.content.model import Scenario


def blocks_to_flowables(blocks: list[tuple], width: float) -> list:
    s = styles()
    out: list = []
    summary: list = []
    footer: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "title":
            summary += [para(block[2], s["kind"]), para(block[1], s["title"])]
        elif kind == "facts":
            rows = [[para(label, s["label"]), para(str(value), s["body"])] for label, value in block[1]]
            table = Table(rows, colWidths=[width * 0.26, width * 0.70])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
            summary.append(table)
        elif kind == "ending":
            box = Table([[para(block[1], s["h3"])], [para(block[2], s["body"])]], colWidths=[width])
            box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3fb")),
                                     ("LINEBEFORE", (0, 0), (0, -1), 4, colors.HexColor("#1f4e9c"))]))
            summary += [Spacer(1, 6), box]
        elif kind == "h2":
            if summary:
                out.append(KeepTogether(summary))
                summary = []
            if block[2]:
                out.append(PageBreak())
            out += [CondPageBreak(80), para(block[1], s["h2"])]
        elif kind == "h3":
            out += [CondPageBreak(60), para(block[1], s["h3"])]
        elif kind == "p":
            # A paragraph of the summary (an early end, an unfinished game) stays with the summary's box.
            (summary if summary else out).append(para(block[1], s["muted"] if block[2] == "muted" else s["body"]))
        elif kind == "list":
            out += [bullet(item, s["big"] if block[2] == "commitments" else s["bullet"]) for item in block[1]]
        elif kind == "figure":
            _, figure, caption, _key = block
            out.append(KeepTogether([para(caption, s["h3"]), FigureFlowable(figure, width), Spacer(1, 8)]))
        elif kind == "footer":
            footer = list(block[1])
    if summary:
        out.append(KeepTogether(summary))
    if footer:
        out.append(KeepTogether([Spacer(1, 16)] + [para(line, s["small"]) for line in footer]))
    return out


def blocks_to_pdf(blocks: list[tuple], title: str, language: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN, title=title, lang=language,
                                 creator="COOP ou pas COOP", invariant=1)
    s = styles()

    def number(canvas, doc):
        canvas.saveState()
        canvas.setFont(s["small"].fontName, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN / 2, f"{title} — {doc.page}")
        canvas.restoreState()

    document.build(blocks_to_flowables(blocks, document.width), onFirstPage=number, onLaterPages=number)
    return buffer.getvalue()


def render_pdf(report: dict, scenario: Scenario, language: str, notes: bool = True) -> bytes:
    """The partners' report as PDF bytes (text selectable, font embedded)."""
    return blocks_to_pdf(story(report, scenario, language, notes), scenario.title, language)
