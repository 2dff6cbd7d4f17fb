"""The catalogue of malformed scenarios: each one a small patch of a valid base file, with the problem it must raise.

The exact diagnostic each case must produce (golden text, French, with
line:column, hint and caret) is in `golden_malformed.txt`, under `=== name`.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE_TEXT = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def png_bytes(width: int, height: int, pixels: bool = True) -> bytes:
    """A PNG file; with pixels=False only the signature and header (enough to be measured, not decoded)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data = b""
    if pixels:
        raw = b"".join(b"\x00" + b"\x10\x20\x30" * width for _ in range(height))
        data = chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + header + data


def jpeg_bytes(width: int, height: int) -> bytes:
    """The start of a JPEG file: SOI, an APP0 segment, then a baseline frame header."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + frame + b"\xff\xd9"


def patch(old: str, new: str, text: str = BASE_TEXT) -> str:
    """The base text with one exact, unique passage replaced (so a changed base breaks loudly)."""
    assert text.count(old) == 1, f"patch anchor not found exactly once: {old!r}"
    return text.replace(old, new)


@dataclass(frozen=True)
class Case:
    name: str
    family: str  # encoding, syntax, structure, types, references, limits, security
    make: Callable[[], bytes]
    files: dict[str, bytes] = field(default_factory=dict)  # written beside the scenario (images)
    links: dict[str, str] = field(default_factory=dict)  # symbolic links beside the scenario: name -> target


def _text(name: str, family: str, text: str, **extra) -> Case:
    return Case(name, family, lambda: text.encode("utf-8"), **extra)


def _many(kind: str, count: int) -> str:
    if kind == "actions":
        items = "".join(f"  - id: a{n}\n    title: Action {n}\n" for n in range(count))
        return patch("actions:\n  - id: reunion\n    title: Réunion publique\n", "actions:\n" + items)
    items = "".join(f"  - {{id: e{n}, title: Aléa {n}, text: Il se passe {n}.}}\n" for n in range(count))
    return patch("debrief:\n", "events:\n" + items + "debrief:\n")


def _deep(levels: int) -> str:
    nested = "".join("[" for _ in range(levels)) + "x" + "".join("]" for _ in range(levels))
    return patch("  name: Square Vercors\n", "  name: Square Vercors\n  facts: " + nested + "\n")


_BOMB = patch(
    "goal: Réaménager le square avec les habitants.\n",
    "goal: Réaménager le square avec les habitants.\n"
    "x1: &a1 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    "x2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n"
    "x3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\n"
    "x4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]\n"
    "x5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]\n"
    "x6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]\n",
)

_WITH_IMAGE = "    objective: De l'ombre pour les enfants.\n"


def _image(path: str) -> str:
    return patch(_WITH_IMAGE, _WITH_IMAGE + f"    image: {path}\n")


CASES: list[Case] = [
    # --- encoding -----------------------------------------------------------
    Case("latin1", "encoding", lambda: BASE_TEXT.encode("latin-1")),
    Case("windows1252_apostrophe", "encoding",
         lambda: patch("title: Petit square", "title: Le square d’à côté").encode("cp1252")),
    Case("utf16_with_bom", "encoding", lambda: BASE_TEXT.encode("utf-16")),
    Case("utf16_without_bom", "encoding", lambda: BASE_TEXT.encode("utf-16-le")),
    Case("utf32", "encoding", lambda: BASE_TEXT.encode("utf-32")),
    Case("binary", "encoding", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    Case("raw_control_character", "encoding", lambda: patch("title: Petit square", "title: Petit\x1b square").encode()),
    Case("raw_c1_control_character", "encoding", lambda: patch("title: Petit square", "title: Petit\x9b square").encode()),
    Case("bom_then_not_utf8", "encoding", lambda: b"\xef\xbb\xbf" + BASE_TEXT.encode("latin-1")),
    Case("too_large", "limits", lambda: (BASE_TEXT + "# " + "x" * (2 * 1024 * 1024) + "\n").encode()),
    # --- syntax -------------------------------------------------------------
    _text("tab_indentation", "syntax", patch("  name: Square Vercors", "\tname: Square Vercors")),
    _text("colon_in_plain_text", "syntax", patch("title: Petit square", "title: Bilan: petit square")),
    _text("unclosed_double_quote", "syntax", patch("title: Petit square", 'title: "Petit square')),
    _text("unclosed_single_quote", "syntax", patch("    objective: Inaugurer avant l'été.", "    objective: 'Inaugurer avant l'été."), ),
    _text("unclosed_flow_list", "syntax", patch("    - Que retenez-vous ?", "    - [Que retenez-vous ?")),
    _text("bad_indentation", "syntax", patch("    label: Confiance", "   label: Confiance")),
    _text("unknown_escape", "syntax", patch("title: Petit square", 'title: "Petit \\q square"')),
    _text("several_documents", "syntax", BASE_TEXT + "---\nformat: 1\n"),
    _text("empty_file", "syntax", ""),
    _text("only_comments", "syntax", "# un scénario à écrire\n# plus tard\n"),
    _text("root_is_a_list", "structure", "- format: 1\n- id: liste\n"),
    _text("root_is_a_text", "structure", "Un scénario\n"),
    # --- structure ----------------------------------------------------------
    _text("missing_required_key", "structure", patch("    label: Confiance\n", "")),
    _text("misspelt_key", "structure", patch("  description: Un square", "  descripton: Un square")),
    _text("unknown_key_far_from_any", "structure", patch("rounds: 2\n", "rounds: 2\nzzz: 1\n")),
    _text("duplicate_top_level_key", "structure", patch("rounds: 2\n", "rounds: 2\nrounds: 3\n")),
    _text("duplicate_nested_key", "structure", patch("    start: 5\n", "    start: 5\n    start: 6\n")),
    _text("boolean_key", "structure", patch("rounds: 2\n", "rounds: 2\nyes: 1\n")),
    _text("number_key_outside_rounds", "structure", patch("    start: 5\n", "    start: 5\n    3: trois\n")),
    _text("quoted_round_number", "structure", patch("rounds: 2\n", 'rounds: 2\nround_texts:\n  "1": Début\n')),
    _text("complex_key", "structure", patch("rounds: 2\n", "rounds: 2\n? [a, b]\n: c\n")),
    _text("missing_top_level_section", "structure", patch(
        "debrief:\n  every_round:\n    - Qu'avez-vous ressenti ?\n  final:\n    - Que retenez-vous ?\n", "")),
    # --- types --------------------------------------------------------------
    _text("yaml11_no_as_text", "types", patch("title: Petit square", "title: no")),
    _text("number_as_text", "types", patch("title: Petit square", "title: 2024")),
    _text("empty_value_as_text", "types", patch("title: Petit square", "title:")),
    _text("quoted_number", "types", patch("rounds: 2", 'rounds: "2"')),
    _text("decimal_rounds", "types", patch("rounds: 2", "rounds: 2.5")),
    _text("word_as_integer", "types", patch("    start: 5", "    start: cinq")),
    _text("text_instead_of_list", "types", patch(
        "  description: Un square en pied d'immeubles, peu ombragé.\n",
        "  description: Un square en pied d'immeubles, peu ombragé.\n  facts: un seul fait\n")),
    _text("mapping_instead_of_list", "types", patch("indicators:\n  - id: confiance", "indicators:\n  id: confiance").replace(
        "    label: Confiance\n    start: 5\n", "  label: Confiance\n  start: 5\n")),
    _text("text_instead_of_boolean", "types", patch("    title: Réunion publique", "    title: Réunion publique\n    once: oui")),
    _text("unknown_language", "types", patch("language: fr", "language: de")),
    _text("wrong_format_version", "types", patch("format: 1", "format: 2")),
    _text("bad_id", "types", patch("id: minimal", "id: Mon Scénario")),
    _text("empty_text", "types", patch("title: Petit square", 'title: ""')),
    _text("text_too_long", "limits", patch("title: Petit square", "title: " + "é" * 4001)),
    _text("debrief_minutes_too_small", "types", patch("rounds: 2\n", "rounds: 2\ndebrief_minutes: 0.1\n")),
    _text("rounds_too_many", "types", patch("rounds: 2", "rounds: 21")),
    _text("too_few_characters", "types", patch(
        "  - id: habitante\n    name: Samia\n    role: Habitante\n    objective: De l'ombre pour les enfants.\n", "")),
    _text("bad_prompt_phase", "types", patch("    - Que retenez-vous ?", "    - {phase: conclusion, text: Que retenez-vous ?}")),
    # --- references ---------------------------------------------------------
    _text("unknown_character_in_who", "references", patch(
        "    title: Réunion publique", "    title: Réunion publique\n    who: [elue, habitant]")),
    _text("unknown_resource_in_cost", "references", patch(
        "    title: Réunion publique", "    title: Réunion publique\n    cost: {temps: 1}")),
    _text("unknown_indicator_in_effects", "references", patch(
        "    title: Réunion publique", "    title: Réunion publique\n    effects: {confiance: 1, budget: -1}")),
    _text("unknown_posture_in_by_posture", "references", patch(
        "    title: Réunion publique", "    title: Réunion publique\n    by_posture:\n      cooperer: {confiance: 1}")),
    _text("unknown_action_in_condition", "references", patch(
        "debrief:\n", "endings:\n  - id: fin\n    title: Fin\n    text: Fin.\n    when:\n      any:\n"
        "        - ever_played: [reunoin]\n        - not: {character_posture: {elue: imposer}}\n"
        "  - id: defaut\n    title: Défaut\n    text: Rien.\n"
        "debrief:\n")),
    _text("unknown_character_in_condition", "references", patch(
        "    title: Réunion publique", "    title: Réunion publique\n    requires: {character_posture: {maire: consulter}}")),
    _text("duplicate_id", "references", patch("  - id: habitante", "  - id: elue")),
    _text("start_above_max", "references", patch("    start: 5", "    start: 15")),
    _text("min_not_below_max", "references", patch("    start: 5", "    start: 5\n    min: 10\n    max: 10")),
    _text("more_players_than_characters", "references", patch("rounds: 2\n", "rounds: 2\nplayers: {max: 3}\n")),
    _text("players_min_above_max", "references", patch("rounds: 2\n", "rounds: 2\nplayers: {min: 3, max: 2}\n")),
    _text("character_without_action", "references", patch(
        "    title: Réunion publique", "    title: Réunion publique\n    who: [elue]")),
    _text("default_ending_not_last", "references", patch(
        "debrief:\n", "endings:\n  - id: defaut\n    title: Défaut\n    text: Rien.\n"
        "  - id: reussite\n    title: Réussite\n    text: Bravo.\n    when: {indicator_at_least: {confiance: 8}}\n"
        "debrief:\n")),
    _text("debrief_without_final", "references", patch("  final:\n    - Que retenez-vous ?\n", "")),
    _text("debrief_without_round_prompt", "references", patch("  every_round:\n    - Qu'avez-vous ressenti ?\n", "")),
    _text("round_text_beyond_rounds", "references", patch("rounds: 2\n", "rounds: 2\nround_texts:\n  1: Début\n  3: Trop tard\n")),
    _text("observer_redefined", "references", patch("  - id: reunion", "  - id: observer")),
    _text("resource_start_above_max", "references", patch(
        "characters:\n", "resources:\n  - {id: temps, label: Temps, max: 2}\ncharacters:\n").replace(
        "    name: Mme Roux\n", "    name: Mme Roux\n    resources: {temps: 3}\n")),
    # --- the richer format's optional keys ---------------------------------
    _text("tag_not_a_slug", "types", patch(
        "    name: Samia\n", "    name: Samia\n    tags: [Habitante du quartier]\n")),
    _text("better_neither_higher_nor_lower", "types", patch(
        "    start: 5\n", "    start: 5\n    better: moins\n")),
    _text("unknown_tag_in_moves", "references", patch(
        "    title: Réunion publique\n", "    title: Réunion publique\n    requires: {moves: {tag: habitants}}\n",
        patch("    name: Samia\n", "    name: Samia\n    tags: [habitant]\n"))),
    _text("unknown_reading_in_moves", "types", patch(
        "    title: Réunion publique\n", "    title: Réunion publique\n    requires: {moves: {reading: cooperatif}}\n")),
    _text("moves_unknown_key", "structure", patch(
        "    title: Réunion publique\n", "    title: Réunion publique\n    requires: {moves: {actions: reunion}}\n")),
    _text("moves_bounds_crossed", "references", patch(
        "    title: Réunion publique\n",
        "    title: Réunion publique\n    requires: {moves: {action: reunion, in: game, at_least: 3, at_most: 1}}\n")),
    _text("unknown_action_in_character_action", "references", patch(
        "    title: Réunion publique\n", "    title: Réunion publique\n    requires: {character_action: {elue: reunoin}}\n")),
    _text("split_verdicts_in_requires", "references", patch(
        "    title: Réunion publique\n", "    title: Réunion publique\n    requires: {split_verdicts: {at_least: 1}}\n")),
    _text("name_as_word_missing", "references", patch(
        "  final:\n", "  triggers:\n    - when: {moves: {action: reunion}}\n"
        "      ask: {phase: analyse, text: Qui a réuni ?, name_as: qui}\n  final:\n")),
    _text("name_as_without_characters", "references", patch(
        "  final:\n", "  triggers:\n    - when: {indicator_at_least: {confiance: 6}}\n"
        "      ask: {phase: analyse, text: \"{qui} : pourquoi ?\", name_as: qui}\n  final:\n")),
    _text("name_as_in_every_round", "references", patch(
        "    - Qu'avez-vous ressenti ?\n", "    - {phase: ressenti, text: \"{qui} ?\", name_as: qui}\n")),
    _text("round_text_variant_without_when", "structure", patch(
        "rounds: 2\n", "rounds: 2\nround_texts:\n  2:\n    text: Deuxième tour.\n    variants:\n"
        "      - {text: Variante.}\n")),
    _text("ending_variant_unknown_posture", "references", patch(
        "debrief:\n", "endings:\n  - id: fin\n    title: Fin\n    text: Fin.\n    variants:\n"
        "      - {when: {moves: {posture: cooperer}}, text: Autre fin.}\n"
        "debrief:\n")),
    _text("posture_coop_out_of_range", "types", patch(
        "characters:\n", "postures:\n  - {id: seul, label: Seul, coop: -3}\n  - {id: ensemble, label: Ensemble}\n"
        "characters:\n")),
    _text("unknown_resource_in_posture_cost", "references", patch(
        "characters:\n", "resources:\n  - {id: temps, label: Temps, max: 2}\npostures:\n"
        "  - {id: seul, label: Seul, coop: -1}\n  - {id: ensemble, label: Ensemble, coop: 2, cost: {tmps: 1}}\n"
        "characters:\n")),
    _text("every_posture_costs", "references", patch(
        "characters:\n", "resources:\n  - {id: temps, label: Temps, max: 2}\npostures:\n"
        "  - {id: seul, label: Seul, coop: -1, cost: {temps: 1}}\n"
        "  - {id: ensemble, label: Ensemble, coop: 2, cost: {temps: 2}}\ncharacters:\n")),
    # --- limits -------------------------------------------------------------
    _text("too_many_actions", "limits", _many("actions", 501)),
    _text("too_many_events", "limits", _many("events", 201)),
    _text("nesting_too_deep", "limits", _deep(21)),
    _text("alias_bomb", "limits", _BOMB),
    _text("recursive_alias", "limits", patch("rounds: 2\n", "rounds: 2\nboucle: &b [*b]\n")),
    _text("huge_integer", "limits", patch("    start: 5", "    start: " + "9" * 400)),
    _text("infinite_number", "limits", patch("rounds: 2\n", "rounds: 2\ndebrief_minutes: .inf\n")),
    _text("not_a_number", "limits", patch("rounds: 2\n", "rounds: 2\ndebrief_minutes: .nan\n")),
    _text("float_overflow", "limits", patch("rounds: 2\n", "rounds: 2\ndebrief_minutes: 1e400\n")),
    # --- security -----------------------------------------------------------
    _text("python_object_tag", "security", patch("title: Petit square", "title: !!python/object/apply:os.system [ls]")),
    _text("custom_include_tag", "security", patch("title: Petit square", "title: !include secret.txt")),
    _text("str_tag", "security", patch("title: Petit square", "title: !!str Petit square")),
    _text("bidi_override_escape", "security", patch("title: Petit square", 'title: "Petit \\u202e square"')),
    _text("raw_bidi_override", "security", patch("title: Petit square", "title: Petit \u2066square\u2069")),
    _text("control_character_escape", "security", patch("title: Petit square", 'title: "Petit \\x07 square"')),
    _text("image_absolute_path", "security", _image("/etc/passwd")),
    _text("image_parent_folder", "security", _image("../portrait.png")),
    _text("image_symlink", "security", _image("lien.png"), links={"lien.png": "/etc/hostname"}),
    _text("image_missing", "security", _image("portrait.png")),
    _text("image_not_png_or_jpeg", "security", _image("portrait.gif"), files={"portrait.gif": b"GIF89a\x01\x00\x01\x00"}),
    _text("image_too_many_pixels", "security", _image("grand.png"), files={"grand.png": png_bytes(5000, 300, pixels=False)}),
    _text("jpeg_too_many_pixels", "security", _image("grand.jpg"), files={"grand.jpg": jpeg_bytes(300, 4097)}),
    _text("image_too_heavy", "security", _image("lourd.png"),
          files={"lourd.png": png_bytes(10, 10, pixels=False) + b"\x00" * (10 * 1024 * 1024)}),
]
