"""Benchmark of `coop simulate`: games per second of the whole process (start, load, 5000 games, print).

Usage: python benchmarks/bench_simulate.py [--games 5000] [--runs 5] [--scenario PATH] [--sequential]
Scenario: 5 characters, 4 rounds (tests/sim/data/five_characters.yaml). Goals (issue 15): the whole
process ≥ 20,000 games/s at 5,000 games; the vectorised loop alone ≥ 100,000 games/s; each printed
as a ratio to its floor (≥ 1.00x meets it). The fast loop (one game at a time) is printed beside it.
Last, the balance audit of the flagship scenario (`coop simulate scenarios/quartier_des_tilleuls.yaml
--audit`: every posture policy, every table size), whole process, against its 10 s ceiling.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "sim" / "data" / "five_characters.yaml"
FLAGSHIP = ROOT / "scenarios" / "quartier_des_tilleuls.yaml"
AUDIT_CEILING = 10.0   # seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenario", default=str(SCENARIO))
    parser.add_argument("--sequential", action="store_true", help="one process only (no fork)")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.sequential:
        env["COOP_SIMULATE_SEQUENTIAL"] = "1"
    command = [sys.executable, "-m", "game", "simulate", args.scenario,
               "--games", str(args.games), "--seed", "1", "--json"]
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)  # warm the disk cache
    walls, cpus = [], []
    for _ in range(args.runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    best, median = min(walls), statistics.median(walls)
    print(f"scenario: {Path(args.scenario).name}, {args.games} games per run, {args.runs} runs, "
          f"{'one process' if args.sequential else 'up to two processes'}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"wall time per run: best {best:.3f} s, median {median:.3f} s")
    print(f"games/s (whole process): best {args.games / best:,.0f}, median {args.games / median:,.0f}"
          f"   ratio to the 20,000 floor: best {args.games / best / 20000:.2f}x, "
          f"median {args.games / median / 20000:.2f}x")
    print(f"CPU time per run (all processes): median {statistics.median(cpus):.3f} s")
    print(loop_only(Path(args.scenario), args.games))
    print(audit_time(env, max(3, args.runs // 2)))
    return 0


def audit_time(env: dict, runs: int) -> str:
    """The flagship's balance audit, whole process (start, validation, every policy and table size)."""
    command = [sys.executable, "-m", "game", "simulate", str(FLAGSHIP), "--audit", "--json"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return (f"balance audit of {FLAGSHIP.name}, whole process, {runs} runs: median {median:.2f} s, "
            f"best {min(times):.2f} s   ratio to the {AUDIT_CEILING:.0f} s ceiling: {median / AUDIT_CEILING:.2f}x "
            f"(goal <= 1.00x)")


def loop_only(scenario_path: Path, games: int) -> str:
    """The same games inside this process, one process, after loading: what each loop alone costs."""
    sys.path.insert(0, str(ROOT))
    from game.content import load_scenario
    from game.sim.simulate import simulate

    scenario = load_scenario(scenario_path)
    lines = []
    for label, scalar, count in (("vectorised loop (numpy)", False, max(games, 50_000)),
                                 ("fast loop (one game at a time)", True, games)):
        if scalar:
            os.environ["COOP_SIMULATE_SCALAR"] = "1"
        times = []
        for _ in range(3):
            start = time.perf_counter()
            simulate(scenario, count, 1, parallel=False)
            times.append(time.perf_counter() - start)
        os.environ.pop("COOP_SIMULATE_SCALAR", None)
        best = min(times)
        line = (f"{label}, {count} games, scenario loaded: best {best:.3f} s, {count / best:,.0f} games/s, "
                f"{best / count * 1e6:.1f} µs per game")
        if not scalar:
            line += f"   ratio to the 100,000 floor: {count / best / 100000:.2f}x"
        lines.append(line)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
