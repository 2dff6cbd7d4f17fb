"""How soon the first real screen shows, against a bare pygame-ce program (issue 15's first goal).

Three figures, each the median of several runs, each printed as a ratio to its floor (goal <= 1.3x):
- `coop play` (the title screen) and `coop play SCENARIO` (its setup screen): process start to the
  first real screen drawn (the program prints a marker right after drawing it), against a bare
  program that opens the same window, draws one line of the same font and flips;
- `coop play SCENARIO --autoplay --seed 1 --screenshots DIR`: process start to the first PNG on disk,
  both when the file appears and when it is complete, against the bare program saving its PNG.
The first two also print the CPU time (user + system) of the process up to its marker, against the
bare program's: wall time on a 2-core machine moves with whatever else runs, CPU time much less.
Usage: .venv/bin/python benchmarks/bench_first_screen.py [--runs 9] [--x11] (--x11: under Xvfb)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "une_place_a_l_ombre.yaml"
FONT = ROOT / "assets" / "fonts" / "AtkinsonHyperlegibleOpenZero-Bold.ttf"   # the game's own font file
BARE = f"""
import sys
import pygame
pygame.display.init()
pygame.font.init()
window = pygame.Window("COOP ou pas COOP", (1280, 720), resizable=True)
surface = window.get_surface()
surface.fill((250, 247, 240))
font = pygame.font.Font({str(FONT)!r}, 49)
surface.blit(font.render("COOP ou pas COOP", True, (16, 53, 90)), (29, 58))
window.flip()
if len(sys.argv) > 1:
    pygame.image.save(surface, sys.argv[1])
else:
    print("first-screen", flush=True)
"""


from bench_report import children_cpu  # noqa: E402 - this folder is the script's own on sys.path

CPU: dict[str, list[float]] = {}   # label -> CPU seconds (user + system) of each run's child, up to its marker


def until_marker(command: list[str], env: dict, label: str = "") -> float:
    """Wall time from process start to its marker line; the child's CPU time up to then (it is killed at
    once) goes to CPU[label]: steadier than wall time when something else runs on the machine."""
    before = children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    for line in process.stdout:
        if line.startswith("first-screen"):
            elapsed = time.perf_counter() - start
            process.kill()
            process.wait()
            CPU.setdefault(label, []).append(children_cpu() - before)
            return elapsed
    raise RuntimeError(f"no marker from {command}")


def complete(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            stream.seek(-12, os.SEEK_END)
            return stream.read().startswith(b"\x00\x00\x00\x00IEND")
    except OSError:
        return False


def until_file(command: list[str], target: Path, env: dict) -> tuple[float, float]:
    """(file appears, file complete) after process start."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    appeared = None
    try:
        while True:
            if appeared is None and target.exists():
                appeared = time.perf_counter() - start
            if appeared is not None and complete(target):
                return appeared, time.perf_counter() - start
            if process.poll() is not None and not target.exists():
                raise RuntimeError(f"{command} ended without writing {target}")
            time.sleep(0.0005)
    finally:
        process.kill()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--x11", action="store_true", help="under Xvfb instead of the dummy driver")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="coop-bench-")
    # The data folder found as a user's is (platformdirs, from XDG_DATA_HOME), not given by COOP_HOME,
    # which would skip platformdirs' import (about 2 ms before the first screen).
    env = dict(os.environ, XDG_DATA_HOME=home, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("COOP_HOME", None)
    # A user's Python keeps compiled modules (__pycache__) after the first run; some shells set
    # PYTHONDONTWRITEBYTECODE, which would make every run compile the game's modules afresh.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    server = None
    if args.x11:
        if not shutil.which("Xvfb"):
            print("Xvfb is not installed")
            return 0
        server = subprocess.Popen(["Xvfb", ":94", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        env.update(DISPLAY=":94", SDL_VIDEODRIVER="x11")
        # The bare program gets the game's own display path, so that only the program differs.
        env.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    else:
        env["SDL_VIDEODRIVER"] = "dummy"
    coop = [sys.executable, "-m", "game", "play", "--size", "1280x720"]
    try:
        # One warm-up run of each (disk caches, the scenario's validated copy).
        until_marker([sys.executable, "-c", BARE], env)
        marked = dict(env, COOP_BENCH_FIRST_SCREEN="1")
        until_marker(coop, marked)
        until_marker(coop + [str(SCENARIO)], marked)
        bare, title, setup = [], [], []
        bare_file, ours_file = [], []
        for run in range(args.runs):
            bare.append(until_marker([sys.executable, "-c", BARE], env, "bare"))
            title.append(until_marker(coop, marked, "title"))
            setup.append(until_marker(coop + [str(SCENARIO)], marked, "setup"))
            folder = Path(home) / f"shots{run}"
            bare_png = Path(home) / f"bare{run}.png"
            bare_file.append(until_file([sys.executable, "-c", BARE, str(bare_png)], bare_png, env))
            ours_file.append(until_file(coop + [str(SCENARIO), "--autoplay", "--seed", "1", "--screenshots",
                                                str(folder)], folder / "001-title.png", env))
        floor = statistics.median(bare)
        where = "Xvfb (x11)" if args.x11 else "SDL dummy driver"
        print(f"first real screen, median of {args.runs} runs, 1280x720, {where}, load {os.getloadavg()[0]:.1f}:")
        print(f"  bare pygame-ce program (window, one line, flip) : {floor * 1000:6.1f} ms")
        floor_cpu = statistics.median(CPU["bare"])
        for key, label, times in (("title", "coop play (title screen)", title),
                                  ("setup", "coop play SCENARIO (setup)", setup)):
            median = statistics.median(times)
            used = statistics.median(CPU[key])
            print(f"  {label:<46}: {median * 1000:6.1f} ms   ratio {median / floor:.2f}x (goal <= 1.3x); "
                  f"CPU {used * 1000:5.1f} ms vs {floor_cpu * 1000:5.1f} ms, {used / floor_cpu:.2f}x")
        for k, label in enumerate(("appears", "complete")):
            floor_png = statistics.median(t[k] for t in bare_file)
            ours = statistics.median(t[k] for t in ours_file)
            print(f"  autoplay's first PNG {label:<9} vs bare PNG {floor_png * 1000:6.1f} ms: "
                  f"{ours * 1000:6.1f} ms   ratio {ours / floor_png:.2f}x (goal <= 1.3x)")
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
