"""A system SIGTERM or SIGINT ends `coop play` at once: no "quit?" question in the way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_system_signal_ends_the_game_at_once(signum, tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", COOP_HOME=str(tmp_path))
    process = subprocess.Popen([sys.executable, "-m", "game", "play", "--size", "640x360"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        time.sleep(1.5)     # the title screen is up and waiting
        assert process.poll() is None
        process.send_signal(signum)
        code = process.wait(timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert code == -signum
    assert b"Traceback" not in process.stderr.read()
