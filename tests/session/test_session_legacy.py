"""Session files written before issue 8 (simultaneous choices, views) still resume, to the same states.

The files in data/ were written by the program as it was at commit 54940a9 (see data/make_sessions.py):
five by the engine's bot through Session.apply (notes, undone choices, replaced verdicts, verdicts off,
a note after the end), three by `coop play --autoplay` on the real screens. Beside each one, the state
that program reached, as GameState.to_json() printed it then.
"""

import json
import shutil
from pathlib import Path

import pytest

from game.engine import GameState, bot_next
from game.session import Session, replay_file

DATA = Path(__file__).parent / "data"
FILES = sorted(DATA.glob("*.coop.jsonl"))


def saved_state(path: Path) -> GameState:
    return GameState.from_json(json.loads(path.with_name(path.name.replace(".coop.jsonl", ".state.json")).read_text()))


def test_there_are_old_session_files_of_every_kind():
    names = {p.name for p in FILES}
    assert len(FILES) >= 8
    assert any("midchoices" in n for n in names) and any("finished" in n for n in names)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name.split(".")[0])
def test_an_old_session_replays_to_the_state_it_had_then(path):
    replay = replay_file(path)
    assert replay.state == saved_state(path)
    assert replay.state.to_json() == saved_state(path).to_json()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name.split(".")[0])
def test_an_old_session_resumes_and_plays_on_to_its_end(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    with Session.resume(copy) as session:
        assert session.state == saved_state(path)
        while (command := bot_next(session.scenario, session.state)) is not None:
            session.apply(command)
        assert session.state.finished
        live = session.state
    assert replay_file(copy).state == live
