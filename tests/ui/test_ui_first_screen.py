"""Draw first, load after: the title and the setup screen show before the scenario model (pydantic) loads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "session" / "data"
PLACE = ROOT / "scenarios" / "une_place_a_l_ombre.yaml"
PROBE = ("import sys; from game.cli import main; code = main(sys.argv[1:]); "
         "print('heavy' if 'pydantic' in sys.modules else 'light'); sys.exit(code)")


def first_screen(home: Path, *args: str) -> str:
    env = dict(os.environ, COOP_HOME=str(home), COOP_BENCH_FIRST_SCREEN="1", SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run([sys.executable, "-c", PROBE, "play", "--size", "640x480", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert lines[0] == "first-screen"
    return lines[-1]


@pytest.mark.parametrize("sessions", [(), ("tilleuls-finished.coop.jsonl", "place-finished-end-note.coop.jsonl")],
                         ids=["no session", "finished sessions only"])
def test_the_title_shows_without_loading_the_model(tmp_path, sessions):
    folder = tmp_path / "sessions"
    folder.mkdir()
    for name in sessions:
        shutil.copy(DATA / name, folder / name)
    assert first_screen(tmp_path) == "light"


def test_an_unfinished_session_is_still_looked_at(tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    shutil.copy(DATA / "tilleuls-midchoices.coop.jsonl", folder / "tilleuls-midchoices.coop.jsonl")
    assert first_screen(tmp_path) == "heavy"      # replayed, to be offered with its title and round


def test_the_setup_of_a_scenario_validated_before_shows_without_the_model(tmp_path):
    assert first_screen(tmp_path, str(PLACE)) == "heavy"     # first time: validated, and its copy kept
    assert first_screen(tmp_path, str(PLACE)) == "light"
