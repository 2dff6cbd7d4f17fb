"""Fault test of sessions: SIGKILL a process writing a session at random moments, then check the session.

Each round forks a writer (a separate process that resumes the session, plays
the bot's commands one by one, and reports on a pipe each command whose
`Session.apply` has returned, i.e. is confirmed), kills it with SIGKILL after a
random delay, and checks that the session still opens, holds every confirmed
command, and replays to the state of the uninterrupted game. The next writer
resumes the same session (the dead writer's lock must not block it); a finished
game starts a new session.

With --phones, the writer is a laptop with phones on (a subprocess: the phones' server on one port of
127.0.0.1, the facilitator's steps by the bot), the teams play and a voter votes from websocket clients
in this process, and the laptop is killed at random moments of the phone game: every move a phone was
told was confirmed, and every vote the laptop closed, must be in the session; after each restart, on
the same port, every phone must reconnect by itself to the resumed game.

Usage: python scripts/fault_kill.py [--kills 1000] [--seed 1] [--max-delay-ms 20] [--dir DIR] [--broken-writer]
       python scripts/fault_kill.py --phones [--kills 40] [--max-delay-ms 600]
Prints: kills, unreadable sessions, commands lost (goal: 0 and 0), and more.
Linux/macOS only (fork, SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import select
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content import load_scenario  # noqa: E402
from game.engine import Setup, apply, bot_next, new_game  # noqa: E402
from game.session import Session, SessionError, replay_file  # noqa: E402

SCENARIO = ROOT / "tests" / "sim" / "data" / "five_characters.yaml"
CHARACTERS = ("elue", "bailleur", "habitante", "asso", "gusp")
SETUP = Setup(CHARACTERS, {c: c.upper() for c in CHARACTERS}, 4)


def reference_states(scenario, seed):
    """Every state of the uninterrupted bot game: states[k] after k commands."""
    state = new_game(scenario, SETUP, seed)
    states = [state]
    while (command := bot_next(scenario, state)) is not None:
        state, _ = apply(scenario, state, command)
        states.append(state)
    return states


def writer(path: Path, report_fd: int, broken: bool = False) -> None:
    """The child: resume, then apply the bot's commands, reporting each confirmed count.

    `broken` reports a command as confirmed before applying it (a program that
    moves on before the disk has the command): the check must then find losses.
    """
    code = 0
    try:
        session = Session.resume(path)
        os.write(report_fd, f"resumed {len(session.commands)}\n".encode())
        while (command := bot_next(session.scenario, session.state)) is not None:
            if broken:
                os.write(report_fd, f"{len(session.commands) + 1}\n".encode())
                time.sleep(0.002)
            session.apply(command)
            os.write(report_fd, f"{len(session.commands)}\n".encode())
        os.write(report_fd, b"finished\n")
        while True:          # wait for the kill, like a program left open
            time.sleep(1)
    except SessionError as error:
        os.write(report_fd, f"error {error.code}\n".encode())
        code = 3
    finally:
        os._exit(code)


def wait_for_resume(fd: int) -> bytes:
    """Read the writer's reports until it says it has resumed (or 10 s pass)."""
    data = b""
    deadline = time.monotonic() + 10
    while b"\n" not in data and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
    return data


def read_reports(fd: int) -> list[str]:
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode().split()


def main() -> int:
    if sys.argv[1:2] == ["--laptop"]:
        from fault_phones import laptop

        return laptop(Path(sys.argv[2]), int(sys.argv[3]))
    if "--phones" in sys.argv[1:]:
        from fault_phones import phones_main

        return phones_main([a for a in sys.argv[1:] if a != "--phones"])
    parser = argparse.ArgumentParser(description="SIGKILL session writers at random moments and check the sessions.")
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay-ms", type=float, default=20.0)
    parser.add_argument("--dir", help="sessions folder (default: a new temporary folder)")
    parser.add_argument("--broken-writer", action="store_true",
                        help="self-check: a writer that claims commands before writing them (losses expected)")
    args = parser.parse_args()
    chance = random.Random(args.seed)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="coop-fault-"))
    scenario = load_scenario(SCENARIO)
    kills = unreadable = lost = wrong_state = blocked = sessions = 0
    confirmed_total = 0
    started = time.perf_counter()
    path, states = None, None
    game_seed = args.seed * 1000
    while kills < args.kills:
        if path is None:
            game_seed += 1
            session = Session.create(SCENARIO, SETUP, game_seed, folder=folder)
            path = session.path
            session.close()
            states = reference_states(scenario, game_seed)
            sessions += 1
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:
            os.close(reading)
            writer(path, writing, args.broken_writer)
        os.close(writing)
        early = b""
        if chance.random() < 0.2:
            # Some kills land while the writer resumes (reading, cutting off a torn tail).
            time.sleep(chance.uniform(0, 80) / 1000)
        else:
            early = wait_for_resume(reading)
            time.sleep(chance.uniform(0, args.max_delay_ms) / 1000)
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        kills += 1
        reports = early.decode().split() + read_reports(reading)
        os.close(reading)
        if "error" in reports:
            blocked += 1
        counts = [int(word) for word in reports if word.isdigit()]
        confirmed = max(counts, default=0)
        try:
            replay = replay_file(path)
        except SessionError as error:
            unreadable += 1
            print(f"kill {kills}: unreadable session {path.name}: {error}", file=sys.stderr)
            path = None
            continue
        on_disk = len(replay.commands)
        confirmed_total += max(0, confirmed - (int(reports[1]) if reports[:1] == ["resumed"] else 0))
        if on_disk < confirmed:
            lost += confirmed - on_disk
            print(f"kill {kills}: {confirmed} confirmed, {on_disk} on disk", file=sys.stderr)
        if on_disk >= len(states) or replay.state != states[on_disk]:
            wrong_state += 1
            print(f"kill {kills}: replay differs from the uninterrupted game", file=sys.stderr)
        if replay.state.finished:
            path = None
    elapsed = time.perf_counter() - started
    print(f"kills: {kills}")
    print(f"unreadable sessions: {unreadable}")
    print(f"commands lost: {lost}")
    print(f"replays differing from the uninterrupted game: {wrong_state}")
    print(f"resumes refused (lock or error): {blocked}")
    print(f"sessions played: {sessions}; commands confirmed between kills: {confirmed_total}")
    print(f"time: {elapsed:.1f} s")
    return 0 if unreadable == lost == wrong_state == blocked == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
