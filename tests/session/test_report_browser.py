"""The HTML report in a real browser (headless Chromium, network off): no script runs, nothing is fetched."""

import http.server
import shutil
import subprocess
import threading

import pytest
from report_samples import hostile_scenario, hostile_texts, play

from game.session.report import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: the browser checks are skipped")


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: list = []

    def do_GET(self):   # noqa: N802 (http.server's name)
        Recorder.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


def _browse(page_path, tmp_path, *extra):
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}",
               # The network is off: every name resolves to nothing, only the loopback recorder answers.
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
               "--virtual-time-budget=3000", *extra, page_path.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=90)


def test_a_hostile_report_runs_no_script_and_fetches_nothing_in_chromium(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Recorder.seen = []
    try:
        texts = hostile_texts(port)
        path = play(hostile_scenario(tmp_path, port), teams={"elue": texts[4], "gusp": texts[0]},
                    note=" ".join(texts))
        page = tmp_path / "report.html"
        page.write_text(render(path, "html"), encoding="utf-8")
        dom = _browse(page, tmp_path, "--dump-dom").stdout
        shot = tmp_path / "report.png"
        _browse(page, tmp_path, f"--screenshot={shot}", "--window-size=1000,2000")
    finally:
        server.shutdown()
        server.server_close()
    assert "<body" in dom and 'data-chart="verdicts"' in dom        # the page did load
    assert 'data-pwned="1"' not in dom                              # the hostile script never ran
    assert "<script" not in dom and "<img" not in dom
    assert Recorder.seen == []                                      # and nothing was fetched
    assert shot.exists() and shot.stat().st_size > 10_000


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_printed_from_chromium_on_a4_no_page_cuts_a_chart(tmp_path):
    """The HTML page printed (A4 @page): each chart's caption and its last drawn line share a page."""
    path = play()
    page = tmp_path / "report.html"
    page.write_text(render(path, "html"), encoding="utf-8")
    pdf = tmp_path / "printed.pdf"
    _browse(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    flat = [" ".join(p.split()) for p in pages]
    checks = {"Les indicateurs du territoire au fil des tours": "T4",
              "Le chemin de chaque personnage": "T4",
              "Le verdict de la salle sur chaque coup": "avis partagés"}
    for caption, last in checks.items():
        holding = [n for n, text in enumerate(flat) if caption in text]
        assert holding, caption
        text = flat[holding[0]]
        assert last in text[text.index(caption):], caption
