"""The pace of a workshop: how long a round takes (the guide's pace, or the one measured on this machine's
finished rounds of the same scenario), and so how many rounds fit in a session of a given length.

The guide's pace (docs/guide-animation.md, the kit's facilitator sheet): a round is about 10 minutes plus
the debrief's timer (situation 2, choices 5, verdict 3), with 15 minutes to open and 20 for the bilan.
The measured pace: on this machine's sessions of the same scenario that played at least one whole round,
the minutes from the session's creation to the end of its last whole round, divided by those rounds (the
opening is counted in, which errs on the side of fewer rounds); the median of the five latest. The longer
of the two paces counts: a room that ran late before will run late again.
No pygame and no scenario load: the kit, the setup screen and the tests use it alike.
"""

from __future__ import annotations

from pathlib import Path
from statistics import median
from typing import Iterable, Optional

OPENING_MINUTES = 15
BILAN_MINUTES = 20
ROUND_BASE_MINUTES = 10          # situation 2, choices 5, verdict 3; the debrief's timer comes on top
SHORT_SESSION_MINUTES = 120      # the setup's "2 h" preset
CHOICES_MINUTES = 5              # the choices timer of the preset (the guide's 5 minutes of choices)
MEASURED_SESSIONS = 5            # the latest sessions of the scenario that the measured pace reads
# A measured pace outside these bounds is a session left open overnight or a test: not a pace.
PLAUSIBLE_ROUND_MINUTES = (4.0, 90.0)


def guide_round_minutes(debrief_minutes: float) -> int:
    """The guide's minutes for one round with this debrief timer."""
    return round(ROUND_BASE_MINUTES + debrief_minutes)


def workshop_minutes(rounds: int, round_minutes: float) -> int:
    """The whole session: the opening, the rounds, the bilan."""
    return round(OPENING_MINUTES + BILAN_MINUTES + rounds * round_minutes)


def rounds_for(minutes: float, most: int, round_minutes: float) -> int:
    """How many rounds (1 to `most`, the scenario's) fit in a session of `minutes` at that pace."""
    room = minutes - OPENING_MINUTES - BILAN_MINUTES
    return max(1, min(most, int(room // max(1.0, round_minutes))))


def measured_round_minutes(contents: Iterable) -> Optional[float]:
    """The median minutes a whole round took in these journals (game.session.journal.JournalContents),
    or None when none of them played a whole round at a plausible pace."""
    from game.engine.phases import STEP_COMMANDS, steps_per_round

    paces = []
    for journal in contents:
        try:
            setup = journal.header["setup"]
            start = float(journal.header["created"])
            per_round = steps_per_round(bool(setup["verdicts"]), setup.get("reveal", "auto"))
            steps, rounds, ended = 0, 0, None
            for entry in journal.entries:
                if entry["command"].get("type") in STEP_COMMANDS:
                    steps += 1
                    if steps % per_round == 0:
                        rounds, ended = rounds + 1, float(entry["t"])
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if rounds and ended is not None:
            pace = (ended - start) / 60 / rounds
            if PLAUSIBLE_ROUND_MINUTES[0] <= pace <= PLAUSIBLE_ROUND_MINUTES[1]:
                paces.append(pace)
    return median(paces) if paces else None


def measured_for(scenario_id: str, folder: Optional[Path] = None) -> Optional[float]:
    """The measured pace of a scenario from the latest sessions of the data folder (None: none measured);
    a session that cannot be read is skipped."""
    from game import paths
    from game.session import journal

    folder = Path(folder) if folder is not None else paths.sessions_dir()
    try:
        # Session files are named "STAMP-SCENARIO-XXXXXX.coop.jsonl": newest last by name.
        names = sorted(p for p in folder.iterdir() if f"-{scenario_id}-" in p.name and p.is_file())
    except OSError:
        return None
    read = []
    for path in reversed(names):
        if len(read) >= MEASURED_SESSIONS:
            break
        try:
            contents = journal.read(path)
        except Exception:  # noqa: BLE001 - a damaged or foreign file has no pace to give; the others do
            continue
        scenario = contents.header.get("scenario")
        if isinstance(scenario, dict) and scenario.get("id") == scenario_id:
            read.append(contents)
    return measured_round_minutes(read)


def short_session(scenario_rounds: int, debrief_minutes: float, measured: Optional[float],
                  minutes: float = SHORT_SESSION_MINUTES) -> tuple[int, float, str]:
    """(rounds, minutes a round, "guide" or "measured") for a session of `minutes`: the slower pace counts."""
    guide = float(guide_round_minutes(debrief_minutes))
    pace, source = (measured, "measured") if measured is not None and measured > guide else (guide, "guide")
    return rounds_for(minutes, scenario_rounds, pace), pace, source
