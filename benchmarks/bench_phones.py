"""Load benchmark of the phones' server, on 127.0.0.1 only, bounded in count and time.

One process is the laptop: a real session (journal, fsync), the phones' server thread and a main loop
that pumps the hub as the window's loop does (woken by each message, else every 10 ms). Another
process simulates the phones with asyncio websockets clients:
1. 8 teams send their moves at the same moment (every move confirmed and on disk);
2. during the verdict, 300 then 1,000 participants connect and each votes on every move, spread over
   10 s (8,000 votes at 1,000).
Prints p50/p99 from a phone's send to the main loop seeing the message, votes lost or counted twice,
the server's CPU (share of one core) and RSS. Goals: p99 <= 50 ms at 300, <= 150 ms at 1,000, 0 lost,
RSS +100 MB at most at 1,000. The machine may be shared: the figures are indicative.

Usage: python benchmarks/bench_phones.py [--voters 300,1000] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCENARIO = ROOT / "scenarios" / "quartier_des_tilleuls.yaml"
DEADLINE = 120.0          # seconds: the whole benchmark gives up after this
CLIENT_PROCESSES = 4      # the simulated phones, spread so that the clients are not the bottleneck


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))


# -- the phones (their own process) ---------------------------------------------------------
async def _team(url, origin, move, sent, device):
    from websockets.asyncio.client import connect

    async with connect(f"{url}?d={device}", origin=origin, compression=None) as ws:
        await ws.recv()                                    # hello
        await asyncio.sleep(0.3)                           # every team connected before anyone plays
        sent.append((device, 1, time.monotonic()))
        await ws.send(json.dumps({"type": "move", **move, "ref": 1}))
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] in ("ok", "refused") and frame.get("ref") == 1:
                return frame["type"]


async def _voter(url, origin, round_number, characters, seconds, sent, answers, start, device):
    from websockets.asyncio.client import connect

    async with connect(f"{url}?d={device}", origin=origin, compression=None, open_timeout=30) as ws:
        await ws.recv()                                    # hello
        await start.wait()
        oks = 0
        for ref, character in enumerate(characters, start=1):
            await asyncio.sleep(random.uniform(0, seconds / len(characters)))
            answer = random.choice(("coop", "pas_coop", "depends"))
            answers[character][answer] += 1
            sent.append((device, ref, time.monotonic()))
            await ws.send(json.dumps({"type": "vote", "round": round_number, "character": character,
                                      "answer": answer, "ref": ref}))
        while oks < len(characters):
            frame = json.loads(await asyncio.wait_for(ws.recv(), 30))
            if frame["type"] == "ok":
                oks += 1
            elif frame["type"] == "refused":
                return -1
        return oks


def phones_process(kind, urls, payload, seconds, pipe):
    raise_fd_limit()

    async def main():
        origin = urls["origin"]
        if kind == "teams":
            sent = []
            results = await asyncio.gather(*[_team(url, origin, payload[c], sent, f"benchteam{i:08d}")
                                             for i, (c, url) in enumerate(urls["teams"].items())])
            return {"sent": sent, "results": results}
        round_number, characters, count, part = payload
        tag = f"benchr{round_number}p{part}v"
        sent_by = [[] for _ in range(count)]
        answers = {c: {"coop": 0, "pas_coop": 0, "depends": 0} for c in characters}
        start = asyncio.Event()
        tasks = [asyncio.create_task(_voter(urls["public"], origin, round_number, characters, seconds,
                                            sent_by[i], answers, start, f"{tag}{i:010d}")) for i in range(count)]
        while not pipe.poll():                  # the laptop says "go" once every voter is connected
            await asyncio.sleep(0.05)
        pipe.recv()
        start.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        return {"sent": sent_by, "results": [r if isinstance(r, int) else repr(r) for r in results],
                "answers": answers}

    pipe.send(asyncio.run(main()))


# -- the laptop ---------------------------------------------------------------------------
class Laptop:
    def __init__(self, home: Path):
        os.environ["COOP_HOME"] = str(home)
        from game.content import load_scenario
        from game.engine import Setup
        from game.phones.hub import PhoneHub
        from game.session import Session
        from game.ui.play import Play, WindowlessApp

        scenario = load_scenario(SCENARIO)
        characters = tuple(c.id for c in scenario.characters)[:8]
        self.session = Session.create(SCENARIO, Setup(characters, {c: c for c in characters}, 3), 5)

        self.play = Play(WindowlessApp(), self.session)
        self.play.show_phase = lambda: None
        self.play.route = lambda: None
        self.hub = PhoneHub.start(self.session.header, characters, "127.0.0.1", 0)
        self.characters = characters
        self.seen: dict = {}
        self.hub.observer = self.observe
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def observe(self, item):
        intent = getattr(item, "intent", None)
        if intent is not None:
            self.seen.setdefault((item.device, item.ref), []).append(time.monotonic())

    def loop(self):
        """The window's loop, phones' part: pump, then nap until a message (at most 10 ms)."""
        wakeup = self.hub.server.wakeup
        while self.running:
            with self.lock:
                self.hub.pump(self.play)
            wakeup.wait(0.01)

    def urls(self):
        base = f"ws://127.0.0.1:{self.hub.port}"
        return {"origin": f"http://127.0.0.1:{self.hub.port}", "public": base + "/ws",
                "teams": {c: f"{base}/ws/t/{t}" for c, t in self.hub.tokens.items()}}

    def submit(self, command):
        with self.lock:
            assert self.play.try_submit(command) is None, command


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def latencies(sent, seen):
    """Milliseconds from each message's send (device, ref, monotonic time: the same clock in both
    processes) to the main loop first seeing it; messages never seen are left out (counted apart)."""
    return [(seen[(device, ref)][0] - at) * 1000 for device, ref, at in sent if (device, ref) in seen]


def run_teams(laptop):
    from game.engine import Advance, bot_move

    laptop.submit(Advance())
    moves = {c: dict(zip(("posture", "action"), bot_move(laptop.play.scenario, laptop.play.state, c)))
             for c in laptop.characters}
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=phones_process, args=("teams", laptop.urls(), moves, 0, child))
    laptop.seen.clear()
    process.start()
    result = parent.recv() if parent.poll(DEADLINE) else None
    process.join(10)
    assert result is not None, "the teams did not finish in time"
    ms = latencies(result["sent"], laptop.seen)
    with laptop.lock:
        state = laptop.play.state
    confirmed = len(state.current.moves) if state.phase == "choices" else len(state.current.moves)
    print(f"8 teams at once: {result['results'].count('ok')} ok, {confirmed} moves confirmed and journaled, "
          f"phase now {state.phase}; send -> main loop p50 {percentile(ms, .5):.1f} ms, "
          f"p99 {percentile(ms, .99):.1f} ms")
    return state.phase == "reveal" and confirmed == 8


def run_voters(laptop, count, seconds):
    from game.engine import Advance

    with laptop.lock:
        state = laptop.play.state
    if state.phase != "verdict":
        while laptop.play.state.phase != "verdict":
            laptop.submit(Advance())
        time.sleep(0.05)
    with laptop.lock:
        laptop.hub.pump(laptop.play)
        if not laptop.hub.vote_open:             # a new round's vote: move on to its verdict
            raise RuntimeError("no open vote")
    state = laptop.play.state
    characters = [m.character for m in state.current.moves]
    laptop.seen.clear()
    rss_before = rss_mb()
    urls = laptop.urls()
    shares = [count // CLIENT_PROCESSES + (i < count % CLIENT_PROCESSES) for i in range(CLIENT_PROCESSES)]
    pipes, processes = [], []
    for part, share in enumerate(shares):
        parent, child = multiprocessing.Pipe()
        process = multiprocessing.Process(target=phones_process, args=(
            "voters", urls, (state.round, characters, share, part), seconds, child))
        process.start()
        pipes.append(parent)
        processes.append(process)
    deadline = time.monotonic() + 60
    while laptop.hub.server._connections < count and time.monotonic() < deadline:
        time.sleep(0.05)
    connected = laptop.hub.server._connections
    cpu0, wall0 = time.process_time(), time.monotonic()
    for parent in pipes:
        parent.send("go")
    parts = [parent.recv() if parent.poll(DEADLINE) else None for parent in pipes]
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    rss_peak = rss_mb()
    for process in processes:
        process.join(10)
    assert all(parts), "the voters did not finish in time"
    result = {"sent": [per for p in parts for per in p["sent"]],
              "results": [r for p in parts for r in p["results"]],
              "answers": {c: {a: sum(p["answers"][c][a] for p in parts) for a in ("coop", "pas_coop", "depends")}
                          for c in characters}}
    time.sleep(0.1)
    with laptop.lock:
        laptop.hub.pump(laptop.play)
        tallies = laptop.hub.votes.tallies()
        voters = laptop.hub.voters
    expected = result["answers"]
    sent = [entry for per in result["sent"] for entry in per]
    seen_counts = [len(v) for v in laptop.seen.values()]
    ms = latencies(sent, laptop.seen)
    unseen = sum(1 for device, ref, _ in sent if (device, ref) not in laptop.seen)
    counted = sum(sum(t) for t in tallies.values())
    lost = sum(1 for c in characters for i, a in enumerate(("coop", "pas_coop", "depends"))
               if tallies[c][i] < expected[c][a])
    extra = sum(1 for c in characters for i, a in enumerate(("coop", "pas_coop", "depends"))
                if tallies[c][i] > expected[c][a])
    failures = [r for r in result["results"] if r != len(characters)]
    print(f"{count} participants ({connected} connected), {len(sent)} votes in {seconds:g} s: "
          f"{counted} counted, {unseen} never seen, tallies short {lost}, over {extra}, seen twice {sum(n > 1 for n in seen_counts)}, "
          f"{voters} voters, clients failing {len(failures)}; send -> main loop p50 {percentile(ms, .5):.1f} ms, "
          f"p99 {percentile(ms, .99):.1f} ms; server CPU {cpu / wall * 100:.0f}% of a core over {wall:.1f} s; "
          f"RSS {rss_before:.0f} -> {rss_peak:.0f} MB (+{rss_peak - rss_before:.0f})")
    # The next count votes afresh: the facilitator closes this vote; the next round's verdict opens.
    with laptop.lock:
        laptop.hub.close_vote(laptop.play)
    return percentile(ms, .99), counted == len(sent) and not failures and not unseen, rss_peak - rss_before


def next_verdict(laptop):
    from game.engine import Advance, ChooseAction, ChoosePosture, ConfirmMove

    with laptop.lock:
        play = laptop.play
        while play.state.phase != "choices":
            command = __import__("game.engine", fromlist=["bot_next"]).bot_next(play.scenario, play.state)
            assert play.try_submit(command) is None
        while play.state.phase == "choices":
            who = play.state.turn
            for command in (ChoosePosture(who, play.scenario.postures[0].id), ChooseAction(who, "observer"),
                            ConfirmMove(who)):
                assert play.try_submit(command) is None
        assert play.try_submit(Advance()) is None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", default="300,1000")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    raise_fd_limit()
    random.seed(1)
    goals = {300: 50.0, 1000: 150.0}
    with tempfile.TemporaryDirectory() as home:
        laptop = Laptop(Path(home))
        print(f"server RSS at start {rss_mb():.0f} MB; load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores (the figures below are indicative on a shared machine)")
        laptop.thread.start()
        ok = run_teams(laptop)
        for index, count in enumerate(int(n) for n in args.voters.split(",")):
            if index:
                next_verdict(laptop)
            p99, whole, growth = run_voters(laptop, count, args.seconds)
            goal = goals.get(count)
            if goal:
                print(f"  p99 / goal = {p99 / goal:.2f} (goal {goal:g} ms)" + (
                    f"; RSS growth / 100 MB = {growth / 100:.2f}" if count == 1000 else ""))
            ok = ok and whole
        laptop.running = False
        laptop.thread.join(5)
        laptop.hub.stop()
        laptop.session.close()
    print("all votes counted exactly once, every move confirmed" if ok else "LOST OR FAILED: see above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
