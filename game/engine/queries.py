"""What the screens ask of a game: options of a move, the reveal, verdicts, a round's debrief, the end."""

from __future__ import annotations

from game.record import record
from typing import Optional, TYPE_CHECKING

from game.content.constants import DEBRIEF_PHASES
from game.content.plain import prompt_of, prompt_with_text
from game.engine.conditions import SPLIT_MAJORITY, SPLIT_MARGIN, Facts, failing_tests, is_split, matched_characters, reading_of
from game.engine.resolution import facts_after_round, facts_before_round, move_sources
from game.engine.rules import action_blocker
from game.engine.state import GameState, Move, RoundLog, Verdict
from game.engine.tables import tables_for

if TYPE_CHECKING:
    from game.content.model import Posture, Prompt, Scenario
    from game.engine.query_records import ActionOption, DeltaSource, EndView, RevealView, SplitMove, VerdictLine

# The records only the screens ask for live in game.engine.query_records, created on first use
# (`queries.RevealView` still names them).
_RECORDS = ("ActionOption", "DeltaSource", "EndView", "RevealView", "SplitMove", "VerdictLine")


def __getattr__(name: str):
    if name in _RECORDS:
        from game.engine import query_records

        return getattr(query_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# The split rule (SPLIT_MAJORITY, SPLIT_MARGIN, is_split) is re-exported from here: it lives with the
# conditions that test it (split_verdicts).
_ = (SPLIT_MAJORITY, SPLIT_MARGIN, is_split)


def coop_reading(coop: Optional[int]) -> str:
    """'coop' above 0, 'neutre' at 0, 'pas_coop' below 0, 'a_debattre' for a posture without a value."""
    return reading_of(coop)


READINGS_SHOWN = ("after", "always", "never")   # the setting: the scenario's reading after the verdict...


def shown_reading(setting: str, reading: str, decided: bool = False) -> str:
    """What a screen or a view shows of a posture's reading: the reading itself with the setting
    "always", or with "after" once the room has decided (`decided`: the move's tally is in, or the
    round is past its verdict); otherwise a neutral word, so that the game never answers "COOP ou pas
    COOP ?" before the room does ("later": after the verdict; "room": never, the room's to give)."""
    if setting == "always" or setting == "after" and decided:
        return reading
    return "room" if setting == "never" else "later"


def postures(scenario: Scenario) -> list[tuple[Posture, str]]:
    """Every posture with its reading, in the scenario's order."""
    return [(p, coop_reading(p.coop)) for p in scenario.postures]


def action_options(scenario: Scenario, state: GameState, character: str) -> list[ActionOption]:
    """Every action of the scenario for `character` now, allowed or not, and why not."""
    from game.engine.query_records import ActionOption

    tables = tables_for(scenario)
    options = []
    for ident in tables.action_ids:
        draft = state.draft_posture if state.turn == character else None
        blocker = action_blocker(tables, state, character, ident, draft)
        if blocker is None:
            options.append(ActionOption(ident, True, None, {}))
            continue
        code, params = blocker
        if code == "requirement_not_met":
            facts = facts_before_round(state.round, state.indicators, state.history)
            requires = scenario.action(ident).requires
            assert requires is not None   # the only blocker that comes from a condition
            params = {"failing": failing_tests(requires, tables.lookups, facts)}
        options.append(ActionOption(ident, False, code, params))
    return options


def _round(state: GameState, number: Optional[int]) -> RoundLog:
    if number is None:
        return state.current
    for log in state.log:
        if log.number == number:
            return log
    raise KeyError(f"no round {number}")


def reveal(scenario: Scenario, state: GameState, number: Optional[int] = None) -> RevealView:
    """The reveal of a round already revealed (the current one by default)."""
    from game.engine.query_records import DeltaSource, RevealView

    tables = tables_for(scenario)
    log = _round(state, number)
    if log.indicators_after is None:
        raise ValueError("round not revealed yet")
    sources = [DeltaSource(k, c, s, d) for k, c, s, d in move_sources(tables, log.moves)]
    sources += [DeltaSource("synergy", None, s, tables.synergy_effects[s]) for s in log.synergies]
    totals = dict.fromkeys(tables.indicator_ids, 0)
    for source in sources:
        for ident, amount in source.deltas.items():
            totals[ident] += amount
    readings = {m.character: coop_reading(tables.coop_of[m.posture]) for m in log.moves}
    return RevealView(log.number, log.moves, readings, tuple(sources), log.synergies, totals,
                      dict(log.indicators_before), dict(log.indicators_after))


def verdicts(state: GameState, number: Optional[int] = None) -> list[VerdictLine]:
    """Each move of the round with its tally (None when not entered) and whether it is split."""
    from game.engine.query_records import VerdictLine

    log = _round(state, number)
    lines = []
    for move in log.moves:
        tally = log.verdicts.get(move.character)
        lines.append(VerdictLine(move.character, tally, tally is not None and is_split(tally)))
    return lines


@record
class IndicatorFact:
    indicator: str
    start: int           # at the start of the round, before its events
    after_events: int    # after the events, before the moves
    after: int           # after the reveal


@record
class RoundFacts:
    number: int
    events: tuple[str, ...]
    moves: tuple[Move, ...]
    indicators: tuple[IndicatorFact, ...]


PhasePrompts = tuple[tuple[str, tuple[str, ...]], ...]   # (phase, prompt texts), in the debriefing order

# The ration of a round's debrief: at most this many prompts shown by default, the rest one key away.
PROMPTS_SHOWN = 3


@record
class DebriefView:
    number: int
    facts: RoundFacts
    phases: PhasePrompts        # the ration, by phase in order; `faits` always there
    every_phase: PhasePrompts   # one key away: every prompt (the ration's first in each phase); `faits` always
    hidden: int                 # how many prompts the ration leaves for the key


def round_facts(scenario: Scenario, log: RoundLog) -> RoundFacts:
    tables = tables_for(scenario)
    after = log.indicators_after or log.indicators_before
    indicators = tuple(
        IndicatorFact(i, log.indicators_start[i], log.indicators_before[i], after[i])
        for i in tables.indicator_ids
    )
    return RoundFacts(log.number, log.events, log.moves, indicators)


def names_of(scenario: Scenario, characters) -> str:
    """"Aïcha, Moussa et Léa" / "Amina, Sam and Pat": the characters' names in the scenario's language."""
    names = [scenario.character(c).name for c in characters]
    if not names:
        return "—"
    if len(names) == 1:
        return names[0]
    joiner = " and " if scenario.language == "en" else " et "
    return ", ".join(names[:-1]) + joiner + names[-1]


def filled(scenario: Scenario, text: str, name_as: Optional[str], condition, facts: Facts) -> str:
    """The text as shown: {name_as} replaced by the characters the condition matched; untouched without name_as."""
    if not name_as:
        return text
    found = matched_characters(condition, tables_for(scenario).lookups, facts)
    return text.replace("{" + name_as + "}", names_of(scenario, found))


def chosen_text(scenario: Scenario, text: str, variants, facts: Facts) -> str:
    """The first variant whose condition holds on the facts (its names filled), else the text."""
    tables = tables_for(scenario)
    for variant in variants:
        if tables.test_of(variant.when)(facts):
            return filled(scenario, variant.text, variant.name_as, variant.when, facts)
    return text


def round_text(scenario: Scenario, state: GameState, number: Optional[int] = None) -> Optional[str]:
    """The scenario's text for a round, its variant chosen by what was played before it (None: no text)."""
    log = _round(state, number)
    item = scenario.round_texts.get(log.number)
    if item is None or isinstance(item, str):
        return item
    earlier = [r for r in state.history if r.number < log.number]
    facts = facts_before_round(log.number, log.indicators_before, earlier)
    return chosen_text(scenario, item.text, item.variants, facts)


def prompt_groups(scenario: Scenario, state: GameState, log: RoundLog) -> tuple[list[Prompt], list[Prompt], list[Prompt]]:
    """A round's prompts by where they come from: the triggers that hold on the revealed round (names
    filled), this round's (`debrief.rounds[N]`), the every-round ones; each in the scenario's order."""
    tables = tables_for(scenario)
    triggered = []
    if log.indicators_after is not None:
        earlier = [r for r in state.history if r.number < log.number]
        facts = facts_after_round(log, log.indicators_after, earlier)
        for trigger, (when, prompt) in zip(scenario.debrief.triggers, tables.triggers):
            if when(facts):
                text = filled(scenario, prompt.text, prompt.name_as, trigger.when, facts)
                triggered.append(prompt if text == prompt.text else prompt_with_text(prompt, text))
    this_round = [prompt_of(p) for p in scenario.debrief.rounds.get(log.number, ())]
    every_round = [prompt_of(p) for p in scenario.debrief.every_round]
    return triggered, this_round, every_round


def round_prompts(scenario: Scenario, state: GameState, log: RoundLog) -> list[Prompt]:
    """Every prompt of a round, rationed or not: every_round, then this round's, then the triggers that hold."""
    triggered, this_round, every_round = prompt_groups(scenario, state, log)
    return every_round + this_round + triggered


def rotated(prompts: list, number: int, step: int = PROMPTS_SHOWN) -> list:
    """The every-round prompts in turn: round N starts at the ((N - 1) x step)-th (mod their count), so that
    rounds in a row bring different ones up; from the round number only (no random)."""
    if not prompts:
        return []
    start = (number - 1) * step % len(prompts)
    return prompts[start:] + prompts[:start]


def rationed(groups, limit: Optional[int] = PROMPTS_SHOWN, one_per_phase: bool = False) -> list:
    """The prompts shown by default: the groups in priority order, each taken whole before the next, up
    to `limit` prompts (None: no limit). Inside a group the prompts of a phase not shown yet come first,
    so that the ration spreads over the debrief's phases (ressenti, analyse, transfert rather than three
    analyses); with `one_per_phase` a phase never gets a second one."""
    chosen: list = []
    for group in groups:
        left = list(group)
        while left and (limit is None or len(chosen) < limit):
            shown = {p.phase for p in chosen}
            pick = next((p for p in left if p.phase not in shown), None)
            if pick is None:
                if one_per_phase:
                    break
                pick = left[0]
            chosen.append(pick)
            left.remove(pick)
    return chosen


def by_phase(prompts) -> PhasePrompts:
    """Prompt texts grouped by phase in the debriefing order; `faits` always there (it holds the facts)."""
    phases = []
    for phase in DEBRIEF_PHASES:
        texts = tuple(p.text for p in prompts if p.phase == phase)
        if texts or phase == "faits":
            phases.append((phase, texts))
    return tuple(phases)


def _ration_view(prompts: list, chosen: list) -> tuple[PhasePrompts, PhasePrompts, int]:
    """(the ration by phase, every prompt by phase with the ration's first, how many are left out)."""
    rest = list(prompts)
    for prompt in chosen:
        rest.remove(prompt)
    return by_phase(chosen), by_phase(chosen + rest), len(rest)


def debrief(scenario: Scenario, state: GameState, number: Optional[int] = None) -> DebriefView:
    """The debrief of a round: its prompts rationed (`rationed`: triggered ones first, then this round's,
    then the every-round ones in turn, at most PROMPTS_SHOWN), grouped by phase in the debriefing order,
    every prompt one key away, with the round's facts. The screens, the wall and the public view read it."""
    log = _round(state, number)
    triggered, this_round, every_round = prompt_groups(scenario, state, log)
    chosen = rationed((triggered, this_round, rotated(every_round, log.number)))
    phases, every_phase, hidden = _ration_view(triggered + this_round + every_round, chosen)
    return DebriefView(log.number, round_facts(scenario, log), phases, every_phase, hidden)


# The last debrief_phases answer and what it was computed from: a debrief's ShowDebriefPhase commands
# follow one another (two or three a round) on states that share the round's moves, values and verdicts
# and the history (only the phase shown or the notes change), so the triggers are tested once a round.
_LAST_PHASES: list = [(), ()]   # [inputs, phases]


def debrief_phases(scenario: Scenario, state: GameState, number: Optional[int] = None) -> tuple[str, ...]:
    """The phases a round's debrief shows, the ration's and those one key away: the phases of
    `debrief(scenario, state, number).every_phase`, in the debriefing order, without building the
    debrief (no names filled, no ration; a trigger is tested only when its prompt would bring a phase
    the other prompts do not): what the engine checks a ShowDebriefPhase against, at every such command."""
    log = _round(state, number)
    # Everything the answer depends on (the scenario and every part of the state read below), each of them
    # immutable: the same objects give the same answer.
    inputs = (scenario, log.number, log.indicators_after, log.moves, log.verdicts, state.history)
    last, phases = _LAST_PHASES
    if len(last) == len(inputs) and all(was is now for was, now in zip(last, inputs)):
        return phases
    phases = _debrief_phases(scenario, state, log)
    _LAST_PHASES[:] = [inputs, phases]
    return phases


def _debrief_phases(scenario: Scenario, state: GameState, log: RoundLog) -> tuple[str, ...]:
    found = {"faits"}
    found.update(prompt_of(p).phase for p in scenario.debrief.every_round)
    found.update(prompt_of(p).phase for p in scenario.debrief.rounds.get(log.number, ()))
    if log.indicators_after is not None:
        facts: Optional[Facts] = None
        for when, prompt in tables_for(scenario).triggers:
            if prompt.phase in found:
                continue
            if facts is None:
                history = state.history
                # The history itself when every round of it came before (the rules' case: its tuple's facts
                # are kept, game.engine.resolution._seen).
                earlier = history if all(r.number < log.number for r in history) else \
                    [r for r in history if r.number < log.number]
                facts = facts_after_round(log, log.indicators_after, earlier)
            if when(facts):
                found.add(prompt.phase)
    return tuple(phase for phase in DEBRIEF_PHASES if phase in found)


def indicator_series(scenario: Scenario, state: GameState) -> dict[str, tuple[int, ...]]:
    """Each indicator at the start of the game, then after each revealed round."""
    tables = tables_for(scenario)
    rounds = [r.indicators_after for r in state.log if r.indicators_after is not None]
    return {
        i: (tables.start_values[i],) + tuple(after[i] for after in rounds)
        for i in tables.indicator_ids
    }


def end(scenario: Scenario, state: GameState) -> EndView:
    """The bilan; meaningful once `state.phase == 'end'` (before that, the story so far with no ending)."""
    from game.engine.query_records import EndView, SplitMove

    ending = next((e for e in scenario.endings if e.id == state.ending), None)
    paths = {
        c: tuple(m.posture for r in state.log for m in r.moves if m.character == c)
        for c in state.setup.characters
    }
    splits = tuple(
        SplitMove(r.number, m.character, m.posture, m.action, r.verdicts[m.character])
        for r in state.log for m in r.moves
        if m.character in r.verdicts and is_split(r.verdicts[m.character])
    )
    final = [prompt_of(p) for p in scenario.debrief.final]
    # The final debrief walks every phase: one prompt each by default (the author's first), the rest with the key.
    phases, every_phase, hidden = _ration_view(final, rationed((final,), limit=None, one_per_phase=True))
    return EndView(ending, ending_text(scenario, state), indicator_series(scenario, state), paths, splits,
                   tuple(final), phases, every_phase, hidden)


def ending_text(scenario: Scenario, state: GameState) -> Optional[str]:
    """The text of the game's ending: its first variant that holds on the last round, else its text."""
    ending = next((e for e in scenario.endings if e.id == state.ending), None)
    if ending is None or not state.log:
        return None if ending is None else ending.text
    last = state.log[-1]
    earlier = [r for r in state.log if r.number < last.number]
    facts = facts_after_round(last, last.indicators_after or last.indicators_before, earlier)
    return chosen_text(scenario, ending.text, ending.variants, facts)
