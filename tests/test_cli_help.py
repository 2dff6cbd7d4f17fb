"""The command line's help speaks one language at a time: every command and option says what it does,
in French for a French user and in English with --lang en (issue 13: the command line in the user's
language)."""

from __future__ import annotations

import argparse

import pytest

from game.cli import COMMANDS, build_parser
from game.cli_words import install


def helps(language: str) -> dict[tuple[str, str], str]:
    """Every help text of the command line, by (command, option), in `language`."""
    install(language)
    try:
        parser = build_parser()
    finally:
        install("fr")
    texts = {("", "description"): parser.description or ""}
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for choice in sub._choices_actions:
        texts[(choice.dest, "")] = choice.help or ""
    for name, command in sub.choices.items():
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            texts[(name, action.dest)] = action.help or ""
    return texts


def test_every_command_and_option_says_what_it_does_in_each_language():
    french, english = helps("fr"), helps("en")
    assert french.keys() == english.keys()
    assert {name for name, _ in french if name} == set(COMMANDS)
    missing = sorted(key for key, text in french.items() if not text.strip())
    assert not missing, f"no help: {missing}"
    same = sorted(key for key in french if french[key] == english[key])
    assert not same, f"one text for both languages: {same}"
    both_at_once = sorted(key for key, text in {**french, **english}.items() if " / " in text)
    assert not both_at_once, f"two languages in one text: {both_at_once}"


@pytest.mark.parametrize("argv, french, english", [
    (["play", "--bind", "0.0.0.0"], "vont avec --phones", "go with --phones"),
    (["play", "--no-setup"], "demande un SCENARIO", "needs a SCENARIO"),
])
def test_the_play_commands_own_errors_speak_the_users_language(capsys, argv, french, english):
    from game.cli import main

    with pytest.raises(SystemExit):
        main(argv)
    assert french in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(argv + ["--lang", "en"])
    assert english in capsys.readouterr().err
