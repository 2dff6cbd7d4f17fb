"""Runs the model on the parsed data and turns each pydantic error into a finding a trainer can act on."""

from __future__ import annotations

import typing
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from game.content.locate import ITEM, KEY, VALUE, Finding
from game.content.model import (
    MAPPING_PROMPT_TAG, MAPPING_ROUND_TAG, TEXT_PROMPT_TAG, TEXT_ROUND_TAG, TEXTS_ALREADY_CHECKED, Scenario,
)

_UNION_TAGS = {TEXT_PROMPT_TAG, MAPPING_PROMPT_TAG, TEXT_ROUND_TAG, MAPPING_ROUND_TAG}


def validate(data: dict, texts_already_checked: bool = False) -> tuple[Optional[Scenario], list[Finding]]:
    """The frozen scenario, or the findings of every structural problem of the data.

    `texts_already_checked`: the caller has made sure no text can hold a
    forbidden character (see the loader), so the model skips that scan.
    """
    try:
        return Scenario.model_validate(data, context={TEXTS_ALREADY_CHECKED: texts_already_checked}), []
    except ValidationError as error:
        findings = []
        for item in error.errors(include_url=False):
            # pydantic counts a list's items after validation: a list whose items
            # failed looks too short; its items' own errors already say what is wrong.
            if item["type"] == "too_short" and isinstance(item.get("input"), list):
                if len(item["input"]) >= (item.get("ctx") or {}).get("min_length", 0):
                    continue
            findings.append(_finding(item))
        return None, findings


def build_validator() -> None:
    """Builds the scenario validator now; it is otherwise built on the first validation."""
    Scenario.model_rebuild(force=True)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _strip(annotation: Any) -> Any:
    """The type behind Annotated and Optional; for a text-or-mapping union (a prompt), the mapping's model."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union:
            members = [_strip(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
            models = [member for member in members if _is_model(member)]
            return models[0] if models else annotation
        else:
            return annotation


def _model_field(model: type[BaseModel], name: Any) -> Optional[Any]:
    for field_name, field in model.model_fields.items():
        if (field.alias or field_name) == name:
            return field
    return None


def model_at(loc: tuple) -> Optional[type[BaseModel]]:
    """The model class whose mapping is found at `loc` in a scenario, when there is one."""
    current: Any = Scenario
    for segment in loc:
        current = _strip(current)
        if _is_model(current):
            field = _model_field(current, segment)
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) is tuple:
            current = typing.get_args(current)[0]
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _strip(current)
    return current if _is_model(current) else None


def known_keys(loc: tuple) -> list[str]:
    model = model_at(loc)
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def suggestion_hint(word: str, choices: list[str], list_name: Optional[str] = None) -> tuple[Optional[str], dict]:
    """A "did you mean" hint for a misspelt name, or the list of names when none is close (or that there is none)."""
    import difflib  # only when there is a problem to explain

    same_letters = [choice for choice in choices if choice.lower() == word.lower()]
    if same_letters:  # `ROUNDS`, `Title`, `ID`: the right key in the wrong case
        return "hint_did_you_mean", {"suggestion": same_letters[0]}
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return "hint_did_you_mean", {"suggestion": close[0]}
    if choices:
        return "hint_known_names", {"known": ", ".join(choices)}
    if list_name:
        return "hint_none_defined", {"list": list_name}
    return None, {}


def _field_name(loc: tuple) -> str:
    """The last key of the location, the one a trainer reads in the file."""
    for segment in reversed(loc):
        if isinstance(segment, str) and segment not in _UNION_TAGS and segment != "[key]":
            return segment
    return "?"


def _clean(loc: tuple) -> tuple:
    return tuple(segment for segment in loc if segment not in _UNION_TAGS)


def _describe(value: Any) -> tuple[str, str]:
    """The kind of a wrong value (a message key) and how to show it."""
    if value is None:
        return "kind_empty", ""
    if isinstance(value, bool):
        return "kind_boolean", str(value).lower()
    if isinstance(value, (int, float)):
        return "kind_number", repr(value)
    if isinstance(value, str):
        return "kind_text", value if len(value) <= 40 else value[:37] + "..."
    if isinstance(value, dict):
        return "kind_mapping", ""
    if isinstance(value, list):
        return "kind_list", ""
    return "kind_other", ""


_EXPECTED = {
    "string_type": "expected_text",
    "int_type": "expected_integer",
    "float_type": "expected_number",
    "bool_type": "expected_boolean",
    "dict_type": "expected_mapping",
    "model_type": "expected_mapping",
    "model_attributes_type": "expected_mapping",
    "tuple_type": "expected_list",
    "list_type": "expected_list",
}

_BOUNDS = {
    "greater_than_equal": ("ge", "too_small"),
    "greater_than": ("gt", "not_above"),
    "less_than_equal": ("le", "too_big"),
    "less_than": ("lt", "not_below"),
}


def _finding(error: typing.Mapping[str, Any]) -> Finding:
    kind, loc, ctx, value = error["type"], error["loc"], error.get("ctx") or {}, error.get("input")
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    # For a bad key, the message names the mapping holding it (`round_texts`).
    field = _field_name(loc[:-1] if is_key else loc)
    loc = _clean(loc)
    target = KEY if is_key else VALUE
    params: dict[str, Any] = {"field": field}
    if kind == "missing":
        return Finding(loc, ITEM, "missing_key", params)
    if kind == "extra_forbidden":
        if loc[-1] == "<<":
            return Finding(loc, KEY, "merge_key", params)
        hint, extra = suggestion_hint(str(loc[-1]), known_keys(loc[:-1]))
        return Finding(loc, KEY, "unknown_key", {**params, "name": loc[-1], **extra}, hint)
    if kind in _EXPECTED:
        found_kind, shown = _describe(value)
        params.update(found_kind=found_kind, found=shown)
        code = _EXPECTED[kind]
        if is_key:
            code = "key_expected_integer" if kind == "int_type" else "key_invalid"
            params["name"] = loc[-1]
        # The raw text is added when the finding is placed (see loader): a plain
        # scalar read as a boolean, null or number gets the "put it between quotes" hint.
        return Finding(loc, target, code, params, "hint_quote_value" if code == "expected_text" else None)
    if kind in _BOUNDS:
        bound_name, code = _BOUNDS[kind]
        return Finding(loc, target, code, {**params, "value": value, "bound": ctx.get(bound_name)})
    if kind == "literal_error":
        expected = ctx.get("expected", "").replace(" or ", ", ").replace("'", "`")
        return Finding(loc, target, "bad_choice", {**params, "value": value, "expected": expected})
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        code = "too_few_items" if kind == "too_short" else "too_many_items"
        return Finding(loc, target, code, {**params, "limit": limit, "count": ctx.get("actual_length", len(value or ()))})
    if kind == "string_too_short":
        return Finding(loc, target, "empty_text", params)
    if kind == "string_too_long":
        return Finding(loc, target, "text_too_long", {**params, "length": len(value or ""), "limit": ctx.get("max_length")})
    if kind == "string_pattern_mismatch":
        return Finding(loc, target, "bad_key_id" if is_key else "bad_id", {**params, "value": value}, "hint_id_form")
    if kind in ("forbidden_character", "lone_mark", "invisible_text"):
        return Finding(loc, target, kind, {**params, "char": ctx.get("char", "?")})
    if kind == "finite_number":
        return Finding(loc, target, "not_finite", params)
    return Finding(loc, target, "invalid_value", {**params, "detail": error.get("msg", kind)})
