"""Issue 15, the first screen: what `coop play SCENARIO` does before its setup screen shows is only what
that screen needs (no title screen made behind it, no layout of the characters it does not show)."""

from __future__ import annotations

import argparse

from game.paths import SCENARIOS

PLACE = SCENARIOS / "une_place_a_l_ombre.yaml"


def args_for(scenario):
    return argparse.Namespace(scenario=str(scenario), resume=False, autoplay=False, no_setup=False,
                              players=None, rounds=None)


def test_the_setup_from_the_command_line_lists_no_scenarios_and_reads_no_sessions(make_app, monkeypatch):
    from game.ui.app import start
    from game.ui.scenes import title

    asked = []
    monkeypatch.setattr(title, "find_unfinished", lambda: asked.append("sessions"))
    monkeypatch.setattr(title, "bundled_scenarios", lambda: asked.append("scenarios") or [])
    app = make_app((1280, 720))
    start(app, args_for(PLACE))
    assert app.scene.name == "setup" and app.scene.path == PLACE
    assert asked == []


def test_a_missing_scenario_from_the_command_line_opens_the_title_with_the_reason(make_app, tmp_path):
    from game.ui.app import start

    app = make_app((1280, 720))
    start(app, args_for(tmp_path / "absent.yaml"))
    app.step()
    assert app.play is None and app.scene.name == "title" and "absent.yaml" in app.notice
    assert any(item.value[0] == "open" for item in app.scene.menu.items)


def test_the_setup_lays_out_only_the_characters_it_shows(make_app, monkeypatch):
    """Une place à l'ombre has 16 characters; at 1280x720 the setup shows 4 and counts the others: the
    labels of those far below are never wrapped (each would cost its words' glyphs on the first frame)."""
    from game.ui.app import start

    app = make_app((1280, 720))
    start(app, args_for(PLACE))
    menu = app.scene.menu
    from game.ui.canvas import Canvas

    wrapped = []
    original = Canvas.wrapped

    def recording(canvas, text, *args, **kwargs):
        wrapped.append(text)
        return original(canvas, text, *args, **kwargs)

    monkeypatch.setattr(Canvas, "wrapped", recording)
    app.invalidate()
    app.render(True)
    shown = sorted(t[1] for _, t in app.canvas.hits if t[0] == "setup")
    labels = [item.label for item in menu.items]
    assert len(labels) >= 12 and 0 < len(shown) < len(labels) // 2
    assert labels[shown[0]] in wrapped
    hidden = [label for index, label in enumerate(labels) if index > shown[-1] + 2]
    assert hidden and not set(hidden) & set(wrapped)


def test_the_title_lists_the_scenarios_folder_as_its_glob_did(tmp_path, monkeypatch):
    from game.ui.scenes import title

    for name in ("b.yaml", "a.yml", "A.yaml", ".hidden.yaml", "c.txt", "d.yaml.bak", "e.YAML", "f.yml"):
        (tmp_path / name).write_text("title: x\n", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    monkeypatch.setattr(title, "SCENARIOS", tmp_path)
    assert title.bundled_scenarios() == sorted(tmp_path.glob("*.yaml")) + sorted(tmp_path.glob("*.yml"))
    monkeypatch.setattr(title, "SCENARIOS", tmp_path / "absent")
    assert title.bundled_scenarios() == []


def test_a_scenario_title_is_read_from_its_title_line(tmp_path):
    from game.ui.scenes.title import scenario_title

    cases = {
        "plain.yaml": ("id: x\ntitle: Le quartier des Tilleuls\n".encode(), "Le quartier des Tilleuls"),
        "bom.yaml": ("\ufefftitle: « Une place à l'ombre »\r\n".encode(), "« Une place à l'ombre »"),
        "quoted.yaml": ('title: "Résidence Les Acacias"\n'.encode(), "Résidence Les Acacias"),
        "empty.yaml": (b"title:\n", "empty"),
        "latin1.yaml": ("title: Quartier Él\u00e9onore\n".encode("latin-1"), "latin1"),   # not UTF-8
        "none.yaml": (b"id: x\n", "none"),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert scenario_title(tmp_path / name) == expected, name
    assert scenario_title(tmp_path / "absent.yaml") == "absent"


def test_the_first_screens_modules_make_typing_compile_no_annotation():
    """typing.NamedTuple compiles each string annotation (a ForwardRef) when its class is made: about 40
    before the first frame (1.5-2 ms) while these modules had `from __future__ import annotations`."""
    import subprocess
    import sys

    probe = (
        "import builtins, sys\n"
        "import pygame, pygame.freetype\n"      # pygame's own annotations are not ours to count
        "callers = []\n"
        "original = builtins.compile\n"
        "def counting(*args, **kwargs):\n"
        "    callers.append(sys._getframe(1).f_globals.get('__name__'))\n"
        "    return original(*args, **kwargs)\n"
        "builtins.compile = counting\n"
        "import game.cli, game.ui.app, game.ui.settings, game.ui.canvas, game.ui.scenes.title, game.ui.shell\n"
        "import game.content.plain, game.ui.scenes.setup\n"
        "print(callers.count('typing'))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0"


def _probe(code: str, tmp_path) -> list[str]:
    import os
    import subprocess
    import sys

    env = {**os.environ, "COOP_HOME": str(tmp_path), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYGAME_HIDE_SUPPORT_PROMPT": "1", "COOP_BENCH_FIRST_SCREEN": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_coop_play_starts_without_the_collector_and_turns_it_on_after_its_first_frame(tmp_path):
    code = (
        "import gc, game.ui.app as app\n"
        "seen = []\n"
        "original = app.first_screen_comes_at_once\n"
        "def spy(args):\n"
        "    seen.append(gc.isenabled())\n"
        "    return original(args)\n"
        "app.first_screen_comes_at_once = spy\n"
        "from game.cli import main\n"
        f"main(['play', '--size', '640x480', {str(PLACE)!r}])\n"
        "print('during', seen[0], 'after', gc.isenabled(), 'frozen', gc.get_freeze_count() > 0)\n"
    )
    assert _probe(code, tmp_path)[-6:] == ["during", "False", "after", "True", "frozen", "True"]


def test_simulate_starts_without_the_collector_and_plays_with_it_and_a_short_command_runs_without(tmp_path):
    simulate = f"['simulate', {str(PLACE)!r}, '--games', '300', '--seed', '1']"
    for module, function, command, expected in (
            ("game.sim.simulate", "run_simulate", simulate, "False"),     # its imports and its load
            ("game.sim.simulate", "simulate", simulate, "True"),          # its games
            ("game.sim.audit", "audit", f"['simulate', {str(PLACE)!r}, '--audit']", "True"),
            ("game.content.commands", "run_validate", f"['validate', {str(PLACE)!r}]", "False")):
        code = (
            f"import gc, {module} as module\n"
            "seen = []\n"
            f"original = module.{function}\n"
            "def spy(*args, **named):\n"
            "    seen.append(gc.isenabled())\n"
            "    return original(*args, **named)\n"
            f"module.{function} = spy\n"
            "from game.cli import main\n"
            f"main({command})\n"
            "print('during', seen[0], 'after', gc.isenabled())\n"
        )
        assert _probe(code, tmp_path)[-4:] == ["during", expected, "after", "True"], command


def test_the_first_render_calls_after_first_frame_once_even_when_drawing_fails(make_app, monkeypatch):
    app = make_app((640, 480))
    calls = []
    app.after_first_frame = lambda: calls.append(1)
    display = app.displays[0]

    def broken(*args):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(display, "render", broken)
    try:
        app.render()
    except RuntimeError:
        pass
    monkeypatch.undo()
    app.render()
    assert calls == [1] and app.after_first_frame is None


def test_the_setup_screen_compiles_no_pattern_of_ours_makes_no_dataclass_and_leaves_signal_unimported(tmp_path):
    """Each was about half a millisecond of the first frame: the text's typography patterns, the menu
    items' dataclass, and `signal`'s enums (game.cli sets the handlers through the C module). The handlers
    are still the defaults: SIGINT and SIGTERM end the program at once."""
    code = (
        "import sys, pygame, dataclasses, re._compiler as compiler\n"   # pygame imports dataclasses itself
        "ours = []\n"
        "original = compiler.compile\n"
        "def spy(pattern, flags=0):\n"
        "    caller = sys._getframe(1)\n"
        "    while caller and caller.f_globals.get('__name__', '').startswith('re'):\n"
        "        caller = caller.f_back\n"
        "    name = caller.f_globals.get('__name__', '') if caller else ''\n"
        "    if name.startswith('game'):\n"
        "        ours.append(name)\n"
        "    return original(pattern, flags)\n"
        "compiler.compile = spy\n"
        "made = []\n"
        "dataclass = dataclasses.dataclass\n"
        "dataclasses.dataclass = lambda *a, **k: made.append(1) or dataclass(*a, **k)\n"
        "loaded = 'signal' in sys.modules\n"
        "from game.cli import main\n"
        f"main(['play', '--size', '1280x720', {str(PLACE)!r}])\n"
        "after = 'signal' in sys.modules\n"
        "import signal\n"
        "print('patterns', len(ours), 'dataclasses', len(made), 'signal', loaded or after,\n"
        "      'default', signal.getsignal(signal.SIGINT) is signal.SIG_DFL)\n"
    )
    _probe(code, tmp_path)        # the first time validates the file (YAML, the model) and keeps its copy
    assert _probe(code, tmp_path)[-8:] == ["patterns", "0", "dataclasses", "0", "signal", "False",
                                           "default", "True"]
