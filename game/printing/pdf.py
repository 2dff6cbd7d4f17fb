"""reportlab's side of paper: the bundled font, paragraph styles, a safe Paragraph, and a Figure drawn as a flowable."""

from __future__ import annotations


from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from game import paths
from game.neutralise import for_pdf
from game.session.report_charts import Figure

FONT, BOLD, ITALIC = "Atkinson", "Atkinson-Bold", "Atkinson-Italic"
PAGE = A4
MARGIN = 15 * mm


def register_fonts() -> None:
    """The bundled Atkinson Hyperlegible, embedded (subset) in every PDF we write."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in ((FONT, "AtkinsonHyperlegible-Regular.ttf"), (BOLD, "AtkinsonHyperlegible-Bold.ttf"),
                       (ITALIC, "AtkinsonHyperlegible-Italic.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(paths.FONTS / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#555555")),
        "muted": ParagraphStyle("muted", parent=body, textColor=colors.HexColor("#555555")),
        "kind": ParagraphStyle("kind", parent=body, fontName=BOLD, fontSize=10, textColor=colors.HexColor("#1f4e9c")),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=22, leading=27, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceBefore=12, spaceAfter=6,
                             textColor=colors.HexColor("#1a1a1a")),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=12, leading=15, spaceBefore=8, spaceAfter=3),
        "label": ParagraphStyle("label", parent=body, fontName=BOLD),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2),
        "big": ParagraphStyle("big", parent=body, fontSize=13, leading=17),
        "card_title": ParagraphStyle("card_title", parent=body, fontName=BOLD, fontSize=14, leading=17),
    }


# Arrows the bundled font lacks (the report's "4 → 6", posture paths): drawn from the PDF's
# standard Symbol font, which every reader has, so they never show as empty boxes.
_ARROWS = {arrow: f'<font name="Symbol">{arrow}</font>' for arrow in "\u2190\u2191\u2192\u2193"}


def _with_arrows(markup: str) -> str:
    for arrow, drawn in _ARROWS.items():
        markup = markup.replace(arrow, drawn)
    return markup


def para(text: str, style: ParagraphStyle, **kwargs) -> Paragraph:
    """A paragraph of plain text: reportlab reads markup (<img src=...>, <a href=...>) in paragraphs, so a
    text from a scenario or a note is escaped first and can never become a tag, a link or a fetched image."""
    safe = "<br/>".join(for_pdf(line) for line in str(text).splitlines())
    return Paragraph(_with_arrows(safe), style, **kwargs)


def bullet(text: str, style: ParagraphStyle) -> Paragraph:
    return para(text, style, bulletText="•")


class FigureFlowable(Flowable):
    """A report chart (game.session.report_charts.Figure) scaled to the frame's width, never split."""

    def __init__(self, figure: Figure, max_width: float):
        super().__init__()
        self.figure = figure
        self.scale = min(1.0, max_width / figure.width)
        self.width = figure.width * self.scale
        self.height = figure.height * self.scale

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def split(self, available_width, available_height):
        return []   # a chart moves to the next page whole

    def draw(self):
        register_fonts()
        canvas = self.canv
        canvas.saveState()
        canvas.translate(0, self.height)
        canvas.scale(self.scale, -self.scale)   # the figure's y grows downwards, like SVG
        for shape in self.figure.shapes:
            getattr(self, "_" + shape[0])(canvas, *shape[1:])
        canvas.restoreState()

    @staticmethod
    def _stroke(canvas, colour, width, dash):
        canvas.setStrokeColor(colors.HexColor(colour))
        canvas.setLineWidth(width)
        canvas.setDash([float(d) for d in dash.split()] if dash else [])

    def _line(self, canvas, x1, y1, x2, y2, colour, width, dash):
        self._stroke(canvas, colour, width, dash)
        canvas.line(x1, y1, x2, y2)

    def _polyline(self, canvas, points, colour, width, dash):
        self._stroke(canvas, colour, width, dash)
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        canvas.drawPath(path, stroke=1, fill=0)

    def _rect(self, canvas, x, y, w, h, fill, stroke, width):
        if fill:
            canvas.setFillColor(colors.HexColor(fill))
        if stroke:
            self._stroke(canvas, stroke, width, "")
        canvas.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)

    def _marker(self, canvas, shape, x, y, colour, size):
        canvas.setFillColor(colors.HexColor(colour))
        canvas.setDash([])
        if shape == "square":
            canvas.rect(x - size * .9, y - size * .9, size * 1.8, size * 1.8, stroke=0, fill=1)
            return
        if shape == "circle":
            canvas.circle(x, y, size, stroke=0, fill=1)
            return
        s = size * 1.2
        points = ([(x, y - s), (x + s, y), (x, y + s), (x - s, y)] if shape == "diamond"
                  else [(x, y - s), (x + s, y + size), (x - s, y + size)])
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)

    def _text(self, canvas, x, y, text, size, colour, anchor, bold):
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(1, -1)   # upright letters in the flipped frame
        canvas.setFillColor(colors.HexColor(colour))
        canvas.setFont(BOLD if bold else FONT, size)
        draw = {"start": canvas.drawString, "middle": canvas.drawCentredString, "end": canvas.drawRightString}[anchor]
        draw(0, 0, for_pdf(text, markup=False))
        canvas.restoreState()
