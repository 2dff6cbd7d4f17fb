"""The projector's screens in presenter mode: only what the whole room may see.

The wall never takes a key: it shows no footer of keys and no notice (a refusal names a team's
resources), no notes, no text entry, no file path. During the choices it shows how many teams have
chosen and who has the laptop, never a secret, a draft or a confirmed move; the other phases show the
laptop's public screen, following its page (reveal step, verdict tallies, debrief phase, bilan page).
"""

from __future__ import annotations

from typing import Optional

from game.i18n import team_display
from game.ui.scenes.base import Scene
from game.ui.scenes.choices_clock import ChoicesClock
from game.ui.scenes.game_base import GameScene
from game.ui.strings import capitalised


class WallMixin:
    """What every wall screen does differently from its laptop twin."""

    on_wall = True
    # The screen-local state of the laptop's twin that the wall follows (what the room is shown now).
    mirrored: tuple[str, ...] = ()

    def footer(self):
        return []

    def help_lines(self):
        return []

    def _hints(self, hints):
        return []

    def handle(self, event):
        pass

    def click(self, target):
        pass

    def hover(self, target):
        return False

    def bot_step(self, bot):
        pass

    def twin(self):
        """The laptop's screen of the same kind, when it shows one."""
        laptop = getattr(self.app, "main", None)
        scene = getattr(laptop, "scene", None) if laptop is not None else getattr(self.app, "scene", None)
        if scene is not None and scene is not self and getattr(scene, "name", None) == self.name:
            return scene
        return None

    def draw(self, canvas, _depth: int = 0):
        twin = self.twin()
        if twin is not None:
            for attribute in self.mirrored:
                if hasattr(twin, attribute):
                    setattr(self, attribute, getattr(twin, attribute))
        return super().draw(canvas, _depth)


class WallWaiting(WallMixin, Scene):
    """Before a game starts (title, setup on the laptop): the game's name, nothing of the setup."""

    name = "waiting"

    def header(self):
        return []

    def draw_body(self, canvas, flow):
        flow.y += max(0, flow.area.height // 3 - canvas.line_height("title"))
        flow.text(self.tr("app_title"), "title", style="bold", role="accent")
        flow.gap()
        flow.text(self.tr("tagline"))
        return None


class ChoicesWall(WallMixin, ChoicesClock, GameScene):
    """While the teams choose at the laptop: "3 équipes sur 5 ont choisi", who has chosen, whose turn, the board."""

    name = "choices"
    phase_key = "phase_choices"

    def view(self):
        """What the room may see now: the engine's public view (only *that* a team chose, never what)."""
        from game.engine.views import view_for

        readings = getattr(getattr(self.app, "settings", None), "readings", "after")
        return view_for(self.scenario, self.state, "public", readings)

    def draw_body(self, canvas, flow):
        view = self.view()
        done = [line for line in view.teams if line.chosen]
        waiting = [line for line in view.teams if not line.chosen]
        main, side = self.columns(canvas, flow, side_share=0.36)
        main.text(self.round_text(), "title", style="bold", role="accent")
        main.gap()
        key = "wall_chosen_one" if len(done) <= 1 else "wall_chosen"
        main.text(self.tr(key, n=len(done), total=len(view.teams)), "title", style="bold")
        main.gap()
        if self.timer is not None:       # the time, and at 0:00 only "temps écoulé": no names on the wall
            self.draw_clock(canvas, main)
            main.gap()
        turn = next((line for line in view.teams if line.character == view.turn), None)
        if turn is not None and self.state.setup.secret_choices:
            main.text(self.tr("wall_at_laptop", team=self.team_of(turn)), "body", style="bold", role="accent")
            main.gap()
        for line in done:
            main.text(self.tr("wall_team_done", team=self.team_of(line)))
        for line in waiting:
            main.text(self.tr("wall_team_waiting", team=self.team_of(line)), role="secondary")
        if side is main:
            main.gap()
        side.text(self.tr("indicators"), "body", style="bold")
        self.board(side, {line.id: line.value for line in view.board})
        return main

    def team_of(self, line) -> str:
        return capitalised(team_display(line.team or line.name, self.app.language))


def _wall_class(base: type) -> type:
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.end import EndScene
    from game.ui.scenes.reveal import RevealScene
    from game.ui.scenes.verdict import VerdictScene

    # The tallies, the debrief's phase and its timer are the session's (read by both screens); only the
    # laptop's own focus, the digits being typed (the room's size too, and which answers were typed, for
    # the one completed from the room) and whether Q shows every prompt are followed.
    mirrored = {RevealScene: ("step", "scroll"), VerdictScene: ("focus", "column", "typed", "filled", "scroll",
                                                                      "entered", "proposed", "sizing"),
                DebriefScene: ("scroll", "more"), EndScene: ("page", "scroll", "more")}.get(base, ("scroll",))
    members = {"mirrored": mirrored, "show_notes": False}
    if base is EndScene:
        members["header"] = _end_header
    return type("Wall" + base.__name__, (WallMixin, base), members)


def _end_header(scene) -> list[str]:
    """The bilan's page, without the laptop's keys to turn it."""
    return scene.where([scene.tr("end_page_wall", index=scene.page + 1, count=len(scene.pages))])


_CLASSES: dict[type, type] = {}


def wall_scene(app, play) -> Optional[Scene]:
    """The wall's screen for where the game stands (None: nothing to change)."""
    from game.ui.scenes import debrief, end, reveal, situation, verdict

    phase = play.state.phase
    if phase == "choices":
        return ChoicesWall(app, play)
    base = {"situation": situation.SituationScene, "reveal": reveal.RevealScene, "verdict": verdict.VerdictScene,
            "debrief": debrief.DebriefScene}.get(phase, end.EndScene)
    if base not in _CLASSES:
        _CLASSES[base] = _wall_class(base)
    return _CLASSES[base](app, play)

