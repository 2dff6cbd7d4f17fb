"""`coop play SCENARIO --no-setup`: the scenario's defaults at the situation of round 1, even when an
unfinished game is left (it stays on disk, unfinished, offered again)."""

from __future__ import annotations

import argparse

from game.paths import SCENARIOS

TILLEULS = SCENARIOS / "quartier_des_tilleuls.yaml"
PLACE = SCENARIOS / "une_place_a_l_ombre.yaml"


def args_for(scenario, **extra):
    values = dict(scenario=str(scenario), resume=False, autoplay=False, no_setup=True, players=None, rounds=None)
    values.update(extra)
    return argparse.Namespace(**values)


def test_no_setup_starts_round_one_with_the_defaults_even_with_an_unfinished_game(make_app):
    from game.content import load_scenario
    from game.session import latest_unfinished, list_sessions
    from game.ui.app import start

    first = make_app((1280, 720))
    start(first, args_for(PLACE))                 # a game left unfinished at its first situation
    assert first.play is not None
    left = first.play.session.path
    first.play.close()

    app = make_app((1280, 720))
    start(app, args_for(TILLEULS))
    scenario = load_scenario(TILLEULS)
    state = app.play.state
    assert app.scene.name == "situation" and state.round == 1 and state.phase == "situation"
    assert list(state.setup.characters) == [c.id for c in scenario.characters][:scenario.players.max]
    assert state.setup.rounds == scenario.rounds
    assert list(state.setup.teams.values()) == [str(n) for n in range(1, scenario.players.max + 1)]
    # The game left before is still there, unfinished, and can be resumed.
    unfinished = {info.path for info in list_sessions() if info.replay and info.replay.state.phase != "end"}
    assert left in unfinished and app.play.session.path in unfinished
    assert latest_unfinished() is not None


def test_no_setup_with_a_missing_file_opens_the_title_with_the_reason(make_app, tmp_path):
    from game.ui.app import start

    app = make_app((1280, 720))
    start(app, args_for(tmp_path / "absent.yaml"))
    assert app.play is None and app.scene.name == "title" and "absent.yaml" in app.notice
