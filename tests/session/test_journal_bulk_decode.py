"""Reading a journal decodes its lines at once (journal._decoded_lines) and falls back to one json.loads per
line whenever a line might read otherwise: the same commands, and the same error at the same line, as
reading every line with json.loads (the fallback, forced here as the reference)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from game.session import SessionError, journal

DATA = Path(__file__).resolve().parent / "data"
SESSIONS = sorted(DATA.rglob("*.coop.jsonl"))


def parsed(data: bytes, per_line: bool = False):
    """What journal.parse gives: its contents, or its error (code, detail key and parameters, words)."""
    original = journal._decoded_lines
    if per_line:
        journal._decoded_lines = lambda chunk, count: None
    try:
        return journal.parse(data, Path("s.coop.jsonl"))
    except SessionError as error:
        detail = error.detail
        return ("error", error.code, getattr(detail, "key", detail), getattr(detail, "params", None),
                error.message("en"), error.message("fr"))
    finally:
        journal._decoded_lines = original


def per_line(lines: list[bytes]):
    """Each line read by json.loads, or None when one does not parse."""
    try:
        return [json.loads(line) for line in lines]
    except ValueError:
        return None


@pytest.mark.parametrize("path", [*SESSIONS, None], ids=lambda p: "checksums" if p is None else p.name)
def test_the_recorded_sessions_read_the_same_at_once_as_line_by_line(path, checked):
    data = (path or checked).read_bytes()
    end = data.rfind(b"\n") + 1
    lines = data[:end].split(b"\n")[:-1]
    decoded = journal._decoded_lines(data[len(lines[0]) + 1:end], len(lines) - 1)
    assert decoded is not None and decoded == per_line(lines[1:])   # the fast way was taken, and agrees
    assert parsed(data) == parsed(data, per_line=True)


def _lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


UNCHECKED = DATA / "format1_before_checksums" / "finished.coop.jsonl"


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> Path:
    """A session file with checksums (the recorded ones were all written before them)."""
    import os

    from game.engine import AddNote, Setup, bot_next
    from game.session import Session

    before = os.environ.get("COOP_HOME")
    os.environ["COOP_HOME"] = str(tmp_path_factory.mktemp("home"))
    try:
        scenario = DATA.parent.parent.parent / "scenarios" / "quartier_des_tilleuls.yaml"
        ids = ("elue", "bailleur", "amicale")
        session = Session.create(scenario, Setup(ids, {c: f"Les {c}" for c in ids}, 2), 7)
        while (command := bot_next(session.scenario, session.state)) is not None:
            session.apply(command)
            if session.state.phase == "debrief" and not session.state.current.notes:
                session.apply(AddNote("Une note."))
        session.close()
    finally:
        if before is None:
            os.environ.pop("COOP_HOME", None)
        else:
            os.environ["COOP_HOME"] = before
    assert b'"checksums":1' in session.path.read_bytes()[:200_000]
    return session.path


@pytest.mark.parametrize("kind", ["checksums", "before_checksums"])
@pytest.mark.parametrize("broken", [
    b"", b" ", b"{", b"}", b'{"n":1', b"[1,2]", b"1,2", b"null", b'"text"', b'{"n":1}{"n":2}',
    b'{"n":1} x', b"\x00{}", b"\xef\xbb\xbf{}", b"{\xff}", b'{"a":"\xed\xa0\x80"}', b'{"a":NaN}', b"[" * 100_000,
])
@pytest.mark.parametrize("where", [1, 3, -2])
def test_a_broken_line_is_reported_at_the_same_line_with_the_same_words(checked, kind, broken, where):
    lines = _lines_of(checked if kind == "checksums" else UNCHECKED)
    lines[where] = broken
    data = b"\n".join(lines)
    assert parsed(data) == parsed(data, per_line=True)


@pytest.mark.parametrize("per_line", [False, True])
def test_brackets_nested_thousands_deep_are_a_corrupt_line_or_a_foreign_file_not_a_recursion_error(per_line):
    deep = b"[" * 100_000 + b"]" * 100_000
    lines = _lines_of(UNCHECKED)
    lines[3] = b'{"n":3,"command":' + deep + b"}"
    assert parsed(b"\n".join(lines), per_line)[:4] == ("error", "corrupt", "line_not_json", {"line": 4})
    lines = _lines_of(UNCHECKED)
    lines[-1] = b'{"n":%d,"command":' % (len(lines) - 1) + deep + b"}"   # the last line, without its line feed
    assert isinstance(parsed(b"\n".join(lines), per_line), journal.JournalContents)   # a write cut short
    lines[0] = b'{"kind":"coop-session","x":' + deep + b"}"
    assert parsed(b"\n".join(lines), per_line)[:2] == ("error", "foreign")


@pytest.mark.parametrize("opened, closed", [(b"[[", b"]]}"), (b"[[0", b"0]]}"), (b'["', b'"]}')])
def test_lines_that_only_parse_together_are_still_refused_with_their_line(opened, closed):
    """A line holding two entries, then a value that runs over a line feed (a line "[", a line "]"): joined
    into one JSON array (with "," or "],[" between lines), the lines give entries 1, 2, 3... of the right
    count; each read alone, the first of them is reported."""
    lines = _lines_of(UNCHECKED)
    entries = [json.loads(line) for line in lines[1:4]]
    lines[1] = json.dumps(entries[0]).encode() + b"," + json.dumps(entries[1]).encode()
    lines[2] = b'{"n":3,"t":0,"command":' + opened
    lines[3] = closed
    data = b"\n".join(lines)
    result = parsed(data)
    assert result == parsed(data, per_line=True)
    assert result[:4] == ("error", "corrupt", "line_not_json", {"line": 2})


def test_a_line_with_a_carriage_return_or_spaces_after_its_value_reads_as_json_loads_reads_it():
    lines = _lines_of(UNCHECKED)
    lines[2] = lines[2] + b"\r"
    lines[3] = lines[3] + b" \t "
    data = b"\n".join(lines)
    result = parsed(data)
    assert isinstance(result, journal.JournalContents) and result == parsed(data, per_line=True)
    end = data.rfind(b"\n") + 1
    assert journal._decoded_lines(data[len(lines[0]) + 1:end], len(lines) - 2) is not None   # read at once


pieces = st.sampled_from([b"{", b"}", b"[", b"]", b",", b":", b'"', b'"n"', b"1", b" ", b"\r", b"\t", b"\x00",
                          b"\xc3\xa9", b"\xff", b"\xed\xa0\x80", b"null", b"NaN", b'{"n":1,"command":{}}', b"\\"])
line = st.one_of(st.lists(pieces, max_size=8).map(b"".join),
                 st.dictionaries(st.text(max_size=3), st.one_of(st.integers(), st.text(max_size=3)), max_size=3)
                 .map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "surrogatepass")))


@given(st.lists(line, min_size=1, max_size=6))
@settings(max_examples=400, deadline=None)
def test_any_lines_decode_at_once_as_json_loads_decodes_them_or_not_at_all(lines):
    chunk = b"".join(line + b"\n" for line in lines)
    if any(b"\n" in line for line in lines):
        return
    decoded = journal._decoded_lines(chunk, len(lines))
    if decoded is not None:
        assert decoded == per_line(lines)
    elif all(line.startswith(b"{") and b"\x00" not in line for line in lines) and per_line(lines) is not None:
        # Every line would parse and none needs json.loads's own reading: the fast way must not give up.
        try:
            chunk.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return
        pytest.fail(f"gave up on lines that parse: {lines!r}")


TRAILER = re.compile(rb',"c":"([0-9a-f]{8})"\}\Z')   # the trailer as the format page words it


def by_pattern(line: bytes):
    found = TRAILER.search(line)
    return int(found.group(1), 16) if found else None


trailer_pieces = st.sampled_from([b',"c":"', b'"}', b"}", b'"', b"0", b"9", b"a", b"f", b"A", b"g", b" ", b"\n",
                                  b"\r", b"_", b"+", b"-", b"12345678", b"deadbeef", b"DEADBEEF", b'{"n":1}'])


@given(st.lists(trailer_pieces, max_size=10).map(b"".join))
@settings(max_examples=600, deadline=None)
def test_the_trailer_is_read_as_its_pattern_reads_it(line):
    assert journal._trailer(line) == by_pattern(line)
    assert journal.checksum_of(line) == by_pattern(line)


@pytest.mark.parametrize("line", [b'{"n":1,"c":"0a1b2c3d"}', b'{"n":1,"c":"0A1B2C3D"}', b'{"n":1,"c":"0a1b2c3"}',
                                  b'{"n":1,"c":"0a1b2c3d"} ', b'{"n":1,"c":"0a1b2c3d"}\r', b',"c":"deadbeef"}',
                                  b'"c":"deadbeef"}', b'{"n":1,"c":" a1b2c3d"}', b'{"n":1,"c":"+a1b2c3d"}',
                                  b'{"n":1,"c":"a_1b2c3d"}', b'{"n":1,"c":"deadbeefx}', b'{"n":1,"c":"deadbeef"x',
                                  b'{"n":1,"c":"deadbeef"}}', b'{"n":1;"c":"deadbeef"}', b''])
def test_the_trailer_s_edges(line):
    assert journal._trailer(line) == by_pattern(line)
