"""Hostile scenario files from outside: every one gets a message in the user's language with its place."""

from __future__ import annotations

import pytest

from game.content import ScenarioError, load_scenario_bytes


def test_brackets_thousands_deep_get_the_nesting_limit_message_not_libyaml_english():
    data = b"format: 1\nid: " + b"[" * 5000 + b"]" * 5000 + b"\n"
    with pytest.raises(ScenarioError) as caught:
        load_scenario_bytes(data, "deep.yaml")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "too_deep"
    assert diagnostic.line == 2
