"""Cost of showing one frame on X11 (Xvfb), with SDL's default OpenGL texture path and with the
shared-memory path the game chooses (game.ui.app.set_display_hints).

Prints, per window size, the wall time of one flip and the process's peak memory for both paths,
and the ratio to the 2 ms goal at 1080p. Needs Xvfb; run: .venv/bin/python benchmarks/bench_flip.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

CHILD = r"""
import resource, sys, time
import pygame
pygame.display.init()
w, h = map(int, sys.argv[1].split("x"))
window = pygame.Window("flip", (w, h))
surface = window.get_surface()
for i in range(5):
    surface.fill((i * 10, 100, 100)); window.flip()
frames = 40
start = time.perf_counter()
for i in range(frames):
    surface.fill((i * 5 % 255, 120, 90)); window.flip()
flip = (time.perf_counter() - start) / frames
start = time.perf_counter()
for i in range(frames):
    surface.fill((i * 5 % 255, 120, 90))
fill = (time.perf_counter() - start) / frames
print(f"{(flip - fill) * 1000:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
"""


def measure(display: str, size: str, accel: str | None) -> tuple[float, float]:
    env = dict(os.environ, DISPLAY=display, SDL_VIDEODRIVER="x11", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("SDL_FRAMEBUFFER_ACCELERATION", None)
    if accel is not None:
        env["SDL_FRAMEBUFFER_ACCELERATION"] = accel
    runs = [subprocess.run([sys.executable, "-c", CHILD, size], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(3)]
    return min(float(r[0]) for r in runs), min(float(r[1]) for r in runs)


def main() -> int:
    if not shutil.which("Xvfb"):
        print("Xvfb is not installed: nothing measured")
        return 0
    display = ":93"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "3840x2160x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        for size in ("1920x1080", "3840x2160"):
            gl_ms, gl_mb = measure(display, size, None)
            shm_ms, shm_mb = measure(display, size, "0")
            print(f"{size}: flip with SDL's default (OpenGL texture) {gl_ms:6.2f} ms, {gl_mb:4.0f} MB peak; "
                  f"with SDL_FRAMEBUFFER_ACCELERATION=0 (XShm) {shm_ms:6.2f} ms, {shm_mb:4.0f} MB peak"
                  + (f"; ratio to the 2 ms goal {shm_ms / 2.0:.2f}x" if size == "1920x1080" else ""))
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
