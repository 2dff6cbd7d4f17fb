"""`coop COMMAND ...` builds only that command's parser: what it parses, prints and refuses is what the
whole command line would have parsed, printed and refused."""

from __future__ import annotations

import contextlib
import io

import pytest

from game.cli import COMMANDS, build_parser

CASES = [
    ["play"], ["play", "s.yaml", "--size", "1280x720", "--autoplay", "--seed", "1", "--screenshots", "d"],
    ["play", "--size", "12"], ["play", "--seed", "-1"], ["play", "--phones", "--port", "99999"], ["play", "-h"], ["play", "a", "b"],
    ["validate", "a.yaml", "b.yaml", "--lang", "en"], ["validate"], ["validate", "-h"],
    ["simulate", "s.yaml", "--games", "5", "--seed", "1", "--json"], ["simulate", "s.yaml"], ["simulate", "--audit", "s"],
    ["new-scenario", "x.yaml"], ["schema"], ["schema", "extra"],
    ["report", "latest", "--format", "html", "-o", "r.html"], ["report", "x", "--format", "doc"], ["report", "-h"],
    ["sessions"], ["sessions", "--lang", "de"], ["kit", "s.yaml", "-o", "k.pdf"], ["kit", "s.yaml"],
    ["compare", "a", "b", "-o", "c.html"], ["compare", "-h"],
]


def outcome(parser, argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            parsed = vars(parser.parse_args(argv))
            code = None
        except SystemExit as exit_:
            parsed, code = None, exit_.code
    return parsed, code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(c) for c in CASES])
def test_one_command_parses_prints_and_refuses_as_the_whole_line(argv):
    assert argv[0] in COMMANDS
    assert outcome(build_parser(only=argv[0]), argv) == outcome(build_parser(), argv)


def test_every_command_is_known():
    whole = build_parser()
    choices = next(a for a in whole._actions if a.dest == "command").choices
    assert tuple(choices) == COMMANDS
    for name in COMMANDS:
        one = next(a for a in build_parser(only=name)._actions if a.dest == "command").choices
        assert list(one) == [name]


def all_parsers(parser):
    yield parser
    yield from next(a for a in parser._actions if a.dest == "command").choices.values()


@pytest.mark.parametrize("columns", [None, "50", "200", "wide", "-3"])
def test_help_is_argparse_s_own_at_the_terminal_s_width(columns, monkeypatch):
    """The formatter that reads the width without shutil wraps every help as argparse's would."""
    import argparse

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours = [p.format_help() for p in all_parsers(build_parser())]
    reference = build_parser()
    for parser in all_parsers(reference):
        parser.formatter_class = argparse.HelpFormatter
    assert [p.format_help() for p in all_parsers(reference)] == ours


def test_a_report_does_not_import_shutil():
    import subprocess
    import sys

    probe = ("import sys; from game.cli import build_parser; build_parser().parse_args(['report', 'x']); "
             "print('shutil' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
