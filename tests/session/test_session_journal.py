"""Sessions on disk: journal first, resume by replay, cut writes, corrupt, foreign and newer files, locks."""

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from game.engine import AddNote, Advance, ChoosePosture, IllegalCommand, Setup, bot_next
from game.session import Session, SessionError, journal, latest_unfinished, list_sessions, replay_file

SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"
SETUP = Setup(("elue", "bailleur", "habitante"), {"elue": "A", "bailleur": "B", "habitante": "C"}, 3)


def play(session, steps):
    for _ in range(steps):
        command = bot_next(session.scenario, session.state)
        if command is None:
            return
        session.apply(command)


@pytest.fixture
def session():
    opened = Session.create(SMALL, SETUP, seed=5)
    yield opened
    opened.close()


def test_a_session_lives_in_the_sessions_folder_of_coop_home(session, coop_home):
    assert session.path.parent == coop_home / "sessions"
    assert os.listdir(coop_home / "sessions") == [session.path.name]


def test_each_applied_command_is_on_disk_before_apply_returns(session):
    play(session, 7)
    on_disk = replay_file(session.path)
    assert on_disk.commands == session.commands
    assert on_disk.state == session.state


def test_a_refused_command_is_not_written(session):
    size = session.path.stat().st_size
    with pytest.raises(IllegalCommand):
        session.apply(ChoosePosture("elue", "imposer"))
    assert session.path.stat().st_size == size


def test_resume_lands_exactly_where_the_game_was(session):
    play(session, 23)
    state = session.state
    session.close()
    with Session.resume(session.path) as resumed:
        assert resumed.state == state
        play(resumed, 1000)
        assert resumed.state.finished


def test_editing_or_deleting_the_scenario_file_changes_nothing(tmp_path):
    copy = tmp_path / "s.yaml"
    copy.write_bytes(SMALL.read_bytes())
    with Session.create(copy, SETUP, 5) as first:
        play(first, 10)
        state = first.state
    copy.write_text("not a scenario any more", encoding="utf-8")
    with Session.resume(first.path) as resumed:
        assert resumed.state == state
    copy.unlink()
    assert replay_file(first.path).state == state


def test_a_second_program_cannot_open_a_session_in_use(session):
    with pytest.raises(SessionError) as refused:
        Session.resume(session.path)
    assert refused.value.code == "locked"
    session.close()
    Session.resume(session.path).close()


def test_a_lock_left_by_a_killed_program_does_not_block_resume(session):
    session.close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from game.session import Session; s = Session.resume(sys.argv[1]);"
         "print('held', flush=True); time.sleep(60)", str(session.path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SessionError):
            Session.resume(session.path)
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
    Session.resume(session.path).close()


def test_a_write_cut_short_is_ignored_and_cut_off_on_resume(session):
    play(session, 5)
    state = session.state
    session.close()
    whole = session.path.read_bytes()
    with open(session.path, "ab") as handle:
        handle.write(b'{"n":6,"t":1.0,"command":{"type":"Adv')
    assert replay_file(session.path).state == state
    with Session.resume(session.path) as resumed:
        assert session.path.read_bytes() == whole
        resumed.apply(AddNote("après la coupure"))
    assert len(replay_file(session.path).commands) == 6


def test_a_journal_cut_at_every_byte_keeps_a_whole_prefix_of_commands(session):
    play(session, 40)
    session.close()
    data = session.path.read_bytes()
    full = journal.parse(data, session.path).entries
    header_end = data.index(b"\n") + 1
    for offset in range(header_end, len(data) + 1):
        entries = journal.parse(data[:offset], session.path).entries
        assert entries == full[:len(entries)]
        assert len(entries) == data[:offset].count(b"\n") - 1
    for offset in range(0, header_end, 97):
        with pytest.raises(SessionError):
            journal.parse(data[:offset], session.path)


@settings(max_examples=25, deadline=None)
@given(st.floats(0, 1))
def test_a_session_cut_anywhere_in_its_journal_replays_to_the_state_after_its_last_whole_command(fraction):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        with Session.create(SMALL, SETUP, 9, folder=Path(folder) / "sessions") as recorded:
            states = [recorded.state]
            for _ in range(30):
                recorded.apply(bot_next(recorded.scenario, recorded.state))
                states.append(recorded.state)
        data = recorded.path.read_bytes()
        header_end = data.index(b"\n") + 1
        offset = header_end + int(fraction * (len(data) - header_end))
        recorded.path.write_bytes(data[:offset])
        replay = replay_file(recorded.path)
        assert replay.state == states[len(replay.commands)]


def test_a_damaged_line_in_the_middle_is_reported_and_the_file_left_untouched(session):
    play(session, 6)
    session.close()
    lines = session.path.read_bytes().split(b"\n")
    lines[3] = lines[3][:10] + b"#" + lines[3][11:]
    damaged = b"\n".join(lines)
    session.path.write_bytes(damaged)
    with pytest.raises(SessionError) as refused:
        Session.resume(session.path)
    assert refused.value.code == "corrupt"
    assert session.path.read_bytes() == damaged


def test_a_command_the_rules_refuse_on_replay_makes_the_session_corrupt(session):
    session.apply(Advance())
    session.close()
    with open(session.path, "ab") as handle:
        handle.write(journal.encode_line({"n": 2, "t": 0, "command": {"type": "SkipVerdicts"}}))
    with pytest.raises(SessionError) as refused:
        replay_file(session.path)
    assert refused.value.code == "corrupt"


def test_a_foreign_file_is_reported_and_left_untouched(coop_home):
    path = coop_home / "notes.coop.jsonl"
    coop_home.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"Liste de courses\n")
    with pytest.raises(SessionError) as refused:
        Session.resume(path)
    assert refused.value.code == "foreign"
    assert "pas une session" in refused.value.message("fr")
    assert path.read_bytes() == b"Liste de courses\n"


def test_a_session_from_a_newer_format_is_refused_untouched(session):
    play(session, 3)
    session.close()
    lines = session.path.read_bytes().split(b"\n", 1)
    header = json.loads(lines[0])
    header["format"] = 2
    newer = json.dumps(header).encode() + b"\n" + lines[1]
    session.path.write_bytes(newer)
    with pytest.raises(SessionError) as refused:
        Session.resume(session.path)
    assert refused.value.code == "newer_format"
    assert session.path.read_bytes() == newer


def test_a_full_disk_raises_a_clear_error_and_loses_nothing_confirmed(session, monkeypatch):
    play(session, 4)
    state, size = session.state, session.path.stat().st_size

    def disk_full(fd, data):
        os.write(fd, data[:5])   # part of the line reaches the disk, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal, "write_all", disk_full)
    with pytest.raises(SessionError) as refused:
        session.apply(bot_next(session.scenario, session.state))
    assert refused.value.code == "write_failed"
    assert session.state == state and session.path.stat().st_size == size
    monkeypatch.undo()
    session.apply(bot_next(session.scenario, session.state))
    assert replay_file(session.path).state == session.state


def test_an_unwritable_sessions_folder_raises_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SessionError) as refused:
        Session.create(SMALL, SETUP, 1, folder=blocker / "sessions")
    assert refused.value.code == "unwritable_folder"


def test_latest_unfinished_skips_finished_and_damaged_sessions(coop_home):
    assert latest_unfinished() is None
    with Session.create(SMALL, SETUP, 1) as older:
        play(older, 5)
    time.sleep(0.02)
    with Session.create(SMALL, SETUP, 2) as finished:
        play(finished, 1000)
    damaged = coop_home / "sessions" / "zz.coop.jsonl"
    damaged.write_bytes(b"garbage\n")
    assert latest_unfinished() == older.path
    listed = list_sessions()
    assert {info.path for info in listed} == {older.path, finished.path, damaged}
    assert [info.finished for info in listed if info.error is None] == [True, False]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32), st.booleans(), st.integers(1, 3), st.integers(0, 200), st.sampled_from(("auto", "facilitator")),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 3)), max_size=3))
def test_the_quick_finished_check_agrees_with_the_replay(seed, verdicts, rounds, steps, reveal, last_rounds):
    """Also when the facilitator ended early (SetLastRound at some step, maybe taken back later)."""
    import tempfile

    from game.engine import SetLastRound
    from game.session.session import looks_finished

    setup = Setup(SETUP.characters, SETUP.teams, rounds, verdicts=verdicts, reveal=reveal)
    decisions = dict(last_rounds)
    with tempfile.TemporaryDirectory() as folder:
        with Session.create(SMALL, setup, seed, folder=Path(folder)) as recorded:
            for step in range(steps):
                if step in decisions:
                    try:
                        recorded.apply(SetLastRound(decisions[step]))
                    except IllegalCommand:
                        pass                     # refused: never written
                command = bot_next(recorded.scenario, recorded.state)
                if command is None:
                    break
                recorded.apply(command)
            assert looks_finished(journal.read(recorded.path)) == recorded.state.finished


def test_a_session_resumes_when_the_scenario_folder_and_its_images_are_gone(tmp_path):
    import shutil
    import struct
    import zlib

    def tiny_png():
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        pixels = zlib.compress(b"\x00\xff\x00\x00" * 1)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))

    folder = tmp_path / "scenario"
    folder.mkdir()
    (folder / "elue.png").write_bytes(tiny_png())
    text = SMALL.read_text(encoding="utf-8").replace(
        "resources: {temps: 1}}", "resources: {temps: 1}, image: elue.png}")
    (folder / "s.yaml").write_text(text, encoding="utf-8")
    with Session.create(folder / "s.yaml", SETUP, 3) as first:
        play(first, 12)
        state = first.state
    shutil.rmtree(folder)
    with Session.resume(first.path) as resumed:
        assert resumed.state == state
        assert resumed.scenario.character("elue").image == "elue.png"
