"""Words for a move's options shared by the laptop's screens and the phones' pages (no pygame here)."""

from __future__ import annotations

# The setting's values and what a screen shows of a reading: one rule, the engine's (the views follow it too).
from game.engine.queries import READINGS_SHOWN, shown_reading  # noqa: F401 - re-exported for the scenes

READING_SIGN = {"coop": "+", "neutre": "=", "pas_coop": "\u2212", "a_debattre": "?", "later": "\u2026",
                "room": "\u2026"}
READING_KEY = {"coop": "reading_coop", "neutre": "reading_neutral", "pas_coop": "reading_not_coop",
               "a_debattre": "reading_to_debate", "later": "reading_later", "room": "reading_room"}


def reading_text(tr, reading: str) -> str:
    """"+ COOP", "= neutre", "− pas COOP": the sign and the word, never the colour alone."""
    return f"{READING_SIGN[reading]} {tr(READING_KEY[reading])}"


def resource_label(scenario, ident: str) -> str:
    return next((r.label for r in scenario.resources if r.id == ident), ident)


def cost_text(tr, scenario, cost: dict[str, int]) -> str:
    """"coût : Temps 2, Moyens 1" or "gratuit"."""
    parts = [f"{resource_label(scenario, r)} {n}" for r, n in cost.items() if n]
    return tr("cost", text=", ".join(parts)) if parts else tr("free")


def option_reason(tr, scenario, option) -> str:
    """Why the engine's ActionOption is not allowed, in words with the scenario's labels."""
    if option.reason == "cannot_afford":
        return tr("reason_cost", resource=resource_label(scenario, option.params.get("resource", "")))
    if option.reason == "requirement_not_met":
        from game.ui.requirements import requirement_reason

        return requirement_reason(tr, scenario, scenario.action(option.action), option.params.get("failing"))
    key = {"not_for_character": "reason_not_for_character", "once_played": "reason_once"}.get(
        option.reason, "reason_other")
    return tr(key)
