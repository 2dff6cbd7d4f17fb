"""Small scenarios built in Python for the engine tests."""

from game.engine import Setup


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
