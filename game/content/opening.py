"""Opening a scenario file without ever waiting on it: a light module (os and stat only), for the screens
that open files before anything else (the title reads each bundled scenario's title line; the setup
hashes its file)."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO


class NotRegularFile(OSError):
    """A named pipe, a device or a socket given as a scenario file: refused before any read (a pipe
    with no writer would make the program wait for ever)."""


def open_scenario_file(path) -> BinaryIO:
    """A scenario file open for reading; IsADirectoryError for a folder, NotRegularFile for a pipe or a
    device (O_NONBLOCK: opening a pipe returns at once instead of waiting for a writer), OSError else."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
