"""Scenario bytes -> a frozen `Scenario`, or a `ScenarioError` listing every problem of the file with its place."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

from yaml.nodes import ScalarNode

from game.content import loaded
from game.content.characters import texts_need_no_scan
from game.content.decoding import (
    ByteProblem, MAX_FILE_BYTES, NotRegularFile, check_size, decode, open_scenario_file, place_of_offset,
)
from game.digest import sha256_hex
from game.content.diagnostics import Diagnostic, ScenarioError
from game.content.locate import Finding, Locator
from game.content.parsing import PLAIN_TAG, TEXT_TAG, NodeProblem, ParseFailure, parse, plain_value

if TYPE_CHECKING:
    from game.content.model import Scenario

PathLike = Union[str, Path]


def _byte_diagnostic(path: str, data: bytes, problem: ByteProblem) -> Diagnostic:
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    offset = max(0, problem.offset - bom)
    line, col = place_of_offset(data[bom:], offset)
    source = None
    if problem.code in ("encoding_not_utf8", "control_character", "bidi_character", "unacceptable_character"):
        source = data[bom:].split(b"\n")[line - 1].decode("utf-8", "replace").rstrip("\r")
    return Diagnostic(path, line, col, problem.code, problem.params, problem.hint, source)


def _node_diagnostic(path: str, locator: Locator, problem: NodeProblem) -> Diagnostic:
    line, col = problem.line + 1, problem.col + 1
    source = locator.source_line(line)
    code, hint = problem.code, problem.hint
    if code == "yaml_syntax" and source is not None and "\t" in source[: len(source) - len(source.lstrip())]:
        # libyaml's wording for a tab in the indentation varies; the cause is one.
        code, hint = "tab_indentation", "hint_tabs"
    elif code == "yaml_syntax" and hint is None and source is not None and 2 <= col <= len(source) + 1 \
            and source[col - 2] == "'" and source.count("'") >= 2:
        # 'l'été': the apostrophe closed the single-quoted text early.
        hint = "hint_single_quote"
    return Diagnostic(path, line, col, code, problem.params, hint, source)


def _finding_diagnostic(path: str, locator: Locator, finding: Finding) -> Diagnostic:
    line, col, node = locator.place(finding.loc, finding.target)
    params = dict(finding.params)
    hint = finding.hint
    if "first_loc" in params:
        params["first_line"] = locator.place(params.pop("first_loc"), "value")[0]
    plain_not_text = (
        type(node) is ScalarNode and node.tag == PLAIN_TAG and not isinstance(plain_value(node.value), str)
    )
    if plain_not_text:
        # Show the value as written (`no`, `.inf`), not as YAML read it (False, inf).
        for name in ("found", "value"):
            if name in params:
                params[name] = node.value
    if hint == "hint_quote_value":
        # Only useful when YAML turned an unquoted word into something else than a text.
        if plain_not_text and node.value:
            params["raw"] = node.value
        else:
            hint = None
    elif finding.code in ("expected_integer", "expected_number") and type(node) is ScalarNode:
        if node.tag == TEXT_TAG and node.style in ("'", '"') and isinstance(plain_value(node.value), (int, float)):
            hint = "hint_remove_quotes"
    return Diagnostic(path, line, col, finding.code, params, hint, locator.source_line(line))


def validate_data(
    data: dict, path: PathLike, texts_already_checked: bool, check_images: bool = True
) -> tuple[Optional["Scenario"], list[Finding]]:
    """The model and the cross-reference checks on parsed data: the scenario, or the findings (not yet placed)."""
    from game.content.crossrefs import check
    from game.content.validation import validate

    scenario, findings = validate(data, texts_already_checked=texts_already_checked)
    findings += check(data, Path(path).parent if check_images else None)
    return (None if findings else scenario), findings


def load_scenario_bytes(data: bytes, path: PathLike = "<memory>", check_images: bool = True) -> "Scenario":
    """The scenario in `data`; `path` names it in messages and is the base folder of its images.

    Raises ScenarioError, and only that, listing every problem found.
    `check_images=False` (a session's frozen copy, whose folder may have moved) skips the image checks.
    The same bytes loaded again give the same (frozen) scenario without validating them again.
    """
    digest = sha256_hex(data)
    key = (digest, str(path), check_images)
    known = loaded.recall(key)
    if known is not None:
        return known
    scenario = _load_scenario_bytes(data, path, check_images)
    # A scenario naming images is kept only when they were not checked: they may change on disk.
    if not (check_images and any(getattr(c, "image", None) for c in scenario.characters)):
        loaded.remember(key, scenario)
    return scenario


def _load_scenario_bytes(data: bytes, path: PathLike, check_images: bool) -> "Scenario":
    shown = str(path)
    body, byte_problem = decode(data)
    if byte_problem is not None:
        raise ScenarioError([_byte_diagnostic(shown, data, byte_problem)])
    assert body is not None   # decode gives the bytes exactly when there is no problem
    try:
        parsed = parse(body)
    except ParseFailure as failure:
        locator = Locator(None, body)
        raise ScenarioError([_node_diagnostic(shown, locator, problem) for problem in failure.problems]) from None
    except RecursionError:
        raise ScenarioError([Diagnostic(shown, 1, 1, "too_deep", {"limit": 20})]) from None
    # Raw control and bidi characters are refused above; only a backslash escape
    # in a double-quoted text, or a character refused or placed by its Unicode
    # category (game/content/characters.py), needs the per-text scan.
    scenario, findings = validate_data(parsed.data, path, texts_need_no_scan(body), check_images)
    if not findings and not parsed.problems and scenario is not None:   # no finding: a scenario
        return scenario
    locator = Locator(parsed.root, body)
    diagnostics = [_node_diagnostic(shown, locator, problem) for problem in parsed.problems]
    reading_places = {(d.line, d.col) for d in diagnostics}
    for finding in findings:
        diagnostic = _finding_diagnostic(shown, locator, finding)
        # A value the reader already refused (a tag, a number too large) is not reported twice.
        if (diagnostic.line, diagnostic.col) not in reading_places:
            diagnostics.append(diagnostic)
    diagnostics.sort(key=lambda d: (d.line, d.col))
    raise ScenarioError(diagnostics)


def load_scenario(path: PathLike) -> "Scenario":
    """Reads and checks a scenario file; raises ScenarioError (file missing, unreadable, or invalid)."""
    shown = str(path)
    try:
        with open_scenario_file(path) as stream:
            size_problem = check_size(os.fstat(stream.fileno()).st_size)
            if size_problem is None:
                data = stream.read(MAX_FILE_BYTES + 1)
            else:
                data = b""
    except FileNotFoundError:
        raise ScenarioError([Diagnostic(shown, 0, 0, "file_missing")]) from None
    except IsADirectoryError:
        raise ScenarioError([Diagnostic(shown, 0, 0, "file_is_directory")]) from None
    except NotRegularFile:
        raise ScenarioError([Diagnostic(shown, 0, 0, "file_not_regular")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ScenarioError([Diagnostic(shown, 0, 0, "file_unreadable", {"reason": reason})]) from None
    if size_problem is not None:
        raise ScenarioError([Diagnostic(shown, 0, 0, size_problem.code, size_problem.params)])
    return load_scenario_bytes(data, path)

