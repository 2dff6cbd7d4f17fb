"""The phone game of scripts/fault_kill.py --phones: a laptop subprocess killed at random moments while
phones (websocket clients, threads of this process) play and vote; see fault_kill.py's docstring."""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fault_kill import SCENARIO, SETUP  # noqa: E402


def laptop(path: Path, port: int) -> int:
    """The killed process: resume, serve the phones on `port`, let the bot do the facilitator's steps;
    print "resumed N", then "closed ROUND CHARACTER C P D" for each vote closed (after it is journaled)."""
    from game.engine import bot_next
    from game.phones.hub import PhoneHub
    from game.session import Session
    from game.ui.play import Play, WindowlessApp

    session = Session.resume(path)
    play = Play(WindowlessApp(), session)
    play.route = lambda: None
    for attempt in range(50):
        try:
            hub = PhoneHub.start(session.header, session.state.setup.characters, "127.0.0.1", port)
            break
        except OSError:
            time.sleep(0.1)
    else:
        print("error port", flush=True)
        return 3
    print(f"resumed {len(session.commands)}", flush=True)
    opened = None
    while True:
        hub.pump(play)
        state = play.state
        if state.finished:
            print("finished", flush=True)
            time.sleep(3600)
        if state.phase == "choices":
            time.sleep(0.002)
            continue
        if state.phase == "verdict" and hub.vote_open:
            opened = opened or time.monotonic()
            if hub.voters or time.monotonic() - opened > 0.5:
                tallies = hub.votes.tallies()
                hub.close_vote(play)
                for character, (c, p, d) in tallies.items():
                    if c + p + d:
                        print(f"closed {state.round} {character} {c} {p} {d}", flush=True)
                opened = None
            time.sleep(0.002)
            continue
        command = bot_next(play.scenario, state)
        if command is not None and play.try_submit(command) is not None:
            time.sleep(0.01)
        time.sleep(0.005)


class PhoneClient(threading.Thread):
    """A phone that reconnects by itself: a team plays the first allowed posture and action of its
    page; the public phone votes COOP on every move. Records what the laptop said was confirmed."""

    def __init__(self, url, origin, character=None):
        super().__init__(daemon=True)
        self.url, self.origin, self.character = url, origin, character
        self.confirmed: list[tuple] = []        # (round, character, posture, action) the laptop said ok to
        self.connections = 0
        self.states_after_connect = 0
        self.running = True
        self.pending = {}

    def run(self):
        from websockets.sync.client import connect

        device = f"fault{(self.character or 'voter'):>16}".replace(" ", "x")[:24]
        while self.running:
            try:
                with connect(f"{self.url}?d={device}", origin=self.origin, open_timeout=2, close_timeout=1) as ws:
                    self.connections += 1
                    fresh = True
                    ref = 0
                    while self.running:
                        frame = json.loads(ws.recv(timeout=5))
                        if frame["type"] == "state":
                            if fresh:
                                self.states_after_connect += 1
                                fresh = False
                            message = self.react(frame)
                            if message is not None:
                                ref += 1
                                self.pending[ref] = message[1]
                                ws.send(json.dumps({**message[0], "ref": ref}))
                        elif frame["type"] == "ok" and frame.get("ref") in self.pending:
                            what = self.pending.pop(frame["ref"])
                            if what is not None:
                                self.confirmed.append(what)
            except Exception:  # noqa: BLE001 - the laptop was killed: try again, as the page does
                time.sleep(0.05)

    def react(self, frame):
        if self.character is not None:
            if frame["phase"] == "choices" and frame.get("move") is None and frame.get("actions"):
                posture = frame["postures"][0]["id"]
                action = next(a["id"] for a in frame["actions"] if a["allowed"])
                return ({"type": "move", "posture": posture, "action": action},
                        (frame["round"], self.character, posture, action))
            return None
        if frame["phase"] == "verdict" and frame["vote"]["open"] and frame["moves"]:
            if getattr(self, "voted", None) != frame["round"]:
                self.voted = frame["round"]
                return ({"type": "vote", "round": frame["round"], "character": frame["moves"][0]["character"],
                         "answer": "coop"}, None)
        return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def phones_main(argv) -> int:
    from game.session import Session, SessionError, replay_file

    parser = argparse.ArgumentParser(prog="fault_kill.py --phones")
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay-ms", type=float, default=600.0)
    parser.add_argument("--dir")
    args = parser.parse_args(argv)
    chance = random.Random(args.seed)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="coop-fault-phones-"))
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    kills = unreadable = lost_moves = lost_votes = not_reconnected = sessions = 0
    moves_checked = votes_checked = 0
    started = time.perf_counter()
    path = None
    clients: list[PhoneClient] = []
    closed: list[tuple] = []
    seed = args.seed * 1000
    while kills < args.kills:
        if path is None:
            for client in clients:
                client.running = False
            seed += 1
            session = Session.create(SCENARIO, SETUP, seed, folder=folder)
            path = session.path
            tokens = __import__("game.phones.links", fromlist=["team_tokens"]).team_tokens(
                session.header["phones_key"], SETUP.characters)
            session.close()
            clients = [PhoneClient(f"ws://127.0.0.1:{port}/ws/t/{tokens[c]}", origin, c) for c in SETUP.characters]
            clients.append(PhoneClient(f"ws://127.0.0.1:{port}/ws", origin))
            for client in clients:
                client.start()
            closed = []
            sessions += 1
        before = [c.states_after_connect for c in clients]
        child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("fault_kill.py")), "--laptop",
                                  str(path), str(port)], stdout=subprocess.PIPE, text=True)
        first = child.stdout.readline()
        if not first.startswith("resumed"):
            print(f"kill {kills}: the laptop did not resume: {first!r}", file=sys.stderr)
        # Every phone reconnects to the resumed game by itself (within 10 s).
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(
                c.states_after_connect <= b for c, b in zip(clients, before)):
            time.sleep(0.01)
        not_reconnected += sum(c.states_after_connect <= b for c, b in zip(clients, before))
        time.sleep(chance.uniform(0, args.max_delay_ms) / 1000)
        child.kill()
        child.wait()
        kills += 1
        for line in child.stdout.read().splitlines() + []:
            words = line.split()
            if words[:1] == ["closed"]:
                closed.append((int(words[1]), words[2], int(words[3]), int(words[4]), int(words[5])))
        child.stdout.close()
        try:
            replay = replay_file(path)
        except SessionError as error:
            unreadable += 1
            print(f"kill {kills}: unreadable session: {error}", file=sys.stderr)
            path = None
            continue
        rounds = {log.number: log for log in replay.state.log}
        for client in clients:
            for number, character, posture, action in client.confirmed:
                moves_checked += 1
                log = rounds.get(number)
                if log is None or not any((m.character, m.posture, m.action) == (character, posture, action)
                                          for m in log.moves):
                    lost_moves += 1
                    print(f"kill {kills}: move of {character} in round {number} confirmed but not on disk",
                          file=sys.stderr)
        for number, character, c, p, d in closed:
            votes_checked += 1
            verdict = rounds.get(number) and rounds[number].verdicts.get(character)
            if verdict is None or (verdict.coop, verdict.pas_coop, verdict.depends) != (c, p, d):
                lost_votes += 1
                print(f"kill {kills}: closed vote on {character} in round {number} not on disk", file=sys.stderr)
        if replay.state.finished:
            path = None
    for client in clients:
        client.running = False
    print(f"kills: {kills}")
    print(f"unreadable sessions: {unreadable}")
    print(f"confirmed moves lost: {lost_moves} (of {moves_checked} checks)")
    print(f"closed votes lost: {lost_votes} (of {votes_checked} checks)")
    print(f"phones that did not reconnect to the resumed game within 10 s: {not_reconnected}")
    print(f"sessions played: {sessions}; time: {time.perf_counter() - started:.1f} s")
    return 0 if unreadable == lost_moves == lost_votes == not_reconnected == 0 else 1
