"""Issue 15's goals in one run: each benchmark below, and only the lines that state a goal or a ratio.

Runs bench_first_screen (dummy driver and Xvfb), bench_flip, bench_validate, bench_simulate,
bench_report, bench_ui and bench_presenter one after the other (a few minutes) and prints each
goal's line as that benchmark printed it (a ratio to its floor, or a figure beside its goal).
Figures need a quiet machine: the 2-core machine of CI or a laptop with nothing else running.
Usage: .venv/bin/python benchmarks/bench_goals.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = [
    ("first real screen (dummy driver)", ["bench_first_screen.py", "--runs", "9"]),
    ("first real screen (Xvfb)", ["bench_first_screen.py", "--runs", "9", "--x11"]),
    ("a flip on X11", ["bench_flip.py"]),
    ("coop validate", ["bench_validate.py", "--runs", "7"]),
    ("coop simulate", ["bench_simulate.py", "--runs", "7"]),
    ("coop report", ["bench_report.py", "--runs", "5"]),
    ("screens, memory, waiting CPU", ["bench_ui.py"]),
    ("two windows", ["bench_presenter.py"]),
]
MARKS = ("goal", "ratio", "floor")


def main() -> int:
    import os

    # As on a user's machine after the first run: compiled modules kept in __pycache__.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for title, command in RUNS:
        print(f"== {title}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], capture_output=True, text=True, env=env)
        lines = [line for line in done.stdout.splitlines() if any(mark in line for mark in MARKS)]
        for line in lines or done.stdout.splitlines()[-3:]:
            print("  " + line.strip())
        if done.returncode != 0:
            print(f"  (exit {done.returncode}: {done.stderr.strip().splitlines()[-1:] or ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
