"""A deliberately heavy scenario for the screens: 8 characters, 8 indicators, long French texts everywhere."""

from __future__ import annotations

from pathlib import Path

import yaml

LONG = ("Les habitants de la résidence « Les Capucines » attendent depuis 10 000 jours, disent-ils en riant, "
        "que l'ascenseur du bâtiment B soit réparé ; la réunion de mardi à 18 h 30 a été houleuse : "
        "personne n'a compris qui décidait vraiment ! Pourquoi ? Parce que chacun pensait que l'autre avait "
        "la main, et que 3 500 € de crédits dormaient sur une ligne budgétaire oubliée depuis l'an dernier.")
WORD = "Anticonstitutionnellementextraordinairementlongmotsansespace"


def long_scenario(characters: int = 8, rounds: int = 2) -> dict:
    indicators = [
        {"id": f"ind{i}", "label": f"Indicateur numéro {i} au libellé vraiment très long pour tester",
         "description": LONG, "min": 0, "max": 20 if i % 2 else 100, "start": 5}
        for i in range(8)
    ]
    people = [
        {"id": f"perso{i}", "name": f"Marie-Françoise de La Tour-Dupont {i}",
         "role": "Coordinatrice des tiers-lieux en résidence sociale, déléguée du préfet par intérim",
         "objective": LONG, "secret": LONG, "description": LONG}
        for i in range(characters)
    ]
    actions = [
        {"id": f"action{i}", "title": f"Organiser une grande concertation de quartier numéro {i} avec tous",
         "description": LONG, "cost": {"temps": 1 + i % 3}, "effects": {f"ind{i % 8}": 2, f"ind{(i + 3) % 8}": -1}}
        for i in range(10)
    ]
    actions.append({"id": "rare", "title": "Une action qui demande beaucoup de confiance",
                    "requires": {"indicator_at_least": {"ind0": 50}}, "effects": {"ind1": 3}})
    actions.append({"id": WORD.lower()[:60], "title": WORD, "once": True, "effects": {"ind2": 1}})
    return {
        "format": 1, "id": "long_huit", "title": "Un scénario aux textes très longs pour huit équipes",
        "language": "fr", "summary": LONG,
        "territory": {"name": "Quartier des Capucines et de la Butte-aux-Cailles", "description": LONG,
                      "facts": [LONG]},
        "goal": LONG, "players": {"min": 2, "max": 8}, "rounds": rounds, "debrief_minutes": 0.5,
        "indicators": indicators,
        "resources": [{"id": "temps", "label": "Temps disponible", "max": 5, "per_round": 2},
                      {"id": "budget", "label": "Budget", "max": 1000, "per_round": 0}],
        "characters": people,
        "actions": actions,
        "events": [{"id": f"evt{i}", "title": f"Un aléa au titre interminable numéro {i}", "text": LONG,
                    "effects": {f"ind{i}": -1, f"ind{(i + 1) % 8}": 1}} for i in range(4)],
        "events_per_round": 2,
        "round_texts": {1: LONG, 2: LONG},
        "synergies": [{"id": "ensemble", "text": LONG, "when": {"coop_average_at_least": -2},
                       "effects": {"ind0": 1}}],
        "debrief": {
            "every_round": [{"phase": p, "text": LONG} for p in
                            ("ressenti", "faits", "analyse", "transfert", "et_si", "et_apres")],
            "triggers": [{"when": {"coop_average_at_least": -2}, "ask": LONG}],
            "final": [LONG, {"phase": "et_apres", "text": LONG}],
        },
        "endings": [{"id": "fin", "title": "Une fin au titre long, très long, vraiment très long", "text": LONG}],
    }


def write_debrief_scenario(folder: Path, name: str, debrief: dict, rounds: int = 2) -> Path:
    """The long scenario with three characters and the given `debrief` prompts (short, to be found on screen)."""
    data = long_scenario(characters=3, rounds=2)
    data["players"] = {"min": 2, "max": 3}
    data["rounds"] = rounds
    data["round_texts"] = {n: data["round_texts"][n] for n in data["round_texts"] if n <= rounds}
    data["debrief"] = debrief
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_long_scenario(folder: Path, **options) -> Path:
    path = folder / "long_huit.yaml"
    path.write_text(yaml.safe_dump(long_scenario(**options), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
