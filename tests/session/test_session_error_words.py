"""A damaged session is explained in the interface's language, details included (only technical bits stay as found)."""

import json
from pathlib import Path

import pytest

from game.engine import Advance, IllegalCommand, Setup, apply, command_from_json
from game.session import Session, SessionError, journal, replay_file

SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"
SETUP = Setup(("elue", "bailleur", "habitante"), {"elue": "A", "bailleur": "B", "habitante": "C"}, 3)
ENGLISH_DETAILS = ("is not JSON", "bad header", "does not match", "command 2:", "is not command")


@pytest.fixture
def session_path():
    session = Session.create(SMALL, SETUP, seed=5)
    session.apply(Advance())
    session.close()
    # These tests edit lines by hand: the file is rewritten as one of before checksums (still read as it
    # is), so each edit reaches the check it is about instead of the checksum (tests/session/test_journal_integrity.py).
    lines = [json.loads(line) for line in session.path.read_bytes().splitlines()]
    for record in lines:
        record.pop("c", None)
        record.pop("checksums", None)
    session.path.write_bytes(b"".join(journal.encode_line(record) for record in lines))
    return session.path


def refusal(path):
    with pytest.raises(SessionError) as refused:
        replay_file(path)
    return refused.value


def test_a_command_refused_on_replay_is_described_in_french_and_in_english(session_path):
    replay = replay_file(session_path)
    wrong = {"type": "SkipVerdicts"}
    with pytest.raises(IllegalCommand) as engine_refusal:
        apply(replay.scenario, replay.state, command_from_json(wrong))
    with open(session_path, "ab") as handle:
        handle.write(journal.encode_line({"n": 2, "t": 0, "command": wrong}))
    error = refusal(session_path)
    assert error.code == "corrupt"
    assert engine_refusal.value.describe("fr").rstrip(".") + ")" in error.message("fr")
    assert engine_refusal.value.message not in error.message("fr")
    assert "n° 2" in error.message("fr")
    assert engine_refusal.value.describe("en").rstrip(".") + ")" in error.message("en")


def test_a_line_that_is_not_json_is_named_by_its_number_in_the_interface_language(session_path):
    session_path.write_bytes(session_path.read_bytes() + b"{pas du json\n")
    error = refusal(session_path)
    assert "la ligne 3 n'est pas du JSON" in error.message("fr")
    assert "line 3 is not JSON" in error.message("en")


def test_a_header_missing_a_field_says_so_in_french_and_keeps_the_field_name(session_path):
    first, rest = session_path.read_bytes().split(b"\n", 1)
    header = json.loads(first)
    del header["seed"]
    session_path.write_bytes(json.dumps(header).encode() + b"\n" + rest)
    french = refusal(session_path).message("fr")
    assert "en-tête illisible" in french and "'seed'" in french
    assert not any(words in french for words in ENGLISH_DETAILS)


def test_a_scenario_that_no_longer_matches_its_fingerprint_is_explained_in_french(session_path):
    first, rest = session_path.read_bytes().split(b"\n", 1)
    header = json.loads(first)
    header["scenario"]["sha256"] = "0" * 64
    session_path.write_bytes(json.dumps(header).encode() + b"\n" + rest)
    error = refusal(session_path)
    assert "empreinte" in error.message("fr") and "fingerprint" in error.message("en")
