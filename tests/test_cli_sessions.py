"""Issue 13, item 7: `coop sessions` lists the sessions newest first; `coop report latest|ID|PATH`; an unknown
session says where sessions live; usage errors in the user's language (French by default, --lang en)."""

import os
from pathlib import Path

import pytest

from game.cli import main
from game.engine import Setup, bot_next
from game.session import Session

FIVE = Path(__file__).resolve().parent / "sim" / "data" / "five_characters.yaml"


def _session(teams, finish, moment):
    session = Session.create(FIVE, Setup(("elue", "bailleur"), teams, 1), 4)
    while (command := bot_next(session.scenario, session.state)) is not None:
        if not finish and session.state.phase == "verdict":
            break
        session.apply(command)
    session.close()
    os.utime(session.path, (moment, moment))
    return session.path


def test_sessions_are_listed_newest_first_with_title_teams_round_date_and_state(capsys, coop_home):
    old = _session({"elue": "Zoé", "bailleur": "Les Bleus"}, True, 1_700_000_000)
    new = _session({"elue": "Ali", "bailleur": "B"}, False, 1_800_000_000)
    assert main(["sessions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert str(coop_home / "sessions") in lines[0]
    ids = [line.split()[0] for line in lines[1:]]
    assert ids == [new.name.removesuffix(".coop.jsonl"), old.name.removesuffix(".coop.jsonl")]
    assert "Cinq acteurs" in lines[1] and "Ali" in lines[1] and "non terminée" in lines[1] and "tour 1/1" in lines[1]
    assert "Zoé" in lines[2] and "Les Bleus" in lines[2] and "terminée" in lines[2] and "2023-11-14" in lines[2]


def test_report_takes_latest_an_id_or_a_path(capsys):
    old = _session({"elue": "Zoé", "bailleur": "B"}, True, 1_700_000_000)
    new = _session({"elue": "Ali", "bailleur": "B"}, True, 1_800_000_000)
    assert main(["report", "latest"]) == 0
    assert "Ali" in capsys.readouterr().out
    assert main(["report", old.name.removesuffix(".coop.jsonl")]) == 0
    assert "Zoé" in capsys.readouterr().out
    assert main(["report", str(new)]) == 0
    assert "Ali" in capsys.readouterr().out


def test_an_unknown_session_says_where_sessions_live(capsys, coop_home):
    assert main(["report", "nope", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert str(coop_home / "sessions") in err and "coop sessions" in err
    assert main(["report", "latest"]) == 1
    assert str(coop_home / "sessions") in capsys.readouterr().err


@pytest.mark.parametrize("argv, french, english", [
    (["play", "--size", "12"], "erreur : argument --size : attendu LARGEURxHAUTEUR", "error: argument --size: expected"),
    (["frob"], "choix invalide", "invalid choice"),
    (["validate"], "arguments obligatoires manquants", "the following arguments are required"),
    (["simulate", "x.yaml"], "--games N et --seed S sont obligatoires", "--games N and --seed S are required"),
])
def test_usage_errors_speak_the_users_language(capsys, argv, french, english):
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert french in err and "utilisation :" in err
    with pytest.raises(SystemExit):
        main(argv + ["--lang", "en"] if argv != ["frob"] else ["--lang", "en", "frob"])
    assert english in capsys.readouterr().err


def test_a_game_ended_early_is_listed_as_finished_after_its_last_round_played(capsys, coop_home):
    """The facilitator ended after round 1 of 2: the session is finished, not offered for resuming."""
    from game.engine import SetLastRound
    from game.session import latest_unfinished

    session = Session.create(FIVE, Setup(("elue", "bailleur"), {"elue": "Zoé", "bailleur": "B"}, 2), 4)
    session.apply(SetLastRound(1))
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
    assert session.state.finished and len(session.state.history) == 1
    session.close()
    assert latest_unfinished() is None
    assert main(["sessions"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert "terminée (fin anticipée après le tour 1)" in line and "non terminée" not in line
    assert main(["sessions", "--lang", "en"]) == 0
    assert "finished (ended early after round 1)" in capsys.readouterr().out
