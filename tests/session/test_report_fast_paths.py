"""The report's fast paths change no byte: every report of every recorded session (the autoplayed ones
included), in every text format, language and audience, is the same from the memo (no replay), from a
replay with the engine's quick updates, and from the old path (no memo, every state update rebuilt through
its record's constructor)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine import rules
from game.record import as_dict
from game.session import report as report_module
from game.session import report_memo
from game.session import session as session_module
from game.session.errors import SessionError
from game.session.report import render, report_of

DATA = Path(__file__).resolve().parent / "data"
SESSIONS = sorted(DATA.glob("*.coop.jsonl"))
ROOT = DATA.parent.parent.parent


def reports(path: Path) -> dict:
    out = {}
    for report_format in ("md", "html", "json"):
        for language in (None, "en"):
            for notes in (True, False):
                out[report_format, language, notes] = render(path, report_format, language, notes=notes)
    return out


def count_replays(monkeypatch) -> list:
    calls = []
    original = session_module.replay_file

    def counted(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(session_module, "replay_file", counted)
    return calls


@pytest.fixture
def home(monkeypatch, tmp_path):
    monkeypatch.setenv("COOP_HOME", str(tmp_path))      # the plain copies and the memos are made here
    return tmp_path


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.name.split(".")[0])
def test_reports_are_byte_for_byte_those_of_the_old_path(path, monkeypatch, home):
    replays = count_replays(monkeypatch)
    built = reports(path)                   # the first one replays and keeps the data
    assert len(replays) == 1
    from_memo = reports(path)
    assert len(replays) == 1 and from_memo == built
    with monkeypatch.context() as old:
        old.setattr(rules, "evolve", lambda r, **c: type(r)(**{**as_dict(r), **c}))   # through __init__
        old.setattr(report_memo, "recall", lambda *args: None)
        assert reports(path) == built
    assert len(replays) == 1 + 12
    assert any("autoplay" in p.name for p in SESSIONS)


def test_the_memo_is_for_these_bytes_this_code_and_this_zone_only(monkeypatch, home):
    path = home / "s.coop.jsonl"
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", path)
    replays = count_replays(monkeypatch)
    first = render(path, "md")
    render(path, "md")
    assert len(replays) == 1
    with open(path, "ab") as stream:        # the file changed (a cut write after the end: same report)
        stream.write(b'{"n":')
    assert render(path, "md") == first and len(replays) == 2
    key = report_memo.code_and_zone_key()
    monkeypatch.setattr(report_memo, "code_and_zone_key", lambda: key + "another program")
    render(path, "md")
    assert len(replays) == 3
    monkeypatch.undo()


def test_the_key_follows_the_code_and_the_zone(monkeypatch, tmp_path):
    import game

    key = report_memo.code_and_zone_key()
    assert report_memo.code_and_zone_key() == key
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        assert report_memo.code_and_zone_key() != key
    finally:
        monkeypatch.undo()
        time.tzset()
    package = tmp_path / "game"
    shutil.copytree(Path(game.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(game, "__file__", str(package / "__init__.py"))
    copied = report_memo.code_and_zone_key()
    rules_file = package / "engine" / "rules.py"
    rules_file.write_text(rules_file.read_text() + "\n# changed\n")
    assert report_memo.code_and_zone_key() != copied


def test_a_damaged_session_gets_no_memo(home):
    path = home / "s.coop.jsonl"
    text = (DATA / "tilleuls-finished.coop.jsonl").read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(text[:3] + [b"not json\n"] + text[4:]))
    with pytest.raises(SessionError):
        render(path, "md")
    assert not (home / "cache" / "reports").exists() or not any((home / "cache" / "reports").iterdir())


def test_a_report_from_its_memo_loads_no_engine_state(home):
    path = home / "s.coop.jsonl"
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", path)
    report_of(path)
    probe = ("import sys; from game.cli import main; code = main(sys.argv[1:]); "
             "print(sorted(m for m in sys.modules if m.startswith('game.engine.') or m in ('dataclasses', 'pydantic')))")
    done = subprocess.run([sys.executable, "-c", probe, "report", str(path), "--format", "html", "-o", str(home / "r.html")],
                          env=dict(os.environ, COOP_HOME=str(home)), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "['game.engine.conditions']"
    assert (home / "r.html").read_text(encoding="utf-8") == report_module.render(path, "html")


def test_a_first_report_compiles_no_code_of_its_own(home):
    """A replayed report (no memo) calls builtins.compile for nothing but a module whose cached bytecode is
    missing: the first compile of a process costs 1 ms (the ast module's types are built to check whether
    it was given a tree), which records avoid by exec-ing their __init__'s text."""
    path = home / "s.coop.jsonl"
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", path)
    report_of(path)   # its scenario validated once and its plain copy kept (pydantic compiles plenty)
    probe = ("import builtins, sys; compiled = []; original = builtins.compile\n"
             "def counted(source, filename, *rest, **named):\n"
             "    if not str(filename).endswith('.py'): compiled.append(str(filename))\n"
             "    return original(source, filename, *rest, **named)\n"
             "builtins.compile = counted\n"
             "from game.cli import main; code = main(sys.argv[1:]); print(code, compiled)")
    for report_format in ("html", "md", "json"):
        shutil.rmtree(home / "cache" / "reports", ignore_errors=True)
        done = subprocess.run([sys.executable, "-c", probe, "report", str(path), "--format", report_format,
                               "-o", str(home / f"r.{report_format}")],
                              env=dict(os.environ, COOP_HOME=str(home)), cwd=ROOT, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split("\n")[-2] == "0 []", report_format


@pytest.mark.parametrize("how", ["discard", "archive"])
def test_a_deleted_or_archived_session_leaves_no_report_data_behind(how, home):
    """The memo holds the facilitator's notes: deleting a session (or archiving it) takes its memo too."""
    from game.session import catalogue

    folder = home / "sessions"
    folder.mkdir()
    path = folder / "s.coop.jsonl"
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", path)
    render(path, "md")
    memos = home / "cache" / "reports"
    assert len(list(memos.iterdir())) == 1
    getattr(catalogue, how)(path)
    assert list(memos.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_memo_is_readable_by_its_owner_only(home):
    """It holds the facilitator's notes: never more readable than that, whatever the session file's mode."""
    import stat

    path = home / "s.coop.jsonl"
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", path)
    os.chmod(path, 0o644)
    old = os.umask(0o022)
    try:
        render(path, "md")
    finally:
        os.umask(old)
    (memo,) = (home / "cache" / "reports").iterdir()
    assert stat.S_IMODE(memo.stat().st_mode) == 0o600
    assert "note" in memo.read_text(encoding="utf-8")      # it does hold the notes


def test_a_full_disk_or_a_damaged_memo_changes_no_report(home, monkeypatch):
    path = home / "s.coop.jsonl"
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", path)
    first = render(path, "md")
    (memo,) = (home / "cache" / "reports").iterdir()
    for damaged in (b"", b"{", b"[" * 100_000, b'{"key": 1}', memo.read_bytes()[:-40]):
        memo.write_bytes(damaged)
        assert render(path, "md") == first
    memo.unlink()
    real_open = os.fdopen

    class Full:
        def __init__(self, fd, mode):
            self.stream = real_open(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            self.stream.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    with monkeypatch.context() as full:
        full.setattr(os, "fdopen", Full)
        assert render(path, "md") == first                 # the report still comes, from a replay
    assert not any((home / "cache" / "reports").iterdir())  # nothing half written is left


def test_the_memo_names_the_file_as_given_this_time(home, monkeypatch):
    folder = home / "here"
    folder.mkdir()
    shutil.copy(DATA / "tilleuls-finished.coop.jsonl", folder / "s.coop.jsonl")
    monkeypatch.chdir(folder)
    import json

    relative = json.loads(render(Path("s.coop.jsonl"), "json"))
    absolute = json.loads(render(folder / "s.coop.jsonl", "json"))     # from the memo of the relative one
    assert relative["session"]["path"] == "s.coop.jsonl"
    assert absolute["session"]["path"] == str(folder / "s.coop.jsonl")
    with monkeypatch.context() as old:
        old.setattr(report_memo, "recall", lambda *args: None)
        assert json.loads(render(folder / "s.coop.jsonl", "json")) == absolute


def test_a_file_name_in_another_encoding_gets_its_memo(home, monkeypatch):
    name = os.fsdecode(b"caf\xe9.coop.jsonl")
    try:
        shutil.copy(DATA / "tilleuls-finished.coop.jsonl", home / name)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    replays = count_replays(monkeypatch)
    first = render(home / name, "json")
    assert render(home / name, "json") == first and len(replays) == 1


def test_after_a_workshop_a_background_process_keeps_the_memo_the_first_report_reads(monkeypatch, home, tmp_path):
    from game.session import journal
    from game.session.report import keep_memo_later

    path = home / "s.coop.jsonl"
    shutil.copyfile(DATA / "tilleuls-finished.coop.jsonl", path)
    monkeypatch.chdir(tmp_path)                                     # the child finds `game` wherever it runs
    process = keep_memo_later(path)
    assert process is not None and process.wait(timeout=120) == 0
    data = journal.read_bytes(path)
    kept = report_memo.recall(path, data, report_memo.code_and_zone_key())
    assert kept is not None and kept == report_of(path, memo=False)[0]
    replays = count_replays(monkeypatch)
    render(path, "html")
    assert replays == []                                            # the first report read the memo


def test_a_background_memo_that_cannot_start_is_silent(monkeypatch, home):
    from game.session.report import keep_memo_later

    monkeypatch.setattr(sys, "executable", str(home / "no-python-here"))
    assert keep_memo_later(home / "s.coop.jsonl") is None
