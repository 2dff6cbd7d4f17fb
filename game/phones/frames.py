"""What each phone receives: a team's page (its own card, secret, resources, options, its own move) and
the public page (the moves once revealed, the vote). Built on the main thread from the state; the only
source of every `state` frame the server sends.

Never in a frame for a viewer: another team's secret, resources or move before the reveal, any draft
(the keyboard team's unconfirmed choice), a tally before the facilitator reveals it.
"""

from __future__ import annotations

from typing import Optional

from game.content.model import OBSERVER_ID
from game.engine import Move, action_options, postures
from game.i18n import team_display
from game.ui.strings import TR
from game.ui.words import cost_text, option_reason, reading_text

PUBLIC = "public"


def _revealed(state) -> bool:
    return state.phase in ("reveal", "verdict", "debrief") and state.current.indicators_after is not None


def _team_name(state, scenario, character: str, language: str) -> str:
    name = state.setup.teams.get(character) or scenario.character(character).name
    return team_display(name, language)


def _action_title(scenario, ident: str, language: str) -> str:
    return TR(language, "observer") if ident == OBSERVER_ID else scenario.action(ident).title


def _move(scenario, state, move: Move, language: str) -> dict:
    return {"character": move.character, "name": scenario.character(move.character).name,
            "team": _team_name(state, scenario, move.character, language),
            "posture": scenario.posture(move.posture).label,
            "action": _action_title(scenario, move.action, language)}


def _common(scenario, state, language: str, chosen: int) -> dict:
    frame = {"type": "state", "lang": language, "title": scenario.title, "round": state.round,
             "rounds": state.setup.rounds, "phase": state.phase, "teams": len(state.setup.characters)}
    if state.phase == "choices":
        frame["chosen"] = chosen
    frame["moves"] = [_move(scenario, state, m, language) for m in state.current.moves] if _revealed(state) else []
    frame["vote"] = {"open": False, "round": state.round}
    return frame


def public_frame(scenario, state, language: str, *, chosen: int, vote_open: bool) -> dict:
    """The public page: no card, no option, no move before the reveal; the vote while it is open."""
    frame = _common(scenario, state, language, chosen)
    frame["role"] = PUBLIC
    frame["vote"]["open"] = vote_open and state.phase == "verdict"
    return frame


def team_frame(scenario, state, character: str, language: str, *, chosen: int, vote_open: bool,
               held: Optional[Move] = None, can_change: bool = False) -> dict:
    """A team's page: its card with its secret, its resources, and during the choices its options with the
    engine's reasons; its own move (confirmed, or `held` by the hub until its turn), nobody else's;
    `can_change` when the engine lets a confirmed move be replaced or taken back."""
    frame = public_frame(scenario, state, language, chosen=chosen, vote_open=vote_open)
    card = scenario.character(character)
    tr = lambda key, **values: TR(language, key, **values)  # noqa: E731
    held_resources = state.resources.get(character, {})
    frame.update({
        "role": "team",
        "character": character,
        "team": _team_name(state, scenario, character, language),
        "card": {"name": card.name, "role": card.role, "objective": card.objective,
                 "description": card.description or "", "secret": card.secret or ""},
        "resources": [{"label": r.label, "have": held_resources.get(r.id, 0), "max": r.max}
                      for r in scenario.resources],
    })
    own = next((m for m in state.current.moves if m.character == character), None)
    if state.phase != "choices":
        frame["move"] = None
        return frame
    mine = own or held
    frame["can_change"] = can_change      # a confirmed move may be replaced until the reveal
    frame["move"] = None if mine is None else {
        "posture": mine.posture, "action": mine.action, "confirmed": own is not None,
        "posture_label": scenario.posture(mine.posture).label,
        "action_title": _action_title(scenario, mine.action, language)}
    frame["postures"] = [{"id": p.id, "label": p.label, "description": p.description or "",
                          "reading": reading_text(tr, reading)} for p, reading in postures(scenario)]
    actions = []
    for option in action_options(scenario, state, character):
        if option.reason == "not_for_character":
            continue    # other characters' cards are not this team's business
        if option.action == OBSERVER_ID:
            actions.append({"id": OBSERVER_ID, "title": tr("observer"), "description": "", "cost": tr("free"),
                            "allowed": True, "reason": ""})
            continue
        action = scenario.action(option.action)
        actions.append({"id": action.id, "title": action.title, "description": action.description or "",
                        "cost": cost_text(tr, scenario, dict(action.cost)), "allowed": option.allowed,
                        "reason": "" if option.allowed else option_reason(tr, scenario, option)})
    frame["actions"] = actions
    return frame
