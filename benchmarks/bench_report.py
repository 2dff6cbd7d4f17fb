"""Benchmark of what the room takes home: `coop report` of a 20-round session, and `coop kit` of the flagship.

Prints, in one run:
- `coop report SESSION --format FMT -o OUT` (md, html, json, pdf) for a 20-round,
  5-character session of the flagship scenario (its rounds raised to 20), against
  a bare Python process that reads the session file (goal for html: <= 3x);
- `coop kit scenarios/quartier_des_tilleuls.yaml -o OUT.pdf`, the whole process, and
  the kit's build alone in-process.
Times are the best of several runs (the first report validates the session's scenario copy and
caches it, as any earlier run of the program on that file would have: later ones read the plain
copy, with no pydantic; it also keeps the report's data, game.session.report_memo, as the end
screen's export does at the end of a game: later reports of the same bytes replay nothing). The
html report is also timed without that memo (removed before each run: the first report of a
session file this program never reported on, e.g. one brought on a USB stick), which replays the
journal. CPU times of the child processes are printed too (steadier on a loaded machine).
Usage: python benchmarks/bench_report.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLAGSHIP = REPO / "scenarios" / "quartier_des_tilleuls.yaml"


CPU: dict = {}   # command -> best CPU time (user + system) of its child process


def children_cpu() -> float:
    """User + system seconds of the finished child processes: getrusage's microseconds where there is one
    (os.times counts clock ticks, 10 ms on Linux: a 20 ms bare process read 10 or 20 ms, its ratios halved)."""
    try:
        import resource
    except ImportError:   # not on Unix
        times = os.times()
        return times.children_user + times.children_system
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best(command: list[str], runs: int, env: dict, before_each=None) -> float:
    """Best wall time of several runs; the best CPU time of the child goes to CPU[tuple(command)]
    (steadier than wall time on a shared, loaded machine). `before_each()` runs before each, untimed."""
    times, cpus = [], []
    for _ in range(runs):
        if before_each is not None:
            before_each()
        before = children_cpu()
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        cpus.append(children_cpu() - before)
    CPU[tuple(command)] = min(cpus)
    return min(times)


def cpu(command: list[str]) -> float:
    return CPU[tuple(command)]


def twenty_round_session(folder: Path) -> Path:
    sys.path.insert(0, str(REPO))
    from game.engine import AddCommitment, AddNote, Setup, bot_next
    from game.session import Session

    scenario = folder / "tilleuls20.yaml"
    text = FLAGSHIP.read_text(encoding="utf-8")
    scenario.write_text(text.replace("\nrounds: 6\n", "\nrounds: 20\n", 1), encoding="utf-8")
    ids = ("elue", "bailleur", "amicale", "habitante", "centre_social")
    session = Session.create(scenario, Setup(ids, {c: f"Les {c}" for c in ids}, 20), 1216529845)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
        if session.state.phase == "debrief" and not session.state.current.notes:
            session.apply(AddNote("Une note de l'animation."))
    session.apply(AddCommitment("Le bailleur réunit l'amicale d'ici juin."))
    session.close()
    return session.path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, COOP_HOME=home)
        # A user's Python keeps compiled modules (__pycache__); some shells set PYTHONDONTWRITEBYTECODE.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["COOP_HOME"] = home
        session = twenty_round_session(Path(home))
        bare_command = [sys.executable, "-c", "import sys; open(sys.argv[1], 'rb').read()", str(session)]
        bare = best(bare_command, args.runs, env)
        bare_cpu = cpu(bare_command)
        print(f"session: {session.stat().st_size / 1024:.0f} KiB, 20 rounds; "
              f"bare process reading it: {bare * 1000:.0f} ms (CPU {bare_cpu * 1000:.0f} ms)")
        coop = [sys.executable, "-m", "game.cli"]
        for fmt in ("md", "json", "html", "pdf"):
            out = Path(home) / f"report.{fmt}"
            command = coop + ["report", str(session), "--format", fmt, "-o", str(out)]
            took = best(command, args.runs, env)
            used = cpu(command)
            goal = "  (goal <= 3.0x)" if fmt == "html" else ""
            print(f"coop report --format {fmt:<4}: {took * 1000:6.0f} ms  {took / bare:5.1f}x the bare read{goal}; "
                  f"CPU {used * 1000:6.0f} ms  {used / bare_cpu:5.1f}x")
        import shutil

        out = Path(home) / "cold.html"
        command = coop + ["report", str(session), "--format", "html", "-o", str(out)]
        took = best(command, args.runs, env,
                    before_each=lambda: shutil.rmtree(Path(home) / "cache" / "reports", ignore_errors=True))
        print(f"  html without the memo (no goal): {took * 1000:6.0f} ms  {took / bare:5.1f}x the bare read (a first report "
              f"of this file: the journal replayed); CPU {cpu(command) * 1000:6.0f} ms  {cpu(command) / bare_cpu:5.1f}x")
        kit = Path(home) / "kit.pdf"
        took = best(coop + ["kit", str(FLAGSHIP), "-o", str(kit)], args.runs, env)
        print(f"coop kit (flagship)      : {took * 1000:6.0f} ms  {took / bare:5.1f}x the bare read; "
              f"{kit.stat().st_size / 1024:.0f} KiB")
        from game.printing.kit import timed_kit

        inside = min(timed_kit(FLAGSHIP)[0] for _ in range(args.runs))
        seconds, pages, size = timed_kit(FLAGSHIP)
        print(f"kit build in-process     : {inside * 1000:6.0f} ms for {pages} pages")


if __name__ == "__main__":
    main()
