"""A named pipe or a device given as a scenario file is refused at once, in words: opening a pipe with no
writer waited for ever (`coop validate`, `coop play`, the title's list), before any window or message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from pathlib import Path
from game.content import load_scenario, ScenarioError
from game.content.plain import copy_ready, load_plain
from game.ui.scenes.title import scenario_title

for path in map(Path, sys.argv[1:]):
    for load in (load_scenario, load_plain):
        try:
            load(path)
        except ScenarioError as error:
            print(load.__name__, [d.code for d in error.diagnostics])
    print("copy_ready", copy_ready(path), "title", scenario_title(path))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_device_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    env = dict(os.environ, COOP_HOME=str(tmp_path / "home"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run([sys.executable, "-c", PROBE, str(pipe), os.devnull], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)       # waiting on the pipe: TimeoutExpired
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "load_scenario ['file_not_regular']", "load_plain ['file_not_regular']", "copy_ready False title pipe",
        "load_scenario ['file_not_regular']", "load_plain ['file_not_regular']", "copy_ready False title null",
    ]
    validate = subprocess.run([sys.executable, "-m", "game", "validate", str(pipe), "--lang", "en"],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert validate.returncode == 1 and "not a regular file (a pipe or a device)" in validate.stdout + validate.stderr
