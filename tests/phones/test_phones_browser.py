"""The phone page in a real browser (Debian's Chromium driven by Playwright, nothing downloaded), on a
non-loopback origin (coop.test mapped to 127.0.0.1: no secure context, as on a LAN address): a team
chooses on its page, a voter votes, the game follows; after the program dies and the game is resumed
on the same port, the page reconnects by itself."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("COOP_CHROMIUM", "/usr/bin/chromium")
SHOTS = os.environ.get("COOP_PHONE_SHOTS")

if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium): browser tests skipped",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install "
                                     "'.[test]'): browser tests skipped")

from game.engine import Advance  # noqa: E402
from phones_room import FakeApp, Room  # noqa: E402

HOST = "coop.test"


class Loop:
    """The main loop for the browser tests: pumps the hub in its own thread (the only one that touches
    the session); `run(f)` runs f there and returns its result."""

    def __init__(self, room):
        self.room, self.lock, self.running = room, threading.Lock(), True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            with self.lock:
                self.room.hub.pump(self.room.play)
            time.sleep(0.01)

    def run(self, function):
        with self.lock:
            return function()

    def until(self, predicate, timeout=10.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.run(predicate):
                return True
            time.sleep(0.02)
        raise AssertionError("the game did not follow")

    def stop(self):
        self.running = False
        self.thread.join(5)


@pytest.fixture
def browser():
    profile = tempfile.mkdtemp(prefix="coop-chromium-")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", f"--host-resolver-rules=MAP {HOST} 127.0.0.1"])
        try:
            yield launched
        finally:
            launched.close()
    shutil.rmtree(profile, ignore_errors=True)


def phone_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=2,
                                  locale="fr-FR", is_mobile=True, has_touch=True)
    return context.new_page()


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=False)


def test_a_team_chooses_and_a_voter_votes_in_chromium(tmp_path, browser):
    room = Room(tmp_path, extra_hosts=(HOST,))
    loop = Loop(room)
    try:
        port = room.hub.port
        loop.run(lambda: room.submit(Advance()))
        team = loop.run(lambda: room.state.turn)
        card = room.play.scenario.character(team)
        page = phone_page(browser)
        page.goto(f"http://{HOST}:{port}/t/{room.hub.tokens[team]}")
        assert page.evaluate("window.isSecureContext") is False
        page.get_by_text(card.secret[:40]).wait_for(timeout=10_000)        # the secret, without a tap
        assert page.locator("#card h2").inner_text() == card.name
        # French typography as on the big screen: no line break after « or before » : ; ! ?
        assert page.evaluate("keep('« Oui » : non ; si ! ou ?')") == "«\u00a0Oui\u00a0»\u00a0: non\u00a0; si\u00a0! ou\u00a0?"
        card_text = page.locator("#card").inner_text()
        assert " ;" not in card.secret or "\u00a0;" in card_text
        assert not re.search("« | [»:;!?]", card_text), card_text
        shot(page, "phone-team-choices")
        posture = room.play.scenario.postures[0]
        page.locator("#choose button", has_text=posture.label).first.click()
        page.locator("#choose button", has_text="Observer / ne rien faire").click()
        page.locator("#choose button.go").click()
        page.get_by_text("Coup confirmé").wait_for(timeout=10_000)
        loop.until(lambda: any(m.character == team for m in room.state.current.moves))
        shot(page, "phone-team-confirmed")

        # The program dies; the game is resumed on the same port: the page comes back by itself.
        loop.stop()
        path, tokens = room.session.path, dict(room.hub.tokens)
        room.hub.stop()
        room.session.close()
        page.get_by_text("Connexion perdue").wait_for(timeout=10_000)
        from game.phones.hub import PhoneHub
        from game.session import Session
        from game.ui.play import Play

        room.session = Session.resume(path)
        room.play = Play(FakeApp(), room.session)
        room.play.show_phase = lambda: None
        room.hub = PhoneHub.start(room.session.header, room.characters, "127.0.0.1", port, extra_hosts=(HOST,))
        assert room.hub.tokens == tokens
        loop = Loop(room)
        page.locator("#link").wait_for(state="hidden", timeout=15_000)
        loop.until(lambda: team in room.hub.claimed())          # the same device took its link again
        page.get_by_text("Coup confirmé").wait_for(timeout=5_000)

        # The other teams play at the keyboard; then the verdict, where a voter votes on the public page.
        def others():
            from game.engine import ChooseAction, ChoosePosture, ConfirmMove

            while room.state.phase == "choices":
                who = room.state.turn
                room.submit(ChoosePosture(who, posture.id), ChooseAction(who, "observer"), ConfirmMove(who))
            room.submit(Advance())

        loop.run(others)
        loop.until(lambda: room.hub.vote_open)
        voter = phone_page(browser)
        voter.goto(f"http://{HOST}:{port}/")
        voter.get_by_text("COOP ou pas COOP ?").first.wait_for(timeout=10_000)
        first = room.state.current.moves[0].character
        row = voter.locator("#verdict > div").first
        row.get_by_role("button", name="pas COOP").click()
        voter.locator('#verdict button[aria-pressed="true"]').wait_for(timeout=10_000)
        loop.until(lambda: room.hub.voters == 1)
        shot(voter, "phone-voter")
        assert "Avis" not in voter.content()       # no tally on a phone
        loop.run(lambda: room.hub.close_vote(room.play))
        verdict = room.state.current.verdicts[first]
        assert (verdict.coop, verdict.pas_coop, verdict.depends) == (0, 1, 0)
        voter.get_by_text("Vote clos").wait_for(timeout=10_000)
        # The voter's page never offers a move.
        assert voter.locator("#choose").is_hidden() and voter.locator("#card").is_hidden()
    finally:
        loop.stop()
        room.close()


def test_a_team_page_counts_the_choices_down_by_itself(tmp_path, browser):
    """The choices timer on a phone: the page shows the time left and counts it down without a new frame;
    a pause on the laptop shows as paused."""
    import re

    room = Room(tmp_path, extra_hosts=(HOST,), choices_minutes=2)
    loop = Loop(room)
    try:
        loop.run(lambda: room.submit(Advance()))
        team = room.characters[1]
        page = phone_page(browser)
        page.goto(f"http://{HOST}:{room.hub.port}/t/{room.hub.tokens[team]}")
        clock = page.locator("#clock")
        clock.wait_for(timeout=10_000)
        first = clock.inner_text()
        assert re.fullmatch(r"Temps pour choisir : 0[12]:\d\d", first), first
        end = time.monotonic() + 5
        while clock.inner_text() == first and time.monotonic() < end:     # no new frame: the page counts
            time.sleep(0.1)
        assert clock.inner_text() != first
        shot(page, "phone-choices-timer")
        from game.ui.scenes.base import monotonic_ms

        loop.run(lambda: room.play.shared.choices_timer.toggle(monotonic_ms()))
        page.get_by_text("(en pause)").wait_for(timeout=5_000)
    finally:
        loop.stop()
        room.close()
