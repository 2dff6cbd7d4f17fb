"""A game with phones for tests: a real session and Play, the hub on 127.0.0.1, phones as websocket clients."""

from __future__ import annotations

import json
import time
from pathlib import Path
from types import SimpleNamespace

from websockets.sync.client import connect

from game.engine import Setup
from game.phones.hub import PhoneHub
from game.session import Session
from game.ui.play import Play, WindowlessApp

REPO = Path(__file__).resolve().parents[2]
TILLEULS = REPO / "scenarios" / "quartier_des_tilleuls.yaml"


FakeApp = WindowlessApp


class Room:
    def __init__(self, tmp_path: Path, characters=None, scenario=TILLEULS, seed=3, on_send=None, choices_minutes=0.0,
                 **options):
        from game.content import load_scenario

        scenario_model = load_scenario(scenario)
        ids = tuple(c.id for c in scenario_model.characters)[: (characters or 3)]
        setup = Setup(ids, {c: str(i + 1) for i, c in enumerate(ids)}, 2, choices_minutes=choices_minutes)
        self.session = Session.create(scenario, setup, seed, folder=tmp_path / "sessions")
        self.app = FakeApp()
        self.play = Play(self.app, self.session)
        self.play.show_phase = lambda: None
        self.hub = PhoneHub.start(self.session.header, ids, "127.0.0.1", 0, on_send=on_send, **options)
        self.characters = ids
        self.phones: list[Phone] = []

    @property
    def state(self):
        return self.play.state

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.hub.port}"

    def pump(self, seconds=0.05):
        """Run the main loop's side for `seconds`; the phones read what they were sent meanwhile."""
        end = time.monotonic() + seconds
        while True:
            self.hub.pump(self.play)
            for phone in self.phones:
                phone.drain()
            if time.monotonic() >= end:
                return
            time.sleep(0.005)

    def phone(self, character=None, device=None, origin=None) -> "Phone":
        phone = open_phone(self.hub, lambda: self.hub.pump(self.play), character, device, origin)
        self.phones.append(phone)
        return phone

    def submit(self, *commands):
        for command in commands:
            assert self.play.try_submit(command) is None, command

    def close(self):
        for phone in self.phones:
            try:
                phone.ws.close()
            except Exception:
                pass
        self.hub.stop()
        self.session.close()


def open_phone(hub, pump, character=None, device=None, origin=None) -> "Phone":
    """A phone on the public link or a team's, pumping the main loop with `pump` while it waits."""
    path = "/ws" if character is None else f"/ws/t/{hub.tokens[character]}"
    if device:
        path += f"?d={device}"
    origin = origin or f"http://127.0.0.1:{hub.port}"
    phone = Phone(pump, connect(f"ws://127.0.0.1:{hub.port}{path}", origin=origin, open_timeout=5, legacy=True))
    phone.wait(lambda m: m["type"] == "hello")
    return phone


class Phone:
    def __init__(self, pump, ws):
        self.pump, self.ws = pump, ws
        self.frames: list[dict] = []
        self.device = None
        self.ref = 0

    def _take(self, timeout):
        try:
            text = self.ws.recv(timeout=timeout)
        except TimeoutError:
            return None
        frame = json.loads(text)
        if frame["type"] == "hello":
            self.device = frame["device"]
        self.frames.append(frame)
        return frame

    def drain(self):
        while self._take(0) is not None:
            pass

    def wait(self, predicate, timeout=5.0):
        """Pump the hub and read frames until one matches; returns it."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump()
            frame = self._take(0.02)
            if frame is not None and predicate(frame):
                return frame
        raise AssertionError(f"no such frame; last frames: {self.frames[-3:]}")

    def state(self):
        """The latest state frame (after pumping)."""
        for _ in range(5):
            self.pump()
            time.sleep(0.01)
        while self._take(0.02) is not None:
            self.pump()
        return [f for f in self.frames if f["type"] == "state"][-1]

    def send(self, message: dict | str):
        self.ref += 1
        if isinstance(message, dict):
            message = json.dumps({**message, "ref": self.ref})
        self.ws.send(message)
        return self.ref

    def ask(self, message: dict) -> dict:
        """Send and wait for the answer to that message (ok or refused)."""
        ref = self.send(message)
        return self.wait(lambda f: f["type"] in ("ok", "refused") and f.get("ref") == ref)
