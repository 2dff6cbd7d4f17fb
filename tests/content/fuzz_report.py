"""A long fuzzing run of the loader, for the figures: how many inputs were tried, which was the slowest.

Not collected by pytest (its name does not start with test_). Run it by hand:
    .venv/bin/python tests/content/fuzz_report.py [--examples N]
Exits 1 at the first exception other than ScenarioError (hypothesis prints the input).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from fuzz_strategies import ANY_FILE  # noqa: E402
from test_fuzz import check_loader_on  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--save-slowest", metavar="FILE", help="write the slowest input there")
    args = parser.parse_args()
    tried = {"count": 0, "slowest": 0.0, "input": b""}

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(ANY_FILE)
    def run(data: bytes) -> None:
        start = time.perf_counter()
        check_loader_on(data)
        elapsed = time.perf_counter() - start
        tried["count"] += 1
        if elapsed > tried["slowest"]:
            tried["slowest"], tried["input"] = elapsed, data

    check_loader_on(b"format: 1\n")  # builds the model's validator once, outside the timings
    start = time.perf_counter()
    run()
    total = time.perf_counter() - start
    if args.save_slowest:
        Path(args.save_slowest).write_bytes(tried["input"])
    sample = tried["input"][:120]
    # A lone slow input may be the machine (another process, a garbage collection):
    # timing it again tells whether the input itself is slow.
    again = []
    for _ in range(5):
        start = time.perf_counter()
        check_loader_on(tried["input"])
        again.append(time.perf_counter() - start)
    print(f"inputs tried: {tried['count']} in {total:.1f} s; slowest: {tried['slowest'] * 1000:.1f} ms "
          f"({len(tried['input'])} bytes, starting {sample!r}); "
          f"the same input timed again: best {min(again) * 1000:.1f} ms of 5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
