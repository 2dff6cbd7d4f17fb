"""Class 5 of the hardening issue: special files named like sessions (named pipes, links to devices or to files
outside the data folder, folders, oversized files) never hang a listing, never eat memory, never make the
program write outside the data folder. hypothesis draws which special files the sessions folder holds."""

import os
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game import paths
from game.engine import Setup, bot_next
from game.session import Session
from game.session.errors import SessionError
from game.session.session import SUFFIX, latest_unfinished, list_sessions

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
KINDS = ["fifo", "dev_zero", "dev_null", "folder", "link_outside", "link_loop", "huge_sparse", "empty"]


def _unfinished_session() -> Path:
    session = Session.create(FIVE, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 2), 1)
    for _ in range(3):
        session.apply(bot_next(session.scenario, session.state))
    session.close()
    return session.path


def _make(kind: str, path: Path, outside: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        os.symlink("/dev/zero", path)
    elif kind == "dev_null":
        os.symlink("/dev/null", path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link_outside":
        os.symlink(outside, path)
    elif kind == "link_loop":
        os.symlink(path, path)
    elif kind == "huge_sparse":
        with open(path, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
    else:
        path.write_bytes(b"")


class _Hang(Exception):
    pass


def _within(seconds, function, *args):
    def ring(*_):
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        return function(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@given(st.lists(st.sampled_from(KINDS), min_size=1, max_size=5))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_special_files_named_like_sessions_never_hang_nor_eat_memory(tmp_path, kinds):
    import resource

    folder = paths.sessions_dir()
    for child in list(folder.iterdir()) if folder.exists() else []:
        if child.is_dir() and not child.is_symlink():
            child.rmdir()
        else:
            child.unlink()
    real = _unfinished_session()
    outside = tmp_path / f"outside{SUFFIX}"
    outside.write_bytes(real.read_bytes())
    for index, kind in enumerate(kinds):
        _make(kind, folder / f"zz{index}-{kind}{SUFFIX}", outside)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    infos = _within(20, list_sessions)
    assert {info.path for info in infos if info.replay is not None} == {real}
    assert _within(20, latest_unfinished) == real
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB: nothing read whole
    for info in infos:
        if info.path != real:
            assert info.error is not None and info.error.message("en")
            with pytest.raises(SessionError):
                _within(20, Session.resume, info.path)
    assert outside.read_bytes() == real.read_bytes()  # a link never made the program write outside
