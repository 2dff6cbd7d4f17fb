"""The hash-keyed plain copy of a validated scenario plays as the model does, and is never trusted blindly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import ScenarioError, load_scenario
from game.content.plain import PlainScenario, cache_dir, load_plain
from game.sim.audit import audit
from game.sim.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "tests" / "outside" / "scenarios").glob("*.yaml"))


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def valid(path):
    try:
        return load_scenario(path)
    except ScenarioError:
        return None


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_plain_copy_plays_the_same_games_as_the_model(path):
    model = valid(path)
    if model is None:
        pytest.skip("an invalid outside file")
    assert not isinstance(load_plain(path), PlainScenario)     # first time: validated, then cached
    plain = load_plain(path)
    assert isinstance(plain, PlainScenario)
    for policy in ("random", "coop"):
        assert simulate(plain, 300, 4, policy) == simulate(model, 300, 4, policy)
        assert simulate(plain, 50, 4, policy) == simulate(model, 50, 4, policy)     # the one-at-a-time loop too
    assert plain.character(model.characters[0].id).name == model.characters[0].name


def test_the_audit_reads_the_same_on_the_copy():
    path = ROOT / "scenarios" / "une_place_a_l_ombre.yaml"
    model = load_scenario(path)
    load_plain(path)
    plain = load_plain(path)
    assert isinstance(plain, PlainScenario)
    assert audit(plain, games=200, seed=3) == audit(model, games=200, seed=3)


def copy_of(tmp_path, name="une_place_a_l_ombre.yaml") -> Path:
    target = tmp_path / name
    shutil.copy(ROOT / "scenarios" / name, target)
    return target


def test_other_bytes_are_validated_afresh_and_a_bad_file_is_never_cached(tmp_path):
    path = copy_of(tmp_path)
    load_plain(path)
    assert isinstance(load_plain(path), PlainScenario)
    path.write_text(path.read_text(encoding="utf-8").replace("rounds: 3", "rounds: 0", 1), encoding="utf-8")
    with pytest.raises(ScenarioError):
        load_plain(path)
    with pytest.raises(ScenarioError):
        load_plain(path)


@pytest.mark.parametrize("damage", ["garbage", "version", "digest", "not_a_scenario", "truncated"])
def test_a_damaged_or_foreign_cache_entry_falls_back_to_validation(tmp_path, damage):
    path = copy_of(tmp_path)
    load_plain(path)
    (entry,) = cache_dir().iterdir()
    record = json.loads(entry.read_text(encoding="utf-8"))
    if damage == "garbage":
        entry.write_bytes(b"\xff{not json")
    elif damage == "version":
        record["program"] = "0.0.0/0"
        entry.write_text(json.dumps(record), encoding="utf-8")
    elif damage == "digest":
        record["sha256"] = "0" * 64
        entry.write_text(json.dumps(record), encoding="utf-8")
    elif damage == "not_a_scenario":
        record["scenario"] = [1, 2, 3]
        entry.write_text(json.dumps(record), encoding="utf-8")
    else:
        entry.write_bytes(entry.read_bytes()[:200])
    again = load_plain(path)
    assert not isinstance(again, PlainScenario)                 # validated, not trusted
    assert again == load_scenario(path)


def test_a_changed_image_sends_the_file_back_to_the_validator(tmp_path):
    source = ROOT / "tests" / "outside" / "scenarios" / "07-images.yaml"
    folder = tmp_path / "with_images"
    shutil.copytree(source.parent, folder)
    path = folder / source.name
    load_plain(path)
    assert isinstance(load_plain(path), PlainScenario)
    scenario = load_scenario(path)
    image = next(c.image for c in scenario.characters if c.image)
    os.utime(folder / image, ns=(1, 1))
    assert not isinstance(load_plain(path), PlainScenario)


def test_a_read_only_data_folder_only_means_no_shortcut(tmp_path, home):
    path = copy_of(tmp_path)
    home.mkdir(parents=True)
    home.chmod(0o500)
    try:
        if os.access(home, os.W_OK):
            pytest.skip("running as a user that writes anywhere")
        assert load_plain(path) == load_scenario(path)
    finally:
        home.chmod(0o700)


def test_a_cached_run_of_coop_simulate_never_loads_pydantic(tmp_path, home):
    path = copy_of(tmp_path)
    env = dict(os.environ, COOP_HOME=str(home))
    probe = ("import sys, runpy; sys.argv = ['coop', 'simulate', %r, '--games', '300', '--seed', '1', '--json'];"
             "from game.cli import main; code = main(sys.argv[1:]);"
             "print('pydantic' in sys.modules, file=sys.stderr); sys.exit(code)") % str(path)
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT)
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stderr.strip().endswith("True") and second.stderr.strip().endswith("False")
    assert first.stdout == second.stdout
