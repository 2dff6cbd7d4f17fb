"""Checks on the bundled scenarios: they load with the real loader, play to an end, keep their promised size and readable texts."""

from collections import Counter
from pathlib import Path

import pytest

from game.content import load_scenario
from game.content.model import DEBRIEF_PHASES, prompt_of
from game.engine import Setup, apply, bot_next, new_game

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
BUNDLED = sorted(SCENARIOS.glob("*.yaml"))
FLAGSHIP = SCENARIOS / "quartier_des_tilleuls.yaml"
SHORT = SCENARIOS / "une_place_a_l_ombre.yaml"
ENGLISH = SCENARIOS / "riverside_estate.yaml"

# What can still be read from the back of a room (Unicode characters).
MAX_TITLE = 40          # action, event and ending titles
MAX_CARD_TEXT = 200     # action descriptions, synergy texts
MAX_ROUND_TEXT = 110    # a round text and two events share the situation screen
MAX_EVENT_TEXT = 85
MAX_PROMPT = 160        # debrief prompts
MAX_SECRET = 200
MAX_OBJECTIVE = 100
MAX_ROLE = 70
MAX_ENDING_TEXT = 300
MAX_SUMMARY = 240


def _load(path):
    return load_scenario(path)


def all_prompts(scenario):
    debrief = scenario.debrief
    items = list(debrief.every_round) + list(debrief.final)
    items += [item for prompts in debrief.rounds.values() for item in prompts]
    items += [trigger.ask for trigger in debrief.triggers]
    return [prompt_of(item) for item in items]


def play_to_end(scenario, policy, seed, players=None):
    count = players or scenario.players.max
    characters = tuple(character.id for character in scenario.characters[:count])
    setup = Setup(characters, {c: f"Équipe {i + 1}" for i, c in enumerate(characters)}, scenario.rounds)
    state = new_game(scenario, setup, seed=seed)
    for _ in range(10_000):
        command = bot_next(scenario, state, policy)
        if command is None:
            return state
        state, _ = apply(scenario, state, command)
    raise AssertionError("the game did not reach its end")


def test_the_three_promised_scenarios_are_bundled():
    names = {path.name for path in BUNDLED}
    assert {FLAGSHIP.name, SHORT.name, ENGLISH.name} <= names


def test_the_flagship_sorts_first_so_it_is_the_default_choice():
    assert BUNDLED[0] == FLAGSHIP


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_scenario_loads_with_the_real_loader(path):
    scenario = _load(path)
    assert scenario.id == path.stem
    assert scenario.format == 1


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_scenario_ends_on_a_default_ending_so_no_game_ends_without_one(path):
    scenario = _load(path)
    assert len(scenario.endings) >= 3
    assert scenario.endings[-1].when is None
    assert all(ending.when is not None for ending in scenario.endings[:-1])


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_character_has_an_objective_a_secret_and_a_real_action(path):
    scenario = _load(path)
    for character in scenario.characters:
        assert character.objective and character.secret, character.id
        own = [a for a in scenario.actions if a.who is None or character.id in a.who]
        assert own, f"{character.id} can only observe"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
@pytest.mark.parametrize("policy", ["random", "coop", "solo"])
def test_the_bot_plays_every_bundled_scenario_to_an_ending(path, policy):
    scenario = _load(path)
    endings = Counter()
    for seed in range(5):
        state = play_to_end(scenario, policy, seed)
        assert state.phase == "end"
        endings[state.ending] += 1
    assert None not in endings
    assert set(endings) <= {ending.id for ending in scenario.endings}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_the_smallest_table_allowed_can_play_every_bundled_scenario(path):
    scenario = _load(path)
    state = play_to_end(scenario, "random", seed=1, players=scenario.players.min)
    assert state.phase == "end" and state.ending is not None


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_round_has_its_text_and_every_debrief_phase_is_used(path):
    scenario = _load(path)
    assert set(scenario.round_texts) == set(range(1, scenario.rounds + 1))
    phases = {prompt.phase for prompt in all_prompts(scenario)}
    assert set(DEBRIEF_PHASES) <= phases, set(DEBRIEF_PHASES) - phases


def _too_long(texts, limit):
    return [(len(text), text) for text in texts if text and len(text) > limit]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_texts_stay_short_enough_to_be_read_from_the_back_of_the_room(path):
    scenario = _load(path)
    problems = []
    problems += _too_long([a.title for a in scenario.actions], MAX_TITLE)
    problems += _too_long([e.title for e in scenario.events], MAX_TITLE)
    problems += _too_long([e.title for e in scenario.endings], MAX_TITLE)
    problems += _too_long([a.description for a in scenario.actions], MAX_CARD_TEXT)
    problems += _too_long([e.text for e in scenario.events], MAX_EVENT_TEXT)
    problems += _too_long([s.text for s in scenario.synergies], MAX_CARD_TEXT)
    problems += _too_long(list(scenario.round_texts.values()), MAX_ROUND_TEXT)
    problems += _too_long([p.text for p in all_prompts(scenario)], MAX_PROMPT)
    problems += _too_long([c.secret for c in scenario.characters], MAX_SECRET)
    problems += _too_long([c.objective for c in scenario.characters], MAX_OBJECTIVE)
    problems += _too_long([c.role for c in scenario.characters], MAX_ROLE)
    problems += _too_long([e.text for e in scenario.endings], MAX_ENDING_TEXT)
    problems += _too_long([scenario.summary], MAX_SUMMARY)
    assert not problems, problems


def test_the_flagship_keeps_the_size_of_a_two_to_three_hour_workshop():
    scenario = _load(FLAGSHIP)
    assert scenario.language == "fr"
    assert len(scenario.characters) >= 10
    assert scenario.players.min == 3 and scenario.players.max == 8
    assert all(character.resources for character in scenario.characters)
    assert len(scenario.actions) >= 24
    assert len(scenario.events) >= 12
    assert len(scenario.synergies) >= 3
    assert len(scenario.debrief.triggers) >= 6
    assert len(scenario.endings) >= 3
    assert len(scenario.round_texts) == scenario.rounds


def test_the_flagship_uses_every_kind_of_action_rule():
    actions = _load(FLAGSHIP).actions
    assert sum(1 for a in actions if a.who) >= 20
    assert sum(1 for a in actions if a.cost) >= 15
    assert sum(1 for a in actions if a.by_posture) >= 15
    assert sum(1 for a in actions if a.requires) >= 5
    assert sum(1 for a in actions if a.once) >= 5


def test_the_flagship_triggers_name_what_happened_in_the_game():
    triggers = _load(FLAGSHIP).debrief.triggers
    naming = [t for t in triggers if t.when.action_played or t.when.character_posture or t.when.posture_count]
    assert len(naming) >= 6


def test_the_short_scenario_fits_a_45_minute_session():
    scenario = _load(SHORT)
    assert scenario.language == "fr"
    assert 3 <= len(scenario.characters) <= 5
    assert scenario.players.max <= 5
    assert scenario.rounds == 3
    assert scenario.debrief_minutes <= 5


def test_the_english_scenario_is_written_for_english_speaking_trainers():
    scenario = _load(ENGLISH)
    assert scenario.language == "en"
    # Its own postures, in British English: "co-design" is the word of the field there.
    assert scenario.posture("co_construire").label == "Co-design"
    assert [p.id for p in scenario.postures] == [
        "imposer", "decider_seul", "informer", "consulter", "co_construire", "faire_confiance"]
