"""A session on disk: create, apply (journal first, then state), resume by replay, list, find the latest unfinished."""

from __future__ import annotations

import json
import os
import stat
import time
from game.record import record
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import game
from game import paths
from game.content.diagnostics import ScenarioError
from game.digest import sha256_hex
from game.engine import (
    Command, GameState, IllegalCommand, Setup, apply, command_from_json, command_to_json, new_game,
)
from game.session import journal
from game.session.listing import FinishedIndex, looks_finished  # noqa: F401 - looks_finished: part of this module's API
from game.session.errors import Detail, SessionError

if TYPE_CHECKING:
    from game.content.model import Scenario

SUFFIX = paths.SESSION_SUFFIX


def _now() -> float:
    return round(time.time(), 3)


@record
class Replay:
    """A session file read and replayed, without taking it for writing."""

    path: Path
    header: dict
    scenario: Scenario
    state: GameState
    commands: list[Command]
    times: list[float]
    whole_size: int
    chain: Optional[int] = None   # the last line's checksum; None for a file written before checksums
    unterminated: Optional[int] = None  # a whole last line without its line feed (see journal.JournalContents)
    # (phase, round) of the new game, then after each command (the report's round times read them).
    steps: Optional[list[tuple[str, int]]] = None


def replay_file(path: Path, data: Optional[bytes] = None, light: bool = False) -> Replay:
    """Read a session and replay its journal up to its last whole command (never writes).

    `light=True` (reports) may replay on the scenario's plain copy (game.content.plain), with no
    pydantic, when this program validated the same bytes before; the game and resume keep the model.
    """
    path = Path(path)
    contents = journal.parse(data, path) if data is not None else journal.read(path)
    header = contents.header
    try:
        text = header["scenario"]["text"]
        raw = text.encode("utf-8", "surrogateescape")
        if sha256_hex(raw) != header["scenario"]["sha256"]:
            raise SessionError("corrupt", path, Detail("hash_mismatch"))
        setup = Setup.from_json(header["setup"])
        seed = int(header["seed"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SessionError("corrupt", path, Detail("bad_header", technical=f"{type(error).__name__}: {error}")) from None
    try:
        # The frozen copy was checked when the session began; its images may have moved since,
        # and a missing picture must never keep a workshop from resuming.
        shown = header["scenario"].get("path") or "<session>"
        scenario: Any
        if light:
            from game.content.plain import load_plain_bytes

            scenario = load_plain_bytes(raw, shown, check_images=False)
        else:
            from game.content.loader import load_scenario_bytes

            scenario = load_scenario_bytes(raw, shown, check_images=False)
    except ScenarioError as error:
        diagnostics = error.diagnostics[:3]

        def problems(language: str) -> str:
            return "; ".join(d.render(language).splitlines()[0] for d in diagnostics)

        raise SessionError("scenario_invalid", path, Detail("scenario_problems", problems=problems)) from None
    try:
        state = new_game(scenario, setup, seed)
    except IllegalCommand as error:
        raise SessionError("corrupt", path, Detail("start_refused", reason=error.describe)) from None
    commands, times, steps = [], [], [(state.phase, state.round)]
    for entry in contents.entries:
        try:
            command = command_from_json(entry["command"])
            state, _ = apply(scenario, state, command)
        except IllegalCommand as error:
            raise SessionError("corrupt", path, Detail("command_refused", number=entry["n"], reason=error.describe)) from None
        commands.append(command)
        times.append(entry.get("t", 0.0))
        steps.append((state.phase, state.round))
    return Replay(path, header, scenario, state, commands, times, contents.whole_size, contents.chain,
                  contents.unterminated, steps)


class Session:
    """A game being played and recorded. Only one program at a time may hold a session.

    >>> session = Session.create(path_to_yaml, setup, seed=5)
    >>> session.apply(Advance())        # on disk (fsynced) before it returns
    >>> session.close()
    >>> Session.resume(session.path).state == session.state
    True
    """

    def __init__(self, path: Path, fd: int, replay: Replay):
        self.path = path
        self._fd: Optional[int] = fd
        self.header = replay.header
        self.scenario: Scenario = replay.scenario
        self.state: GameState = replay.state
        self.commands: list[Command] = replay.commands
        self.times: list[float] = replay.times
        self._size = replay.whole_size
        self._chain = replay.chain   # new lines continue the file's chain (none for an older file)
        self._broken: Optional[SessionError] = None

    @property
    def seed(self) -> int:
        return self.state.seed

    @classmethod
    def create(cls, scenario_path: Path | str, setup: Setup, seed: int,
               folder: Optional[Path] = None) -> "Session":
        """A new session of the scenario file (its text is copied into the session)."""
        scenario_path = Path(scenario_path)
        try:
            data = scenario_path.read_bytes()
        except OSError as error:
            raise SessionError("unreadable", scenario_path, error.strerror or str(error)) from None
        # An absolute path, so that the scenario's images are found whatever folder the game resumes from.
        return cls.create_from_bytes(data, str(scenario_path.resolve()), setup, seed, folder)

    @classmethod
    def create_from_bytes(cls, data: bytes, scenario_path: str, setup: Setup, seed: int,
                          folder: Optional[Path] = None) -> "Session":
        from secrets import token_hex     # only here: `coop report` and the title never create a session

        from game.content.loader import load_scenario_bytes

        scenario = load_scenario_bytes(data, scenario_path)   # ScenarioError for a bad file
        new_game(scenario, setup, seed)                        # IllegalCommand for a bad setup
        folder = Path(folder) if folder is not None else paths.sessions_dir()
        header = {
            "kind": journal.KIND,
            "format": journal.FORMAT,
            "program": game.__version__,
            "created": _now(),
            journal.CHECKSUMS: 1,   # every line ends with its chained checksum (game.session.journal)
            "seed": seed,
            "setup": setup.to_json(),
            # The secret behind the phones' team links (game.phones.links): the same links after a resume.
            "phones_key": token_hex(32),
            "scenario": {
                "id": scenario.id,
                "path": scenario_path,
                "sha256": sha256_hex(data),
                "text": data.decode("utf-8", "surrogateescape"),
            },
        }
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime())
        path = folder / f"{stamp}-{scenario.id}-{token_hex(3)}{SUFFIX}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            journal.write_atomically(path, journal.encode_line(header, chain=0), scratch=folder.parent)
        except OSError as error:
            raise SessionError("unwritable_folder", folder, error.strerror or str(error)) from None
        return cls.resume(path)

    @classmethod
    def resume(cls, path: Path | str) -> "Session":
        """Open a session for writing: lock it, replay it; a cut-short last write is cut off."""
        # Here, not at the top: reading a session (a report, the list) never locks it, nor loads fcntl.
        from game.session.lock import try_lock, unlock

        path = Path(path)
        fd = journal.open_regular(path, writable=True)
        try:
            if not try_lock(fd):
                raise SessionError("locked", path)
            data = journal.read_bounded(fd, path)
            replay = replay_file(path, data)
            if replay.unterminated is not None:
                # Never cut off a confirmed command that only lost its line feed: say so, change nothing.
                raise SessionError("corrupt", path, Detail("last_line_no_newline", line=replay.unterminated))
            if replay.whole_size < len(data):
                # Only bytes of a write that never completed (so never confirmed) are dropped.
                os.ftruncate(fd, replay.whole_size)
                os.fsync(fd)
            os.lseek(fd, replay.whole_size, os.SEEK_SET)
        except BaseException as error:
            unlock(fd)
            os.close(fd)
            if isinstance(error, OSError):
                raise SessionError("unreadable", path, error.strerror or str(error)) from None
            raise
        return cls(path, fd, replay)

    def apply(self, command: Command):
        """Check the command with the rules, write it to disk (fsync), then move the state on."""
        if self._fd is None:
            raise SessionError("closed", self.path)
        if self._broken is not None:
            raise self._broken
        state, happened = apply(self.scenario, self.state, command)
        if state == self.state:
            # Nothing changed (the posture already chosen, chosen again after a resume): nothing to journal.
            return happened
        moment = _now()
        line = journal.encode_line({"n": len(self.commands) + 1, "t": moment, "command": command_to_json(command)},
                                   self._chain)
        try:
            journal.write_all(self._fd, line)
            os.fsync(self._fd)
        except OSError as error:
            failure = SessionError("write_failed", self.path, error.strerror or str(error))
            try:
                os.ftruncate(self._fd, self._size)
                os.lseek(self._fd, self._size, os.SEEK_SET)
            except OSError:
                self._broken = failure   # the file may now end with a cut line: never append after it
            raise failure from None
        self._size += len(line)
        if self._chain is not None:
            self._chain = journal.checksum_of(line[:-1])
        self.commands.append(command)
        self.times.append(moment)
        self.state = state
        return happened

    def close(self) -> None:
        if self._fd is not None:
            from game.session.lock import unlock

            unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


@record
class SessionInfo:
    path: Path
    modified: float
    replay: Optional[Replay]            # None when the file could not be read
    error: Optional[SessionError]

    @property
    def finished(self) -> bool:
        return self.replay is not None and self.replay.state.finished


def list_sessions(folder: Optional[Path] = None) -> list[SessionInfo]:
    """Every session of the folder, most recently written first; unreadable ones carry their error."""
    folder = Path(folder) if folder is not None else paths.sessions_dir()
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith(".")]
    except OSError:
        return []
    infos = []
    for path in candidates:
        try:
            modified = path.lstat().st_mtime
        except OSError:
            continue
        infos.append((modified, path))
    result = []
    for modified, path in sorted(infos, key=lambda item: (item[0], item[1].name), reverse=True):
        if path.is_symlink():  # never followed out of the data folder
            result.append(SessionInfo(path, modified, None, SessionError("link_refused", path)))
            continue
        try:
            result.append(SessionInfo(path, modified, replay_file(path), None))
        except SessionError as error:
            result.append(SessionInfo(path, modified, None, error))
    return result


def latest_unfinished(folder: Optional[Path] = None) -> Optional[Path]:
    """The most recently written session that has not reached its end and can be resumed, or None."""
    folder = Path(folder) if folder is not None else paths.sessions_dir()
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith(".")]
    except OSError:
        return None
    dated = []
    for path in candidates:
        try:
            status = path.lstat()
        except OSError:
            continue
        if stat.S_ISREG(status.st_mode):  # a link, a pipe or a device named like a session is never resumed
            dated.append((status.st_mtime, path.name, path))
    index = FinishedIndex()
    try:
        for _, _, path in sorted(dated, reverse=True):
            try:
                if index.finished(path):
                    continue    # cheap: most sessions in the folder are finished workshops
                if not replay_file(path).state.finished:
                    return path
            except (SessionError, OSError):
                continue
        return None
    finally:
        index.save()
