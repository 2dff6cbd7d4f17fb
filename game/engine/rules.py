"""The rules of a session: `new_game` and `apply(scenario, state, command)`, pure and deterministic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional

from game.engine.commands import (
    AddCommitment, AddFinalNote, AddNote, Advance, ChooseAction, ChoosePosture, Command, ConfirmMove, RecordVerdict,
    Reveal, SetLastRound, SetRoomSize, SetWorkshop, ShowDebriefPhase, SkipVerdicts, SubmitMove, TakeBackMove, UndoChoice,
)
from game.engine.errors import IllegalCommand
from game.engine.phases import accepts, next_phase
from game.engine.resolution import (
    draw_events, clamp_sum, facts_after_round, facts_before_round, resolve_round,
)
from game.engine.state import REVEALS, Correction, GameState, Move, RoundLog, Setup, Verdict, evolve, turn_in
from game.engine.tables import Tables, tables_for

if TYPE_CHECKING:
    from game.content.model import Scenario

MAX_NOTE = 4000
MAX_WORKSHOP_TEXT = 200
MAX_TALLY = 10_000
MAX_ROOM = 10_000      # people voting in one room (SetRoomSize)


class Happened:
    """Something `apply` did, for screens that animate it: kind and details."""

    __slots__ = ("kind", "detail")

    def __init__(self, kind: str, **detail: Any):
        self.kind = kind
        self.detail = detail

    def __repr__(self) -> str:
        return f"Happened({self.kind!r}, {self.detail!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Happened) and (self.kind, self.detail) == (other.kind, other.detail)


def check_setup(scenario: Scenario, setup: Setup) -> None:
    """Reject a setup the scenario does not allow (IllegalCommand 'bad_setup')."""
    known = {c.id for c in scenario.characters}
    chars = setup.characters
    if len(set(chars)) != len(chars):
        raise IllegalCommand("bad_setup", "a character is in play twice")
    for ident in chars:
        if ident not in known:
            raise IllegalCommand("bad_setup", f"unknown character {ident!r}", character=ident)
    low, high = scenario.players.min, scenario.players.max or len(scenario.characters)
    if not low <= len(chars) <= high:
        raise IllegalCommand("bad_setup", f"{len(chars)} characters in play; this scenario takes {low} to {high}",
                             count=len(chars), min=low, max=high)
    if set(setup.teams) != set(chars):
        raise IllegalCommand("bad_setup", "every character in play needs a team name, and only they")
    if not 1 <= setup.rounds <= scenario.rounds:
        raise IllegalCommand("bad_setup", f"rounds must be 1 to {scenario.rounds}", max=scenario.rounds)
    for team in setup.teams.values():
        if not isinstance(team, str) or not team.strip() or len(team) > 200 or not _encodable(team):
            raise IllegalCommand("bad_setup", f"bad team name {team!r:.60}")
    if setup.reveal not in REVEALS:
        raise IllegalCommand("bad_setup", f"reveal must be one of {REVEALS}")
    if setup.language not in ("fr", "en"):
        raise IllegalCommand("bad_setup", "language must be fr or en")
    if not 0 < setup.debrief_minutes <= 120:   # also refuses NaN, which JSON cannot hold
        raise IllegalCommand("bad_setup", "the debrief timer must be over 0 and at most 120 minutes")
    if not 0 <= setup.choices_minutes <= 120:
        raise IllegalCommand("bad_setup", "the choices timer must be 0 (none) to 120 minutes")


def _encodable(text: str) -> bool:
    """Text that UTF-8 can store (no lone surrogates), so a session file can always hold it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def turn_order(setup: Setup, number: int) -> tuple[str, ...]:
    """The first player of round r is the ((r-1) mod n)-th character in play."""
    chars = setup.characters
    first = (number - 1) % len(chars)
    return chars[first:] + chars[:first]


def new_game(scenario: Scenario, setup: Setup, seed: int) -> GameState:
    """Round 1, situation phase, its events drawn and applied."""
    check_setup(scenario, setup)
    tables = tables_for(scenario)
    resources = {c: dict(tables.start_resources[c]) for c in setup.characters}
    return _start_round(tables, seed, setup, 1, dict(tables.start_values), resources, ())


def _start_round(tables: Tables, seed: int, setup: Setup, number: int, values: Mapping[str, int],
                 resources: Mapping[str, Mapping[str, int]], history: tuple[RoundLog, ...]) -> GameState:
    if number > 1:
        resources = {
            c: {rid: min(cap, held[rid] + regain) for rid, cap, regain in tables.resources}
            for c, held in resources.items()
        }
    facts = facts_before_round(number, values, history)
    drawn_before = {e for r in history for e in r.events}
    events = draw_events(tables, seed, number, facts, drawn_before)
    after_events = clamp_sum(tables, values, (tables.event_effects[e] for e in events))
    log = RoundLog(number=number, turn_order=turn_order(setup, number), events=events,
                   indicators_start=values, indicators_before=after_events)
    return GameState(seed=seed, setup=setup, round=number, phase="situation", current=log,
                     history=history, indicators=dict(after_events), resources=resources)


def action_blocker(tables: Tables, state: GameState, character: str, action: str,
                   posture: Optional[str] = None) -> Optional[tuple[str, dict]]:
    """Why `character` may not choose `action` now: (reason code, params), or None when it may.
    With `posture`, the action must be affordable once the posture's cost is paid too."""
    spec = tables.actions[action]
    if spec.who is not None and character not in spec.who:
        return "not_for_character", {}
    if spec.once:
        for past in state.history:
            if any(m.action == action for m in past.moves):
                return "once_played", {"round": past.number}
    if spec.requires is not None:
        facts = facts_before_round(state.round, state.indicators, state.history)
        if not spec.requires(facts):
            return "requirement_not_met", {}
    held = held_for_choice(tables, state, character)
    return _unaffordable(held, _summed(spec.cost, tables.posture_costs.get(posture, ()) if posture else ()))


def posture_blocker(tables: Tables, state: GameState, character: str, posture: str) -> Optional[tuple[str, dict]]:
    """Why `character` may not take `posture` now (its cost), or None."""
    return _unaffordable(held_for_choice(tables, state, character), tables.posture_costs.get(posture, ()))


def _unaffordable(held, cost) -> Optional[tuple[str, dict]]:
    for resource, amount in cost:
        if held.get(resource, 0) < amount:
            return "cannot_afford", {"resource": resource, "cost": amount, "have": held.get(resource, 0)}
    return None


def _summed(*costs) -> tuple[tuple[str, int], ...]:
    total: dict[str, int] = {}
    for cost in costs:
        for resource, amount in cost:
            total[resource] = total.get(resource, 0) + amount
    return tuple(total.items())


def move_cost(tables: Tables, move: Move) -> tuple[tuple[str, int], ...]:
    """What confirming `move` costs: ((resource, amount), ...). The one place that says it: paid at
    confirmation, refunded exactly when the move is replaced or taken back (a posture's cost, where the
    scenario gives one, belongs here too)."""
    return _summed(tables.actions[move.action].cost, tables.posture_costs.get(move.posture, ()))


def _paid(resources, character: str, cost: tuple[tuple[str, int], ...], sign: int):
    """`resources` with `cost` paid (sign -1) or refunded (sign +1) by `character`."""
    held = dict(resources[character])
    for resource, amount in cost:
        held[resource] += sign * amount
    changed = dict(resources)
    changed[character] = held
    return changed


def confirmed_move(state: GameState, character: str) -> Optional[Move]:
    """`character`'s confirmed move of the current round, if any (secret until the reveal)."""
    return next((m for m in state.current.moves if m.character == character), None)


def held_for_choice(tables: Tables, state: GameState, character: str):
    """What `character` may spend on its choice now: what it holds, plus the cost of the move it
    confirmed this round, which a replacement refunds."""
    held = state.resources.get(character, {})
    mine = confirmed_move(state, character) if state.phase == "choices" else None
    if mine is None:
        return held
    return _paid({character: held}, character, move_cost(tables, mine), +1)[character]


def apply(scenario: Scenario, state: GameState, command: Command) -> tuple[GameState, tuple[Happened, ...]]:
    """The state after `command`, and what happened; IllegalCommand (state untouched) when refused."""
    tables = tables_for(scenario)
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise IllegalCommand("malformed_command", f"not a command: {command!r:.200}")
    _expect_accepted(state, command)
    if isinstance(command, ShowDebriefPhase):   # the debrief's phases come from prompts, which tables do not hold
        return _show_debrief_phase(scenario, state, command)
    return handler(tables, state, command)


def _expect_accepted(state: GameState, command: Command) -> None:
    """Refuse a command the phase machine does not accept in the state's phase."""
    if accepts(state.phase, type(command).__name__):
        return
    if state.phase == "end":
        raise IllegalCommand("game_over", "the game is over")
    if state.phase == "choices" and isinstance(command, Advance):
        if state.turn is None:
            raise IllegalCommand("reveal_pending", "every team has confirmed: the facilitator reveals (Reveal)")
        raise IllegalCommand("choices_pending", "every team has not confirmed its move yet", waiting=state.turn)
    raise IllegalCommand("wrong_phase", f"not possible in the {state.phase} phase", phase=state.phase)


def _expect_turn(state: GameState, character: str) -> None:
    if character != state.turn:
        _expect_in_play(state, character)
        raise IllegalCommand("not_your_turn", f"it is {state.turn}'s turn", turn=state.turn)


def _advance(tables: Tables, state: GameState, command: Advance):
    following = next_phase(state.phase, verdicts=state.setup.verdicts, last_round=state.round >= state.final_round)
    assert following is not None   # the end accepts no Advance (phase table)
    if state.phase != "debrief":
        return evolve(state, phase=following), (Happened("phase", phase=following),)
    # debrief: the round is over
    history = state.history + (state.current,)
    if following == "end":
        ending = _ending_of(tables, state.current, state.indicators, state.history)
        final = evolve(state, phase="end", history=history, ending=ending)
        return final, (Happened("phase", phase="end"), Happened("ending", ending=ending))
    next_round = _start_round(tables, state.seed, state.setup, state.round + 1,
                              state.indicators, state.resources, history)
    # What the room said about the whole workshop goes on from round to round.
    next_round = evolve(next_round, commitments=state.commitments, place=state.place, facilitator=state.facilitator,
                         last_round=state.last_round, room_size=state.room_size)
    return next_round, (Happened("phase", phase="situation"),
                        Happened("events", events=next_round.current.events))


def _ending_of(tables: Tables, last: RoundLog, values, history) -> Optional[str]:
    facts = facts_after_round(last, values, history)
    for ident, when in tables.endings:
        if when is None or when(facts):
            return ident
    return None


def _choose_posture(tables: Tables, state: GameState, command: ChoosePosture):
    _expect_turn(state, command.character)
    if command.posture not in tables.coop_of:
        raise IllegalCommand("unknown_posture", f"no posture {command.posture!r}", posture=command.posture)
    blocker = posture_blocker(tables, state, command.character, command.posture)
    if blocker is not None:
        code, params = blocker
        raise IllegalCommand(code, f"{command.character} cannot afford {command.posture}", posture=command.posture,
                             **params)
    return evolve(state, draft_posture=command.posture), (Happened("posture_chosen"),)


def _choose_action(tables: Tables, state: GameState, command: ChooseAction):
    _expect_turn(state, command.character)
    if command.action not in tables.actions:
        raise IllegalCommand("unknown_action", f"no action {command.action!r}", action=command.action)
    blocker = action_blocker(tables, state, command.character, command.action, state.draft_posture)
    if blocker is not None:
        code, params = blocker
        raise IllegalCommand(code, f"{command.character} may not play {command.action} ({code})",
                             action=command.action, **params)
    return evolve(state, draft_action=command.action), (Happened("action_chosen"),)


def _undo_choice(tables: Tables, state: GameState, command: UndoChoice):
    _expect_turn(state, command.character)
    if state.draft_posture is None and state.draft_action is None:
        raise IllegalCommand("nothing_to_undo", "no unconfirmed choice")
    return evolve(state, draft_posture=None, draft_action=None), (Happened("choice_undone"),)


def _confirm_move(tables: Tables, state: GameState, command: ConfirmMove):
    _expect_turn(state, command.character)
    if state.draft_posture is None:
        raise IllegalCommand("no_posture_chosen", "choose a posture first")
    if state.draft_action is None:
        raise IllegalCommand("no_action_chosen", "choose an action first")
    return _settle(tables, state, Move(command.character, state.draft_posture, state.draft_action))


def _expect_in_play(state: GameState, character: str) -> None:
    if character not in state.setup.characters:
        raise IllegalCommand("not_in_play", f"{character!r} is not in play", character=character)


def _submit_move(tables: Tables, state: GameState, command: SubmitMove):
    """Any team, at any moment of the choices: a move, or the replacement of its confirmed one."""
    _expect_in_play(state, command.character)
    if command.posture not in tables.coop_of:
        raise IllegalCommand("unknown_posture", f"no posture {command.posture!r}", posture=command.posture)
    if command.action not in tables.actions:
        raise IllegalCommand("unknown_action", f"no action {command.action!r}", action=command.action)
    return _settle(tables, state, Move(command.character, command.posture, command.action))


def _settle(tables: Tables, state: GameState, move: Move):
    """Confirm `move` (checked now, its cost paid), replacing its team's confirmed one (refunded);
    then reveal when the setup's reveal is "auto" and every team has confirmed."""
    character = move.character
    blocker = action_blocker(tables, state, character, move.action, move.posture)
    if blocker is not None:
        code, params = blocker
        raise IllegalCommand(code, f"{character} may not play {move.action} ({code})", action=move.action, **params)
    resources = state.resources
    corrections = state.current.corrections
    old = confirmed_move(state, character)
    if old is None:
        happened = Happened("move_confirmed", character=character)
    else:
        resources = _paid(resources, character, move_cost(tables, old), +1)
        corrections += (Correction("replaced", character, old, move),)
        happened = Happened("move_replaced", character=character)
    resources = _paid(resources, character, move_cost(tables, move), -1)
    order = state.current.turn_order
    moves = tuple(sorted([m for m in state.current.moves if m.character != character] + [move],
                         key=lambda m: order.index(m.character)))   # the reveal keeps turn order
    settled = _with_moves(state, moves, resources, corrections)
    if settled.turn is not None or state.setup.reveal != "auto":
        return settled, (happened,)
    revealed, revealing = _reveal(tables, settled)
    return revealed, (happened,) + revealing


def _with_moves(state: GameState, moves, resources, corrections) -> GameState:
    """The state with the round's moves changed; the hot-seat draft belongs to the team at the keyboard
    (state.turn), so it is forgotten when the turn passes to another team."""
    current = evolve(state.current, moves=moves, corrections=corrections)
    if turn_in(state.phase, current) != state.turn:
        return evolve(state, current=current, resources=resources, draft_posture=None, draft_action=None)
    return evolve(state, current=current, resources=resources)


def _take_back_move(tables: Tables, state: GameState, command: TakeBackMove):
    """The facilitator's: a confirmed move is taken back before the reveal, its cost refunded exactly."""
    _expect_in_play(state, command.character)
    old = confirmed_move(state, command.character)
    if old is None:
        raise IllegalCommand("nothing_to_take_back", f"{command.character} has no confirmed move",
                             character=command.character)
    resources = _paid(state.resources, command.character, move_cost(tables, old), +1)
    moves = tuple(m for m in state.current.moves if m.character != command.character)
    corrections = state.current.corrections + (Correction("taken_back", command.character, old),)
    return (_with_moves(state, moves, resources, corrections),
            (Happened("move_taken_back", character=command.character),))


def _reveal_command(tables: Tables, state: GameState, command: Reveal):
    if state.turn is not None:
        raise IllegalCommand("choices_pending", "every team has not confirmed its move yet", waiting=state.turn)
    return _reveal(tables, state)


def _reveal(tables: Tables, state: GameState):
    """Every move at once: deltas and synergies summed per indicator, each clamped once."""
    _, synergies, after = resolve_round(tables, state.current, state.history)
    log = evolve(state.current, synergies=synergies, indicators_after=after)
    revealed = evolve(state, phase="reveal", current=log, indicators=after, draft_posture=None, draft_action=None)
    return revealed, (Happened("phase", phase="reveal"), Happened("synergies", synergies=synergies))


def _record_verdict(tables: Tables, state: GameState, command: RecordVerdict):
    _expect_in_play(state, command.character)
    tally = (command.coop, command.pas_coop, command.depends)
    if any(n < 0 or n > MAX_TALLY for n in tally):
        raise IllegalCommand("bad_tally", f"a tally is a count from 0 to {MAX_TALLY}")
    verdicts = dict(state.current.verdicts)
    verdicts[command.character] = Verdict(*tally)
    log = evolve(state.current, verdicts=verdicts, verdicts_skipped=False)
    return evolve(state, current=log), (Happened("verdict_recorded", character=command.character),)


def _skip_verdicts(tables: Tables, state: GameState, command: SkipVerdicts):
    log = evolve(state.current, verdicts={}, verdicts_skipped=True)
    return evolve(state, current=log, phase="debrief"), (Happened("phase", phase="debrief"),)


def _typed_text(text: str, most: int, empty_code: Optional[str] = "empty_note") -> str:
    """A facilitator's text, stripped; refused when empty (unless empty_code is None), unsavable or too long."""
    text = text.strip()
    if not text and empty_code is not None:
        raise IllegalCommand(empty_code, "the text is empty")
    if not _encodable(text):
        raise IllegalCommand("bad_text", "the text holds characters that cannot be saved")
    if len(text) > most:
        raise IllegalCommand("note_too_long", f"a text holds at most {most} characters", max=most)
    return text


def _add_note(tables: Tables, state: GameState, command: AddNote):
    text = _typed_text(command.text, MAX_NOTE)
    if state.phase == "end":
        last = state.history[-1]
        last = evolve(last, notes=last.notes + (text,))
        return evolve(state, history=state.history[:-1] + (last,), current=last), (Happened("note_added"),)
    log = evolve(state.current, notes=state.current.notes + (text,))
    return evolve(state, current=log), (Happened("note_added"),)


def _add_final_note(tables: Tables, state: GameState, command: AddFinalNote):
    """At the end: a note of the final debrief, the game's own (the report prints them with the bilan)."""
    text = _typed_text(command.text, MAX_NOTE)
    return evolve(state, final_notes=state.final_notes + (text,)), (Happened("note_added"),)


def _show_debrief_phase(scenario: Scenario, state: GameState, command: ShowDebriefPhase):
    from game.engine.queries import debrief_phases   # queries builds on this module: imported when used

    shown = debrief_phases(scenario, state)   # the ration's and one key away
    if command.phase not in shown:
        raise IllegalCommand("unknown_debrief_phase", f"this debrief shows {shown}, not {command.phase!r}",
                             phase=command.phase)
    log = evolve(state.current, debrief_phase=command.phase)
    return evolve(state, current=log), (Happened("debrief_phase", phase=command.phase),)


def _add_commitment(tables: Tables, state: GameState, command: AddCommitment):
    """In a debrief or the bilan: the room's commitments lead the report."""
    text = _typed_text(command.text, MAX_NOTE, "empty_commitment")
    return evolve(state, commitments=state.commitments + (text,)), (Happened("commitment_added"),)


def _set_workshop(tables: Tables, state: GameState, command: SetWorkshop):
    """Any time: the place and the facilitator's name (either may stay empty)."""
    place = _typed_text(command.place, MAX_WORKSHOP_TEXT, None)
    facilitator = _typed_text(command.facilitator, MAX_WORKSHOP_TEXT, None)
    return evolve(state, place=place, facilitator=facilitator), (Happened("workshop_set"),)


def _set_last_round(tables: Tables, state: GameState, command: SetLastRound):
    """The facilitator's "end after this round" (round = the current one), or its taking back (round = the
    setup's rounds): the bilan follows the debrief of that round. Endings are judged, as always, on the
    last round played."""
    if not state.round <= command.round <= state.setup.rounds:
        raise IllegalCommand("bad_last_round", f"the last round must be from {state.round} to {state.setup.rounds}",
                             round=command.round, min=state.round, max=state.setup.rounds)
    if command.round == state.final_round:
        raise IllegalCommand("same_last_round", f"round {command.round} is already the last", round=command.round)
    last = None if command.round == state.setup.rounds else command.round
    return evolve(state, last_round=last), (Happened("last_round", round=command.round),)


def _set_room_size(tables: Tables, state: GameState, command: SetRoomSize):
    """The facilitator's: how many people vote (1 to MAX_ROOM), or None when it is not said any more. The
    engine only keeps it; the screens complete a tally's last answer from it."""
    people = command.people
    if people is not None and (type(people) is not int or not 1 <= people <= MAX_ROOM):
        raise IllegalCommand("bad_room_size", f"the room's size must be from 1 to {MAX_ROOM} people, not {people!r:.20}",
                             people=people, min=1, max=MAX_ROOM)
    return evolve(state, room_size=people), (Happened("room_size", people=people),)


_HANDLERS: dict[type, Callable[..., tuple[GameState, tuple[Happened, ...]]]] = {
    Advance: _advance,
    ChoosePosture: _choose_posture,
    ChooseAction: _choose_action,
    UndoChoice: _undo_choice,
    ConfirmMove: _confirm_move,
    RecordVerdict: _record_verdict,
    SkipVerdicts: _skip_verdicts,
    AddNote: _add_note,
    AddFinalNote: _add_final_note,
    ShowDebriefPhase: _show_debrief_phase,
    AddCommitment: _add_commitment,
    SetWorkshop: _set_workshop,
    SubmitMove: _submit_move,
    TakeBackMove: _take_back_move,
    Reveal: _reveal_command,
    SetLastRound: _set_last_round,
    SetRoomSize: _set_room_size,
}
