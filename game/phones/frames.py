"""What each phone receives, built only from the engine's `view_for` of that phone's viewer: a team's
page (its own card, secret, resources, options with the engine's reasons, its own move) and the
public page (the moves once revealed, the vote). Built on the main thread.

Left out even where the viewer's view holds it: tallies (the room's vote stays hidden until the
projector shows it), who has chosen (a count only), the reading of the moves (the verdict is the
room's), drafts (the laptop's keyboard business).
"""

from __future__ import annotations

from game.content.model import OBSERVER_ID
from game.engine.views import PUBLIC, view_for
from game.i18n import team_display
from game.ui.strings import TR
from game.ui.words import cost_text, option_reason, reading_text


def _title(language: str, line) -> str:
    return line.action_title if line.action != OBSERVER_ID else TR(language, "observer")


def _page(public, language: str, vote_open: bool, timer=None) -> dict:
    """The part every phone gets, from a PublicView; `timer`: the choices' countdown as
    (seconds left, running), which the page counts down by itself."""
    frame = {"type": "state", "lang": language, "title": public.title, "round": public.round,
             "rounds": public.rounds, "phase": public.phase, "teams": len(public.teams)}
    if public.last_round < public.rounds:     # the facilitator ends after this round ("dernier tour")
        frame["last"] = public.last_round
    if public.phase == "choices":
        frame["chosen"] = public.chosen_count
        if timer is not None:
            frame["timer"] = {"left": int(timer[0]), "running": bool(timer[1])}
    names = {t.character: (t.name, team_display(t.team, language)) for t in public.teams}
    frame["moves"] = [{"character": m.character, "name": names[m.character][0], "team": names[m.character][1],
                       "posture": m.posture_label, "action": _title(language, m)} for m in public.moves]
    frame["vote"] = {"open": vote_open and public.phase == "verdict", "round": public.round}
    return frame


def public_frame(scenario, state, language: str, *, vote_open: bool, readings: str = "after", timer=None) -> dict:
    """The public page: no card, no option, no move before the reveal; the vote while it is open."""
    frame = _page(view_for(scenario, state, PUBLIC, readings), language, vote_open, timer)
    frame["role"] = PUBLIC
    return frame


def team_frame(scenario, state, character: str, language: str, *, vote_open: bool, readings: str = "after",
               timer=None) -> dict:
    """A team's page: its card with its secret, its resources, and during the choices its options with the
    engine's reasons; its own confirmed move (it may replace or take it back until the reveal), nobody
    else's."""
    view = view_for(scenario, state, character, readings)   # the postures' readings as the setting says
    tr = lambda key, **values: TR(language, key, **values)  # noqa: E731
    frame = _page(view.public, language, vote_open, timer)
    card = view.card
    frame.update({
        "role": "team",
        "character": character,
        "team": team_display(card.team, language),
        "card": {"name": card.name, "role": card.role, "objective": card.objective,
                 "description": card.description or "", "secret": card.secret or ""},
        "resources": [{"label": r.label, "have": card.resources.get(r.id, 0), "max": r.max}
                      for r in scenario.resources],
    })
    if state.phase != "choices":
        frame["move"] = None
        return frame
    own = view.move
    frame["move"] = None if own is None else {
        "posture": own.posture, "action": own.action, "posture_label": own.posture_label,
        "action_title": _title(language, own)}
    descriptions = {p.id: p.description or "" for p in scenario.postures}
    frame["postures"] = [{"id": p.id, "label": p.label, "description": descriptions.get(p.id, ""),
                          "reading": reading_text(tr, p.reading)} for p in view.postures]
    actions = []
    for option in view.options:
        if option.reason == "not_for_character":
            continue    # other characters' cards are not this team's business
        if option.action == OBSERVER_ID:
            actions.append({"id": OBSERVER_ID, "title": tr("observer"), "description": "", "cost": tr("free"),
                            "allowed": True, "reason": ""})
            continue
        action = scenario.action(option.action)
        actions.append({"id": action.id, "title": option.title, "description": action.description or "",
                        "cost": cost_text(tr, scenario, dict(action.cost)), "allowed": option.allowed,
                        "reason": "" if option.allowed else option_reason(tr, scenario, option)})
    frame["actions"] = actions
    return frame
