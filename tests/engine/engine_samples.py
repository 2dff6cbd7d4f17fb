"""Small scenarios built in Python for the engine tests."""

from game.engine import Advance, ChooseAction, ChoosePosture, ConfirmMove, Setup, SkipVerdicts, apply, bot_next


def tiny_scenario(**overrides):
    """A two-character scenario with one gauge, built as a dict so each test states what matters."""
    from game.content.model import Scenario

    data = {
        "format": 1, "id": "tiny", "title": "Tiny", "language": "en", "summary": "s",
        "territory": {"name": "t", "description": "d"}, "goal": "g", "rounds": 3,
        "indicators": [{"id": "g", "label": "G", "start": 9, "min": 0, "max": 10}],
        "postures": [
            {"id": "up", "label": "Up", "coop": 1, "effects": {"g": 3}},
            {"id": "down", "label": "Down", "coop": -1, "effects": {"g": -3}},
            {"id": "still", "label": "Still", "coop": 0},
        ],
        "characters": [
            {"id": "a", "name": "A", "role": "r", "objective": "o"},
            {"id": "b", "name": "B", "role": "r", "objective": "o"},
        ],
        "actions": [{"id": "act", "title": "Act"}],
        "debrief": {"every_round": ["How was it?"], "final": ["And now?"]},
    }
    data.update(overrides)
    return Scenario.model_validate(data)


TINY_SETUP = Setup(("a", "b"), {"a": "A", "b": "B"}, 3)


def play_round(scenario, state, choices):
    """One whole round from its situation to the next round's situation (or the end); verdicts skipped.

    `choices` maps each character in play to its (posture, action).
    """
    state, _ = apply(scenario, state, Advance())
    for character in state.turn_order:
        posture, action = choices[character]
        for command in (ChoosePosture(character, posture), ChooseAction(character, action), ConfirmMove(character)):
            state, _ = apply(scenario, state, command)
    for command in (Advance(), SkipVerdicts(), Advance()):
        state, _ = apply(scenario, state, command)
    return state


def play_to_reveal(scenario, state, choices):
    """One round to its reveal, from its situation (or its choices already open): every team's
    (posture, action) chosen and confirmed."""
    if state.phase == "situation":
        state, _ = apply(scenario, state, Advance())
    for character in state.turn_order:
        posture, action = choices[character]
        for command in (ChoosePosture(character, posture), ChooseAction(character, action), ConfirmMove(character)):
            state, _ = apply(scenario, state, command)
    return state


def play_to_debrief(scenario, state, choices, tallies=None):
    """One round from its situation to its debrief: the moves, then the tallies given (or verdicts skipped)."""
    from game.engine import RecordVerdict

    state = play_to_reveal(scenario, state, choices)
    state, _ = apply(scenario, state, Advance())
    if tallies:
        for character, tally in tallies.items():
            state, _ = apply(scenario, state, RecordVerdict(character, *tally))
        state, _ = apply(scenario, state, Advance())
    else:
        state, _ = apply(scenario, state, SkipVerdicts())
    return state


def run_bot(scenario, state, until):
    """The bot's commands until `until(state)` holds (or the end)."""
    while not until(state) and state.phase != "end":
        state, _ = apply(scenario, state, bot_next(scenario, state))
    return state
