"""`coop simulate --audit`: the rules page's criteria, each computed on the engine's games and able to fail."""

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_scenario
from game.engine.draws import game_seed
from game.sim.audit import audit, dominance
from game.sim.fastgame import FastGame
from game.sim.reference import engine_game
from game.sim.simulate import simulate

DATA = Path(__file__).parent / "data"
FIVE = DATA / "five_characters.yaml"
RICH = Path(__file__).parent.parent / "engine" / "data" / "rich.yaml"
BUNDLED = sorted((Path(__file__).resolve().parent.parent.parent / "scenarios").glob("*.yaml"))

# Two indicators, three postures (-1, 1, 2), two characters; endings on the final values.
TINY = """\
format: 1
id: minuscule
title: Minuscule
language: fr
summary: Un scénario d'audit.
territory: {name: Ici, description: Un quartier.}
goal: Tenir.
players: {min: 2, max: 3}
rounds: 2
indicators:
  - {id: confiance, label: Confiance, start: 5}
  - {id: tension, label: Tension, start: 5}
postures:
  - {id: imposer, label: Imposer, coop: -1}
  - {id: consulter, label: Consulter, coop: 1}
  - {id: ensemble, label: Ensemble, coop: 2, effects: {confiance: 1}}
characters:
  - {id: a, name: A, role: r, objective: o}
  - {id: b, name: B, role: r, objective: o}
  - {id: c, name: C, role: r, objective: o}
actions:
{actions}
debrief:
  every_round: [Alors ?]
  final: [Et après ?]
endings:
{endings}
"""

ACTIONS_DOMINATED = """\
  - {id: un, title: Un, effects: {confiance: 1}}
  - {id: deux, title: Deux, effects: {tension: 1}}
  - {id: trois, title: Trois, by_posture: {imposer: {confiance: 1}}}
"""
ENDINGS = """\
  - {id: bien, title: Bien, text: Bien., when: {indicator_at_least: {confiance: 8}}}
  - {id: bof, title: Bof, text: Bof.}
"""


def tiny(tmp_path, actions=ACTIONS_DOMINATED, endings=ENDINGS):
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY.replace("{actions}", actions).replace("{endings}", endings), encoding="utf-8")
    return load_scenario(path)


def criterion(report, ident):
    return next(c for c in report["criteria"] if c["id"] == ident)


@pytest.mark.parametrize("policy", ["always:imposer", "always:co_construire", "level:1", "coop+observe",
                                    "random+observe"])
@pytest.mark.parametrize("path", [FIVE, RICH] + BUNDLED, ids=lambda p: p.stem)
def test_the_audit_policies_play_exactly_the_engine_games(path, policy):
    scenario = load_scenario(path)
    if policy == "level:1" and all(p.coop != 1 for p in scenario.postures):
        pytest.skip("no posture read +1 in this scenario")
    characters = tuple(c.id for c in scenario.characters[:scenario.players.min])
    for rounds in (scenario.rounds, max(1, scenario.rounds - 1)):
        loop = FastGame(scenario, characters, rounds, policy)
        for index in range(3):
            seed = game_seed(5, index)
            result = loop.play(seed, keep_moves=True)
            assert (result.values, result.ending, result.moves) == engine_game(
                scenario, characters, seed, policy, rounds)


def test_an_observing_policy_plays_only_the_observer_and_always_plays_one_posture():
    scenario = load_scenario(FIVE)
    loop = FastGame(scenario, ("elue", "bailleur"), 3, "always:imposer+observe")
    moves = loop.play(1, keep_moves=True).moves
    assert {(m[2], m[3]) for m in moves} == {("imposer", "observer")}
    with pytest.raises(ValueError):
        FastGame(scenario, ("elue", "bailleur"), 3, "always:nowhere")


def test_dominance_counts_the_actions_a_most_cooperative_posture_wins_on_every_indicator(tmp_path):
    found = dominance(tiny(tmp_path))
    # un: ensemble +2 confiance, best everywhere; deux: same tension for all, ensemble +1 confiance;
    # trois: imposer +1 confiance = ensemble's +1, tension equal: still dominated (ties count).
    assert found["dominated"] == ["un", "deux", "trois"] and found["total"] == 3
    found = dominance(tiny(tmp_path, ACTIONS_DOMINATED.replace("imposer: {confiance: 1}", "imposer: {confiance: 2}")))
    assert found["dominated"] == ["un", "deux"]
    assert found["beaten"] == [{"action": "trois", "wins": [
        {"posture": "imposer", "indicator": "confiance", "theirs": 2, "best": 1}]}]


def test_the_dominance_and_pas_coop_verdicts_follow_their_thresholds(tmp_path):
    report = audit(tiny(tmp_path), games=50)
    assert criterion(report, "dominance")["verdict"] == "fail"          # 3 of 3 > half
    assert criterion(report, "pas_coop_better")["verdict"] == "fail"     # no action
    opened = ACTIONS_DOMINATED.replace("effects: {confiance: 1}}", "by_posture: {imposer: {tension: -1}}}") \
        .replace("effects: {tension: 1}}", "by_posture: {imposer: {confiance: 3}}}") \
        .replace("imposer: {confiance: 1}", "imposer: {confiance: 2}")
    report = audit(tiny(tmp_path, opened), games=50)
    assert criterion(report, "pas_coop_better")["verdict"] == "pass"
    assert [a["action"] for a in criterion(report, "pas_coop_better")["actions"]] == ["deux", "trois"]
    # un: imposer lowers tension (tension is "better high" by default) -> still dominated; 1 of 3 <= 1.
    assert criterion(report, "dominance")["dominated"] == ["un"]
    assert criterion(report, "dominance")["verdict"] == "pass"


def test_the_best_ending_and_the_ending_shares_are_those_of_the_simulator(tmp_path):
    scenario = load_scenario(FIVE)
    report = audit(scenario, games=200, seed=3)
    coop = simulate(scenario, 200, 3, "coop")["endings"]
    best = max(coop, key=coop.get)
    assert report["best_ending"] == best
    can_fail = criterion(report, "can_fail")
    assert can_fail["share"] == pytest.approx(100 - 100 * coop[best] / 200)
    assert can_fail["verdict"] == ("pass" if can_fail["share"] >= 5 else "fail")
    for size in range(scenario.players.min, scenario.players.max + 1):
        random = simulate(scenario, 200, 3, "random", players=size)["endings"]
        for ending, count in random.items():
            assert report["sizes"][size]["random"][ending] == pytest.approx(100 * count / 200)
    consult = simulate(scenario, 200, 3, "level:1")["endings"][best]
    gap = criterion(report, "consult_vs_coop")
    assert gap["gap"] == pytest.approx(abs(100 * consult / 200 - 100 * coop[best] / 200))


def test_observing_consulting_failing_and_rare_endings_each_flip_their_verdict(tmp_path):
    # Best ending needs confiance 8: ensemble (+1 per move) with "un" gets there; observing with
    # ensemble gives +1 per move too, so 2 characters x 2 rounds reach 9: observe fails.
    report = audit(tiny(tmp_path), games=100)
    assert report["best_ending"] == "bien"
    assert criterion(report, "observe")["verdict"] == "fail"
    assert criterion(report, "observe")["share"] == 100.0
    assert criterion(report, "can_fail")["verdict"] == "fail"          # cooperation always wins
    # An ending that random play never reaches fails the 1 % floor.
    rare = ENDINGS.replace("  - {id: bof", "  - {id: jamais, title: Jamais, text: J., when: {indicator_at_least: "
                                           "{tension: 10}}}\n  - {id: bof")
    report = audit(tiny(tmp_path, endings=rare), games=100)
    missing = criterion(report, "random_endings")["missing"]
    assert {m["ending"] for m in missing} == {"jamais"} and {m["size"] for m in missing} == {2, 3}
    assert criterion(report, "random_endings")["verdict"] == "fail"
    # The best ending only with an effect observing cannot give: observe passes; consulting (no
    # posture effect) stays far from ensemble (+1 a move).
    postures = "{id: ensemble, label: Ensemble, coop: 2, effects: {confiance: 1}}"
    text = TINY.replace("{actions}", ACTIONS_DOMINATED).replace("{endings}", ENDINGS.replace("confiance: 8",
                                                                                        "confiance: 10"))
    text = text.replace(postures, "{id: ensemble, label: Ensemble, coop: 2}")
    text = text.replace("{id: un, title: Un, effects: {confiance: 1}}",
                        "{id: un, title: Un, effects: {confiance: 1}, by_posture: {ensemble: {confiance: 2}}}")
    path = tmp_path / "other.yaml"
    path.write_text(text, encoding="utf-8")
    report = audit(load_scenario(path), games=200)
    assert report["best_ending"] == "bien"
    assert criterion(report, "observe")["verdict"] == "pass" and criterion(report, "observe")["share"] == 0
    assert criterion(report, "consult_vs_coop")["verdict"] == "pass"
    assert criterion(report, "can_fail")["verdict"] == "pass"


def test_a_scenario_without_a_posture_read_plus_one_has_no_consulting_criterion(tmp_path):
    tiny(tmp_path)
    text = Path(tmp_path / "tiny.yaml").read_text(encoding="utf-8").replace("coop: 1}", "coop: 0}")
    path = tmp_path / "no_consult.yaml"
    path.write_text(text, encoding="utf-8")
    report = audit(load_scenario(path), games=20)
    assert criterion(report, "consult_vs_coop")["verdict"] == "na"


def test_the_audit_is_the_same_in_one_or_two_processes():
    scenario = load_scenario(FIVE)
    assert audit(scenario, games=60, parallel=True) == audit(scenario, games=60, parallel=False)


def test_the_command_prints_each_criterion_with_a_verdict_in_french_and_in_english(capsys):
    assert main(["simulate", str(FIVE), "--audit"]) == 0
    out = capsys.readouterr().out
    assert out.count("[RÉUSSI]") + out.count("[ÉCHEC]") + out.count("[SANS OBJET]") == 7
    assert "Meilleure fin" in out and "Postures fixes" in out and "5 personnages" in out
    assert main(["simulate", str(FIVE), "--audit", "--lang", "en", "--players", "3", "--rounds", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("[PASS]") + out.count("[FAIL]") + out.count("[N/A]") == 7
    assert "Audited table (3)" in out and "2 rounds" in out


def test_the_flagship_as_it_was_fails_what_issue_11_measured():
    # The flagship before issue 12 rewrote it, kept as test data; the bundled one passes (tests/scenarios).
    report = audit(load_scenario(DATA / "tilleuls_before_issue_12.yaml"), games=300)
    assert criterion(report, "dominance")["verdict"] == "fail"
    assert len(criterion(report, "dominance")["dominated"]) == 29
    assert criterion(report, "pas_coop_better")["verdict"] == "fail"
    assert criterion(report, "consult_vs_coop")["verdict"] == "fail"


@pytest.mark.parametrize("args, words", [
    (["--cast", "elue,nobody"], "nobody"),
    (["--cast", "elue,elue,asso"], "elue"),
    (["--cast", "elue"], "1"),
    (["--rounds", "9"], "--rounds 9"),
    (["--policy", "coop"], "--policy"),
])
def test_bad_audit_arguments_get_a_message_and_exit_2(capsys, args, words):
    assert main(["simulate", str(FIVE), "--audit", *args]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_simulate_takes_a_cast_rounds_and_a_fixed_posture(capsys):
    assert main(["simulate", str(FIVE), "--games", "20", "--seed", "1", "--cast", "gusp,asso",
                 "--rounds", "2", "--policy", "always:imposer", "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["players"] == ["gusp", "asso"] and data["rounds"] == 2
    assert data["postures"]["imposer"] == 20 * 2 * 2 and sum(data["postures"].values()) == 80
    assert main(["simulate", str(FIVE), "--games", "2", "--seed", "1", "--policy", "always:zzz"]) == 2
    assert "zzz" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["simulate", str(FIVE), "--seed", "1"])
    assert exit_info.value.code == 2 and "--games" in capsys.readouterr().err


def test_the_audit_runs_headless_without_pygame():
    code = ("import sys; from game.cli import main; main(['simulate', sys.argv[1], '--audit']); "
            "assert 'pygame' not in sys.modules")
    run = subprocess.run([sys.executable, "-c", code, str(FIVE)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
