"""Title screen: resume an unfinished game (first when there is one), bundled scenarios, open a file, settings, quit."""

from __future__ import annotations

import os
from pathlib import Path

from game.paths import SCENARIOS
from game.ui import intents as kinds
from game.ui.scenes.base import Scene
from game.ui.widgets import Item, Menu, TextEntry, draw_entry


def bundled_scenarios() -> list[Path]:
    """The scenarios folder's .yaml files, then its .yml ones, each by name (a listing, not a glob: the
    glob's pattern compiling was a millisecond of the title's first frame)."""
    try:
        names = os.listdir(SCENARIOS)
    except OSError:
        return []
    return [SCENARIOS / name for suffix in (".yaml", ".yml") for name in sorted(names) if name.endswith(suffix)]


def scenario_title(path: Path) -> str:
    """The scenario's title for the list, read cheaply from its `title:` line (the file name otherwise)."""
    from game.content.opening import open_scenario_file

    try:
        with open_scenario_file(path) as stream:   # never waits on a pipe
            for number, raw in enumerate(stream):
                if number == 0 and raw.startswith(b"\xef\xbb\xbf"):   # a byte order mark
                    raw = raw[3:]
                if raw.startswith(b"title:"):
                    value = raw.decode("utf-8").split(":", 1)[1].strip().strip("\"'")
                    if value:
                        return value
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    return path.stem


class TitleScene(Scene):
    name = "title"

    def __init__(self, app, highlight: Path | None = None):
        super().__init__(app)
        self.entry: TextEntry | None = None
        self.unfinished = find_unfinished()
        items: list[Item] = []
        self.confirm_discard = None  # the session whose deletion waits for a second D
        if self.unfinished is not None:
            path, title, number, teams, date = self.unfinished
            items.append(Item(self.tr("title_resume", title=title, round=number), ("resume", path), on="coop",
                              detail=self.tr("title_resume_detail", teams=teams, date=date)))
        bundled = bundled_scenarios()
        if highlight is not None and highlight.resolve() not in [b.resolve() for b in bundled]:
            items.append(Item(scenario_title(highlight), ("open", highlight), detail=str(highlight)))
        for path in bundled:
            items.append(Item(scenario_title(path), ("open", path), detail=path.name))
        items.append(Item(self.tr("title_open_file"), ("ask", None)))
        items.append(Item(self.tr("title_settings"), ("settings", None)))
        items.append(Item(self.tr("title_quit"), ("quit", None)))
        # The highlight is a scenario, never the unfinished game: Enter must not continue an old game by
        # accident (it stays offered, named, one line up).
        first_scenario = next((i for i, item in enumerate(items) if item.value[0] == "open"), 0)
        focus = first_scenario
        if highlight is not None:
            focus = next((i for i, item in enumerate(items) if item.value[0] == "open"
                          and Path(item.value[1]).resolve() == highlight.resolve()), first_scenario)
        self.menu = Menu(items, focus)

    @property
    def wants_text(self):
        return self.entry is not None

    def header(self):
        return [self.tr("app_title"), self.tr("tagline")]

    def footer(self):
        if self.entry is not None:
            return [self.tr("open_prompt"), self.tr("key_back")]
        return [self.tr("key_choose"), self.tr("key_help")]

    def draw_body(self, canvas, flow):
        flow.text(self.tr("app_title"), "title", style="bold", role="accent")
        flow.gap()
        if self.entry is not None:
            flow.text(self.tr("open_prompt"))
            draw_entry(canvas, flow, self.entry, True)
            return
        self.menu.draw(flow, "title")

    def handle(self, event):
        if self.entry is not None:
            done = kinds.entry_intent(event)
            if done == kinds.BACK:
                self.entry = None
                self.app.show(self)
            elif done == kinds.CONFIRM:
                typed = self.entry.value.strip().strip("\"'")
                self.entry = None
                self.app.show(self)
                if typed:
                    self.open(Path(typed).expanduser())
            else:
                self.entry.handle(event)
            return
        super().handle(event)

    def act(self, intent):
        if self.session_key(intent):
            return True
        if intent.kind == kinds.BACK:
            from game.ui.scenes.overlays import QuitOverlay

            self.app.show_overlay(QuitOverlay(self.app))
            return True
        outcome = self.menu.act(intent)
        if outcome == "activate":
            self.activate(self.menu.focused)
        return outcome is not None

    def session_key(self, intent) -> bool:
        """A on the unfinished game archives it; D asks, and D again deletes it (never without confirmation)."""
        item = self.menu.focused
        waiting, self.confirm_discard = self.confirm_discard, None
        if item is None or item.value[0] != "resume" or intent.kind != kinds.LETTER or intent.value not in "ad":
            if waiting is not None:
                self.app.notice = ""
                self.app.invalidate()
            return False
        from game.session import catalogue

        path = Path(item.value[1])
        try:
            if intent.value == "a":
                self.app.notice = self.tr("title_archived", path=str(catalogue.archive(path)))
            elif waiting == path:
                catalogue.discard(path)
                self.app.notice = self.tr("title_discarded")
            else:
                self.confirm_discard = path
                self.app.notice = self.tr("title_discard_confirm")
                self.app.invalidate()
                return True
        except OSError as error:
            self.app.notice = self.tr("title_session_action_failed", error=error.strerror or str(error))
            self.app.invalidate()
            return True
        notice = self.app.notice
        self.app.show(TitleScene(self.app))  # the list without that game
        self.app.notice = notice
        return True

    def click(self, target):
        if isinstance(target, tuple) and target[0] == "title":
            chosen = self.menu.click(target[1])
            if chosen is not None:
                self.activate(chosen)

    def hover(self, target):
        if isinstance(target, tuple) and target[0] == "title" and self.menu.focus != target[1]:
            self.menu.focus = target[1]
            return True
        return False

    def activate(self, item: Item) -> None:
        action, value = item.value
        if action == "resume":
            resume_into(self.app, value)
        elif action == "open":
            self.open(value)
        elif action == "ask":
            self.entry = TextEntry(max_length=400)
            self.app.show(self)
        elif action == "settings":
            from game.ui.scenes.settings_scene import SettingsScene

            self.app.show(SettingsScene(self.app, back=self))
        elif action == "quit":
            self.app.quit(0)

    def open(self, path: Path) -> None:
        open_scenario(self.app, path)

    def bot_step(self, bot) -> None:
        item = self.menu.focused
        if item is not None:
            self.activate(item)


def any_unfinished_journal() -> bool:
    """Whether some session of the data folder may be unfinished, from its journal alone: no scenario
    load, no pydantic. Most sessions there are finished workshops, and a new machine has none; the
    finished ones already seen unchanged are not read again (game.session.listing.FinishedIndex)."""
    from game import paths

    folder = paths.sessions_dir()
    try:
        with os.scandir(folder) as entries:
            names = {entry.name for entry in entries
                     if entry.name.endswith(".coop.jsonl") and not entry.name.startswith(".")}
    except FileNotFoundError:
        names = set()
    except OSError:
        return False
    from game.session.listing import INDEX_NAME, FinishedIndex

    if not names and not (paths.data_home() / "cache" / INDEX_NAME).exists():
        return False        # a new machine: nothing to read, nothing to forget
    index = FinishedIndex()
    from game.session.report_memo import forget

    for gone in index.forget_missing(folder, names):
        forget(Path(gone))      # a finished workshop deleted by hand: its report data (its notes) goes too
    try:
        for name in sorted(names):
            try:
                if not index.finished(folder / name):
                    return True
            except Exception:  # noqa: BLE001 - a damaged one: let the full look say why it is not offered
                return True
        return False
    finally:
        index.save()


def find_unfinished():
    """(session path, scenario title, round) of the latest unfinished session, or None."""
    if not any_unfinished_journal():
        return None     # nothing to offer: the session layer (and the scenario model) stays unloaded
    try:
        from game.ui.play import session_layer

        sessions = session_layer()
        path = sessions.latest_unfinished()
        if path is None:
            return None
        replay = sessions.replay_file(path)
        from game.i18n import team_display
        import time

        language = replay.state.setup.language
        teams = ", ".join(team_display(replay.state.setup.teams[c], language) for c in replay.state.setup.characters)
        date = time.strftime("%d/%m/%Y %H:%M", time.localtime(path.stat().st_mtime))
        return path, replay.scenario.title, replay.state.round, teams, date
    except Exception:  # an unreadable session is not offered; the title screen must always open
        return None


def open_scenario(app, path: Path) -> None:
    """Load a scenario: the setup screen when it is valid, its diagnostics when not."""
    from game.content import ScenarioError
    from game.content.plain import load_plain
    from game.ui.scenes.error import ErrorScene
    from game.ui.strings import TR

    if not path.exists():   # a folder or a device goes on to the loader, which names the problem
        app.notice = TR(app.language, "open_missing", path=str(path))
        app.invalidate()
        return
    try:
        # The setup screen only reads the scenario: the validated copy of these very bytes, when this
        # program validated them before, shows it without pydantic; starting the game validates the
        # file again (game.session.Session.create).
        scenario = load_plain(path)
    except ScenarioError as error:
        app.show(ErrorScene(app, str(path), error.diagnostics))
        return
    except OSError as error:
        app.show(ErrorScene(app, str(path), [str(error)]))
        return
    from game.ui.scenes.setup import SetupScene

    app.show(SetupScene(app, path, scenario, players=getattr(app, "requested_players", None),
                        rounds=getattr(app, "requested_rounds", None)))


def resume_into(app, path) -> bool:
    """Reopen a session and show where it stands."""
    from game.ui.play import Play, session_layer
    from game.ui.strings import TR

    sessions = session_layer()
    try:
        session = sessions.Session.resume(Path(path))
    except Exception as error:
        message = error.message(app.language) if hasattr(error, "code") else str(error)
        app.notice = TR(app.language, "session_error", error=message)
        app.invalidate()
        return False
    Play(app, session).show_phase()
    return True
