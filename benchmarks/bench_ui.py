"""Figures of the screens: time to the first frame against a bare pygame-ce program, full redraw time of each
screen at 1920x1080, CPU of a waiting screen, peak memory of a whole autoplay of an 8-character scenario.

Run: .venv/bin/python benchmarks/bench_ui.py   (starts one Xvfb server for the x11 figures when Xvfb is installed)
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
PYTHON = sys.executable
SIZE = (1280, 720)

BARE = f"""
import pygame
pygame.display.init()
pygame.font.init()
window = pygame.Window("COOP ou pas COOP", {SIZE}, resizable=True)
surface = window.get_surface()
surface.fill((250, 247, 240))
font = pygame.font.Font({str(ROOT / 'assets/fonts/AtkinsonHyperlegible-Bold.ttf')!r}, 49)
surface.blit(font.render("COOP ou pas COOP", True, (16, 53, 90)), (29, 58))
window.flip()
print("first-frame", flush=True)
"""


def headless_env(home: str) -> dict:
    env = dict(os.environ, COOP_HOME=home, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    return env


def time_to_marker(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    for line in process.stdout:
        if line.startswith(("first-frame", "first-screen")):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"no first frame from {command}")
    process.wait()
    return elapsed


def first_frame(home: str, runs: int = 7, display: str | None = None) -> None:
    env = headless_env(home)
    if display:
        env.update(DISPLAY=display, SDL_VIDEODRIVER="x11")
        # The bare program gets the game's own display path (game.ui.app.set_display_hints), so that only
        # the program differs: without it, the bare window took SDL's OpenGL path and the ratio read 0.58x.
        env.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    bare = min(time_to_marker([PYTHON, "-c", BARE], env) for _ in range(runs))
    coop_env = dict(env, COOP_BENCH_FIRST_SCREEN="1")   # the real title screen, not the placeholder
    coop = min(time_to_marker([PYTHON, "-m", "game", "play", "--size", f"{SIZE[0]}x{SIZE[1]}"], coop_env)
               for _ in range(runs))
    where = "under Xvfb" if display else "dummy driver"
    print(f"time to first frame (process start to title shown, best of {runs}, {SIZE[0]}x{SIZE[1]}, "
          f"SDL_VIDEODRIVER={env['SDL_VIDEODRIVER']}, {where}):")
    print(f"  bare pygame-ce window + one line : {bare * 1000:7.1f} ms")
    print(f"  coop play (title screen)         : {coop * 1000:7.1f} ms   ratio {coop / bare:.2f}x (goal <= 1.3x)")


def redraw_times(home: str) -> None:
    os.environ["COOP_HOME"] = home
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.ui.settings import Settings
    from game.ui.shell import App
    from ui_long_scenario import write_long_scenario
    from ui_walk import walk_game

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window("bench", (1920, 1080))
    app = App(window, Settings())
    app.seed = 3
    path = write_long_scenario(Path(home))
    times: dict[str, list[float]] = {}

    def measure(app, scene):
        label = scene.name + (f"-{scene.shot_suffix()}" if scene.shot_suffix() else "")
        label = label if scene.name not in ("handoff", "choice") else scene.name
        if label in times:
            return
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            scene.draw(app.canvas)
            samples.append(time.perf_counter() - start)
        times[label] = samples

    walk_game(app, path, measure)
    print("full redraw of each screen at 1920x1080 (8-character long-text scenario, median of 5, fonts warm):")
    for label, samples in times.items():
        print(f"  {label:22s} {statistics.median(samples) * 1000:7.1f} ms")
    window.destroy()


def cpu_of_waiting_screen(home: str, seconds: float = 10.0, display: str | None = None) -> None:
    env = dict(os.environ, COOP_HOME=home, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    command = [PYTHON, "-m", "game", "play", "--size", "1920x1080"]
    if display:
        env.update(DISPLAY=display, SDL_VIDEODRIVER="x11")
        where = "under Xvfb (SDL x11 driver)"
    else:
        env["SDL_VIDEODRIVER"] = "dummy"
        where = "with the dummy video driver (Xvfb not installed)"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        time.sleep(4.0)   # let it start and draw the title
        # Only the game's own process: the X server's work is not the game's.
        pids = [p for p in [process.pid] + children(process.pid) if is_game(p)]
        before = sum(cpu_seconds(p) for p in pids)
        time.sleep(seconds)
        pids = [p for p in pids if Path(f"/proc/{p}").exists()]
        after = sum(cpu_seconds(p) for p in pids)
    finally:
        kill_tree(process)
    share = (after - before) / seconds * 100
    print(f"CPU of the title screen waiting for a key, {where}: {share:.2f} % of one core "
          f"over {seconds:.0f} s (goal <= 1 %)")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
                found += children(int(entry.name))
    return found


def is_game(pid: int) -> bool:
    try:
        return b"game" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False


def kill_tree(process) -> None:
    for pid in reversed(children(process.pid)):
        try:
            os.kill(pid, 15)
        except OSError:
            pass
    process.terminate()
    process.wait()


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_of_autoplay(home: str, display: str | None = None) -> None:
    from ui_long_scenario import write_long_scenario

    path = write_long_scenario(Path(home), characters=8, rounds=6)
    env = headless_env(home)
    env["SDL_VIDEODRIVER"] = "dummy"
    where, goal = "dummy driver", 150
    if display:
        env.update(DISPLAY=display, SDL_VIDEODRIVER="x11")
        where, goal = "under Xvfb, the game's own X11 display path", 80
    start = time.perf_counter()
    process = subprocess.Popen([PYTHON, "-m", "game", "play", str(path), "--autoplay", "--seed", "1",
                                "--size", "1920x1080"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    output = process.stdout.read().strip()
    peak = usage.ru_maxrss / 1024
    print(f"peak memory of a whole autoplay (8 characters, 6 rounds, 1920x1080, {where}, "
          f"exit {os.waitstatus_to_exitcode(status)}): {peak:.1f} MB max RSS (goal <= {goal} MB, "
          f"ratio {peak / goal:.2f}x); {elapsed:.1f} s; \"{output}\"")


def start_xvfb(display: str = ":87", screen: str = "1920x1080x24"):
    """One X server for the whole run (xvfb-run per command would time its own start-up)."""
    binary = shutil.which("Xvfb")
    if not binary:
        return None, None
    server = subprocess.Popen([binary, display, "-screen", "0", screen, "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    if server.poll() is not None:
        return None, None
    return server, display


def main() -> None:
    server, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            first_frame(home)
            if display:
                first_frame(home, display=display)
            redraw_times(home)
            cpu_of_waiting_screen(home, display=display)
            peak_memory_of_autoplay(home)
            if display:
                peak_memory_of_autoplay(home, display=display)
    finally:
        if server is not None:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
