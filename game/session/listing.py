"""What a session's journal says without a replay: whether it reached its end (no scenario, no pydantic).

The title screen asks this of every session in the data folder before it loads anything heavy:
most sessions there are finished workshops. A journal only ever grows, so a finished one that
keeps its size and modification time is still the same finished game: `FinishedIndex` remembers
those (`COOP_HOME/cache/finished-sessions.json`), and the title screen reads only the journals
written since (a folder of fifty workshops would otherwise be read whole at every start).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.session import journal

INDEX_NAME = "finished-sessions.json"
INDEX_FORMAT = 1


def looks_finished(contents: journal.JournalContents) -> bool:
    """Whether a journal reached the end, from its commands alone (no scenario load, no replay).

    Each accepted step command of the phase machine (Advance, SkipVerdicts...)
    ended one phase, and a refused command is never written: so a game is over
    exactly when the journal holds `steps_per_round` of them for every round.
    The facilitator may have ended early: the last accepted SetLastRound says
    which round the bilan followed (it is accepted only from the current round
    on, so it is never below the rounds already played).
    A test checks this against replays.
    """
    from game.engine.phases import STEP_COMMANDS, steps_per_round

    try:
        setup = contents.header["setup"]
        per_round = steps_per_round(bool(setup["verdicts"]), setup.get("reveal", "auto"))
        steps = 0
        last = int(setup["rounds"])
        for entry in contents.entries:
            command = entry["command"]
            kind = command.get("type")
            if kind in STEP_COMMANDS:
                steps += 1
            elif kind == "SetLastRound":
                last = int(command["round"])
        return steps >= per_round * last
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def _program() -> str:
    import game

    return f"{game.__version__}/{INDEX_FORMAT}"


class FinishedIndex:
    """The journals known to be finished, each with the (size, modification time) it had then.

    `finished(path)` is `looks_finished(journal.read(path))` (SessionError for a damaged file, OSError
    for an unreadable one), answered from the index while the file keeps that size and time; `save()`
    writes what was learnt. The index is a shortcut only: unreadable, from another version or
    edited, it is ignored, and failing to write it changes nothing else.
    """

    def __init__(self, where: Path | None = None):
        if where is None:
            from game import paths

            where = paths.data_home() / "cache" / INDEX_NAME
        self.where = Path(where)
        self.known: dict[str, list[int]] = {}
        self.changed = False
        try:
            record = json.loads(self.where.read_bytes())
            if record.get("program") == _program():
                self.known = {str(name): [int(size), int(mtime)] for name, (size, mtime) in record["finished"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            self.known = {}

    def finished(self, path: Path, status: os.stat_result | None = None) -> bool:
        name = os.path.abspath(path)
        status = status or os.stat(path)
        key = [status.st_size, status.st_mtime_ns]
        if self.known.get(name) == key:
            return True
        from game.session import journal

        done = looks_finished(journal.read(Path(path)))
        if done:
            self.known[name] = key
            self.changed = True
        elif self.known.pop(name, None) is not None:
            self.changed = True
        return done

    def forget_missing(self, folder: Path, names: set[str]) -> list[str]:
        """Drop the entries of `folder` whose file is no longer among `names` (deleted, archived); their paths."""
        folder_name = os.path.abspath(folder)
        gone = [n for n in self.known if os.path.dirname(n) == folder_name and os.path.basename(n) not in names]
        for name in gone:
            del self.known[name]
            self.changed = True
        return gone

    def save(self) -> None:
        if not self.changed:
            return
        from game.paths import write_cache_file

        record = {"program": _program(), "finished": self.known}
        # A read-only or full data folder: the journals are read again next time.
        # ASCII: a file name in another encoding (surrogates) is kept as escapes that read back the same.
        if write_cache_file(self.where, json.dumps(record).encode("ascii")):
            self.changed = False
