"""The game being played: sends every command through the session layer, then shows the screen of the new phase."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from game.engine import IllegalCommand


def session_layer():
    """The session module (journal on disk); imported late so the first frame does not wait for it."""
    import game.session as sessions

    return sessions


class Play:
    """Links the screens to one session. The screens never decide a rule: they submit commands and
    read the state and the engine's queries."""

    def __init__(self, app, session):
        self.app = app
        self.session = session
        self.handed_to: Optional[str] = None     # hot-seat: the team that took the keyboard
        self._portraits = None                   # read on first use: most scenarios have no images
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

    def submit(self, *commands) -> bool:
        """Apply commands through the session (journal first); a refusal shows a calm message."""
        from game.ui.strings import TR

        for command in commands:
            refused = self.try_submit(command)
            if refused is not None:
                key = "session_error" if refused[0] == "session_error" else "illegal"
                self.app.notice = TR(self.app.language, key, error=refused[1])
                return False
        return True

    def try_submit(self, command) -> Optional[tuple[str, str]]:
        """Apply one command through the session (journal first). None when applied, or (code, words)
        of the refusal, nothing changed: the phones show it on the phone that sent the command."""
        sessions = session_layer()
        try:
            self.session.apply(command)
        except IllegalCommand as refused:
            return refused.code, self.refusal_text(refused)
        except sessions.SessionError as error:
            return "session_error", error.message(self.app.language)
        self.app.invalidate()
        return None

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

        if self.submit(Advance()):
            self.show_phase()

    def show_phase(self) -> None:
        """Show the screen of the state's phase (a hand-off first when choices are secret)."""
        from game.ui.scenes import choice, debrief, end, handoff, reveal, situation, verdict

        state = self.state
        phase = state.phase
        if phase == "situation":
            scene = situation.SituationScene(self.app, self)
        elif phase == "choices":
            if state.setup.secret_choices and self.handed_to != state.turn:
                scene = handoff.HandoffScene(self.app, self)
            else:
                scene = choice.ChoiceScene(self.app, self)
        elif phase == "reveal":
            scene = reveal.RevealScene(self.app, self)
        elif phase == "verdict":
            scene = verdict.VerdictScene(self.app, self)
        elif phase == "debrief":
            scene = debrief.DebriefScene(self.app, self)
        else:
            scene = end.EndScene(self.app, self)
        self.app.show(scene)

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
