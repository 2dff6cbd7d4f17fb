"""A move the rules refuse reaches people through the screens in their language, never as the developers' English."""

from pathlib import Path

import pytest

from game.engine import ChooseAction, Setup
from game.session import Session
from game.ui.play import Play

SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"


class QuietApp:
    """The few things Play needs from the application, without a window."""

    def __init__(self, language):
        self.language = language
        self.notice = None
        self.scenario_language = None

    def invalidate(self):
        pass


@pytest.mark.parametrize("language, words", [
    ("fr", "Ce n'est pas possible à cette étape du tour."),
    ("en", "This is not possible at this step of the round."),
])
def test_a_refused_command_is_told_with_the_description_in_the_interface_language(language, words):
    setup = Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 2)
    session = Session.create(SMALL, setup, 3)
    try:
        app = QuietApp(language)
        play = Play(app, session)
        assert play.submit(ChooseAction("elue", "travaux")) is False     # still at the situation phase
        assert words in app.notice
        assert "situation phase" not in app.notice
    finally:
        session.close()


def test_a_setup_the_rules_refuse_is_told_in_the_interface_language_on_the_setup_screen():
    from game.content import load_scenario
    from game.ui.scenes.setup import SetupScene

    app = QuietApp("fr")
    app.seed, app.seed_fixed, app.play = 3, True, None
    scene = SetupScene(app, SMALL, load_scenario(SMALL))
    scene.minutes = 0.0          # a timer the rules refuse (the screen's own keys keep to 0.5..60)
    scene.start()
    assert app.notice is not None and "configuration de partie n'est pas possible" in app.notice
    assert "bad_setup" not in app.notice
