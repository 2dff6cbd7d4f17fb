"""`coop play --autoplay`: the real screens through a whole game, screenshots named by screen, and resume."""

from __future__ import annotations

import re

from game.cli import main

NAME = re.compile(r"^\d{3}-(title|setup|situation|handoff|choice|reveal|verdict|debrief|end)(-[a-z0-9_]+)?\.png$")


def test_autoplay_reaches_the_end_and_saves_one_png_per_screen(long_path, tmp_path, capsys):
    shots = tmp_path / "shots"
    code = main(["play", str(long_path), "--autoplay", "--seed", "4", "--size", "640x360",
                 "--players", "3", "--rounds", "1", "--screenshots", str(shots)])
    assert code == 0
    names = sorted(p.name for p in shots.iterdir())
    assert names[0] == "001-title.png" and names[1] == "002-setup.png"
    assert all(NAME.match(n) for n in names), [n for n in names if not NAME.match(n)]
    screens = {NAME.match(n).group(1) for n in names}
    assert screens == {"title", "setup", "situation", "handoff", "choice", "reveal", "verdict", "debrief", "end"}
    assert sum(n.split("-")[1] == "choice" for n in names) == 6      # --players 3, --rounds 1: posture + action
    assert [int(n[:3]) for n in names] == list(range(1, len(names) + 1))
    # The bot pressed E on the end screen: the report is in the data folder, and the screen says where.
    from game.paths import reports_dir

    assert sorted(p.suffix for p in reports_dir().iterdir()) == [".html", ".md", ".pdf"]


def test_autoplay_of_an_invalid_scenario_fails_with_its_diagnostics(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: [\n", encoding="utf-8")
    assert main(["play", str(bad), "--autoplay", "--seed", "1", "--size", "640x360"]) == 1
    assert "bad.yaml" in capsys.readouterr().err


def test_resume_without_an_unfinished_session_says_so_and_exits_3(capsys):
    assert main(["play", "--resume", "--autoplay"]) == 3
    assert capsys.readouterr().err.strip()


def test_an_interrupted_game_resumed_by_autoplay_ends_like_an_uninterrupted_one(make_app, long_path):
    from game.engine import bot_next
    from game.session import list_sessions
    from game.ui.scenes.title import open_scenario

    # A game started on the screens, then played part-way and cut off (as if the laptop died).
    app = make_app((640, 360))
    app.seed = 11
    app.requested_players = 4
    app.requested_rounds = 2
    open_scenario(app, long_path)
    app.scene.start()
    session = app.play.session
    for _ in range(23):
        session.apply(bot_next(session.scenario, session.state))
    assert session.state.phase not in ("end",)
    interrupted_at = len(session.state.log)
    session.close()
    assert main(["play", "--resume", "--autoplay", "--size", "640x360"]) == 0
    assert main(["play", str(long_path), "--autoplay", "--seed", "11", "--size", "640x360", "--players", "4",
                 "--rounds", "2"]) == 0
    finished = [info.replay.state for info in list_sessions() if info.finished]
    assert len(finished) == 2 and interrupted_at >= 1
    resumed, uninterrupted = finished
    assert resumed.to_json() == uninterrupted.to_json()
