"""Screens reached with inputs the outside checker found troublesome: a folder given as scenario, a session that will not reopen."""

from __future__ import annotations

import argparse

import pygame
import pytest

from game.ui.scenes.overlays import CrashOverlay


@pytest.fixture
def app():
    from game.ui.settings import Settings
    from game.ui.shell import App

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window("outside", (1280, 720))
    application = App(window, Settings(), "fr")
    application.seed = 3
    yield application
    window.destroy()


def test_a_folder_given_as_scenario_shows_the_error_screen_saying_it_is_a_folder(app, tmp_path):
    from game.ui.scenes.error import ErrorScene
    from game.ui.scenes.title import open_scenario

    open_scenario(app, tmp_path)
    assert isinstance(app.target, ErrorScene)
    assert [d.code for d in app.target.diagnostics] == ["file_is_directory"]


def test_resume_of_a_session_that_cannot_be_reopened_lands_on_the_title_with_the_reason(app, tmp_path, monkeypatch):
    import game.session as sessions
    from game.ui.app import start
    from game.ui.scenes.title import TitleScene

    def refuse(path):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(sessions, "latest_unfinished", lambda: tmp_path / "game.coop.jsonl")
    monkeypatch.setattr(sessions.Session, "resume", staticmethod(refuse))
    start(app, argparse.Namespace(resume=True, scenario=None, autoplay=True))
    app.render()
    assert isinstance(app.target, TitleScene)
    assert not isinstance(app.target, CrashOverlay)
    assert "Read-only file system" in app.notice


@pytest.mark.parametrize("letters", ["Дом", "Ἀθηνᾶ", "تعاون"])
def test_letters_outside_the_committed_font_are_not_drawn_as_empty_boxes(letters):
    from game.ui import text

    pygame.font.init()
    if pygame.font.match_font("segoeui,arial,dejavusans,notosans,freesans") is None:
        pytest.skip("no system font to fall back on")
    face = text.font(40)

    def drawn(word: str) -> bytes:
        surface = pygame.Surface((400, 80))
        surface.fill((255, 255, 255))
        text.render_line(surface, face, word, (0, 0, 0), (0, 0))
        return pygame.image.tobytes(surface, "RGB")

    # U+E000 (private use) is in no font: its box is what a missing letter looks like.
    boxes = "\ue000" * len(letters)
    assert drawn(letters) != drawn(boxes)
    assert text.measure(face, letters) != text.measure(face, boxes)


def test_resume_with_only_a_damaged_session_says_none_and_why(coop_home, capsys):
    from game.ui.app import run_play

    sessions = coop_home / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "20260101-000000-x-abcdef.coop.jsonl").write_text('{"kind": "coop-session", "format": 1}\n')
    args = argparse.Namespace(resume=True, lang="en", fullscreen=False, autoplay=True, scenario=None)
    assert run_play(args) == 3
    said = capsys.readouterr().err
    assert "No unfinished game to resume." in said
    assert "cannot be resumed" in said and "20260101-000000-x-abcdef" in said


def test_resume_with_nothing_at_all_says_none_only(coop_home, capsys):
    from game.ui.app import run_play

    args = argparse.Namespace(resume=True, lang="en", fullscreen=False, autoplay=True, scenario=None)
    assert run_play(args) == 3
    assert capsys.readouterr().err.strip() == "No unfinished game to resume."


def test_autoplay_screenshots_into_a_file_say_so_without_a_traceback(tmp_path, coop_home):
    import os
    import subprocess
    import sys
    from pathlib import Path

    scenario = Path(__file__).resolve().parent / "scenarios" / "01-minimal-fr.yaml"
    blocker = tmp_path / "shots"
    blocker.write_text("a file where the folder should be")
    proc = subprocess.run([sys.executable, "-m", "game", "play", str(scenario), "--autoplay", "--seed", "1",
                           "--screenshots", str(blocker)], env=dict(os.environ, COOP_HOME=str(coop_home)),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "cannot write screenshots" in proc.stderr


def test_autoplay_stops_with_a_message_when_a_screenshot_cannot_be_written(app, tmp_path, monkeypatch, capsys):
    from game.ui.autoplay import run_autoplay
    from game.ui.scenes.title import TitleScene

    import builtins

    class FullDisk:
        """The screenshot's file opens, then its first write finds the disk full."""

        def __init__(self, path, mode):
            self.file = builtins.open(path, mode)

        def write(self, data):
            raise OSError(28, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

    monkeypatch.setattr("game.ui.png.open", FullDisk, raising=False)
    app.show(TitleScene(app))
    assert run_autoplay(app, tmp_path / "shots") == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list((tmp_path / "shots").iterdir()) == []      # no cut file left behind
