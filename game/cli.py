"""The `coop` command line: parses arguments and hands each command to its layer.

Imports are deferred to the chosen command, so `coop validate` never loads
pygame and `coop simulate` stays headless.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Sequence

try:
    # The C module under `signal`, which turns its constants into enums when imported (0.5 ms of every
    # start); the functions and numbers are the same.
    import _signal as signal
except ImportError:      # an interpreter without it
    import signal  # type: ignore[no-redef]

from game.cli_words import both, install, own, user_language


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(own("expected WIDTHxHEIGHT, e.g. 1280x720, not {text!r}", text=text))
    if not (320 <= width <= 16384 and 240 <= height <= 16384):
        raise argparse.ArgumentTypeError(own("window size out of range: {text}", text=text))
    return width, height


def _policy(text: str) -> str:
    # The posture named by always:POSTURE is checked once the scenario is read.
    if text in ("random", "coop", "solo") or (text.startswith("always:") and len(text) > len("always:")):
        return text
    raise argparse.ArgumentTypeError(own("expected random, coop, solo or always:POSTURE, not {text!r}", text=text))


def _cast(text: str) -> list[str]:
    idents = [part.strip() for part in text.split(",")]
    if not all(idents):
        raise argparse.ArgumentTypeError(own("expected character ids separated by commas, not {text!r}", text=text))
    return idents


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(own("expected a whole number, not {text!r}", text=text))
    if value < 1:
        raise argparse.ArgumentTypeError(own("expected a number of at least 1, not {value}", value=value))
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(own("expected a port number, not {text!r}", text=text))
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(own("port out of range: {value}", value=value))
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(own("expected a whole number, not {text!r}", text=text))
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(own("seed out of range: {value}", value=value))
    return value


def _terminal_columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` reads it ($COLUMNS, else the terminal, else 80)."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, the same width, without `shutil`: argparse makes one for every argument
    it declares, and each asked shutil for the terminal's width — an import (with bz2 and lzma) that
    `coop report` and `coop validate` otherwise never need."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """The top-level parser: `simulate` needs --games and --seed, except with --audit.
    Every parser of the command line formats its help with `_Formatter`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        parsed, rest = super().parse_known_args(args, namespace)
        if getattr(parsed, "command", None) == "simulate" and not parsed.audit \
                and (parsed.games is None or parsed.seed is None):
            self.error(own("simulate: --games N and --seed S are required (except with --audit)"))
        return parsed, rest


def LANG_HELP() -> str:
    return both("the language of the messages", "la langue des messages")


COMMANDS = ("play", "validate", "simulate", "new-scenario", "schema", "report", "sessions", "kit", "compare")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; `only`: just that command's subparser (the top-level help, and an
    unknown command's error listing the others, need them all; a command's own help and errors do not).
    `coop play SCENARIO` then skips building eight parsers it will not use before its first screen."""

    def wanted(name: str) -> bool:
        return only is None or only == name

    parser = _Parser(
        prog="coop",
        description=both("COOP ou pas COOP — a debate game on cooperation.", "COOP ou pas COOP — un jeu de débat sur la coopération."),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    if wanted("play"):
        play = commands.add_parser("play", help=both("play a scenario (its setup screen first)", "jouer un scénario (ses réglages d'abord)"))
        play.add_argument("scenario", nargs="?", help=both("a scenario file (.yaml)", "un fichier de scénario (.yaml)"))
        play.add_argument("--fullscreen", action="store_true", help=both("full screen", "plein écran"))
        play.add_argument("--size", type=_size, metavar="WxH",
                          help=both("window size, e.g. 1280x720", "taille de la fenêtre, par exemple 1280x720"))
        play.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())
        play.add_argument("--seed", type=_seed, help=both("the draw of events and cards", "le tirage des événements et des cartes"))
        play.add_argument("--players", type=_positive, metavar="N", help=both("number of teams", "nombre d'équipes"))
        play.add_argument("--rounds", type=_positive, metavar="R", help=both("number of rounds", "nombre de tours"))
        play.add_argument("--resume", action="store_true", help=both("continue the latest unfinished session", "reprendre la dernière partie non terminée"))
        play.add_argument("--autoplay", action="store_true", help=both("a bot plays a whole game through the real screens", "un robot joue une partie entière sur les vrais écrans"))
        play.add_argument("--screenshots", metavar="DIR", help=both("with --autoplay: one PNG per screen shown", "avec --autoplay : une image PNG par écran montré"))
        play.add_argument("--presenter", action="store_true",
                          help=both("presenter mode: the projector shows only public screens, the laptop the private ones",
                                    "mode présentateur : le projecteur ne montre que les écrans publics, l'ordinateur les écrans privés"))
        play.add_argument("--phones", action="store_true",
                          help=both("teams choose and the room votes from phones", "les équipes choisissent et la salle vote sur téléphone"))
        play.add_argument("--bind", metavar="ADDR", help=both("with --phones: the address to listen on", "avec --phones : l'adresse d'écoute"))
        play.add_argument("--port", type=_port, metavar="N", help=both("with --phones: the port to listen on", "avec --phones : le port d'écoute"))
        play.add_argument("--phones-info", metavar="FILE", help=both("with --phones: write the links to FILE as JSON", "avec --phones : écrire les liens dans FILE, en JSON"))
        play.add_argument("--no-setup", action="store_true",
                          help=both("start SCENARIO at once with its defaults", "commencer SCENARIO tout de suite, avec ses réglages par défaut"))

    if wanted("validate"):
        validate = commands.add_parser("validate", help=both("check scenario files", "vérifier des fichiers de scénario"))
        validate.add_argument("paths", nargs="+", metavar="PATH",
                              help=both("scenario files (.yaml)", "fichiers de scénario (.yaml)"))
        validate.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())

    if wanted("simulate"):
        simulate = commands.add_parser("simulate", help=both("play many games without a window (balance, audit)", "simuler de nombreuses parties sans fenêtre (équilibre, audit)"))
        simulate.add_argument("scenario", help=both("a scenario file (.yaml)", "un fichier de scénario (.yaml)"))
        simulate.add_argument("--games", type=_positive, metavar="N", help=both("number of games", "nombre de parties"))
        simulate.add_argument("--seed", type=_seed, metavar="S",
                              help=both("the first game's draw (the same seed, the same games)",
                                        "le tirage de la première partie (même graine, mêmes parties)"))
        simulate.add_argument("--policy", type=_policy, metavar="random|coop|solo|always:POSTURE",
                              help=both("how the bots choose", "comment les robots choisissent"))
        simulate.add_argument("--players", type=_positive, metavar="N", help=both("number of teams", "nombre d'équipes"))
        simulate.add_argument("--cast", type=_cast, metavar="ID,ID,...",
                              help=both("the characters at the table", "les personnages à la table"))
        simulate.add_argument("--rounds", type=_positive, metavar="R", help=both("number of rounds", "nombre de tours"))
        simulate.add_argument("--audit", action="store_true",
                              help=both("the balance criteria of the authors' guide, one by one",
                                        "les critères d'équilibre du guide des auteurs, un par un"))
        simulate.add_argument("--json", action="store_true", help=both("print JSON", "afficher du JSON"))
        simulate.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())

    if wanted("new-scenario"):
        new = commands.add_parser("new-scenario", help=both("write a commented starting scenario", "écrire un scénario de départ commenté"))
        new.add_argument("path", help=both("the file to write (.yaml)", "le fichier à écrire (.yaml)"))
        new.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())

    if wanted("schema"):
        commands.add_parser("schema", help=both("print the JSON Schema of the scenario format", "afficher le schéma JSON du format de scénario"))

    if wanted("report"):
        report = commands.add_parser("report", help=both("export a session's report", "exporter le compte rendu d'une partie"))
        report.add_argument("session", help=both("a session file, a session id (coop sessions), or latest", "un fichier de partie, un identifiant (coop sessions) ou latest"))
        report.add_argument("--format", choices=("md", "html", "json", "pdf"), default="md",
                            help=both("md (default), html, json or pdf", "md (par défaut), html, json ou pdf"))
        report.add_argument("-o", "--output", metavar="OUT",
                            help=both("the file to write (default: standard output)",
                                      "le fichier à écrire (par défaut : la sortie standard)"))
        report.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())
        report.add_argument("--no-notes", action="store_true",
                            help=both("leave the facilitator's notes out of the html and pdf reports", "laisser les notes de l'animateur hors des comptes rendus html et pdf"))

    if wanted("sessions"):
        sessions = commands.add_parser("sessions", help=both("list the sessions, newest first", "lister les parties, la plus récente d'abord"))
        sessions.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())

    if wanted("kit"):
        kit = commands.add_parser("kit", help=both("the printable kit of a scenario (PDF)", "le kit à imprimer d'un scénario (PDF)"))
        kit.add_argument("scenario", help=both("a scenario file (.yaml)", "un fichier de scénario (.yaml)"))
        kit.add_argument("-o", "--output", metavar="OUT.pdf", required=True,
                         help=both("the PDF file to write", "le fichier PDF à écrire"))
        kit.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())

    if wanted("compare"):
        compare = commands.add_parser("compare", help=both("tables of the same scenario side by side", "comparer des tables du même scénario"))
        compare.add_argument("sessions", nargs="+", metavar="SESSION",
                             help=both("session files or ids", "fichiers ou identifiants de parties"))
        compare.add_argument("-o", "--output", metavar="OUT.html", required=True,
                             help=both("the HTML file to write", "le fichier HTML à écrire"))
        compare.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP())
    return parser


# Commands that read a bounded input, print or write once and exit; `play` and `simulate` run long.
SHORT_COMMANDS = frozenset({"validate", "schema", "new-scenario", "report", "sessions"})
# Long commands that turn the collector back on themselves, once started (collect_after_start).
STARTED_LATE = frozenset({"play", "simulate"})


def collect_after_start() -> None:
    """Once a long command has started (`coop play`: its first screen drawn; `coop simulate`: numpy and the
    scenario loaded, before the games): what the start made (modules, classes, the scenario) is moved out
    of the collector's sight for good (gc.freeze: never garbage, never walked again by a pass), then the
    collector, off since game.cli began, works again (a workshop runs for hours: cycles must not pile up)."""
    gc.freeze()
    gc.enable()


EXIT_CLOSED_PIPE = 141  # what a shell reports for a program ended by SIGPIPE (128 + 13)


def main(argv: Sequence[str] | None = None) -> int:
    """The program; a reader that stops reading (`coop validate ... | head`) ends it quietly. The garbage
    collector, which the commands turn off for their start or their whole run, is as it was on return
    (a caller in the same process, such as a test, keeps its own)."""
    collecting = gc.isenabled()
    try:
        return _main(argv)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_CLOSED_PIPE
    finally:
        if collecting:
            gc.enable()


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _main(argv: Sequence[str] | None = None) -> int:
    # No collection while the program starts: importing builds modules, classes and tables, no garbage
    # cycles worth a pass (at `coop play`'s start the passes were ~7 million instructions before the
    # first frame). A short command keeps it off to its end; `coop play` turns it back on once its first
    # screen is drawn, `coop simulate` before its games (collect_after_start); the others right after parsing.
    gc.disable()
    install(user_language(sys.argv[1:] if argv is None else argv))
    # SIGINT and SIGTERM end the program at once, without a traceback: every
    # confirmed step of a session is already on disk.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    arguments = list(sys.argv[1:] if argv is None else argv)
    named = arguments[0] if arguments else "play"
    parser = build_parser(only=named if named in COMMANDS else None)
    args = parser.parse_args(arguments)
    command = args.command or "play"
    # A short command builds large trees of plain data (YAML nodes, the model, report rows) that hold no
    # reference cycles worth collecting before the process exits: the collector's passes over them cost
    # about half of parsing a 2 MiB file (benchmarks/bench_validate.py). It stays off for them.
    if command not in SHORT_COMMANDS and command not in STARTED_LATE:
        gc.enable()
    if command == "play":
        if args.command is None:
            args = parser.parse_args(["play"])
        if args.screenshots and not args.autoplay:
            parser.error(own("--screenshots goes with --autoplay"))
        if not args.phones and (args.bind or args.port is not None or args.phones_info):
            parser.error(own("--bind, --port and --phones-info go with --phones"))
        if getattr(args, "no_setup", False) and not args.scenario:
            parser.error(own("--no-setup needs a SCENARIO"))
        from game.ui.app import run_play

        return run_play(args)
    if command == "validate":
        from game.content.commands import run_validate

        return run_validate(args.paths, args.lang)
    if command == "schema":
        from game.content.commands import run_schema

        return run_schema()
    if command == "new-scenario":
        from game.content.commands import run_new_scenario

        return run_new_scenario(args.path, args.lang)
    if command == "simulate":
        from game.sim.simulate import run_simulate

        return run_simulate(args)
    if command == "report":
        from game.session.report import run_report

        return run_report(args)
    if command == "sessions":
        from game.session.catalogue import run_sessions

        return run_sessions(args)
    if command == "kit":
        from game.printing.kit import run_kit

        return run_kit(args)
    if command == "compare":
        from game.session.compare import run_compare

        return run_compare(args)
    parser.error(f"unknown command {command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
