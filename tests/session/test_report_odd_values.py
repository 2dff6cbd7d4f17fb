"""Class 7 of the hardening issue: `coop report` on a session whose times are huge, negative, not numbers or NaN
ends without a traceback (generated values, every format); a closed standard output ends quietly."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.cli import main
from game.engine import Setup, bot_next
from game.session import Session

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
REPO = Path(__file__).resolve().parents[2]
odd = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30), st.text(max_size=5),
                st.none(), st.booleans(), st.just([1]), st.just({"a": 1}), st.sampled_from([1e308, -1.0, 2**64]))


@pytest.fixture(scope="module")
def session_lines(tmp_path_factory):
    import os

    os.environ["COOP_HOME"] = str(tmp_path_factory.mktemp("home"))
    session = Session.create(FIVE, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 1), 2)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
    session.close()
    return session.path.read_text(encoding="utf-8").splitlines()


@given(created=odd, moments=st.lists(odd, min_size=1, max_size=4), report_format=st.sampled_from(["md", "json", "html"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_odd_times_never_end_in_a_traceback(tmp_path, capsys, session_lines, created, moments, report_format):
    header = json.loads(session_lines[0])
    header["created"] = created
    lines = [json.dumps(header)]
    for index, line in enumerate(session_lines[1:]):
        entry = json.loads(line)
        entry["t"] = moments[index % len(moments)]
        lines.append(json.dumps(entry))
    path = tmp_path / "odd.coop-session.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["report", str(path), "--format", report_format])
    captured = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in captured.err
    assert captured.out or captured.err


@pytest.mark.parametrize("command", [["schema"], ["validate", "scenarios"], ["simulate", "scenarios/quartier_des_tilleuls.yaml",
                                                                          "--games", "200", "--seed", "1"]])
def test_a_closed_pipe_ends_quietly(command):
    process = subprocess.Popen([sys.executable, "main.py", *command], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.read(1)
    process.stdout.close()
    err = process.stderr.read().decode("utf-8", "replace")
    process.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
