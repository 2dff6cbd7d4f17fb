"""A real X server with two monitors (Xorg + the dummy video driver + xrandr), to check the presenter's windows.

Xvfb has one screen and SDL sees one display there; a laptop beside a projector is two RandR outputs on
one X screen. The dummy driver (Debian: xserver-xorg-video-dummy) has 16 outputs, DUMMY0 connected and
the others once xrandr gives them a mode; x11-xserver-utils brings xrandr, imagemagick `import`.

    python scripts/two_displays.py --out /tmp/two [--layout extended|mirrored|single]
        [--laptop 1280x720] [--wall 1920x1080] [--wait 6] [--shots 1] [-- COMMAND ...]

Starts Xorg on a display number it picks free, sets the layout (extended: the wall right of the laptop;
mirrored: the same mode at the same place; single: the laptop only), prints what SDL reports
(`displays.json`), runs COMMAND (default: the bundled scenario in presenter mode, at once), waits,
saves the whole X screen and each monitor cropped from it (`NN-root.png`, `NN-laptop.png`,
`NN-wall.png`), ends COMMAND with SIGTERM (the game's own way to stop at once) and stops Xorg.
Exit 0 when every step worked; the report says what SDL saw and where each window was.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

XORG_CONF = """\
Section "ServerFlags"
  Option "DontVTSwitch" "true"
  Option "AllowMouseOpenFail" "true"
  Option "PciForceNone" "true"
  Option "AutoEnableDevices" "false"
  Option "AutoAddDevices" "false"
EndSection
Section "InputDevice"
  Identifier "mouse"
  Driver "void"
  Option "CorePointer" "true"
EndSection
Section "InputDevice"
  Identifier "keyboard"
  Driver "void"
  Option "CoreKeyboard" "true"
EndSection
Section "Device"
  Identifier "card"
  Driver "dummy"
  VideoRam {video_ram}
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0 - 1000.0
  VertRefresh 5.0 - 200.0
{modelines}
EndSection
Section "Screen"
  Identifier "screen"
  Device "card"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Modes {modes}
    Virtual {virtual_w} {virtual_h}
  EndSubSection
EndSection
Section "ServerLayout"
  Identifier "layout"
  Screen "screen"
  InputDevice "mouse"
  InputDevice "keyboard"
EndSection
"""

PROBE = """\
import json, os
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.display.init()
from game.ui import displays
found = displays.read_displays()
plan = displays.plan_displays(found)
print(json.dumps({"driver": pygame.display.get_driver(), "num_displays": pygame.display.get_num_displays(),
                  "desktop_sizes": pygame.display.get_desktop_sizes(),
                  "bounds": [list(b) for b in found], "plan": plan.kind, "wall": plan.wall}))
"""


def size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def modeline(width: int, height: int) -> tuple[str, str]:
    """A 60 Hz CVT mode named WxH (cvt ships with the X server)."""
    out = subprocess.run(["cvt", str(width), str(height), "60"], capture_output=True, text=True, check=True).stdout
    line = next(text for text in out.splitlines() if text.startswith("Modeline"))
    timings = line.split(None, 2)[2]
    return f"{width}x{height}", f'  Modeline "{width}x{height}" {timings}'


def _read_display_number(reading: int, server: subprocess.Popen, work: Path) -> int:
    """The display number Xorg writes once it listens (a line of digits); SystemExit if it stops first."""
    text = b""
    deadline = time.monotonic() + 10
    try:
        while not text.endswith(b"\n"):
            if not select.select([reading], [], [], max(0.0, deadline - time.monotonic()))[0]:
                server.terminate()
                raise SystemExit("Xorg did not say its display number within 10 s")
            chunk = os.read(reading, 16)
            if not chunk:
                raise SystemExit(f"Xorg stopped at once; see {work / 'xorg.log'}")
            text += chunk
    finally:
        os.close(reading)
    return int(text)


def start_xorg(work: Path, laptop, wall) -> tuple[subprocess.Popen, str]:
    names, lines = zip(*{modeline(*laptop), modeline(*wall)})
    virtual_w, virtual_h = laptop[0] + wall[0], max(laptop[1], wall[1])
    # The dummy driver refuses a screen larger than its video memory (kB): the whole virtual screen, 4 bytes
    # a pixel, with room to spare.
    video_ram = virtual_w * virtual_h * 4 // 1024 * 2
    conf = work / "xorg.conf"
    conf.write_text(XORG_CONF.format(video_ram=video_ram, modelines="\n".join(lines),
                                     modes=" ".join(f'"{n}"' for n in names), virtual_w=virtual_w,
                                     virtual_h=virtual_h), encoding="utf-8")
    # Xorg picks a free display number itself and writes it to `writing` (-displayfd): two of these
    # scripts starting at once (the tests' two workers) never race for the same number.
    reading, writing = os.pipe()
    server = subprocess.Popen(["Xorg", "-displayfd", str(writing), "-config", str(conf), "-noreset",
                               "-nolisten", "tcp", "-logfile", str(work / "xorg.log")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(writing,))
    os.close(writing)
    number = _read_display_number(reading, server, work)
    display = f":{number}"
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit(f"Xorg stopped at once; see {work / 'xorg.log'}")
        if subprocess.run(["xrandr", "-display", display, "-q"], capture_output=True).returncode == 0:
            return server, display
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("Xorg did not answer within 10 s")


def xrandr(display: str, *args: str) -> None:
    subprocess.run(["xrandr", "-display", display, *args], check=True)


def set_layout(display: str, layout: str, laptop, wall) -> dict[str, tuple[int, int, int, int]]:
    """Set the monitors; returns each one's rectangle on the X screen."""
    laptop_mode, wall_mode = f"{laptop[0]}x{laptop[1]}", f"{wall[0]}x{wall[1]}"
    xrandr(display, "--output", "DUMMY0", "--mode", laptop_mode, "--pos", "0x0")
    if layout == "single":
        return {"laptop": (0, 0, *laptop)}
    if layout == "mirrored":
        xrandr(display, "--addmode", "DUMMY1", laptop_mode)
        xrandr(display, "--output", "DUMMY1", "--mode", laptop_mode, "--same-as", "DUMMY0")
        return {"laptop": (0, 0, *laptop), "wall": (0, 0, *laptop)}
    xrandr(display, "--addmode", "DUMMY1", wall_mode)
    xrandr(display, "--output", "DUMMY1", "--mode", wall_mode, "--right-of", "DUMMY0")
    return {"laptop": (0, 0, *laptop), "wall": (laptop[0], 0, *wall)}


def probe_outputs(display: str) -> None:
    """The dummy driver marks an output connected once it has a mode, but the server learns it only when a
    client asks it to probe (a plain `xrandr -q`); SDL asks for the current state without probing and
    would see one display."""
    subprocess.run(["xrandr", "-display", display, "-q"], capture_output=True, check=True)


def window_places(display: str) -> list[str]:
    """Every mapped top-level window with its place, as xwininfo says."""
    out = subprocess.run(["xwininfo", "-display", display, "-root", "-children"], capture_output=True,
                         text=True).stdout
    return [line.strip() for line in out.splitlines() if '"' in line and "has no name" not in line]


def shoot(display: str, out: Path, number: int, monitors: dict) -> list[Path]:
    root = out / f"{number:02d}-root.png"
    subprocess.run(["import", "-display", display, "-window", "root", str(root)], check=True)
    saved = [root]
    for name, (x, y, w, h) in monitors.items():
        target = out / f"{number:02d}-{name}.png"
        subprocess.run(["convert", str(root), "-crop", f"{w}x{h}+{x}+{y}", "+repage", str(target)], check=True)
        saved.append(target)
    return saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--layout", choices=("extended", "mirrored", "single"), default="extended")
    parser.add_argument("--laptop", type=size, default=(1280, 720))
    parser.add_argument("--wall", type=size, default=(1920, 1080))
    parser.add_argument("--wait", type=float, default=6.0, help="seconds before the first shot")
    parser.add_argument("--shots", type=int, default=1)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between shots")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    for tool in ("Xorg", "xrandr", "import", "convert", "cvt", "xwininfo"):
        if shutil.which(tool) is None:
            print(f"two_displays: {tool} is missing (apt-get install xserver-xorg-video-dummy x11-xserver-utils "
                  "x11-utils imagemagick)", file=sys.stderr)
            return 2
    command = [c for c in args.command if c != "--"] or [
        sys.executable, str(REPO / "main.py"), "play", str(REPO / "scenarios" / "quartier_des_tilleuls.yaml"),
        "--no-setup", "--presenter", "--seed", "1"]
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="coop-xorg-"))
    server, display = start_xorg(work, args.laptop, args.wall)
    game = None
    try:
        monitors = set_layout(display, args.layout, args.laptop, args.wall)
        probe_outputs(display)
        env = dict(os.environ, DISPLAY=display, PYTHONPATH=str(REPO))
        env.pop("SDL_VIDEODRIVER", None)
        env.setdefault("COOP_HOME", str(work / "home"))
        probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=REPO)
        seen = json.loads(probe.stdout) if probe.returncode == 0 else {"error": probe.stderr.strip()}
        report = {"display": display, "layout": args.layout, "monitors": monitors, "sdl": seen}
        game = subprocess.Popen(command, env=env, cwd=REPO, stdout=open(work / "game.out", "w"),
                                stderr=subprocess.STDOUT)
        time.sleep(args.wait)
        shots = []
        for number in range(1, args.shots + 1):
            if number > 1:
                time.sleep(args.every)
            shots += [str(p) for p in shoot(display, args.out, number, monitors)]
        report["windows"] = window_places(display)
        report["shots"] = shots
        report["game_running"] = game.poll() is None
        if game.poll() is None:
            game.send_signal(signal.SIGTERM)
        try:
            game.wait(10)
        except subprocess.TimeoutExpired:
            game.kill()
            game.wait()
        report["game_exit"] = game.returncode
        report["game_output"] = (work / "game.out").read_text(encoding="utf-8", errors="replace")[-2000:]
        (args.out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    finally:
        if game is not None and game.poll() is None:
            game.kill()
            game.wait()
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
