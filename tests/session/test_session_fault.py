"""A small run of the fault script: writers killed with SIGKILL lose no confirmed command (and the check can fail)."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent.parent / "scripts" / "fault_kill.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")


def run(tmp_path, *extra):
    done = subprocess.run([sys.executable, str(SCRIPT), "--kills", "20", "--dir", str(tmp_path), *extra],
                          capture_output=True, text=True, timeout=120)
    figures = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    return done.returncode, figures


def test_twenty_kills_leave_every_session_readable_with_every_confirmed_command(tmp_path):
    code, figures = run(tmp_path)
    assert figures["kills"] == "20"
    assert figures["unreadable sessions"] == "0"
    assert figures["commands lost"] == "0"
    assert figures["replays differing from the uninterrupted game"] == "0"
    assert figures["resumes refused (lock or error)"] == "0"
    assert code == 0


def test_the_check_finds_losses_in_a_writer_that_moves_on_before_writing(tmp_path):
    code, figures = run(tmp_path, "--broken-writer")
    assert int(figures["commands lost"]) > 0
    assert code == 1
