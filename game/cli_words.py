"""The command line's own words (argparse's usage and errors, `coop sessions`) in French or English.

argparse words its messages through `argparse._` (gettext): `install(language)` points it at this
table, so `coop play --size 12` answers « coop play : erreur : ... » to a French user. The language
is the user's: `--lang` on the command line, else the saved setting, else French (interfaces page).
"""

from __future__ import annotations

import argparse
import json
from typing import Sequence

FRENCH = {
    "usage: ": "utilisation : ",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (au choix : %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner %(matches)s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "show this help message and exit": "afficher cette aide et quitter",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
}
# The program's own argument checks (cli.py), worded in English there.
FRENCH_OWN = {
    "expected WIDTHxHEIGHT, e.g. 1280x720, not {text!r}": "attendu LARGEURxHAUTEUR, par exemple 1280x720, et non {text!r}",
    "window size out of range: {text}": "taille de fenêtre hors limites : {text}",
    "expected a whole number, not {text!r}": "un nombre entier est attendu, et non {text!r}",
    "expected a number of at least 1, not {value}": "un nombre d'au moins 1 est attendu, et non {value}",
    "seed out of range: {value}": "graine hors limites : {value}",
    "expected a port number, not {text!r}": "un numéro de port est attendu, et non {text!r}",
    "port out of range: {value}": "port hors limites : {value}",
    "expected random, coop, solo or always:POSTURE, not {text!r}": "attendu random, coop, solo ou always:POSTURE, et non {text!r}",
    "expected character ids separated by commas, not {text!r}": "attendu des identifiants de personnages séparés par des virgules, et non {text!r}",
    "simulate: --games N and --seed S are required (except with --audit)": "simulate : --games N et --seed S sont obligatoires (sauf avec --audit)",
    "--screenshots goes with --autoplay": "--screenshots va avec --autoplay",
    "--bind, --port and --phones-info go with --phones": "--bind, --port et --phones-info vont avec --phones",
    "--no-setup needs a SCENARIO": "--no-setup demande un SCENARIO",
}

_language = "fr"


def user_language(argv: Sequence[str]) -> str:
    """`--lang` as written on the command line (before it is parsed), else the saved setting, else French."""
    argv = list(argv)
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("fr", "en"):
            return argv[index + 1]
        if word in ("--lang=fr", "--lang=en"):
            return word[-2:]
    try:
        from game.paths import data_home

        saved = json.loads((data_home() / "settings.json").read_text(encoding="utf-8")).get("language")
        if saved in ("fr", "en"):
            return saved
    except (OSError, ValueError, AttributeError, TypeError):
        pass
    return "fr"


def _translate(message: str) -> str:
    return FRENCH.get(message, message) if _language == "fr" else message


def install(language: str) -> None:
    """argparse speaks `language` from now on."""
    global _language
    _language = language
    argparse._ = _translate


def both(english: str, french: str) -> str:
    """A help text of the command line, written in both languages side by side: the installed one."""
    return french if _language == "fr" else english


def own(message: str, **values: object) -> str:
    """One of the program's argument messages, in the installed language."""
    template = FRENCH_OWN.get(message, message) if _language == "fr" else message
    return template.format(**values)
