"""A hand-edited or damaged settings.json never stops the program: each bad value goes back to its default."""

from __future__ import annotations

import json

import pytest

from game.ui.settings import Settings, load_settings, settings_path


def write(text: str) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(text, encoding="utf-8")


@pytest.mark.parametrize("preset, minutes", [
    ("3h", -1), (["2h"], "5"), ({"2h": 1}, True), (None, 1e400), ("", float("nan")), (2, 31), ("2h", [5]),
])
def test_bad_preset_and_choices_timer_go_back_to_their_defaults(preset, minutes):
    write(json.dumps({"preset": preset, "choices_minutes": minutes, "readings": "always"}))
    settings = load_settings()
    assert settings.preset == ("2h" if preset == "2h" else "full")
    assert settings.choices_minutes == 0.0
    assert settings.readings == "always"        # the good values are kept


def test_good_values_are_kept():
    write(json.dumps({"preset": "2h", "choices_minutes": 7.5}))
    assert load_settings()[:] == Settings(preset="2h", choices_minutes=7.5)[:]


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"preset": ' * 50_000, "[]", "\ud800", "null"])
def test_a_damaged_file_gives_the_defaults(text):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(text.encode("utf-8", "surrogatepass"))
    assert load_settings() == Settings()
