"""Language choice and the words shared by the screens and the reports."""

from game.i18n import pick_language, team_display


def test_the_facilitators_choice_wins_then_the_scenarios_language_then_french():
    assert pick_language("en", "fr") == "en"
    assert pick_language(None, "en") == "en"
    assert pick_language(None, None) == "fr"


def test_a_team_name_gets_the_word_team_in_the_interface_language():
    assert team_display("1", "fr") == "équipe\u00a01"
    assert team_display("Les Bleus", "en") == "team\u00a0Les Bleus"


def test_a_team_name_that_already_says_team_is_shown_as_typed():
    for name in ("Équipe Zoé", "L'équipe bleue", "Zoé's team", "EQUIPE 3"):
        assert team_display(name, "fr") == name
        assert team_display(name, "en") == name
    assert team_display("Teamsters", "en") == "team\u00a0Teamsters"


def test_a_name_is_looked_at_as_the_pattern_alone_would():
    """team_display only runs its pattern on names with a p or an m: the same answers as always running it."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from game.i18n import _TEAM_WORD

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="équipeÉQUIPEteamTEAM İıſK_ -'1a", max_size=20))
    def check(name):
        said = re.search(_TEAM_WORD, name, re.IGNORECASE) is not None
        assert (team_display(name, "fr") == name) == said, name

    check()
    for name in ("Équipe Zoé", "L'équipe bleue", "Zoé's team", "TEAM 4", "EQUIPE"):
        assert team_display(name, "fr") == name
    for name in ("1", "Steamers", "Équipes", "Les Bleus"):
        assert team_display(name, "fr") != name
