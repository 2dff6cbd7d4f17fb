"""The game being played: the one path of commands into the session, whatever their source (a key, the
bot, a phone), the engine's events published to subscribers, and the router that follows them to the
screen of each display.

    key/click -> intent -> scene -> Play.submit(command) -> Session.apply (journal, fsync) -> engine.apply
    phone (web server thread) -> Play.post(command) -> queue -> Play.drain() on the main loop -> submit
    Happened events -> subscribers (the router first) -> each display's screen
"""

from __future__ import annotations

import queue
from pathlib import Path
from typing import Callable, Optional

from game.engine import IllegalCommand


def session_layer():
    """The session module (journal on disk); imported late so the first frame does not wait for it."""
    import game.session as sessions

    return sessions


# The engine's events (rules.Happened kinds) that change who has confirmed a move this round.
MOVE_EVENTS = frozenset({"move_confirmed", "move_replaced", "move_taken_back"})


class WindowlessApp:
    """What Play needs of an app when no window is open (the phones' scripts, benchmark and tests):
    a language, a notice line, invalidate; one screen at a time, never drawn."""

    def __init__(self, language: str = "fr"):
        self.language = language
        self.notice = ""
        self.play = None
        self.phones = None
        self.scenario_language = None
        self.invalidated = 0

    def invalidate(self) -> None:
        self.invalidated += 1

    def show(self, scene) -> None:
        pass


class Play:
    """Links the screens to one session. The screens never decide a rule: they submit commands and
    read the state and the engine's queries."""

    def __init__(self, app, session):
        self.app = app
        self.session = session
        self.handed_to: Optional[str] = None     # hot-seat: the team that took the keyboard
        self._routed_turn: Optional[str] = None  # the turn the screens were last routed for
        self._portraits = None                   # read on first use: most scenarios have no images
        self._subscribers: list[Callable] = [self._follow]
        self._inbox: "queue.SimpleQueue" = queue.SimpleQueue()   # commands posted by other threads
        self.shared = SharedScreenState()        # what every display shows alike (the debrief timer)
        app.play = self
        # The language chosen at setup (the scenario's unless the facilitator picked the other) comes
        # back with a resumed game; --lang and the setting still come first (App.language).
        app.scenario_language = self.state.setup.language
        if getattr(app, "phone_options", None) is not None:
            from game.ui.phones_link import attach

            attach(app, self)

    @property
    def scenario(self):
        return self.session.scenario

    @property
    def state(self):
        return self.session.state

    @property
    def portraits(self):
        """The characters' images, found in the folder of the scenario file the session was created from."""
        if self._portraits is None:
            from game.ui.portraits import Portraits

            header = getattr(self.session, "header", None) or {}
            where = (header.get("scenario") or {}).get("path")
            self._portraits = Portraits(Path(where).parent if where and not where.startswith("<") else None)
        return self._portraits

    def team(self, character: str) -> str:
        return self.state.setup.teams.get(character) or self.scenario.character(character).name

    def team_text(self, character: str) -> str:
        """"équipe 1", "Équipe Zoé": the team of `character` as people read it."""
        from game.i18n import team_display

        return team_display(self.team(character), self.app.language)

    # -- the one way in -----------------------------------------------------------
    def submit(self, *commands, source: str = "screen") -> bool:
        """Apply commands through the session (journal first), then publish what happened to the
        subscribers (the router shows the new phase's screen). A refusal shows a calm message and stops."""
        from game.ui.strings import TR

        for command in commands:
            refused = self.try_submit(command, source)
            if refused is not None:
                key = "session_error" if refused[0] == "session_error" else "illegal"
                self.app.notice = TR(self.app.language, key, error=refused[1])
                self.app.invalidate()
                return False
        return True

    def try_submit(self, command, source: str = "screen") -> Optional[tuple[str, str]]:
        """Apply one command through the session (journal first), then publish it. None when applied, or
        (code, words) of the refusal, nothing changed: the phones show it on the phone that sent it."""
        sessions = session_layer()
        try:
            happened = self.session.apply(command)
        except IllegalCommand as refused:
            return refused.code, self.refusal_text(refused)
        except sessions.SessionError as error:
            return "session_error", error.message(self.app.language)
        self.app.invalidate()
        self.publish(command, tuple(happened or ()), source)
        return None

    def post(self, command, source: str = "remote") -> None:
        """From any thread (a web server's): the command waits for the main loop's `drain`."""
        self._inbox.put((command, source))

    def drain(self) -> int:
        """On the main thread, each frame: submit the commands posted since; returns how many."""
        count = 0
        while True:
            try:
                command, source = self._inbox.get_nowait()
            except queue.Empty:
                return count
            self.submit(command, source=source)
            count += 1

    def subscribe(self, callback: Callable) -> Callable[[], None]:
        """`callback(command, happened, source)` after each applied command; returns the unsubscriber."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def publish(self, command, happened: tuple, source: str) -> None:
        for callback in list(self._subscribers):
            callback(command, happened, source)

    def _follow(self, command, happened: tuple, source: str) -> None:
        """The router: a new phase, or another team's turn, shows its screen on every display.

        It follows what the screens depend on (the phase, whose turn it is), not a list of event names:
        a move confirmed, replaced (`move_replaced`) or taken back from a phone by a team that is not at
        the keyboard leaves the laptop where it is (the team choosing there keeps its step)."""
        kinds = {event.kind for event in happened}
        if "phase" in kinds:
            self.shared.phase_changed(self.state)
        if not kinds & MOVE_EVENTS and "phase" not in kinds:
            return
        state = self.state
        if "phase" not in kinds and state.turn == self._routed_turn:
            return
        if "move_taken_back" in kinds and state.turn != self._routed_turn:
            self.handed_to = None        # the team comes back to the keyboard through its hand-off
        self.route()

    def refusal_text(self, refused: IllegalCommand) -> str:
        """The engine's refusal in words, naming the scenario's labels ("Temps") where the engine's
        params carry ids ("temps"); the engine's code and params stay as they are."""
        scenario = self.scenario
        labels = {
            "resource": {r.id: r.label for r in scenario.resources},
            "indicator": {i.id: i.label for i in scenario.indicators},
            "action": {a.id: a.title for a in scenario.actions},
            "posture": {p.id: p.label for p in scenario.postures},
            "character": {c.id: c.name for c in scenario.characters},
        }
        params = dict(refused.params)
        for name, table in labels.items():
            if isinstance(params.get(name), str):
                params[name] = table.get(params[name], params[name])
        return IllegalCommand(refused.code, refused.message, **params).describe(self.app.language)

    def advance(self) -> None:
        from game.engine import Advance

        self.submit(Advance())

    def hand_to(self, character: str) -> None:
        """Hot-seat: the team of `character` took the keyboard (the private choice may show)."""
        self.handed_to = character
        self.route()

    def scene_for_phase(self):
        """The laptop's screen for the state's phase (a hand-off first when choices are secret)."""
        from game.ui.scenes import choice, debrief, end, handoff, reveal, situation, verdict

        state = self.state
        phase = state.phase
        if phase == "choices":
            if state.setup.secret_choices and self.handed_to != state.turn:
                return handoff.HandoffScene(self.app, self)
            return choice.ChoiceScene(self.app, self)
        scene = {"situation": situation.SituationScene, "reveal": reveal.RevealScene,
                 "verdict": verdict.VerdictScene, "debrief": debrief.DebriefScene}.get(phase, end.EndScene)
        return scene(self.app, self)

    def route(self) -> None:
        """Show the screen of where the game stands on every display."""
        self._routed_turn = self.state.turn
        displays = getattr(self.app, "displays", None)
        if displays is None:        # an app without windows (the phones' tests): one screen
            self.app.show(self.scene_for_phase())
            return
        for display in displays:
            scene = display.scene_for(self, display) if display.scene_for else None
            if scene is None and display is self.app.main:
                scene = self.scene_for_phase()
            if scene is not None:
                display.scene = scene
        self.app.show(self.app.scene)

    def show_phase(self) -> None:
        """Show the screen of the state's phase (at the start of a game, after a resume)."""
        self.route()

    def reload(self) -> None:
        """Reopen the session from disk (after a crash) and show where it stands."""
        path = self.session.path
        try:
            self.session.close()
        except Exception:  # noqa: BLE001 - after a crash the old object may be in any state; the file is what counts
            pass
        self.session = session_layer().Session.resume(Path(path))
        self.handed_to = None
        self.show_phase()

    def close(self) -> None:
        if getattr(self.app, "phones", None) is not None:
            from game.ui.phones_link import stop

            stop(self.app)
        try:
            self.session.close()
        except Exception:  # noqa: BLE001 - quitting must never end on a traceback; every command is already on disk
            pass


class SharedScreenState:
    """Screen state that is not a rule but that every display shows alike: the debrief's countdown.
    It lives beside the session (one per game), never in a scene, so the wall and the laptop agree."""

    def __init__(self) -> None:
        from game.ui.timer import Countdown

        self.debrief_timer: Optional[Countdown] = None
        self._timer_round: Optional[tuple[int, bool]] = None   # (round, at the end)
        self.choices_timer: Optional[Countdown] = None
        self._choices_round: Optional[int] = None
        self._unvoted: dict[int, set] = {}

    def unvoted(self, round_number: int) -> set:
        """The moves of that round the room does not vote on (the facilitator's pick on the verdict screen)."""
        return self._unvoted.setdefault(round_number, set())

    def phase_changed(self, state) -> None:
        if state.phase != "debrief":
            self.debrief_timer = None
        if state.phase != "choices":
            self.choices_timer = None

    def choices_timer_for(self, state, now: int) -> "Optional[Countdown]":
        """The choices' countdown of this round (setup.choices_minutes; None without one, or outside the
        choices): it runs from the first moment a screen of the round's choices asks for it."""
        from game.ui.timer import Countdown

        minutes = getattr(state.setup, "choices_minutes", 0)
        if not minutes or state.phase != "choices":
            return None
        if self.choices_timer is None or self._choices_round != state.round:
            self.choices_timer = Countdown(minutes)
            self.choices_timer.toggle(now)
            self._choices_round = state.round
        return self.choices_timer

    def timer_for(self, state) -> "Countdown":
        """The debrief's countdown of this round (a fresh one for each round's debrief, and for the final
        debrief of the bilan)."""
        from game.ui.timer import Countdown

        which = (state.round, state.phase == "end")
        if self.debrief_timer is None or self._timer_round != which:
            self.debrief_timer = Countdown(state.setup.debrief_minutes)
            self._timer_round = which
        return self.debrief_timer
