"""`coop report` on the scenario's plain copy: the same bytes as on the model, and no pydantic loaded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import ScenarioError, load_scenario, loaded
from game.content.plain import PlainScenario, cache_dir
from game.engine import AddCommitment, AddNote, Setup, bot_next
from game.record import evolve
from game.session import Session
from game.session.report import render
from game.session.report_data import _steps, round_times
from game.session.session import replay_file

ROOT = Path(__file__).resolve().parent.parent.parent
RICH = ROOT / "tests" / "engine" / "data" / "rich.yaml"    # name_as, variants: texts filled from the game
SCENARIOS = (sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "tests" / "outside" / "scenarios").glob("*.yaml"))
             + [RICH])
FORMATS = ("md", "html", "json")


def played(path: Path, seed: int = 7) -> Path:
    """A whole game of the scenario played by the bot, with notes and a commitment."""
    model = load_scenario(path)
    ids = tuple(c.id for c in model.characters)[: model.players.max or 8]
    session = Session.create(path, Setup(ids, {c: f"Équipe {c}" for c in ids}, model.rounds), seed)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
        if session.state.phase == "debrief" and not session.state.current.notes:
            session.apply(AddNote(f"Note du tour {session.state.round}"))
    session.apply(AddCommitment("On se revoit en juin."))
    session.close()
    return session.path


def forget_validated() -> None:
    """As a new process would be: nothing validated in memory (the cache on disk stays)."""
    loaded._LOADED.clear()
    loaded._DIGEST_OF.clear()


def reports(session: Path) -> dict[str, str]:
    out = {fmt: render(session, fmt) for fmt in FORMATS}
    out["json"] = json.loads(out["json"])
    return out


def valid(path: Path) -> bool:
    try:
        load_scenario(path)
        return True
    except ScenarioError:
        return False


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_reports_are_the_same_bytes_on_the_plain_copy(path):
    if not valid(path):
        pytest.skip("an invalid outside file")
    same_reports(path, 7)


def same_reports(path: Path, seed: int) -> dict:
    """The reports of a played session, on the model and then on the plain copy: equal (json but its
    times and session); the plain copy's."""
    session = played(path, seed)
    forget_validated()
    shutil.rmtree(cache_dir(), ignore_errors=True)     # no copy yet
    first = replay_file(session, light=True)           # validates, then writes the copy
    assert not isinstance(first.scenario, PlainScenario)
    on_model = reports(session)
    forget_validated()
    assert isinstance(replay_file(session, light=True).scenario, PlainScenario)
    on_plain = reports(session)
    for fmt in ("md", "html"):
        assert on_plain[fmt] == on_model[fmt], fmt
    strip = {key: value for key, value in on_model["json"].items() if key not in ("times", "session")}
    assert {key: value for key, value in on_plain["json"].items() if key not in ("times", "session")} == strip
    assert strip["rounds"] and strip["commitments"]
    return on_plain


def test_names_filled_in_prompts_read_the_same_on_the_plain_copy(coop_home):
    """A trigger's {names} filled from the game (a new prompt built from the copy's)."""
    filled = [fmt for seed in range(1, 9)
              for fmt in [same_reports(RICH, seed)["md"]]
              if "La salle est partagée sur " in fmt]
    assert filled


def test_round_times_need_no_second_replay():
    session = played(ROOT / "scenarios" / "une_place_a_l_ombre.yaml")
    replay = replay_file(session)
    assert replay.steps == _steps(replay)
    from_steps = round_times(replay)
    bare = evolve(replay, steps=None)   # a Replay made elsewhere: replayed for its times
    assert round_times(bare) == from_steps
    assert set(from_steps) == set(range(1, replay.state.setup.rounds + 1))
    assert all(set(times) == {"started", "revealed", "ended"} for times in from_steps.values())


def test_a_report_of_a_cached_scenario_loads_no_pydantic(tmp_path, coop_home):
    session = played(ROOT / "scenarios" / "quartier_des_tilleuls.yaml")
    replay_file(session, light=True)    # this program validated the bytes: the copy is written
    program = (
        "import sys\n"
        "from game.cli import main\n"
        "codes = [main(['report', sys.argv[1], '--format', f, '-o', sys.argv[2] + '.' + f]) for f in ('md', 'html', 'json')]\n"
        "print(codes, 'pydantic' in sys.modules, 'game.content.model' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", program, str(session), str(tmp_path / "report")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**__import__("os").environ, "COOP_HOME": str(coop_home)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[0,", "0,", "0]", "False", "False"], done.stdout
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == render(session, "html")


def test_a_session_whose_copy_is_not_cached_is_validated(tmp_path, coop_home):
    """No copy yet (or an unusable one): the report validates the frozen text, as before."""
    session = played(ROOT / "scenarios" / "une_place_a_l_ombre.yaml")
    forget_validated()
    replay_file(session, light=True)
    for copy in cache_dir().glob("*.json"):
        copy.write_text("{}", encoding="utf-8")     # edited: never trusted
    forget_validated()
    assert not isinstance(replay_file(session, light=True).scenario, PlainScenario)
