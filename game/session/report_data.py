"""The story of a session as data: the `json` report of the interfaces page, built by replaying the journal."""

from __future__ import annotations

import time
from typing import Any, Optional

from game.engine.queries import debrief, ending_text
from game.engine.state import GameState
from game.session.session import Replay


# Session files travel and get edited: a time may be huge, negative, NaN, a text or missing.
_LAST_MOMENT = 253402300799.0  # 9999-12-31T23:59:59 UTC


def _iso(moment: Any) -> Optional[str]:
    """A journal time as local ISO text, or None when it is not a usable time (the report says nothing then)."""
    if isinstance(moment, bool) or not isinstance(moment, (int, float)) or not 0 <= moment <= _LAST_MOMENT:
        return None  # NaN fails the comparison too
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(moment)) + f".{int(moment * 1000) % 1000:03d}"
    except (OverflowError, OSError, ValueError):
        return None


def revealed_rounds(state: GameState):
    """Rounds whose moves were revealed: the moves of a round still being chosen stay secret."""
    return [r for r in state.log if r.indicators_after is not None]


def round_times(replay: Replay) -> dict[int, dict[str, Optional[str]]]:
    """When each round started (situation), was revealed and ended, from the journal's times.

    Reads the (phase, round) the replay recorded after each command (`Replay.steps`), so the
    journal is not replayed a second time; a Replay made without them is replayed here."""
    steps = replay.steps if replay.steps is not None and len(replay.steps) == len(replay.commands) + 1 \
        else _steps(replay)
    times: dict[int, dict[str, Optional[str]]] = {1: {"started": _iso(replay.header.get("created", 0.0))}}
    phase, number = steps[0]
    for (after_phase, after_round), moment in zip(steps[1:], replay.times):
        before_phase, before_round = phase, number
        phase, number = after_phase, after_round
        if phase == before_phase:
            continue
        if phase == "reveal":
            times.setdefault(number, {})["revealed"] = _iso(moment)
        if before_phase == "debrief":
            times.setdefault(before_round, {})["ended"] = _iso(moment)
            if phase == "situation":
                times.setdefault(number, {})["started"] = _iso(moment)
    return times


def _steps(replay: Replay) -> list[tuple[str, int]]:
    from game.engine.rules import apply, new_game
    from game.engine.state import Setup

    state = new_game(replay.scenario, Setup.from_json(replay.header["setup"]), int(replay.header["seed"]))
    steps = [(state.phase, state.round)]
    for command in replay.commands:
        state, _ = apply(replay.scenario, state, command)
        steps.append((state.phase, state.round))
    return steps


def build_report(replay: Replay) -> dict[str, Any]:
    """The report as plain data. Everything but `times` and `session` follows from scenario, seed, setup and moves."""
    scenario, state = replay.scenario, replay.state
    rounds = []
    for log in revealed_rounds(state):
        # Every prompt of the round, the ration's and those one key away, in the debrief's order.
        ordered = [(phase, text) for phase, texts in debrief(scenario, state, log.number).every_phase for text in texts]
        rounds.append({
            "number": log.number,
            "turn_order": list(log.turn_order),
            "events": list(log.events),
            "indicators_start": dict(log.indicators_start),
            "indicators_after_events": dict(log.indicators_before),
            "moves": [{"character": m.character, "posture": m.posture, "action": m.action} for m in log.moves],
            "synergies": list(log.synergies),
            "indicators": dict(log.indicators_after),
            "verdicts": [
                {"character": m.character, "coop": v.coop, "pas_coop": v.pas_coop, "depends": v.depends}
                for m in log.moves if (v := log.verdicts.get(m.character)) is not None
            ],
            "verdicts_skipped": log.verdicts_skipped,
            "prompts": [{"phase": phase, "text": text} for phase, text in ordered],
            "notes": list(log.notes),
            # Replaced and taken-back moves, in order: who, and how, never what the room did not see
            # (the move before a correction was never revealed).
            "corrections": [{"kind": c.kind, "character": c.character} for c in log.corrections],
        })
    setup = state.setup
    header = replay.header
    return {
        "scenario": scenario.id,
        "title": scenario.title,
        "language": setup.language,
        "seed": state.seed,
        "characters": list(setup.characters),
        "teams": dict(setup.teams),
        "settings": {"rounds": setup.rounds, "secret_choices": setup.secret_choices,
                     "verdicts": setup.verdicts, "debrief_minutes": setup.debrief_minutes,
                     "choices_minutes": setup.choices_minutes},
        "indicators_start": {i.id: i.start for i in scenario.indicators},
        "rounds": rounds,
        "finished": state.finished,
        # The facilitator ended early ("end after this round"): the round the bilan followed, else None.
        "ended_early_after": state.final_round if state.ended_early else None,
        "room_size": getattr(state, "room_size", None),   # how many people voted, when the facilitator said (N)
        "ending": state.ending,
        "commitments": list(state.commitments),
        "final_notes": list(getattr(state, "final_notes", ())),   # the final debrief's (AddFinalNote)
        "workshop": {"place": state.place, "facilitator": state.facilitator},
        "ending_text": ending_text(scenario, state),   # the ending's variant that what was played chose
        "times": {
            "created": _iso(header.get("created", 0.0)),
            "last_command": _iso(replay.times[-1]) if replay.times else None,
            "rounds": {str(n): t for n, t in sorted(round_times(replay).items())},
        },
        "session": {
            "path": str(replay.path),
            "file": replay.path.name,
            "program": header.get("program"),
            "format": header.get("format"),
            "scenario_path": header["scenario"].get("path"),
            "scenario_sha256": header["scenario"]["sha256"],
            "commands": len(replay.commands),
        },
    }
