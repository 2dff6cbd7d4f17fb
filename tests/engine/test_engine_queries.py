"""What screens read from a game: action options with reasons, verdict splits, a round's debrief, the end."""

from game.engine import (
    Advance, ChooseAction, ChoosePosture, ConfirmMove, RecordVerdict, SkipVerdicts, Verdict, action_options,
    apply, debrief, end, is_split, postures, verdicts,
)
from engine_samples import play_to_debrief as play_round


def test_postures_come_with_their_coop_reading(small):
    readings = {p.id: reading for p, reading in postures(small)}
    assert readings == {"imposer": "pas_coop", "decider_seul": "pas_coop", "informer": "neutre",
                        "consulter": "coop", "co_construire": "coop", "faire_confiance": "coop"}


def test_action_options_list_every_action_with_the_reason_it_is_closed(small, game):
    state, _ = apply(small, game, Advance())
    options = {o.action: o for o in action_options(small, state, "elue")}
    assert list(options) == ["reunion", "travaux", "petition", "fete", "observer"]
    assert options["travaux"].allowed and options["observer"].allowed
    assert (options["reunion"].reason, options["reunion"].params) == (
        "cannot_afford", {"resource": "temps", "cost": 2, "have": 1})
    assert options["petition"].reason == "not_for_character"
    assert (options["fete"].reason, options["fete"].params) == ("requirement_not_met", {"failing": ["posture_count"]})


def test_a_clear_majority_with_some_doubt_is_not_split_but_a_close_room_is():
    assert not is_split(Verdict(12, 3, 5))     # 60 % COOP, 7 votes ahead: the first edition said "split"
    assert not is_split(Verdict(14, 3, 3))
    assert is_split(Verdict(11, 9, 0))         # a majority, but only 2 votes of 20 ahead
    assert is_split(Verdict(8, 6, 6))          # no majority
    assert is_split(Verdict(10, 5, 5))         # half is not a majority
    assert not is_split(Verdict(1, 0, 0))


def test_a_verdict_is_split_when_the_room_really_disagrees():
    assert is_split(Verdict(5, 4, 0))
    assert is_split(Verdict(3, 1, 2))
    assert not is_split(Verdict(8, 2, 1))
    assert not is_split(Verdict(0, 0, 0))


def test_verdict_lines_follow_the_moves_and_mark_the_split_ones(small, game):
    state = play_round(small, game, {c: ("informer", "observer") for c in ("elue", "bailleur", "habitante")},
                       tallies={"elue": (9, 1, 0), "bailleur": (4, 4, 2)})
    lines = verdicts(state, 1)
    assert [(l.character, l.split) for l in lines] == [("elue", False), ("bailleur", True), ("habitante", False)]
    assert lines[2].verdict is None


def test_the_debrief_groups_prompts_by_phase_in_order_with_triggers_and_facts(small, game):
    choices = {"elue": ("imposer", "travaux"), "bailleur": ("imposer", "observer"), "habitante": ("consulter", "observer")}
    state = play_round(small, game, choices)
    view = debrief(small, state)
    # The ration: both triggered prompts, then one every-round prompt, of a phase not served yet.
    assert view.phases == (
        ("ressenti", ("Un mot pour ce tour ?",)),
        ("faits", ()),
        ("analyse", ("Deux acteurs ont imposé leur décision.",)),
        ("et_si", ("Et si les travaux avaient attendu ?",)),
    )
    assert view.hidden == 1
    assert view.every_phase == (
        ("ressenti", ("Un mot pour ce tour ?",)),
        ("faits", ()),
        ("analyse", ("Deux acteurs ont imposé leur décision.", "Qu'avez-vous ressenti ?")),
        ("et_si", ("Et si les travaux avaient attendu ?",)),
    )
    assert view.facts.events == ("presse",)
    assert [(m.character, m.posture, m.action) for m in view.facts.moves] == [
        ("elue", "imposer", "travaux"), ("bailleur", "imposer", "observer"), ("habitante", "consulter", "observer")]
    tension = next(f for f in view.facts.indicators if f.indicator == "tension")
    assert (tension.start, tension.after_events, tension.after) == (1, 3, 4)


def test_round_prompts_of_that_round_appear_only_in_it(small, game):
    quiet = {c: ("informer", "observer") for c in ("elue", "bailleur", "habitante")}
    state = play_round(small, game, quiet)
    assert "transfert" not in dict(debrief(small, state).phases)
    state, _ = apply(small, state, Advance())
    state = play_round(small, state, quiet)
    assert dict(debrief(small, state).phases)["transfert"] == ("Et chez vous ?",)


def test_the_end_names_the_ending_and_tells_each_journey(small, game):
    state = game
    rounds = [
        {"elue": ("imposer", "travaux"), "bailleur": ("decider_seul", "travaux"), "habitante": ("consulter", "observer")},
        {"elue": ("consulter", "observer"), "bailleur": ("co_construire", "observer"), "habitante": ("co_construire", "observer")},
        {"elue": ("co_construire", "observer"), "bailleur": ("co_construire", "observer"), "habitante": ("faire_confiance", "observer")},
    ]
    for number, choices in enumerate(rounds, start=1):
        tallies = {"elue": (3, 3, 3)} if number == 1 else None
        state = play_round(small, state, choices, tallies)
        state, _ = apply(small, state, Advance())
    assert state.phase == "end"
    view = end(small, state)
    assert view.ending.id == "reussite"                  # avancement reached 6 in round 1
    assert view.posture_paths["elue"] == ("imposer", "consulter", "co_construire")
    assert view.series["avancement"][0] == 2 and view.series["avancement"][1] == 6
    assert len(view.series["confiance"]) == 4
    assert [(s.round, s.character) for s in view.split_moves] == [(1, "elue")]
    assert [p.text for p in view.final_prompts] == ["Qu'est-ce qui a changé ?"]
