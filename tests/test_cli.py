"""The command line parses what the interfaces page promises and refuses the rest with exit 2."""

import pytest

from game.cli import build_parser


def test_simulate_requires_games_and_seed():
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["simulate", "x.yaml"])
    assert exit_info.value.code == 2


def test_play_size_is_parsed_as_width_and_height():
    args = build_parser().parse_args(["play", "s.yaml", "--size", "1280x720", "--seed", "5"])
    assert args.size == (1280, 720)
    assert args.seed == 5


def test_play_rejects_a_malformed_size():
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["play", "--size", "big"])
    assert exit_info.value.code == 2


def test_short_commands_run_without_the_cycle_collector_and_play_keeps_it(capsys, monkeypatch):
    import gc

    import game.content.commands as commands
    from game.cli import main

    seen = []
    original = commands.run_schema
    monkeypatch.setattr(commands, "run_schema", lambda: seen.append(gc.isenabled()) or original())
    gc.enable()
    try:
        assert main(["schema"]) == 0
        assert seen == [False], "validate/schema/report should not pay for the collector's passes"
        assert gc.isenabled(), "main() gives its caller the collector back"
        capsys.readouterr()
    finally:
        gc.enable()
    from game.cli import SHORT_COMMANDS

    assert "play" not in SHORT_COMMANDS and "simulate" not in SHORT_COMMANDS
