"""Parses a large scenario file in a forked child while `coop validate` loads the model (POSIX; a shortcut only).

Loading pydantic and building the scenario model costs about as much as
parsing a 2 MiB file, and a workshop laptop has two cores or more: the child
reads and parses (it never loads pydantic) and sends the plain data back
through a pipe while the parent imports. The shortcut only ever says "valid":
whenever anything is off (no fork, a small file, a problem in the file, a
failed child) the caller checks the file the ordinary way, which is also the
only way diagnostics are produced.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any, Optional

from game.content.characters import texts_need_no_scan
from game.content.decoding import MAX_FILE_BYTES, decode
from game.content.parsing import ParseFailure, parse

# Below this size, parsing takes less time than forking saves.
BACKGROUND_MIN_BYTES = 256 * 1024


def parse_for_validation(path: Path) -> Optional[tuple[Any, bool]]:
    """The file's data and whether its texts need no character scan; None when it has a reading problem."""
    body, problem = decode(path.read_bytes())
    if problem is not None or body is None:   # decode gives the bytes exactly when there is no problem
        return None
    try:
        parsed = parse(body)
    except ParseFailure:
        return None
    if parsed.problems:
        return None
    return parsed.data, texts_need_no_scan(body)


class BackgroundParse:
    """A child process parsing one file; `result()` waits for its data (None: check the ordinary way)."""

    def __init__(self, pid: int, read_fd: int):
        self._pid = pid
        self._read_fd = read_fd

    @classmethod
    def start(cls, path: Path) -> Optional["BackgroundParse"]:
        """Forks a child parsing `path`, or returns None when that is not worth it or not possible."""
        if not hasattr(os, "fork"):
            return None
        try:
            size = path.stat().st_size
        except OSError:
            return None
        if not (path.is_file() and BACKGROUND_MIN_BYTES <= size <= MAX_FILE_BYTES):
            return None
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: parse, send, and leave without running the parent's exit handlers
            status = 1
            try:
                os.close(read_fd)
                blob = pickle.dumps(parse_for_validation(path), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_fd, "wb") as pipe:
                    pipe.write(blob)
                status = 0
            finally:
                os._exit(status)
        os.close(write_fd)
        return cls(pid, read_fd)

    def result(self) -> Optional[tuple[Any, bool]]:
        """What `parse_for_validation` gave in the child, or None when the child failed."""
        try:
            with os.fdopen(self._read_fd, "rb") as pipe:
                blob = pipe.read()
        finally:
            _, status = os.waitpid(self._pid, 0)
        if status != 0 or not blob:
            return None
        return pickle.loads(blob)  # written by our own child, through a pipe only it and we hold
