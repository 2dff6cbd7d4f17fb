"""What one viewer may see of a game: `view_for(scenario, state, viewer)`, as plain, JSON-safe data.

Viewers and what their view holds (everything else stays out of it):

- ``"public"`` (the projector, the room's phone link): the board, the round, the phase, whose turn
  it is (hot-seat), the round's events, each team's name and role, *that* a team has chosen
  (``chosen``: "3 équipes sur 5 ont choisi"), never what; the moves only once revealed (phase
  reveal and after), the synergies, verdicts, the debrief's prompts and facts, and at the end the
  ending, the room's commitments and the lifting of secrets (the bilan shows every secret: the
  one moment a secret is public, by the rules).
- a character id in play (its team: the laptop's hot-seat choice screen, the team's phone): the
  public view, plus its own card (name, role, objective, secret, resources), the postures, its
  action options with their blockers (as `queries.action_options`), its own draft (hot-seat: only
  while it is the team at the keyboard) and its own confirmed move before the reveal.
- ``"facilitator"`` (the console): the public view, plus every team's resources, the round's notes
  and which teams corrected their move this round (who, never what), whether the reveal waits
  for the facilitator. Never a secret, a draft or an unrevealed move: the laptop's hot-seat
  choice screen shows the team view of the team at the keyboard, not this one.

Nothing private of a team is in another team's view. The reading of a posture (COOP / neutre /
pas COOP) follows the facilitator's setting `readings` ("after" by default, "always", "never";
`queries.shown_reading`): a revealed move's `MoveLine.reading` is the scenario's once the room has
decided on it (its tally is in, or the round is past its verdict) and "later" before; with
"never" it is "room" for good; a team's `PostureLine.reading` (while it chooses) and its own
move's are "later" / "room" unless the setting is "always". So the wall and the phones cannot
show the game's answer to "COOP ou pas COOP ?" before the room gives its own.

For example, during the choices of a round where two teams have confirmed:

    view_for(scenario, state, "public").to_json()["chosen"]   ->  ["elue", "bailleur"]
    view_for(scenario, state, "elue").move                    ->  MoveLine("elue", "consulter", ...)
    view_for(scenario, state, "bailleur").public.moves        ->  ()   (nothing revealed yet)
"""

from __future__ import annotations

from game.record import fields_of, record
from typing import Any, Mapping, Optional, TYPE_CHECKING, Union

from game.content.constants import OBSERVER_ID
from game.engine.state import FrozenDict, GameState, Move, frozen

if TYPE_CHECKING:
    from game.content.model import Scenario

PUBLIC = "public"
FACILITATOR = "facilitator"
REVEALED_PHASES = frozenset({"reveal", "verdict", "debrief", "end"})


_LEAVES = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """JSON-safe: records to dicts, tuples to lists, mappings (FrozenDict) to dicts."""
    if isinstance(value, _LEAVES):
        return value
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return {name: _plain(getattr(value, name)) for name in fields_of(value)}   # TypeError if not a record


class ViewData:
    """A part of a view: `to_json()` gives plain lists, dicts, strings, numbers, booleans and None."""

    def to_json(self) -> dict[str, Any]:
        return _plain(self)


@record
class TeamLine(ViewData):
    character: str
    name: str          # the character's name
    role: str
    team: str          # the team's name as set up
    chosen: bool       # has confirmed its move this round (never what it is before the reveal)


@record
class IndicatorLine(ViewData):
    id: str
    label: str
    value: int
    min: int
    max: int
    start: int         # at the start of the round, before its events


@record
class EventLine(ViewData):
    id: str
    title: str
    text: str
    effects: Mapping[str, int]


@record
class MoveLine(ViewData):
    character: str
    posture: str
    posture_label: str
    reading: str                  # coop | neutre | pas_coop | a_debattre
    action: str
    action_title: Optional[str]   # None for the built-in observer (the screen names it in its language)


@record
class TallyLine(ViewData):
    character: str
    coop: int
    pas_coop: int
    depends: int
    split: bool


@record
class PublicView(ViewData):
    viewer: str
    scenario: str
    title: str
    round: int
    rounds: int
    phase: str
    turn: Optional[str]                  # hot-seat: the team whose choice is awaited
    teams: tuple[TeamLine, ...]          # in the round's turn order
    board: tuple[IndicatorLine, ...]
    events: tuple[EventLine, ...]
    round_text: Optional[str]
    chosen: tuple[str, ...]              # characters that confirmed a move this round, in turn order
    moves: tuple[MoveLine, ...]          # empty until the reveal
    synergies: tuple[str, ...]           # texts of the synergies that fired, once revealed
    verdicts: tuple[TallyLine, ...]
    verdicts_skipped: bool
    debrief_phase: Optional[str]         # in the debrief: the phase on show (None = the first)
    debrief: tuple[tuple[str, tuple[str, ...]], ...]   # in the debrief: (phase, prompt texts)
    ending: Optional[str]
    ending_title: Optional[str]
    commitments: tuple[str, ...]         # at the end: the room's commitments
    secrets: Mapping[str, str]           # at the end only: the lifting of secrets
    last_round: int = 0                  # the round the bilan follows: `rounds`, or fewer when ended early
    room_size: Optional[int] = None      # how many people vote, once the facilitator said so (not a secret)

    @property
    def chosen_count(self) -> int:
        return len(self.chosen)


@record
class PostureLine(ViewData):
    id: str
    label: str
    reading: str


@record
class OptionLine(ViewData):
    action: str
    title: Optional[str]          # None for the built-in observer
    allowed: bool
    reason: Optional[str]         # as queries.action_options
    params: Mapping[str, Any]


@record
class Card(ViewData):
    character: str
    name: str
    role: str
    objective: str
    description: Optional[str]
    secret: Optional[str]
    team: str
    resources: Mapping[str, int]


@record
class TeamView(ViewData):
    viewer: str
    public: PublicView
    card: Card
    postures: tuple[PostureLine, ...]
    options: tuple[OptionLine, ...]      # during the choices only
    draft_posture: Optional[str]         # its own unconfirmed choice (hot-seat, at the keyboard)
    draft_action: Optional[str]
    move: Optional[MoveLine]             # its own confirmed move of this round
    my_turn: bool


@record
class FacilitatorView(ViewData):
    viewer: str
    public: PublicView
    resources: Mapping[str, Mapping[str, int]]
    notes: tuple[str, ...]               # the current round's notes (at the end: the final debrief's)
    corrected: tuple[str, ...]           # characters whose move was replaced or taken back this round


View = Union[PublicView, TeamView, FacilitatorView]


def _reading(coop: Optional[int]) -> str:
    from game.engine.queries import coop_reading

    return coop_reading(coop)


def _move_line(scenario: Scenario, move: Move, readings: str, decided: bool) -> MoveLine:
    from game.engine.queries import shown_reading

    posture = scenario.posture(move.posture)
    title = None if move.action == OBSERVER_ID else scenario.action(move.action).title
    reading = shown_reading(readings, _reading(posture.coop), decided)
    return MoveLine(move.character, move.posture, posture.label, reading, move.action, title)


def public_view(scenario: Scenario, state: GameState, readings: str = "after") -> PublicView:
    from game.engine.queries import debrief, is_split, round_text

    log = state.current
    setup = state.setup
    revealed = state.phase in REVEALED_PHASES and log.indicators_after is not None
    confirmed = {m.character for m in log.moves}
    teams = tuple(
        TeamLine(c, scenario.character(c).name, scenario.character(c).role, setup.teams[c], c in confirmed)
        for c in log.turn_order
    )
    board = tuple(
        IndicatorLine(i.id, i.label, state.indicators[i.id], i.min, i.max, log.indicators_start.get(i.id, i.start))
        for i in scenario.indicators
    )
    by_id = {e.id: e for e in scenario.events}
    events = tuple(EventLine(e, by_id[e].title, by_id[e].text, frozen(by_id[e].effects)) for e in log.events if e in by_id)
    # The room has decided on a move once its tally is in, or once the round is past its verdict.
    past_verdict = state.phase in ("debrief", "end")
    moves = tuple(_move_line(scenario, m, readings, past_verdict or m.character in log.verdicts)
                  for m in log.moves) if revealed else ()
    synergy_text = {s.id: s.text for s in scenario.synergies}
    synergies = tuple(synergy_text[s] for s in log.synergies) if revealed else ()
    tallies = tuple(
        TallyLine(m.character, v.coop, v.pas_coop, v.depends, is_split(v))
        for m in log.moves if revealed and (v := log.verdicts.get(m.character)) is not None
    )
    phases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if state.phase == "debrief":
        phases = debrief(scenario, state).phases
    ending = next((e for e in scenario.endings if e.id == state.ending), None)
    at_end = state.phase == "end"
    secrets = FrozenDict(
        (c, scenario.character(c).secret or "") for c in setup.characters if scenario.character(c).secret
    ) if at_end else FrozenDict()
    return PublicView(
        viewer=PUBLIC, scenario=scenario.id, title=scenario.title, round=state.round, rounds=setup.rounds,
        phase=state.phase, turn=state.turn, teams=teams, board=board, events=events,
        round_text=round_text(scenario, state),   # the variant that holds, when the text has variants
        chosen=tuple(m.character for m in log.moves) if state.phase == "choices" else (),
        moves=moves, synergies=synergies, verdicts=tallies, verdicts_skipped=log.verdicts_skipped,
        debrief_phase=log.debrief_phase if state.phase == "debrief" else None, debrief=phases,
        ending=state.ending, ending_title=ending.title if ending else None,
        commitments=tuple(getattr(state, "commitments", ())) if at_end else (),
        secrets=secrets, last_round=state.final_round, room_size=state.room_size,
    )


def team_view(scenario: Scenario, state: GameState, character: str, readings: str = "after") -> TeamView:
    from game.engine.queries import action_options, shown_reading

    if character not in state.setup.characters:
        raise KeyError(f"{character!r} is not in play")
    public = public_view(scenario, state, readings)
    person = scenario.character(character)
    card = Card(character, person.name, person.role, person.objective, person.description, person.secret,
                state.setup.teams[character], frozen(state.resources.get(character, {})))
    # While it chooses, a team sees the scenario's reading of a posture only with "always".
    postures = tuple(PostureLine(p.id, p.label, shown_reading(readings, _reading(p.coop))) for p in scenario.postures)
    options: tuple[OptionLine, ...] = ()
    titles = {a.id: a.title for a in scenario.actions}
    if state.phase == "choices":
        options = tuple(
            OptionLine(o.action, titles.get(o.action), o.allowed, o.reason, frozen(o.params))
            for o in action_options(scenario, state, character)
        )
    mine = next((m for m in state.current.moves if m.character == character), None)
    at_keyboard = state.turn == character
    return TeamView(
        viewer=character, public=public, card=card, postures=postures, options=options,
        draft_posture=state.draft_posture if at_keyboard else None,
        draft_action=state.draft_action if at_keyboard else None,
        move=None if mine is None else _move_line(scenario, mine, readings, False), my_turn=at_keyboard,
    )


def facilitator_view(scenario: Scenario, state: GameState, readings: str = "after") -> FacilitatorView:
    log = state.current
    corrections = getattr(log, "corrections", ())
    corrected = tuple(dict.fromkeys(c.character for c in corrections)) if state.phase == "choices" else ()
    return FacilitatorView(
        viewer=FACILITATOR, public=public_view(scenario, state, readings),
        resources=FrozenDict((c, frozen(state.resources.get(c, {}))) for c in state.setup.characters),
        notes=state.final_notes if state.phase == "end" else log.notes, corrected=corrected,
    )


def view_for(scenario: Scenario, state: GameState, viewer: str, readings: str = "after") -> View:
    """The view of `viewer`: "public", "facilitator" or a character id in play (KeyError otherwise);
    `readings` is the facilitator's setting for the scenario's COOP readings (see the module's docstring)."""
    if viewer == PUBLIC:
        return public_view(scenario, state, readings)
    if viewer == FACILITATOR:
        return facilitator_view(scenario, state, readings)
    return team_view(scenario, state, viewer, readings)
