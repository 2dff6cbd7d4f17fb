"""Why an action's condition is not met, in words with the scenario's labels (never its ids)."""

from __future__ import annotations


def _labels(scenario):
    return {
        "indicator": {i.id: i.label for i in scenario.indicators},
        "action": {a.id: a.title for a in scenario.actions},
        "posture": {p.id: p.label for p in scenario.postures},
        "character": {c.id: c.name for c in scenario.characters},
    }


def condition_parts(tr, scenario, condition, only: set[str] | None = None) -> list[str]:
    """One short phrase per test of `condition` ("Confiance ≥ 5", "after “Announce”"); `only` keeps the
    named tests (the engine's failing ones). Tests without a phrase are left out."""
    names = _labels(scenario)

    def name(kind: str, ident: str) -> str:
        return names[kind].get(ident, ident)

    def wanted(test: str) -> bool:
        return only is None or test in only

    parts: list[str] = []
    c = condition
    if c.round_at_least is not None and wanted("round_at_least"):
        parts.append(tr("require_round_from", n=c.round_at_least))
    if c.round_at_most is not None and wanted("round_at_most"):
        parts.append(tr("require_round_until", n=c.round_at_most))
    if c.indicator_at_least and wanted("indicator_at_least"):
        parts += [f"{name('indicator', i)}\u00a0\u2265\u00a0{n}" for i, n in c.indicator_at_least.items()]
    if c.indicator_at_most and wanted("indicator_at_most"):
        parts += [f"{name('indicator', i)}\u00a0\u2264\u00a0{n}" for i, n in c.indicator_at_most.items()]
    if c.ever_played and wanted("ever_played"):
        parts += [tr("require_played", title=name("action", a)) for a in c.ever_played]
    if c.character_posture and wanted("character_posture"):
        parts += [tr("labelled", label=name("character", who), text=name("posture", p))
                  for who, p in c.character_posture.items()]
    if c.any and wanted("any"):
        options = [" + ".join(condition_parts(tr, scenario, option)) for option in c.any]
        options = [o for o in options if o]
        if options:
            parts.append(tr("require_or").join(options))
    return parts


def requirement_reason(tr, scenario, action, failing) -> str:
    """"condition not met: after “Announce the demolition”", or the plain words when nothing more can be said."""
    if action.requires is None:
        return tr("reason_requirement")
    parts = condition_parts(tr, scenario, action.requires, set(failing or ()) or None)
    if not parts:
        return tr("reason_requirement")
    return tr("reason_requirement_detail", detail=", ".join(parts))
