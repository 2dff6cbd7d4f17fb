"""Figures of presenter mode: redraw cost of the laptop's and the wall's windows at 1920x1080 for every
screen of a game, and CPU of the program with both windows open while it waits (a situation screen) and
while the debrief timer runs, under Xvfb.

Run: .venv/bin/python benchmarks/bench_presenter.py   (the CPU figures need Xvfb; the machine may be shared:
the figures are indicative, compare the ratios)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))
sys.path.insert(0, str(ROOT / "benchmarks"))
PYTHON = sys.executable
SIZE = (1920, 1080)

from bench_ui import cpu_seconds, start_xvfb  # noqa: E402


def redraw_times(home: str) -> None:
    os.environ["COOP_HOME"] = home
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.ui.presenter import close_wall, open_wall
    from game.ui.settings import Settings
    from game.ui.shell import App
    from ui_long_scenario import write_long_scenario
    from ui_walk import walk_game

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window("bench", SIZE)
    app = App(window, Settings())
    app.seed = 3
    open_wall(app, always=True, size=SIZE)
    laptop, wall = app.displays
    path = write_long_scenario(Path(home))
    times: dict[str, tuple[list[float], list[float], list[float]]] = {}

    def measure(app, scene):
        label = scene.name + (f"-{scene.shot_suffix()}" if scene.shot_suffix() else "")
        label = label if scene.name not in ("handoff", "choice") else scene.name
        if label in times:
            return
        draws = ([], [], [])
        for _ in range(5):
            for display, samples in ((laptop, draws[0]), (wall, draws[1])):
                start = time.perf_counter()
                display.target.draw(display.canvas)
                samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            wall.window.flip()
            draws[2].append(time.perf_counter() - start)
        times[label] = draws

    walk_game(app, path, measure)
    print(f"full redraw at {SIZE[0]}x{SIZE[1]} per screen (8-character long-text scenario, median of 5, fonts warm,"
          f" SDL_VIDEODRIVER={os.environ['SDL_VIDEODRIVER']}):")
    print(f"  {'screen':22s} {'laptop':>8s} {'wall':>8s} {'both':>8s}  wall/laptop  wall flip")
    totals = [0.0, 0.0]
    for label, (lap, wal, flip) in times.items():
        lap_ms, wall_ms = statistics.median(lap) * 1000, statistics.median(wal) * 1000
        totals[0] += lap_ms
        totals[1] += wall_ms
        print(f"  {label:22s} {lap_ms:7.1f}  {wall_ms:7.1f}  {lap_ms + wall_ms:7.1f}   {wall_ms / lap_ms:9.2f}x "
              f"  {statistics.median(flip) * 1000:6.2f} ms")
    print(f"  {'all screens':22s} {totals[0]:7.1f}  {totals[1]:7.1f}  {sum(totals):7.1f}   "
          f"{totals[1] / totals[0]:9.2f}x")
    close_wall(app)
    window.destroy()


# The game with both windows whatever the displays (Xvfb has one screen), at the situation of round 1 or at
# the first debrief with its timer running; it runs the real interactive loop (App.run).
DRIVER = """
import sys
from game.cli import build_parser
from game.ui import presenter
from game.ui.shell import App

phase = sys.argv[2]
both = sys.argv[3] == "two"
opened = presenter.open_wall
presenter.open_wall = lambda app, **options: opened(app, always=True, size=(1920, 1080))
real_run = App.run


def run(app):
    if phase == "debrief":
        from game.engine import bot_next
        from game.ui.scenes.base import monotonic_ms

        session = app.play.session
        while session.state.phase != "debrief":
            app.play.submit(bot_next(session.scenario, session.state))
        app.play.shared.timer_for(session.state).toggle(monotonic_ms())
        app.invalidate()
    return real_run(app)


App.run = run
from game.ui.app import run_play
run_play(build_parser().parse_args(["play", sys.argv[1], "--no-setup", "--size", "1920x1080", "--seed", "1"]
                                   + (["--presenter"] if both else [])))
"""


def cpu_with_two_windows(home: str, display: str, phase: str, seconds: float = 20.0, both: bool = True) -> float:
    env = dict(os.environ, COOP_HOME=home, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               DISPLAY=display, SDL_VIDEODRIVER="x11", PYTHONPATH=str(ROOT))
    scenario = ROOT / "scenarios" / "quartier_des_tilleuls.yaml"
    process = subprocess.Popen([PYTHON, "-c", DRIVER, str(scenario), phase, "two" if both else "one"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(5.0)   # start, open both windows, draw
        if process.poll() is not None:
            raise RuntimeError(f"the game stopped: {process.stderr.read()[-800:]}")
        windows = subprocess.run(["xwininfo", "-display", display, "-root", "-children"], capture_output=True,
                                 text=True).stdout.count("COOP ou pas COOP") if shutil.which("xwininfo") else -1
        before = cpu_seconds(process.pid)
        time.sleep(seconds)
        after = cpu_seconds(process.pid)
    finally:
        process.terminate()
        process.wait()
    share = (after - before) / seconds * 100
    what = "situation screen waiting for a key" if phase == "situation" else "debrief with its timer running"
    goal = 1.5 if both else 1.0
    print(f"CPU with {'two windows' if both else 'one window'} ({windows} COOP windows on the X server), {what}, "
          f"under Xvfb: {share:.2f} % of one core over {seconds:.0f} s"
          + (f"   ratio to the {goal} % goal {share / goal:.2f}x" if phase == "debrief" else ""))
    return share


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        redraw_times(home)
    server, display = start_xvfb(":88", "3840x1080x24")
    if server is None:
        print("Xvfb not installed: no CPU figures")
        return
    try:
        for phase in ("situation", "debrief"):
            with tempfile.TemporaryDirectory() as home:
                cpu_with_two_windows(home, display, phase)
        with tempfile.TemporaryDirectory() as home:
            cpu_with_two_windows(home, display, "debrief", both=False)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
