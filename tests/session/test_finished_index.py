"""The title's look at the sessions folder reads only the journals written since its last look:
a finished journal that keeps its size and modification time is not read again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.session import journal
from game.session.listing import FinishedIndex, looks_finished

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def folder(tmp_path):
    where = tmp_path / "sessions"
    where.mkdir()
    for name in sorted(p.name for p in DATA.glob("*.coop.jsonl")):
        shutil.copy(DATA / name, where / name)
    return where


def no_reading(monkeypatch):
    read = []

    def refuse(path, *args, **kwargs):
        read.append(Path(path).name)
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(journal, "read", refuse)
    return read


def test_the_index_answers_as_the_journal_does(folder, tmp_path):
    index = FinishedIndex(tmp_path / "index.json")
    for path in sorted(folder.iterdir()):
        try:
            expected = looks_finished(journal.read(path))
        except Exception:  # noqa: BLE001 - a damaged file raises the same way through the index
            with pytest.raises(Exception):
                index.finished(path)
            continue
        assert index.finished(path) == expected, path.name
    assert any(index.known.values())


def test_a_finished_journal_seen_unchanged_is_not_read_again(folder, tmp_path, monkeypatch):
    finished = folder / "tilleuls-finished.coop.jsonl"
    first = FinishedIndex(tmp_path / "index.json")
    assert first.finished(finished)
    first.save()
    read = no_reading(monkeypatch)
    assert FinishedIndex(tmp_path / "index.json").finished(finished)
    assert read == []
    with open(finished, "ab") as stream:        # one more line (a note after the end): read again
        stream.write(b"\n")
    with pytest.raises(AssertionError):
        FinishedIndex(tmp_path / "index.json").finished(finished)
    assert read == [finished.name]


def test_unfinished_damaged_and_foreign_indexes_are_never_trusted(folder, tmp_path):
    where = tmp_path / "index.json"
    index = FinishedIndex(where)
    assert not index.finished(folder / "tilleuls-midchoices.coop.jsonl")
    index.save()
    assert not where.exists() or str(folder / "tilleuls-midchoices.coop.jsonl") not in json.loads(where.read_text())["finished"]
    # An index written by another version, or edited, is ignored.
    finished = folder / "tilleuls-finished.coop.jsonl"
    status = finished.stat()
    where.write_text(json.dumps({"program": "0.0.0/0", "finished": {str(finished): [status.st_size, status.st_mtime_ns]}}))
    assert FinishedIndex(where).known == {}
    where.write_text("{not json")
    assert FinishedIndex(where).known == {}
    for damaged in ("[" * 100_000 + "]" * 100_000, '{"program": ' * 50_000, "[]", '{"program": 1}'):
        where.write_text(damaged)
        assert FinishedIndex(where).known == {}
        assert FinishedIndex(where).finished(finished)      # read again, still answered


def test_deleted_sessions_leave_the_index(folder, tmp_path):
    index = FinishedIndex(tmp_path / "index.json")
    finished = folder / "tilleuls-finished.coop.jsonl"
    assert index.finished(finished)
    finished.unlink()
    index.forget_missing(folder, {p.name for p in folder.iterdir()})
    assert str(finished) not in index.known


def test_the_title_reads_no_journal_the_second_time(folder, tmp_path, monkeypatch):
    from game.ui.scenes.title import any_unfinished_journal

    for path in list(folder.iterdir()):
        if path.name != "tilleuls-finished.coop.jsonl" and path.name != "place-finished-end-note.coop.jsonl":
            path.unlink()
    monkeypatch.setenv("COOP_HOME", str(tmp_path))
    assert any_unfinished_journal() is False
    read = no_reading(monkeypatch)
    assert any_unfinished_journal() is False
    assert read == []
    shutil.copy(DATA / "tilleuls-midchoices.coop.jsonl", folder / "tilleuls-midchoices.coop.jsonl")
    monkeypatch.undo()
    monkeypatch.setenv("COOP_HOME", str(tmp_path))
    assert any_unfinished_journal() is True


def test_a_file_name_in_another_encoding_is_remembered(folder, tmp_path):
    """A session copied from a stick with a Latin-1 name ("café" as one byte): its name holds a surrogate
    that UTF-8 cannot write; the index keeps it all the same (it crashed the title screen)."""
    import os

    name = os.fsdecode(b"caf\xe9.coop.jsonl")
    try:
        shutil.copy(folder / "tilleuls-finished.coop.jsonl", folder / name)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    where = tmp_path / "index.json"
    index = FinishedIndex(where)
    assert index.finished(folder / name)
    index.save()
    assert not index.changed and FinishedIndex(where).known == index.known


def test_a_finished_workshop_deleted_by_hand_leaves_no_report_data(folder, tmp_path, monkeypatch):
    """The memo of a report holds the facilitator's notes: the title's next look drops it with the file."""
    from game.session.report import render
    from game.ui.scenes.title import any_unfinished_journal

    for path in list(folder.iterdir()):
        if path.name != "tilleuls-finished.coop.jsonl":
            path.unlink()
    monkeypatch.setenv("COOP_HOME", str(tmp_path))
    finished = folder / "tilleuls-finished.coop.jsonl"
    render(finished, "md")
    memos = tmp_path / "cache" / "reports"
    assert len(list(memos.iterdir())) == 1
    assert any_unfinished_journal() is False
    assert len(list(memos.iterdir())) == 1          # still there while the session is
    finished.unlink()                               # deleted outside the program, the last session there
    assert any_unfinished_journal() is False
    assert list(memos.iterdir()) == []
    assert any_unfinished_journal() is False        # and again, with an index of nothing
