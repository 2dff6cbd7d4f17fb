"""The presenter's windows on a real X server with two monitors (Xorg, dummy driver, xrandr): the wall lands
fullscreen on the second display of an extended desktop; mirrored screens keep one window and say why."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("Xorg", "xrandr", "import", "convert", "cvt", "xwininfo")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
if not MISSING and not Path("/usr/lib/xorg/modules/drivers/dummy_drv.so").exists():
    MISSING.append("dummy_drv.so")
if MISSING:
    pytest.skip(f"no {', '.join(MISSING)} (apt-get install xserver-xorg-video-dummy x11-xserver-utils x11-utils "
                "imagemagick): real two-display tests skipped", allow_module_level=True)


def run(tmp_path, layout):
    out = tmp_path / layout
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "two_displays.py"), "--out", str(out),
                           "--layout", layout, "--wait", "5"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((out / "report.json").read_text(encoding="utf-8")), out


def test_an_extended_desktop_puts_the_wall_fullscreen_on_the_second_display(tmp_path):
    report, out = run(tmp_path, "extended")
    assert report["sdl"]["bounds"] == [[0, 0, 1280, 720], [1280, 0, 1920, 1080]]
    assert report["sdl"]["plan"] == "extended" and report["game_running"]
    wall = [w for w in report["windows"] if "projecteur" in w]
    laptop = [w for w in report["windows"] if "projecteur" not in w and "COOP ou pas COOP" in w]
    assert len(wall) == 1 and "1920x1080+1280+0" in wall[0]
    assert len(laptop) == 1 and "+0+0" in laptop[0]
    assert (out / "01-wall.png").stat().st_size > 0 and (out / "01-laptop.png").stat().st_size > 0


def test_mirrored_displays_keep_one_window_and_say_the_desktop_must_be_extended(tmp_path):
    report, _ = run(tmp_path, "mirrored")
    assert report["sdl"]["plan"] == "mirrored"
    assert not [w for w in report["windows"] if "projecteur" in w]
    assert "étendu" in report["game_output"]
