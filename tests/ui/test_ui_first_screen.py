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


def test_a_first_screen_ready_at_once_is_the_first_frame(tmp_path, monkeypatch):
    """No loading line flashed before a setup screen drawn from the validated copy, nor before a title
    (an autoplay's too) with no unfinished game to replay; one before a first validation (hundreds of
    milliseconds), an unfinished game's replay, a resumed game or `--no-setup`."""
    import argparse

    from game.content.plain import copy_ready, load_plain
    from game.ui.app import first_screen_comes_at_once as setup_comes_at_once

    monkeypatch.setenv("COOP_HOME", str(tmp_path))
    scenario = tmp_path / "place.yaml"
    shutil.copy(PLACE, scenario)

    def args(**given):
        values = dict(scenario=str(scenario), autoplay=False, resume=False, no_setup=False)
        values.update(given)
        return argparse.Namespace(**values)

    assert not copy_ready(scenario) and not setup_comes_at_once(args())
    load_plain(scenario)
    assert copy_ready(scenario) and setup_comes_at_once(args())
    assert setup_comes_at_once(args(autoplay=True)) and setup_comes_at_once(args(scenario=None))
    assert not setup_comes_at_once(args(no_setup=True)) and not setup_comes_at_once(args(resume=True))
    scenario.write_text(scenario.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not setup_comes_at_once(args())
    assert setup_comes_at_once(args(autoplay=True))     # autoplay shows the title first
    (tmp_path / "sessions").mkdir()
    shutil.copy(DATA / "tilleuls-midchoices.coop.jsonl", tmp_path / "sessions" / "a.coop.jsonl")
    assert not setup_comes_at_once(args(scenario=None)) and not setup_comes_at_once(args(autoplay=True))
