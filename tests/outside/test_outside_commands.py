"""End-to-end checks of the commands on the outside checker's own scenarios (written from the format page only)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCENARIOS = sorted((HERE / "scenarios").glob("*.yaml"))


def coop(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, COOP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "game", *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def finished_session(tmp_path_factory) -> Path:
    """One finished game of the smallest scenario, played by the bot through the real screens."""
    home = tmp_path_factory.mktemp("home")
    proc = coop("play", str(HERE / "scenarios" / "01-minimal-fr.yaml"), "--autoplay", "--seed", "3", home=home)
    assert proc.returncode == 0, proc.stderr
    (session,) = (home / "sessions").iterdir()
    return session


def test_every_outside_scenario_is_valid(coop_home):
    assert len(SCENARIOS) >= 12
    proc = coop("validate", *map(str, SCENARIOS), home=coop_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", ["03-maximal.yaml", "04-all-conditions.yaml", "09-resources-zero.yaml"])
def test_simulate_json_has_the_interface_keys_and_repeats_itself(name, coop_home):
    args = ("simulate", str(HERE / "scenarios" / name), "--games", "40", "--seed", "1", "--policy", "coop", "--json")
    first, second = coop(*args, home=coop_home), coop(*args, home=coop_home)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert {"scenario", "games", "seed", "policy", "indicators", "endings", "postures", "actions"} <= set(data)
    assert sum(data["endings"].values()) == 40


def export(*argv: str) -> int:
    """`coop report ...` in this process (game.cli.main would reset the test runner's signal handlers)."""
    from game.cli import build_parser
    from game.session.report import run_report

    return run_report(build_parser().parse_args(["report", *argv]))


def test_report_written_through_a_named_pipe_leaves_the_pipe_in_place(finished_session, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code = export(str(finished_session), "--format", "json", "-o", str(pipe))
    reader.join(timeout=30)
    assert code == 0
    assert pipe.is_fifo()
    assert json.loads(received[0])["scenario"] == "minimal-fr"


def test_report_written_through_a_link_keeps_the_link(finished_session, tmp_path):
    real = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert export(str(finished_session), "-o", str(link)) == 0
    assert link.is_symlink()
    assert "Minimal" in real.read_text(encoding="utf-8")
