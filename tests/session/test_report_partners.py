"""The report for partners (html and pdf): summary first, three charts, no cut chart, nothing live from a text."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from report_samples import HOSTILE, hostile_scenario, hostile_texts, play

from game.cli import main
from game.session.report import render
from game.session.report_charts import figure_points
from game.session.report_data import build_report
from game.session.report_story import charts, story
from game.session.session import replay_file

CHARTS = ("indicators", "postures", "verdicts")


class Tags(HTMLParser):
    """Every start tag and attribute of a page, and the text inside <style>."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.styles, self._in_style = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_the_html_report_draws_the_three_charts_each_as_inline_svg():
    page = render(play(), "html")
    for key in CHARTS:
        figure = re.search(rf'<figure class="chart" data-chart="{key}">(.*?)</figure>', page, re.S)
        assert figure is not None, key
        assert "<svg" in figure.group(1) and "</svg>" in figure.group(1)
    indicators = re.search(r'data-chart="indicators">(.*?)</figure>', page, re.S).group(1)
    assert indicators.count("<polyline") == 4
    postures = re.search(r'data-chart="postures">(.*?)</figure>', page, re.S).group(1)
    assert postures.count("<polyline") == 5   # one path per character


def test_the_summary_comes_first_and_the_seed_only_in_the_footer():
    path = play(seed=1216529845)
    page = render(path, "html")
    seed = "1216529845"
    ending = page.index('class="ending"')
    assert ending < page.index('data-chart="indicators"') < page.index('class="page-break"')
    footer = page.index("<footer>")
    assert seed not in page[:footer] and f"Graine du tirage : {seed}" in page[footer:]
    assert "Graine : " not in page


def test_teams_are_named_by_one_rule():
    page = render(play(teams={"elue": "Les élu·es", "bailleur": "Bailleur", "habitante": "Équipe Zoé",
                              "asso": "asso", "gusp": "gusp"}), "html")
    assert "équipe\u00a0Les élu·es" in page and "équipe\u00a0Bailleur" in page and "Équipe Zoé" in page
    assert "Équipe Bailleur" not in page and "équipe Équipe" not in page


def test_generic_questions_are_listed_once_not_under_every_round():
    page = render(play(), "html")
    assert page.count("Comment vous sentez-vous ?") == 1
    assert page.count("Qu&#x27;est-ce qui vous a surpris ?") == 1


def test_the_notes_can_be_left_out(tmp_path):
    path = play(note="Note confidentielle de l'animation")
    assert "Note confidentielle" in render(path, "html")
    assert "Note confidentielle" not in render(path, "html", notes=False)
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "--format", "pdf", "--no-notes", "-o", str(out)]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "Note confidentielle" not in text and "Compte rendu d" in text


def test_a_pdf_report_needs_an_output_file(capsys):
    assert main(["report", str(play()), "--format", "pdf"]) == 2
    assert "-o" in capsys.readouterr().err


def test_every_chart_stays_inside_its_box_even_for_twenty_rounds_and_eight_characters():
    report = build_report(replay_file(play()))
    # Stretch the played report to 20 rounds and 8 characters, the format's most.
    first = report["rounds"][0]
    report["rounds"] = [dict(first, number=n) for n in range(1, 21)]
    scenario = replay_file(play()).scenario
    for key, figure, _ in charts(report, scenario, "fr"):
        for x, y in figure_points(figure):
            assert -1 <= x <= figure.width + 1 and -1 <= y <= figure.height + 1, key


def _pdf_pages(data: bytes, tmp_path) -> list[str]:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_no_pdf_page_cuts_a_chart(tmp_path):
    """Each chart's caption and its last line of drawing (round labels, legend) are on the same page."""
    path = play()
    data = render(path, "pdf")
    pages = _pdf_pages(data, tmp_path)
    report = build_report(replay_file(path))
    last_round = f"T{report['rounds'][-1]['number']}"
    ends = {"indicators": last_round, "postures": last_round, "verdicts": "avis partagés"}
    for key, figure, caption in charts(report, replay_file(path).scenario, "fr"):
        holding = [n for n, page in enumerate(pages) if caption[:30] in page]
        assert holding, key
        page = pages[holding[0]]
        assert ends[key] in page[page.index(caption[:30]):], key


def test_the_pdf_layout_keeps_each_chart_whole_on_one_page():
    """Through reportlab's own layout: a chart flowable refuses to split and fits the frame it lands in."""
    from game.printing.pdf import FigureFlowable
    from game.printing.report_pdf import blocks_to_pdf

    drawn = []
    original = FigureFlowable.drawOn

    def record(self, canvas, x, y, _sW=0):
        drawn.append((canvas.getPageNumber(), y, self.height))
        return original(self, canvas, x, y, _sW)

    FigureFlowable.drawOn = record
    try:
        path = play()
        replay = replay_file(path)
        blocks_to_pdf(story(build_report(replay), replay.scenario, "fr"), "t", "fr")
    finally:
        FigureFlowable.drawOn = original
    from game.printing.pdf import MARGIN, PAGE
    assert len(drawn) == 3
    for _, y, height in drawn:
        assert y >= MARGIN - 0.5 and y + height <= PAGE[1] - MARGIN + 0.5


def test_hostile_texts_never_become_live_html(tmp_path):
    scenario = hostile_scenario(tmp_path)
    texts = hostile_texts()
    path = play(scenario, teams={"elue": texts[0], "bailleur": texts[1], "habitante": texts[2],
                                 "asso": texts[3], "gusp": texts[4]},
                note=" ".join(texts))
    for notes in (True, False):
        page = render(path, "html", notes=notes)
        tags = parsed(page)
        assert "script" not in tags.tags and "a" not in tags.tags and "img" not in tags.tags
        assert set(tags.tags) <= {"html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2",
                                  "h3", "dl", "dt", "dd", "div", "strong", "ul", "li", "figure", "figcaption",
                                  "svg", "line", "polyline", "rect", "circle", "polygon", "text", "br", "footer"}
        for tag, name, value in tags.attributes:
            assert not name.startswith("on") and name not in ("href", "src", "xlink:href"), (tag, name)
            assert "javascript:" not in value and "http:" not in value.replace("http://www.w3.org/2000/svg", "")
        assert len(tags.styles) == 1 and "</style" not in tags.styles[0] and "url(" not in tags.styles[0]
        for text in HOSTILE[:2]:            # tag-shaped: only ever escaped
            assert text not in page


def test_hostile_texts_stay_plain_text_in_the_pdf(tmp_path):
    scenario = hostile_scenario(tmp_path)
    texts = hostile_texts()
    path = play(scenario, teams={"elue": texts[4]}, note=" ".join(texts))
    data = render(path, "pdf")
    assert b"/URI" not in data and b"javascript" not in data.lower() and b"/XObject" not in data
    if shutil.which("pdftotext"):
        text = "".join(_pdf_pages(data, tmp_path))
        assert "<script>" in text      # written out as letters, not read as markup


def test_commitments_place_and_facilitator_lead_the_report():
    from game.engine import AddCommitment, SetWorkshop

    def after(session):
        session.apply(AddCommitment("Le bailleur <réunit> l'amicale d'ici juin"))
        session.apply(SetWorkshop("Maison des Tilleuls", "Zoé Martin"))

    path = play(extra=after)
    report = build_report(replay_file(path))
    assert report["commitments"] == ["Le bailleur <réunit> l'amicale d'ici juin"]
    assert report["workshop"] == {"place": "Maison des Tilleuls", "facilitator": "Zoé Martin"}
    page = render(path, "html")
    summary = page[: page.index("</header>")]
    assert "Maison des Tilleuls" in summary and "Zoé Martin" in summary
    commitment = page.index("Le bailleur &lt;réunit&gt; l&#x27;amicale d&#x27;ici juin")
    assert page.index("</header>") < commitment < page.index('data-chart="indicators"')


def test_every_character_of_the_pdf_report_has_a_glyph_in_its_font(tmp_path):
    """No empty box: each character drawn with the bundled font is in it (arrows come from Symbol)."""
    from reportlab.pdfbase.ttfonts import TTFontFile
    from reportlab.platypus import Paragraph

    from game import paths
    from game.printing.pdf import FONT, para, styles

    cmap = TTFontFile(str(paths.FONTS / "AtkinsonHyperlegible-Regular.ttf")).charToGlyph
    replay = replay_file(play())
    missing = set()
    for block in story(build_report(replay), replay.scenario, "fr"):
        texts = [block[1]] if block[0] in ("p", "h2", "h3") else block[1] if block[0] in ("list", "footer") else []
        for text in texts:
            paragraph = para(text, styles()["body"])
            assert isinstance(paragraph, Paragraph)
            for fragment in paragraph.frags:
                if fragment.fontName.startswith(FONT):
                    missing |= {ch for ch in fragment.text if ord(ch) not in cmap and not ch.isspace()}
    assert not missing, missing
