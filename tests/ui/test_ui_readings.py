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
