"""`coop simulate`: the fast loop plays the engine's own games, and the command prints what the page promises."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_scenario
from game.engine.draws import game_seed
from game.sim.fastgame import FastGame
from game.sim.reference import engine_game
from game.sim.simulate import simulate

DATA = Path(__file__).parent / "data"
FIVE = DATA / "five_characters.yaml"
SMALL = Path(__file__).parent.parent / "engine" / "data" / "small.yaml"
RICH = Path(__file__).parent.parent / "engine" / "data" / "rich.yaml"   # every optional key of the richer format


@pytest.mark.parametrize("path, count", [(FIVE, 5), (SMALL, 4), (SMALL, 2), (RICH, 4), (RICH, 3)])
@pytest.mark.parametrize("policy", ["random", "coop", "solo"])
def test_the_fast_loop_plays_exactly_the_engine_games(path, count, policy):
    scenario = load_scenario(path)
    characters = tuple(c.id for c in scenario.characters[:count])
    loop = FastGame(scenario, characters, scenario.rounds, policy)
    for index in range(25):
        seed = game_seed(7, index)
        result = loop.play(seed, keep_moves=True)
        values, ending, moves = engine_game(scenario, characters, seed, policy)
        assert (result.values, result.ending, result.moves) == (values, ending, moves)


def test_the_same_arguments_give_the_same_numbers_and_another_seed_other_ones():
    scenario = load_scenario(FIVE)
    first = simulate(scenario, 300, 11)
    assert simulate(scenario, 300, 11) == first
    assert simulate(scenario, 300, 12) != first


def test_splitting_the_games_over_two_processes_changes_no_number():
    scenario = load_scenario(FIVE)
    assert simulate(scenario, 2400, 3, parallel=True) == simulate(scenario, 2400, 3, parallel=False)


def test_the_summary_counts_every_game_move_posture_and_action():
    scenario = load_scenario(FIVE)
    summary = simulate(scenario, 200, 1, "coop")
    assert sum(summary["endings"].values()) == 200
    assert sum(summary["postures"].values()) == 200 * 5 * 4 == sum(summary["actions"].values())
    assert set(summary["postures"]) == {p.id for p in scenario.postures}
    assert {k for k, v in summary["postures"].items() if v} <= {"co_construire", "faire_confiance"}
    for row in summary["indicators"].values():
        assert row["min"] <= row["mean"] <= row["max"]


def test_games_matching_no_ending_count_under_none(tmp_path):
    text = SMALL.read_text(encoding="utf-8")
    cut = text[: text.index("  - {id: enlisement")]      # drop the default ending
    path = tmp_path / "no_default.yaml"
    path.write_text(cut, encoding="utf-8")
    summary = simulate(load_scenario(path), 300, 2)
    assert summary["endings"]["none"] > 0
    assert summary["endings"]["none"] + summary["endings"]["reussite"] == 300


def test_players_n_puts_the_first_n_characters_in_play():
    summary = simulate(load_scenario(FIVE), 10, 1, players=3)
    assert summary["players"] == ["elue", "bailleur", "habitante"]


def test_json_output_is_only_the_object_with_the_promised_keys(capsys):
    assert main(["simulate", str(FIVE), "--games", "50", "--seed", "4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"scenario", "games", "seed", "policy", "indicators", "endings", "postures", "actions"} <= set(data)
    assert (data["scenario"], data["games"], data["seed"], data["policy"]) == ("cinq_acteurs", 50, 4, "random")
    assert set(data["indicators"]["confiance"]) == {"mean", "min", "max"}


def test_the_table_names_indicators_endings_postures_and_actions(capsys):
    assert main(["simulate", str(FIVE), "--games", "40", "--seed", "4", "--policy", "solo"]) == 0
    out = capsys.readouterr().out
    for label in ("Pouvoir d'agir", "Le jardin ouvre", "Imposer", "Atelier de plantation", "politique solo"):
        assert label in out


def test_bad_players_count_and_bad_scenario_get_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["simulate", str(FIVE), "--games", "5", "--seed", "1", "--players", "9"]) == 2
    assert "--players 9" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: [\n", encoding="utf-8")
    assert main(["simulate", str(broken), "--games", "5", "--seed", "1"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_simulate_command_runs_headless_without_pygame():
    code = ("import sys; from game.cli import main; main(['simulate', sys.argv[1], '--games', '3', '--seed', '1', "
            "'--json']); assert 'pygame' not in sys.modules")
    run = subprocess.run([sys.executable, "-c", code, str(FIVE)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


BUNDLED = sorted((Path(__file__).resolve().parent.parent.parent / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_the_fast_loop_plays_the_engine_games_of_every_bundled_scenario(path):
    scenario = load_scenario(path)
    characters = tuple(c.id for c in scenario.characters[:scenario.players.max])
    for policy in ("random", "coop", "solo"):
        loop = FastGame(scenario, characters, scenario.rounds, policy)
        for index in range(4):
            seed = game_seed(3, index)
            result = loop.play(seed, keep_moves=True)
            assert (result.values, result.ending, result.moves) == engine_game(scenario, characters, seed, policy)


def test_the_table_names_the_endings_a_policy_never_reaches(capsys):
    assert main(["simulate", str(FIVE), "--games", "30", "--seed", "1", "--policy", "solo"]) == 0
    summary = simulate(load_scenario(FIVE), 30, 1, "solo")
    out = capsys.readouterr().out
    never = [e.title for e in load_scenario(FIVE).endings if summary["endings"][e.id] == 0]
    assert never, "the solo policy should miss an ending of the five-character scenario"
    assert "Jamais atteinte(s) avec cette politique : " + ", ".join(never) in out


def test_the_table_writes_numbers_the_french_way_in_french_and_the_english_way_in_english(capsys):
    import re

    assert main(["simulate", str(FIVE), "--games", "40", "--seed", "4", "--lang", "fr"]) == 0
    french = capsys.readouterr().out
    assert re.search(r" \d+,\d %$", french, re.MULTILINE) and not re.search(r"\d\.\d", french)
    assert re.search(r" \d+,\d\d +\d+ +\d+$", french, re.MULTILINE)  # an indicator's mean, min, max
    assert main(["simulate", str(FIVE), "--games", "40", "--seed", "4", "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert re.search(r" \d+\.\d%$", english, re.MULTILINE) and " %" not in english
