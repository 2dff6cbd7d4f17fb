"""scripts/count_keys.py plays one round (and the next) through the real screens with posted keys: the
fastest documented path still works, records the room's tallies, and costs no more presses than it did."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "count_keys.py"


def run(*options, home):
    env = dict(os.environ, COOP_HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([sys.executable, str(SCRIPT), *options], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return [int(n) for n in re.findall(r"(\d+) key presses", done.stdout)], done.stdout


def test_one_round_of_five_teams_and_a_twenty_person_verdict_in_few_presses(tmp_path):
    (first, following), out = run(home=tmp_path)
    assert first <= 47 and following <= 40, out           # 69 before direct keys and the room's size
    assert "choices    15" in out, out                     # three presses a team
    # The next round's verdict opens with the first digit typed on the reveal's last step (the script
    # checks the verdict shows it): one press fewer than Enter then the digit.
    later = out.split("the next round")[1]
    assert "reveal     3" in later and "verdict    19" in later, out
    (typed_all, _), out = run("--no-room", home=tmp_path / "b")
    # Per move Space twice and the third count; no N 20 Enter; without a room size the first round's
    # reveal already ends on the first digit (in the room's path N comes first, so Enter there).
    assert typed_all - first == 5 * 3 - 4 - 1, out
