"""The game never answers "COOP ou pas COOP ?" before the room: readings wait for the verdict by default."""

from game.ui.settings import Settings
from game.ui.words import shown_reading


def test_before_the_verdict_a_reading_shows_only_when_the_setting_says_always():
    for reading in ("coop", "neutre", "pas_coop", "a_debattre"):
        assert shown_reading("after", reading) == "later"
        assert shown_reading("never", reading) == "room"
        assert shown_reading("always", reading) == reading


def test_the_default_is_after_the_verdict_and_a_hand_edited_value_goes_back_to_it():
    assert Settings().readings == "after"
    assert Settings(readings="sometimes").cleaned().readings == "after"
    assert Settings(readings="never").cleaned().readings == "never"


def test_the_bilan_lifts_every_secret_then_asks_what_it_would_have_changed(make_app):
    from test_ui_projector import boxes_of

    from game.paths import SCENARIOS

    app = make_app((1920, 1080))
    boxes = boxes_of(app, SCENARIOS / "une_place_a_l_ombre.yaml",
                     lambda s: s.name == "end" and s.shot_suffix() == "secrets")
    drawn = " ".join(b.text for b in boxes)
    scenario = app.play.scenario
    first = app.play.state.setup.characters[0]
    assert "Les secrets levés" in drawn
    assert " ".join(scenario.character(first).secret.split()[:3]) in drawn.replace("\u00a0", " ")
    # The question closes the page (it may come after "Suite" on a small window).
    from game.ui.strings import TR

    assert TR("fr", "end_secrets_question") == "Qu'est-ce que ça aurait changé de le savoir ?"
