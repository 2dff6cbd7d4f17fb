"""Every valid shape of a scenario loads: defaults filled in, all optional keys, BOM, CRLF, flow style, anchors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from content_cases import BASE_TEXT, FIXTURES, jpeg_bytes, patch, png_bytes
from game.content import ScenarioError, load_scenario, load_scenario_bytes
from game.content.model import OBSERVER_ID, Prompt, prompt_of

VALID = FIXTURES / "valid"


def test_minimal_scenario_gets_every_default_of_the_format():
    scenario = load_scenario(VALID / "minimal.yaml")
    assert [posture.id for posture in scenario.postures] == [
        "imposer", "decider_seul", "informer", "consulter", "co_construire", "faire_confiance"]
    assert [posture.coop for posture in scenario.postures] == [-2, -1, 0, 1, 2, 2]
    assert scenario.postures[1].label == "Décider seul"
    assert (scenario.players.min, scenario.players.max) == (2, 2)
    assert scenario.debrief_minutes == 5.0
    assert scenario.events_per_round == 0
    assert scenario.indicators[0].min == 0 and scenario.indicators[0].max == 10
    assert scenario.actions[0].who is None and scenario.actions[0].once is False
    assert scenario.resources == () and scenario.endings == ()


def test_english_scenario_without_postures_gets_english_labels_and_the_same_ids():
    english = patch("language: fr", "language: en")
    scenario = load_scenario_bytes(english.encode(), "english.yaml")
    assert scenario.postures[5].id == "faire_confiance"
    assert scenario.postures[5].label == "Trust the residents"


def test_scenario_using_every_optional_key_keeps_each_value():
    scenario = load_scenario(VALID / "all_keys.yaml")
    assert (scenario.players.min, scenario.players.max) == (2, 3)
    assert scenario.debrief_minutes == 2.5
    assert scenario.events_per_round == 1
    assert scenario.round_texts == {1: "The estate is waiting.", 3: "Last chance before summer."}
    meeting = scenario.action("meeting")
    assert meeting.who == ("mayor", "landlord") and meeting.once is True and meeting.cost == {"time": 1}
    assert meeting.requires.any[1].not_.ever_played == ("walk",)
    assert scenario.events[0].weight == 2.0 and scenario.events[0].rounds == (1, 2)
    assert scenario.debrief.rounds == {2: ("What changed since round 1?",)}
    assert prompt_of(scenario.debrief.every_round[0]) == Prompt(phase="analyse", text="How do you feel?")
    assert prompt_of(scenario.debrief.every_round[1]).phase == "faits"
    assert scenario.endings[-1].when is None
    assert scenario.character("mayor").image == "portrait.png"


def test_events_per_round_defaults_to_one_when_there_are_events():
    text = patch("debrief:\n", "events:\n  - {id: lift, title: Panne, text: L'ascenseur est en panne.}\ndebrief:\n")
    assert load_scenario_bytes(text.encode()).events_per_round == 1


def test_players_max_defaults_to_the_number_of_characters_but_at_most_eight():
    characters = "".join(f"  - {{id: p{n}, name: P{n}, role: R, objective: O}}\n" for n in range(10))
    text = patch("characters:\n", "characters:\n" + characters)
    assert load_scenario_bytes(text.encode()).players.max == 8


def test_a_utf8_bom_is_accepted_and_does_not_shift_columns():
    assert load_scenario_bytes(b"\xef\xbb\xbf" + BASE_TEXT.encode()).id == "minimal"
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(b"\xef\xbb\xbf" + patch("format: 1", "format: 2").encode(), "bom.yaml")
    assert raised.value.render("en").splitlines()[0].startswith("bom.yaml:2:9: error:")


def test_windows_line_endings_are_accepted_and_lines_still_counted():
    crlf = BASE_TEXT.replace("\n", "\r\n")
    assert load_scenario_bytes(crlf.encode()).title == "Petit square"
    with pytest.raises(ScenarioError) as raised:
        load_scenario_bytes(patch("    start: 5", "    start: 15").replace("\n", "\r\n").encode(), "crlf.yaml")
    assert raised.value.diagnostics[0].line == 15 and raised.value.diagnostics[0].col == 12


def test_the_same_scenario_in_flow_style_loads_equal():
    data = yaml.load(BASE_TEXT, Loader=yaml.CSafeLoader)
    flow = json.dumps(data, ensure_ascii=False)  # JSON is YAML flow style
    assert load_scenario_bytes(flow.encode()) == load_scenario(VALID / "minimal.yaml")


def test_anchors_and_aliases_within_limits_are_allowed():
    text = patch("    objective: Inaugurer avant l'été.", "    objective: &but Inaugurer avant l'été.")
    text = patch("    objective: De l'ombre pour les enfants.", "    objective: *but", text)
    scenario = load_scenario_bytes(text.encode())
    assert scenario.characters[1].objective == "Inaugurer avant l'été."


def test_yaml11_words_are_booleans_where_a_boolean_is_expected():
    text = patch("    title: Réunion publique", "    title: Réunion publique\n    once: yes")
    assert load_scenario_bytes(text.encode()).actions[0].once is True


@pytest.mark.parametrize("written", ["2024-05-01", "1.0.3", "0x10", "1_000", "12:30", "~bis", "Non merci", "y", "n"])
def test_plain_words_that_only_look_like_numbers_or_dates_stay_texts(written):
    scenario = load_scenario_bytes(patch("title: Petit square", f"title: {written}").encode())
    assert scenario.title == written


def test_texts_keep_their_accents_typographic_quotes_and_non_breaking_spaces():
    title = "« Le square d’à côté » : été\u00a02024 ✿"
    scenario = load_scenario_bytes(patch("title: Petit square", f'title: "{title}"').encode())
    assert scenario.title == title


def test_a_text_of_exactly_four_thousand_characters_is_accepted():
    scenario = load_scenario_bytes(patch("title: Petit square", "title: " + "é" * 4000).encode())
    assert len(scenario.title) == 4000


def test_png_and_jpeg_images_inside_the_folder_are_accepted(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "elue.png").write_bytes(png_bytes(64, 64))
    (tmp_path / "habitante.jpg").write_bytes(jpeg_bytes(4096, 4096))
    text = patch("    objective: Inaugurer avant l'été.", "    objective: Inaugurer avant l'été.\n    image: img/elue.png")
    text = patch("    objective: De l'ombre pour les enfants.",
                 "    objective: De l'ombre pour les enfants.\n    image: habitante.jpg", text)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_scenario(path).characters[1].image == "habitante.jpg"
    # The same bytes given in memory find the images through the path they are named by.
    assert load_scenario_bytes(path.read_bytes(), path).characters[0].image == "img/elue.png"


def test_a_loaded_scenario_is_frozen():
    scenario = load_scenario(VALID / "minimal.yaml")
    with pytest.raises(ValidationError):
        scenario.title = "Autre"
    with pytest.raises(ValidationError):
        scenario.characters[0].name = "Autre"
    assert isinstance(scenario.characters, tuple) and isinstance(scenario.debrief.final, tuple)


def test_observer_stays_a_built_in_action_outside_the_scenario():
    scenario = load_scenario(VALID / "minimal.yaml")
    assert OBSERVER_ID not in {action.id for action in scenario.actions}


def test_a_long_list_without_aliases_is_not_mistaken_for_an_alias_bomb():
    facts = "    - a\n" * 201_000  # more values than the alias limit, in a file under 2 MiB
    text = patch("  name: Square Vercors\n", "  name: Square Vercors\n  facts:\n" + facts)
    assert len(load_scenario_bytes(text.encode()).territory.facts) == 201_000


def test_lookups_by_id_find_items_and_name_an_unknown_id():
    scenario = load_scenario(VALID / "all_keys.yaml")
    assert scenario.indicator("progress").start == 2
    assert scenario.posture("together").coop == 2
    assert scenario.character("tenant").name == "Samia"
    with pytest.raises(KeyError, match="no action 'observer'"):
        scenario.action(OBSERVER_ID)
