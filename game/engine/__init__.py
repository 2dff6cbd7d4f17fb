"""The pure rules engine of COOP ou pas COOP: plain-data state and commands, no pygame, no files, no clock.

Public API (everything below is importable from `game.engine`):

Setting up
    Setup(characters, teams, rounds, secret_choices=True, verdicts=True,
          debrief_minutes=5.0, language="fr", reveal="auto", choices_minutes=0.0)   frozen; characters in
        play, in order. choices_minutes: the screens' countdown of the choices (0 = none); the rules
        never read it (nothing is ever chosen for a team whose time is up)
        reveal: "auto" = the move that completes the choices reveals them (one screen, hot-seat; every
        session file written before the option reads as "auto"); "facilitator" = once every team has
        confirmed, the choices stay open until the facilitator's Reveal().
    new_game(scenario, setup, seed) -> GameState       round 1, phase "situation", events drawn
                                                       (IllegalCommand "bad_setup" if the setup is not allowed)

Playing: apply(scenario, state, command) -> (new_state, happenings)
    Commands (frozen records, game.record; command_to_json / command_from_json for the journal):
        Advance()                          situation→choices, reveal→verdict (or debrief when verdicts are off),
                                           verdict→debrief, debrief→next round's situation or "end"
        ChoosePosture(character, posture)  only the player whose turn it is (state.turn)
        ChooseAction(character, action)    checked now: who, once, requires, cost
        UndoChoice(character)              forget the unconfirmed posture and action
        ConfirmMove(character)             pays the cost; with reveal "auto" the last confirm of a round reveals
                                           it (phase "reveal")
        SubmitMove(character, posture, action)   choices phase, ANY team in play, in any order, at any moment
                                           until the reveal (phones): checked as ChooseAction (who, once, requires,
                                           cost), the cost paid now. Again for a team already confirmed = its move
                                           REPLACED: the old cost refunded, the new one checked and paid
        TakeBackMove(character)            choices phase, the facilitator's (a phone may send it for its own team only): a
                                           confirmed move is taken back, its cost refunded exactly; the team
                                           chooses again (paying again when it confirms)
        Reveal()                           choices phase, once every team has confirmed (state.turn is None):
                                           reveals the round; only reachable with reveal "facilitator"
        RecordVerdict(character, coop, pas_coop, depends)   verdict phase; again = replace
        SkipVerdicts()                     verdict phase → debrief, no tally
        AddNote(text)                      any phase; attached to the current round (at the end: the last one)
        AddFinalNote(text)                 end; a note of the final debrief, in state.final_notes
        AddCommitment(text)                debrief phase or end; the room's commitment, in state.commitments
        SetWorkshop(place, facilitator)    any phase, end included; state.place / state.facilitator ("" = not said)
        ShowDebriefPhase(phase)            debrief phase; one of debrief(...).every_phase (the ration's
                                           phases and those one key away), recorded as
                                           current.debrief_phase (None until then = the first phase)
        SetLastRound(round)                any phase but the end, the facilitator's: "end after this round"
                                           (round = state.round) or its taking back (round = setup.rounds);
                                           state.last_round (None = the setup's), state.final_round,
                                           state.ended_early; the debrief of the final round leads to the end,
                                           whose ending is judged on that last round played
        SetRoomSize(people)                any phase but the end, the facilitator's: how many people vote (1 to
                                           10 000, or None: not said); state.room_size, public (the screens
                                           complete a tally's last answer from it)
    A refused command raises IllegalCommand(code, message, **params) and changes nothing. Codes:
        wrong_phase, not_your_turn, not_in_play, unknown_posture, unknown_action,
        not_for_character, once_played, requirement_not_met, cannot_afford,
        no_posture_chosen, no_action_chosen, nothing_to_undo, choices_pending,
        bad_tally, empty_note, empty_commitment, note_too_long, bad_text, game_over, malformed_command, bad_setup,
        unknown_debrief_phase, nothing_to_take_back, bad_last_round, same_last_round, bad_room_size, reveal_pending (Advance when every team has
        confirmed and the reveal waits for Reveal()).
    Whatever the order of confirmations, current.moves stays in turn order: the reveal keeps it.
    Every replacement and take-back is journaled (it is a command) and listed, in order, in
    current.corrections: Correction(kind "replaced"|"taken_back", character, before: Move,
    after: Move|None); the reports read it from each RoundLog.
    Why a facilitator-gated reveal exists: with phones, teams confirm in any order and may replace
    their move "until the reveal"; if the last confirmation revealed by itself, the last team to
    confirm would close everybody else's chance to change their mind, and a facilitator could not
    take a move back once the last team confirmed. Hot-seat on one screen keeps "auto" (one key
    fewer; and old journals, which hold no Reveal, replay identically).
    Costs: move_cost(tables, move) in game.engine.rules is the one place saying what a confirmation
    pays and a correction refunds; held_for_choice(tables, state, character) is what a team may
    spend on a (re)choice: its resources plus the refund of its confirmed move.

State (GameState, frozen; to_json()/from_json() round-trip to an equal state)
    seed, setup, round, phase ("situation" "choices" "reveal" "verdict" "debrief" "end"),
    turn (hot-seat: the first team in turn order with no confirmed move; None outside the choices and
    once every team has confirmed), confirmed (frozenset of characters with a confirmed move: THAT
    they chose, never what), waiting (the others, in turn order), turn_order (the first player of round r is
    the ((r-1) mod n)-th character in play), draft_posture / draft_action (the hot-seat
    player's unconfirmed choice, always state.turn's: forgotten when the turn passes to another
    team; never show it to others), indicators {id: value},
    resources {character: {resource: amount}}, last_round / final_round / ended_early, room_size, current (RoundLog of this round: events,
    indicators_start / indicators_before / indicators_after, moves (confirmed, in turn
    order; secret until the reveal), corrections, synergies, verdicts, notes, debrief_phase), history (finished
    rounds), log (history + current), ending (id or None, set at the end).

The phase machine (game.engine.phases, re-exported here), declared once and read by the rules,
the session listing and the screens' router:
    PHASE_TABLE {phase: Phase(name, commands, ended_by, next, ends_on_last_confirmation)}
        commands: the command types (class names) the phase accepts (AddNote and SetWorkshop in
        every phase, the end included; SetLastRound and SetRoomSize in every phase but the end). ended_by: those that always end the phase when accepted (Advance, SkipVerdicts).
    next_phase(phase, verdicts=, last_round=) -> the following phase (None after "end")
    accepts(phase, command_type) -> bool;  round_phases(verdicts);  STEP_COMMANDS
    steps_per_round(verdicts, reveal="auto"): how many STEP_COMMANDS a whole round journals
    A command its phase does not accept is refused: wrong_phase (game_over at the end,
    choices_pending for Advance during the choices).

Views (game.engine.views, re-exported here): what one viewer may see, the only thing a screen or a
phone should be given. Frozen records; .to_json() gives plain JSON-safe data.
    view_for(scenario, state, viewer, readings="after") with viewer "public", "facilitator" or a character id in play
    (readings: the facilitator's setting; a move's or posture's reading is "later"/"room" until it may show)
        (KeyError for anything else) -> PublicView | FacilitatorView | TeamView
    PublicView(viewer, scenario, title, round, rounds, phase, turn, teams [TeamLine(character, name,
        role, team, chosen)], board [IndicatorLine(id, label, value, min, max, start)], events
        [EventLine(id, title, text, effects)], round_text, chosen (characters confirmed, turn order;
        .chosen_count), moves [MoveLine(character, posture, posture_label, reading, action,
        action_title)] (empty until the reveal), synergies (texts), verdicts [TallyLine(character,
        coop, pas_coop, depends, split)], verdicts_skipped, debrief_phase, debrief ((phase, texts)...),
        ending, ending_title, commitments and secrets {character: text} (both at the end only),
        last_round (the round the bilan follows: rounds, or fewer once the facilitator ended early),
        room_size (how many people vote, once said; None before))
    TeamView(viewer, public, card Card(character, name, role, objective, description, secret, team,
        resources), postures [PostureLine(id, label, reading)], options [OptionLine(action, title,
        allowed, reason, params)] (choices phase), draft_posture / draft_action (its own, while at the
        keyboard), move (its own confirmed MoveLine), my_turn)
    FacilitatorView(viewer, public, resources {character: {resource: n}}, notes, corrected)
    Never in a view but the team's own: its secret (until the bilan lifts them), its draft, its
    move before the reveal. The facilitator's view says who has chosen, never what.

Queries for the screens (game.engine.queries, re-exported here)
    postures(scenario) -> [(Posture, "coop"|"neutre"|"pas_coop")];  coop_reading(coop)
    action_options(scenario, state, character) -> [ActionOption(action, allowed, reason, params)]
        reason: not_for_character | once_played {round} | requirement_not_met {failing: [test names]}
                | cannot_afford {resource, cost, have}; the built-in observer is last, always allowed
    reveal(scenario, state, number=None) -> RevealView(moves, readings, sources [DeltaSource(kind
        posture|action|by_posture|synergy, character, source, deltas)], synergies, totals, before, after)
    verdicts(state, number=None) -> [VerdictLine(character, verdict or None, split)];  is_split(verdict)
    debrief(scenario, state, number=None) -> DebriefView(number, facts: RoundFacts(events, moves,
        indicators [IndicatorFact(indicator, start, after_events, after)]), phases ((phase, texts), ...),
        every_phase, hidden)
        phases in the order ressenti, faits, analyse, transfert, et_si, et_apres; empty ones
        skipped except "faits". `phases` holds the ration (at most PROMPTS_SHOWN = 3 prompts: the
        triggered ones, then this round's, then the every-round ones in turn from the round number;
        inside each of the three, a phase not yet served first); `every_phase` every prompt, the
        ration's first in each phase (one key away on the screens); `hidden` = how many are left out.
        round_prompts(...) lists them all (the report)
    round_text(scenario, state, number=None) -> the round's text, its variant chosen by what was played (or None)
    ending_text(scenario, state) -> the ending's text, its variant chosen by what was played (or None)
    end(scenario, state) -> EndView(ending, ending_text, series {indicator: (start, after r1, ...)},
        posture_paths {character: (posture r1, ...)}, split_moves, final_prompts, final_phases,
        final_every_phase, final_hidden): the final debrief by phase in the debrief's order, one prompt
        per phase shown (rationed(..., limit=None, one_per_phase=True)), every one with the key

Bot (game.engine.bot): bot_next(scenario, state, policy) gives the next command in any phase
(None at the end; in a debrief, ShowDebriefPhase for each phase after the first, then Advance); bot_move(scenario, state, character, policy) -> (posture, action);
bot_verdict(seed, round, character, coop=None) -> RecordVerdict (pass the posture's `coop`
for a room that leans with it). Choices depend only on (seed, round, character), the
policy ("random", "coop", "solo") and, for verdicts, the move.

Example:
    >>> state = new_game(scenario, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 3), seed=5)
    >>> state, _ = apply(scenario, state, Advance())
    >>> state.phase, state.turn
    ('choices', 'elue')
"""

# Names are loaded on first use (PEP 562), so that `coop simulate`, which needs only the
# tables, conditions and draws, does not pay for the record classes of states and queries.
_HOMES = {
    "game.engine.bot": ("POLICIES", "bot_move", "bot_next", "bot_verdict"),
    "game.engine.commands": ("Reveal", "SubmitMove", "TakeBackMove", "SetLastRound", "SetRoomSize", "AddCommitment", "AddFinalNote", "AddNote", "Advance", "ChooseAction", "ChoosePosture", "Command",
                             "ConfirmMove", "RecordVerdict", "SetWorkshop", "ShowDebriefPhase", "SkipVerdicts",
                             "UndoChoice", "command_from_json", "command_to_json"),
    "game.engine.errors": ("IllegalCommand",),
    "game.engine.phases": ("PHASE_TABLE", "STEP_COMMANDS", "Phase", "accepts", "next_phase", "round_phases",
                           "steps_per_round"),
    "game.engine.views": ("Card", "FacilitatorView", "PublicView", "TeamView", "view_for"),
    "game.engine.query_records": ("ActionOption", "DeltaSource", "EndView", "RevealView", "SplitMove", "VerdictLine"),
    "game.engine.queries": ("DebriefView", "IndicatorFact", "RoundFacts", "action_options",
                            "coop_reading", "debrief", "end", "ending_text", "indicator_series", "is_split",
                            "PROMPTS_SHOWN", "postures", "reveal", "round_text", "verdicts"),
    "game.engine.rules": ("Happened", "apply", "check_setup", "new_game", "turn_order"),
    "game.engine.state": ("REVEALS", "Correction", "PHASES", "GameState", "Move", "RoundLog", "Setup", "Verdict"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME_OF)


def __getattr__(name: str):
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'game.engine' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
