"""Twenty games of one scenario in one process: validated once, one set of tables, memory flat."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from game.content import loader
from game.engine import Setup, bot_next
from game.engine.tables import tables_for
from game.engine import tables as tables_module
from game.session import Session, replay_file

PLACE = Path(__file__).resolve().parent.parent.parent / "scenarios" / "une_place_a_l_ombre.yaml"


def play_one(folder: Path, seed: int) -> None:
    scenario = loader.load_scenario(PLACE)
    ids = tuple(c.id for c in scenario.characters[: scenario.players.min])
    session = Session.create(PLACE, Setup(ids, {c: c for c in ids}, scenario.rounds), seed, folder)
    try:
        while (command := bot_next(session.scenario, session.state)) is not None:
            session.apply(command)
    finally:
        session.close()
    replay_file(session.path)


def test_twenty_games_validate_once_share_tables_and_stay_flat(tmp_path, monkeypatch):
    validations = []
    original = loader._load_scenario_bytes

    def counting(*args, **kwargs):
        validations.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(loader, "_load_scenario_bytes", counting)
    play_one(tmp_path, 0)
    tables = tables_for(loader.load_scenario(PLACE))
    gc.collect()
    tracemalloc.start()
    try:
        for seed in range(1, 5):
            play_one(tmp_path, seed)
        gc.collect()
        after_five, _ = tracemalloc.get_traced_memory()
        for seed in range(5, 20):
            play_one(tmp_path, seed)
        gc.collect()
        after_twenty, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The file (one path, two ways of checking images: the file, the session's frozen copy) is validated
    # at most twice in all, not four times a game.
    assert len(validations) <= 2, validations
    assert tables_for(loader.load_scenario(PLACE)) is tables
    assert sum(1 for entry in tables_module._CACHE.values() if entry[1] is tables) == 1
    # Fifteen more games leave less than 256 KiB more behind them (journals are on disk, not in memory).
    assert after_twenty - after_five < 256 * 1024, (after_five, after_twenty)
