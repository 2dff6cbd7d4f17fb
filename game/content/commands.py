"""The trainer's commands: `coop validate`, `coop schema` and `coop new-scenario`.

`coop validate PATH...` checks each file afresh. A folder stands for the
`.yaml`/`.yml` files it holds (sorted, not recursive); a file named twice is
checked once, where first mentioned. Each problem is one
`PATH:LINE:COL: error: message` line, maybe followed by indented lines (a hint,
the source line and a caret), on standard output; then a one-line summary.
Exit code: 0 when every file is valid, 1 when some file is invalid, 2 for a
usage error (a path that does not exist, or a folder without scenario files),
which wins over 1.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from game.i18n import pick_language

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
SCENARIO_SUFFIXES = (".yaml", ".yml")


def _tolerant(stream):
    """The stream, set to replace what its encoding cannot show (a Windows console in cp1252) instead of failing."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
    return stream


def _files_of(path: Path) -> list[Path]:
    return sorted(child for child in path.iterdir() if child.suffix.lower() in SCENARIO_SUFFIXES and child.is_file())


def _check_file(file: Path, lang: str, out, shortcut=None) -> int:
    """Checks one file, writes its diagnostics, and returns how many problems it has (0: valid).

    `shortcut`: the background parse of this file, which may vouch for a valid file.
    """
    from game.content import ScenarioError, load_scenario
    from game.content.diagnostics import Diagnostic
    from game.content.loader import validate_data

    try:
        if shortcut is not None:
            parsed = shortcut.result()
            if parsed is not None and validate_data(parsed[0], file, parsed[1])[0] is not None:
                return 0  # valid; a file with problems is checked again below, for its diagnostics
        load_scenario(file)
        return 0
    except ScenarioError as error:
        out.write(error.render(lang) + "\n")
        return len(error.diagnostics)
    except Exception as error:  # noqa: BLE001 - a bug must not end in a traceback for a trainer
        detail = f"{type(error).__name__}: {error}"[:200]
        out.write(Diagnostic(str(file), 0, 0, "internal_error", {"detail": detail}).render(lang) + "\n")
        return 1


def _identity(file: Path):
    """What makes two spellings of a path the same file (`a.yaml`, `./a.yaml`, a folder named twice)."""
    try:
        return file.resolve()
    except (OSError, RuntimeError):
        return file.absolute()


def run_validate(paths: Sequence[str], lang: Optional[str] = None) -> int:
    # A large first file is parsed in a child process while this one loads the
    # model (the slow imports just below); see background.py.
    from game.content.background import BackgroundParse

    first = Path(paths[0]) if paths else None
    background = BackgroundParse.start(first) if first is not None else None

    from game.content.diagnostics import Diagnostic
    from game.content.messages import MESSAGES

    if background is not None:
        from game.content.validation import build_validator

        build_validator()  # while the child parses

    lang = pick_language(lang)
    out = _tolerant(sys.stdout)
    checked = invalid = problems = missing = 0
    seen = set()  # each distinct file is checked once, where it is first mentioned
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _files_of(path)
            if not files:
                out.write(Diagnostic(given, 0, 0, "folder_without_scenarios").render(lang) + "\n")
                missing += 1
                continue
        elif not path.exists():
            out.write(Diagnostic(given, 0, 0, "file_missing").render(lang) + "\n")
            missing += 1
            continue
        else:
            files = [path]
        for file in files:
            if _identity(file) in seen:
                continue
            seen.add(_identity(file))
            checked += 1
            shortcut = None
            if background is not None and file == first:
                shortcut, background = background, None
            found = _check_file(file, lang, out, shortcut)
            invalid += found > 0
            problems += found
    if missing:
        summary = MESSAGES(lang, "summary_usage", files=checked, invalid=invalid, problems=problems, missing=missing)
    elif invalid:
        summary = MESSAGES(lang, "summary_some_invalid", files=checked, invalid=invalid, problems=problems)
    else:
        summary = MESSAGES(lang, "summary_all_valid", files=checked)
    out.write(summary + "\n")
    out.flush()
    if missing:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else EXIT_VALID


def scenario_schema() -> dict:
    """The JSON Schema of the scenario format, generated from the model (keys as written in files)."""
    from game.content.model import Scenario

    schema = Scenario.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "COOP ou pas COOP — scenario, format 1",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def run_schema() -> int:
    import json

    _tolerant(sys.stdout).write(json.dumps(scenario_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_VALID


def run_new_scenario(path: str, lang: Optional[str] = None) -> int:
    from game.content.messages import MESSAGES
    from game.content.template import starting_scenario

    lang = pick_language(lang)
    target = Path(path)
    try:
        # Exclusive creation: an existing file is never overwritten, even in a race.
        with open(target, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(starting_scenario(target.stem, lang))
    except FileExistsError:
        _tolerant(sys.stderr).write(MESSAGES(lang, "new_exists", path=path) + "\n")
        return EXIT_INVALID
    except OSError as error:
        _tolerant(sys.stderr).write(
            MESSAGES(lang, "new_cannot_write", path=path, reason=error.strerror or str(error)) + "\n"
        )
        return EXIT_INVALID
    _tolerant(sys.stdout).write(MESSAGES(lang, "new_written", path=path) + "\n")
    return EXIT_VALID
