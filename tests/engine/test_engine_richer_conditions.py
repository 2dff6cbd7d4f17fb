"""The richer format's conditions and texts, rule by rule: tags, moves, character_action, split verdicts,
postures without a reading, `better: lower`, names of matched characters, variants of round texts and endings."""

from pathlib import Path

import pytest

from game.content import load_scenario
from game.content.model import Condition
from game.engine import (
    Advance, ChooseAction, ChoosePosture, ConfirmMove, IllegalCommand, RecordVerdict, Setup, apply, debrief, end,
    new_game, round_text,
)
from game.engine.conditions import Facts, Lookups, compile_condition, matched_characters
from game.engine.queries import coop_reading, postures
from engine_samples import play_to_debrief as play

RICH = Path(__file__).parent / "data" / "rich.yaml"
COOP = {"imposer": -2, "informer": 0, "tableaux": None, "co_construire": 2}
TAGS = {"elue": ["institution"], "bailleur": ["institution"], "habitante": ["habitant"], "asso": ["habitant"]}
LOOKUPS = Lookups(COOP, TAGS)


def holds(condition: dict, facts: Facts) -> bool:
    return compile_condition(Condition.model_validate(condition), LOOKUPS)(facts)


def matched(condition: dict, facts: Facts):
    return matched_characters(Condition.model_validate(condition), LOOKUPS, facts)


def round_facts(postures, played, past=None, verdicts=None, past_verdicts=()):
    """Facts of a revealed round: `past` defaults to this round alone."""
    past = ((postures, played),) if past is None else past
    return Facts(2, {"confiance": 5}, postures, frozenset(played.values()), set(), played, past, verdicts,
                 past_verdicts)


POSTURES = {"elue": "imposer", "bailleur": "co_construire", "habitante": "co_construire", "asso": "tableaux"}
PLAYED = {"elue": "chantier", "bailleur": "bloquer", "habitante": "atelier", "asso": "observer"}


def test_character_action_needs_each_listed_character_on_that_action():
    facts = round_facts(POSTURES, PLAYED)
    assert holds({"character_action": {"elue": "chantier", "bailleur": "bloquer"}}, facts)
    assert not holds({"character_action": {"elue": "bloquer"}}, facts)
    assert not holds({"character_action": {"elue": "chantier"}}, Facts(1, {}, None, None, set()))


def test_moves_counts_the_moves_matching_every_field_among_the_selected_characters():
    facts = round_facts(POSTURES, PLAYED)
    assert holds({"moves": {"posture": "co_construire", "at_least": 2}}, facts)
    assert not holds({"moves": {"posture": "co_construire", "at_least": 3}}, facts)
    assert holds({"moves": {"tag": "institution", "reading": "pas_coop"}}, facts)        # the élue imposed
    assert not holds({"moves": {"tag": "habitant", "reading": "pas_coop"}}, facts)
    assert holds({"moves": {"reading": "a_debattre", "action": "observer"}}, facts)     # asso, tableaux
    assert holds({"moves": {"tag": "institution", "action": "observer", "at_most": 0}}, facts)
    assert not holds({"moves": {"action": "bloquer", "at_most": 0}}, facts)


def test_every_needs_each_character_carrying_the_tag_to_match():
    facts = round_facts(POSTURES, PLAYED)
    assert not holds({"moves": {"tag": "habitant", "reading": "coop", "every": True}}, facts)   # asso: à débattre
    both = dict(POSTURES, asso="co_construire")
    assert holds({"moves": {"tag": "habitant", "reading": "coop", "every": True}}, round_facts(both, PLAYED))
    # Nobody in play carries the tag: "every habitant" does not hold.
    alone = {"elue": "co_construire", "bailleur": "co_construire"}
    assert not holds({"moves": {"tag": "habitant", "reading": "coop", "every": True}},
                     round_facts(alone, {"elue": "atelier", "bailleur": "atelier"}))


def test_moves_in_the_game_count_across_rounds_a_bloque_deux_fois():
    first = ({"bailleur": "imposer", "elue": "informer"}, {"bailleur": "bloquer", "elue": "observer"})
    second = ({"bailleur": "informer", "elue": "informer"}, {"bailleur": "bloquer", "elue": "bloquer"})
    facts = round_facts(*second, past=(first, second))
    twice = {"moves": {"character": "bailleur", "action": "bloquer", "in": "game", "at_least": 2}}
    assert holds(twice, facts)
    assert not holds({"moves": {"character": "elue", "action": "bloquer", "in": "game", "at_least": 2}}, facts)
    # "in the round" only sees the round: one block each.
    assert not holds({"moves": {"character": "bailleur", "action": "bloquer", "at_least": 2}}, facts)
    assert matched(twice, facts) == ("bailleur",)
    assert matched({"moves": {"action": "bloquer", "in": "game"}}, facts) == ("bailleur", "elue")


class V:
    def __init__(self, coop, pas_coop, depends):
        self.coop, self.pas_coop, self.depends = coop, pas_coop, depends


def test_split_verdicts_count_the_moves_on_which_the_room_split():
    verdicts = {"elue": V(5, 5, 2), "bailleur": V(10, 1, 1), "habitante": V(0, 0, 0)}
    facts = round_facts(POSTURES, PLAYED, verdicts=verdicts, past_verdicts=({"asso": V(3, 3, 3)}, verdicts))
    assert holds({"split_verdicts": {}}, facts)
    assert not holds({"split_verdicts": {"at_least": 2}}, facts)
    assert holds({"split_verdicts": {"at_least": 2, "in": "game"}}, facts)
    assert not holds({"split_verdicts": {"tag": "institution", "character": "bailleur"}}, facts)
    assert matched({"split_verdicts": {"in": "game"}}, facts) == ("asso", "elue")
    assert not holds({"split_verdicts": {}}, round_facts(POSTURES, PLAYED))   # no verdicts: nothing split


def test_a_posture_without_coop_reads_a_debattre_and_counts_in_no_average():
    assert coop_reading(None) == "a_debattre"
    facts = round_facts({"elue": "tableaux", "bailleur": "co_construire"}, {"elue": "observer", "bailleur": "observer"})
    assert holds({"coop_average_at_least": 2}, facts)            # the mean of the one posture read: 2
    assert not holds({"coop_average_at_least": 0}, round_facts({"elue": "tableaux"}, {"elue": "observer"}))
    readings = {p.id: r for p, r in postures(load_scenario(RICH))}
    assert readings["tableaux"] == "a_debattre" and readings["imposer"] == "pas_coop"


def test_matched_characters_come_from_the_tests_that_name_characters_and_holding_alternatives():
    facts = round_facts(POSTURES, PLAYED)
    condition = {"character_posture": {"bailleur": "co_construire"},
                 "any": [{"character_action": {"elue": "chantier"}}, {"character_action": {"asso": "bloquer"}}],
                 "not": {"character_action": {"habitante": "bloquer"}}}
    assert matched(condition, facts) == ("bailleur", "elue")


# --- through the engine, on the rich scenario ------------------------------------------------------------

SETUP = Setup(("elue", "bailleur", "habitante", "asso"), {c: c for c in ("elue", "bailleur", "habitante", "asso")}, 4)


def everyone(posture, action, **others):
    moves = {c: (posture, action) for c in SETUP.characters}
    moves.update(others)
    return moves


def test_requires_with_tags_opens_an_action_only_after_every_habitant_cooperated():
    scenario = load_scenario(RICH)
    state = new_game(scenario, SETUP, seed=3)
    state = play(scenario, state, everyone("informer", "observer", habitante=("co_construire", "observer")))
    state, _ = apply(scenario, state, Advance())     # round 2
    state, _ = apply(scenario, state, Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, ChooseAction(state.turn, "atelier"))
    assert refused.value.code == "requirement_not_met"


def test_names_fill_a_trigger_round_texts_and_endings_take_the_variant_of_what_was_played():
    scenario = load_scenario(RICH)
    state = new_game(scenario, SETUP, seed=3)
    assert round_text(scenario, state) == "Premier tour, {accolades} laissées telles quelles."   # braces untouched
    blocks = everyone("informer", "observer", bailleur=("imposer", "bloquer"))
    state = play(scenario, state, blocks, tallies={"elue": (4, 4, 4)})
    texts = [t for _, ts in debrief(scenario, state).phases for t in ts]
    assert "La salle est partagée sur Élue." in texts
    assert not any("deux fois" in t for t in texts)
    state, _ = apply(scenario, state, Advance())
    state = play(scenario, state, blocks)
    texts = [t for _, ts in debrief(scenario, state).phases for t in ts]
    assert "Bailleur a bloqué deux fois : pourquoi ?" in texts
    state, _ = apply(scenario, state, Advance())
    assert round_text(scenario, state) == "Bailleur ont bloqué : le quartier s'en souvient."
    # Round 3: the habitants co-construct (atelier opens next round); round 4: they hold their atelier.
    for action in ("observer", "atelier"):
        moves = everyone("co_construire", action, elue=("imposer", "chantier"), bailleur=("imposer", "chantier"))
        state = play(scenario, state, moves)
        state, _ = apply(scenario, state, Advance())
    assert state.phase == "end" and state.ending == "ensemble", state.indicators
    view = end(scenario, state)
    assert view.ending_text == "La maison ouvre ; Aïcha et Moussa y ont pris leur part."


def test_a_round_text_variant_on_split_verdicts_sees_the_previous_rounds_votes():
    scenario = load_scenario(RICH)
    state = new_game(scenario, SETUP, seed=3)
    calm = everyone("informer", "observer")
    state = play(scenario, state, calm, tallies={"asso": (1, 1, 1)})
    state, _ = apply(scenario, state, Advance())
    state = play(scenario, state, calm)
    state, _ = apply(scenario, state, Advance())
    assert state.round == 3 and round_text(scenario, state) == "La salle s'est divisée."
    unsplit = new_game(scenario, SETUP, seed=3)
    for _ in range(2):
        unsplit = play(scenario, unsplit, calm, tallies={"asso": (9, 1, 1)})
        unsplit, _ = apply(scenario, unsplit, Advance())
    assert round_text(scenario, unsplit) == "Troisième tour."


# --- postures that cost ---------------------------------------------------------------------------------

def test_a_postures_cost_is_paid_at_confirmation_with_the_actions_and_refunded_like_it():
    from game.engine import SubmitMove, TakeBackMove

    scenario = load_scenario(RICH)
    state = new_game(scenario, SETUP, seed=3)
    state, _ = apply(scenario, state, Advance())
    first = state.turn
    assert state.resources[first]["temps"] == 2
    state, _ = apply(scenario, state, SubmitMove(first, "co_construire", "concertation"))
    assert state.resources[first]["temps"] == 0                        # 1 for the posture + 1 for the action
    state, _ = apply(scenario, state, SubmitMove(first, "co_construire", "observer"))
    assert state.resources[first]["temps"] == 1                        # replaced: refunded, then paid again
    state, _ = apply(scenario, state, TakeBackMove(first))
    assert state.resources[first]["temps"] == 2                        # taken back: refunded exactly


def test_a_posture_the_team_cannot_afford_is_refused_and_with_it_an_action_it_leaves_unaffordable():
    from game.record import evolve as replace

    from game.engine import SubmitMove

    scenario = load_scenario(RICH)
    state = new_game(scenario, SETUP, seed=3)
    state, _ = apply(scenario, state, Advance())
    assert state.resources["bailleur"]["temps"] == 1
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, SubmitMove("bailleur", "co_construire", "concertation"))
    assert refused.value.code == "cannot_afford" and refused.value.params["cost"] == 2
    state, _ = apply(scenario, state, SubmitMove("bailleur", "co_construire", "observer"))
    assert state.resources["bailleur"]["temps"] == 0
    with pytest.raises(IllegalCommand):          # a replacement counts the refund: 1, not 2
        apply(scenario, state, SubmitMove("bailleur", "co_construire", "concertation"))
    state, _ = apply(scenario, state, SubmitMove("bailleur", "informer", "concertation"))
    assert state.resources["bailleur"]["temps"] == 0
    # The team at the keyboard with nothing left cannot even take the posture.
    broke = replace(state, resources=dict(state.resources, elue={"temps": 0}))
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, broke, ChoosePosture("elue", "co_construire"))
    assert refused.value.code == "cannot_afford"
    apply(scenario, broke, ChoosePosture("elue", "informer"))
