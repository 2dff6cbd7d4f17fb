"""`coop compare`: tables of one scenario side by side, from session files or json reports; others refused."""

import re

from report_samples import hostile_scenario, hostile_texts, play

from game.cli import main


def test_two_tables_side_by_side_from_a_session_and_a_json_report(tmp_path):
    first, second = play(seed=3), play(seed=11)
    report = tmp_path / "second.json"
    assert main(["report", str(second), "--format", "json", "-o", str(report)]) == 0
    out = tmp_path / "compare.html"
    assert main(["compare", str(first), str(report), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Table 1" in page and "Table 2" in page and "second.json" in page
    for n in (1, 2):
        assert re.search(rf'data-chart="indicators-{n}"><figcaption>.*?<svg', page, re.S)
    # one scale: both charts have the same x axis, labelled up to the longest game
    assert page.count(">T4</text>") == 2
    for section in ("Ce qui diffère le plus", "Les postures, tour par tour", "Verdicts aux avis partagés",
                    "Les actions choisies", "Équipes", "Fin"):
        assert section in page
    assert "<script" not in page


def test_different_scenarios_are_refused_with_a_clear_message(tmp_path, capsys):
    other = tmp_path / "other.yaml"
    from report_samples import FIVE

    other.write_text(FIVE.read_text(encoding="utf-8").replace("id: cinq_acteurs", "id: autre_scenario", 1),
                     encoding="utf-8")
    out = tmp_path / "compare.html"
    assert main(["compare", str(play()), str(play(other)), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "pas le même scénario" in err and "autre_scenario" in err and "Traceback" not in err
    assert not out.exists()


def test_an_unreadable_input_gets_a_message_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["compare", str(bad), str(play()), "-o", str(tmp_path / "c.html")]) == 1
    assert "bad.json" in capsys.readouterr().err


def test_hostile_team_names_and_texts_stay_text_in_the_comparison(tmp_path):
    texts = hostile_texts()
    scenario = hostile_scenario(tmp_path)
    tables = [play(scenario, teams={"elue": texts[0], "gusp": texts[4]}, seed=s) for s in (1, 2)]
    out = tmp_path / "c.html"
    assert main(["compare", *map(str, tables), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "</style><b>" not in page
