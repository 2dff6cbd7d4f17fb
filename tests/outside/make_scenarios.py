"""Writes the outside checker's scenarios (tests/outside/scenarios/), built only from the format page."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "scenarios"


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-colour PNG, written by hand so the folder needs no image tool."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _write(name: str, data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    (OUT / name).write_text(text, encoding="utf-8")


def _long(seed: str, size: int) -> str:
    """A French-looking text of exactly `size` code points, with typography and emoji."""
    piece = f"« {seed} » — l’équipe dit : « c’est notre quartier ! » 🏘️ 合作 تعاون сотрудничество. "
    text = (piece * (size // len(piece) + 1))[:size]
    return text


def _nospace(stem: str, size: int) -> str:
    return (stem * (size // len(stem) + 1))[:size]


DEBRIEF_MIN = {"every_round": ["Qu’avez-vous ressenti ?"], "final": ["Et maintenant ?"]}


def minimal_fr() -> None:
    _write("01-minimal-fr.yaml", {
        "format": 1, "id": "minimal-fr", "title": "Minimal", "language": "fr",
        "summary": "Le plus petit scénario.", "goal": "Tenir.",
        "territory": {"name": "Ici", "description": "Un lieu."},
        "rounds": 1,
        "indicators": [{"id": "x", "label": "X", "start": 5}],
        "characters": [
            {"id": "a", "name": "A", "role": "r", "objective": "o"},
            {"id": "b", "name": "B", "role": "r", "objective": "o"},
        ],
        "actions": [{"id": "agir", "title": "Agir"}],
        "debrief": DEBRIEF_MIN,
    })


def minimal_en() -> None:
    _write("02-minimal-en.yaml", {
        "format": 1, "id": "minimal_en", "title": "Minimal English", "language": "en",
        "summary": "Defaults everywhere.", "goal": "Stay together.",
        "territory": {"name": "Here", "description": "A place.", "facts": ["One fact."]},
        "rounds": 3,
        "indicators": [{"id": "trust", "label": "Trust", "start": 0, "min": -5, "max": 5}],
        "characters": [
            {"id": "mayor", "name": "Mayor", "role": "elected", "objective": "be re-elected"},
            {"id": "tenant", "name": "Tenant", "role": "inhabitant", "objective": "a better flat"},
            {"id": "landlord", "name": "Landlord", "role": "housing", "objective": "balance the books"},
        ],
        "actions": [{"id": "talk", "title": "Talk", "effects": {"trust": 1}}],
        "debrief": {"rounds": {2: ["What changed in round 2?"]}, "final": [{"phase": "et_apres", "text": "Next?"}]},
    })


def maximal() -> None:
    indicators = [
        {"id": f"ind{i}", "label": _nospace(f"Indicateur{i}SansEspace", 60),
         "description": _long(f"jauge {i}", 400), "min": -3 if i % 2 else 0, "max": 12, "start": 4}
        for i in range(8)
    ]
    resources = [
        {"id": "temps", "label": "Temps ⏳", "max": 5, "per_round": 1},
        {"id": "argent", "label": "Argent €", "max": 10, "per_round": 2},
        {"id": "legitimite", "label": "Légitimité", "max": 3},
        {"id": "energie", "label": "Énergie ⚡", "max": 4, "per_round": 0},
    ]
    postures = [
        {"id": f"p{i}", "label": ["Imposer", "Trancher", "Informer", "Écouter", "Consulter",
                                  "Co-construire", "Déléguer", "Faire confiance"][i],
         "description": _long(f"posture {i}", 300), "coop": [-2, -1, 0, 0, 1, 2, 1, 2][i],
         "effects": {f"ind{i}": 1, f"ind{(i + 1) % 8}": -1}}
        for i in range(8)
    ]
    scripts = ["Анна-Мария", "محمد", "李小龙", "Ἀθηνᾶ", "Zoë 🌻", "Ngozi", "Ютта", "Nguyễn"]
    characters = []
    for i in range(16):
        characters.append({
            "id": f"perso{i:02d}",
            "name": (scripts[i % 8] + "_" + _nospace("PrésidenteDeLAssociationDesLocataires", 90)) if i < 8 else f"Réserve {i}",
            "role": _nospace("CoordinatriceDuTiersLieu", 120),
            "objective": _long(f"objectif {i}", 3990),
            "description": _long(f"description {i}", 4000),
            "secret": _long(f"secret {i}", 3999),
            "resources": {"temps": i % 6, "argent": 0} if i % 3 else {},
        })
    actions = []
    for i in range(24):
        action = {
            "id": f"action{i:02d}",
            "title": _nospace(f"TitreTrèsLongSansAucunEspace{i}", 120),
            "description": _long(f"action {i}", 4000),
            "effects": {f"ind{i % 8}": 2, f"ind{(i + 3) % 8}": -1},
            "by_posture": {f"p{j}": {f"ind{j}": 1} for j in range(0, 8, 2)},
            "tags": ["long", f"t{i % 3}"],
        }
        if i % 4 == 0:
            action["cost"] = {"temps": 1, "argent": 2}
        if i % 5 == 0:
            action["who"] = [f"perso{j:02d}" for j in range(i % 16, 16, 3)]
        if i % 6 == 0:
            action["once"] = True
        if i % 7 == 0:
            action["requires"] = {"round_at_least": 2}
        actions.append(action)
    events = [
        {"id": f"alea{i}", "title": _long(f"aléa {i}", 200), "text": _long(f"texte aléa {i}", 4000),
         "effects": {f"ind{i % 8}": -2}, "rounds": [r for r in range(1, 21) if r % 3 == i % 3],
         "weight": 0.5 + i}
        for i in range(6)
    ]
    _write("03-maximal.yaml", {
        "format": 1, "id": "maximal-fr", "title": _nospace("LeQuartierDesHautsDeLaColline🏙️", 200),
        "language": "fr", "summary": _long("résumé", 4000), "goal": _long("but", 4000),
        "territory": {"name": _nospace("QuartierPrioritaireDeLaPolitiqueDeLaVille", 300),
                      "description": _long("territoire", 4000),
                      "facts": [_long(f"fait {i}", 500) for i in range(10)]},
        "players": {"min": 2, "max": 8}, "rounds": 20, "debrief_minutes": 0.5,
        "indicators": indicators, "resources": resources, "postures": postures,
        "characters": characters, "actions": actions, "events": events, "events_per_round": 3,
        "round_texts": {r: _long(f"tour {r}", 4000) for r in range(1, 21)},
        "synergies": [{"id": "tous-ensemble", "text": _long("synergie", 1000),
                       "when": {"coop_average_at_least": 1}, "effects": {"ind0": 2}}],
        "debrief": {
            "every_round": [{"phase": p, "text": _long(p, 1500)} for p in
                            ("ressenti", "faits", "analyse", "transfert", "et_si", "et_apres")],
            "rounds": {r: [_long(f"question du tour {r}", 800)] for r in range(1, 21, 2)},
            "triggers": [{"when": {"posture_count": {"p0": 2}}, "ask": _long("deux imposent", 2000)}],
            "final": [_long("final", 4000), {"phase": "transfert", "text": "Et chez vous ?"}],
        },
        "endings": [
            {"id": "reussite", "title": _nospace("RéussiteCollective", 150), "text": _long("fin", 4000),
             "when": {"indicator_at_least": {"ind0": 8}}},
            {"id": "defaut", "title": "Fin", "text": _long("défaut", 4000)},
        ],
    })


def all_conditions() -> None:
    every_test = {
        "round_at_least": 1, "round_at_most": 20,
        "indicator_at_least": {"confiance": 0}, "indicator_at_most": {"confiance": 10},
        "posture_count": {"consulter": 1},
        "coop_average_at_least": -2, "coop_average_at_most": 2,
        "action_played": ["reunion"], "ever_played": ["reunion"],
        "character_posture": {"elue": "consulter"},
        "any": [{"not": {"any": [{"round_at_most": 1}, {"not": {"ever_played": ["projet"]}}]}},
                {"indicator_at_least": {"avancement": 3}}],
        "not": {"not": {"round_at_least": 1}},
    }
    _write("04-all-conditions.yaml", {
        "format": 1, "id": "conditions", "title": "Toutes les conditions", "language": "fr",
        "summary": "Chaque test de condition, y compris any/not imbriqués.", "goal": "Tester.",
        "territory": {"name": "Quartier", "description": "Un quartier."},
        "rounds": 6,
        "indicators": [{"id": "confiance", "label": "Confiance", "start": 5},
                       {"id": "avancement", "label": "Avancement", "start": 2}],
        "characters": [
            {"id": "elue", "name": "Élue", "role": "maire adjointe", "objective": "réussir"},
            {"id": "bailleur", "name": "Bailleur", "role": "bailleur social", "objective": "rénover"},
            {"id": "habitante", "name": "Habitante", "role": "habitante", "objective": "être écoutée"},
        ],
        "actions": [
            {"id": "reunion", "title": "Réunion publique", "effects": {"confiance": 1},
             "by_posture": {"consulter": {"confiance": 1}, "imposer": {"confiance": -2}}},
            {"id": "projet", "title": "Lancer le projet", "effects": {"avancement": 2},
             "requires": {"ever_played": ["reunion"]}},
            {"id": "bilan", "title": "Bilan", "requires": every_test},
            {"id": "debut", "title": "Premier tour", "requires": {"round_at_most": 1}},
            {"id": "apres", "title": "Après une consultation",
             "requires": {"any": [{"posture_count": {"consulter": 1}}, {"character_posture": {"elue": "co_construire"}}]}},
        ],
        "events": [
            {"id": "pluie", "title": "Pluie", "text": "Il pleut.", "effects": {"confiance": -1},
             "when": {"not": {"indicator_at_most": {"confiance": 1}}}},
            {"id": "presse", "title": "Presse", "text": "Un article.", "when": every_test},
            {"id": "fete", "title": "Fête", "text": "La fête des voisins.", "rounds": [3, 4], "weight": 3},
        ],
        "events_per_round": 2,
        "synergies": [
            {"id": "ensemble", "text": "Tous ensemble !", "when": every_test, "effects": {"avancement": 1}},
            {"id": "dialogue", "text": "Le dialogue s’installe.",
             "when": {"action_played": ["reunion"], "coop_average_at_least": 1}},
        ],
        "debrief": {
            "every_round": ["Qui a coopéré ?"],
            "triggers": [{"when": every_test, "ask": "Tout était réuni ?"},
                         {"when": {"posture_count": {"imposer": 2}}, "ask": {"phase": "et_si", "text": "Et si personne n’imposait ?"}}],
            "final": ["Qu’en retenez-vous ?"],
        },
        "endings": [
            {"id": "tout", "title": "Tout", "text": "Tout tenait.", "when": every_test},
            {"id": "projet", "title": "Projet lancé", "text": "Le projet est lancé.",
             "when": {"ever_played": ["projet"], "indicator_at_least": {"avancement": 6}}},
        ],
    })


def once_and_requires() -> None:
    _write("05-once-requires.yaml", {
        "format": 1, "id": "once-requires", "title": "Une seule fois", "language": "fr",
        "summary": "Actions « once » et exigences au tour 1.", "goal": "Ne rater aucune occasion.",
        "territory": {"name": "Centre", "description": "Le centre-ville."},
        "rounds": 4, "players": {"min": 2, "max": 3},
        "indicators": [{"id": "lien", "label": "Lien social", "start": 3}],
        "characters": [{"id": f"c{i}", "name": f"Personne {i}", "role": "r", "objective": "o"} for i in range(4)],
        "actions": [
            {"id": "unique", "title": "Occasion unique", "once": True, "effects": {"lien": 3}},
            {"id": "jamais-au-1", "title": "Jamais au tour 1", "requires": {"action_played": ["unique"]}},
            {"id": "posture-avant", "title": "Après une confiance",
             "requires": {"character_posture": {"c0": "faire_confiance"}}},
            {"id": "tour1", "title": "Seulement au tour 1", "once": True, "requires": {"round_at_most": 1}},
        ],
        "debrief": DEBRIEF_MIN,
        "endings": [{"id": "fin", "title": "Fin", "text": "C’est fini."}],
    })


def endings_without_default() -> None:
    _write("06-endings-no-default.yaml", {
        "format": 1, "id": "no-default", "title": "Sans fin par défaut", "language": "en",
        "summary": "Endings that may all fail.", "goal": "Reach 10.",
        "territory": {"name": "Town", "description": "A town."},
        "rounds": 2,
        "indicators": [{"id": "score", "label": "Score", "start": 0, "max": 100}],
        "characters": [{"id": "a", "name": "A", "role": "r", "objective": "o"},
                       {"id": "b", "name": "B", "role": "r", "objective": "o"}],
        "actions": [{"id": "small", "title": "Small step", "effects": {"score": 1}}],
        "debrief": DEBRIEF_MIN,
        "endings": [{"id": "unreachable", "title": "Never", "text": "Never.", "when": {"indicator_at_least": {"score": 99}}},
                    {"id": "late", "title": "Late", "text": "Late.", "when": {"round_at_least": 5}}],
    })


def images() -> None:
    folder = OUT / "images"
    folder.mkdir(exist_ok=True)
    (folder / "elue.png").write_bytes(_png(64, 96, (200, 80, 40)))
    (folder / "large.png").write_bytes(_png(1200, 900, (20, 120, 200)))
    _write("07-images.yaml", {
        "format": 1, "id": "images", "title": "Portraits", "language": "fr",
        "summary": "Des personnages avec image.", "goal": "Se voir.",
        "territory": {"name": "Quartier", "description": "Avec des visages."},
        "rounds": 2,
        "indicators": [{"id": "x", "label": "X", "start": 5}],
        "characters": [
            {"id": "elue", "name": "Élue", "role": "élue", "objective": "o", "image": "images/elue.png"},
            {"id": "grand", "name": "Grand portrait", "role": "r", "objective": "o", "image": "images/large.png"},
            {"id": "sans", "name": "Sans image", "role": "r", "objective": "o"},
        ],
        "actions": [{"id": "agir", "title": "Agir"}],
        "debrief": DEBRIEF_MIN,
    })


def observer_only() -> None:
    _write("08-observer-only.yaml", {
        "format": 1, "id": "observer-only", "title": "Sans moyens", "language": "fr",
        "summary": "Un personnage ne peut qu’observer : ses actions coûtent ce qu’il n’a pas.",
        "goal": "Faire avec peu.",
        "territory": {"name": "Cité", "description": "Peu de moyens."},
        "rounds": 3,
        "indicators": [{"id": "x", "label": "X", "start": 5}],
        "resources": [{"id": "budget", "label": "Budget", "max": 3, "per_round": 0}],
        "characters": [
            {"id": "riche", "name": "Riche", "role": "r", "objective": "o"},
            {"id": "pauvre", "name": "Pauvre", "role": "r", "objective": "o", "resources": {"budget": 0}},
        ],
        "actions": [
            {"id": "financer", "title": "Financer", "cost": {"budget": 2}, "effects": {"x": 2}},
            {"id": "cher", "title": "Très cher", "who": ["pauvre"], "cost": {"budget": 1}},
            {"id": "gratuit", "title": "Gratuit", "who": ["riche"], "cost": {"budget": 0}},
        ],
        "debrief": DEBRIEF_MIN,
    })


def resources_zero() -> None:
    _write("09-resources-zero.yaml", {
        "format": 1, "id": "resources-zero", "title": "Tout à zéro", "language": "en",
        "summary": "Every resource starts at 0 and regains slowly.", "goal": "Save up.",
        "territory": {"name": "Estate", "description": "An estate."},
        "rounds": 5,
        "indicators": [{"id": "x", "label": "X", "start": 0, "min": 0, "max": 3}],
        "resources": [{"id": "time", "label": "Time", "max": 2, "per_round": 1},
                      {"id": "money", "label": "Money", "max": 1, "per_round": 0},
                      {"id": "voice", "label": "Voice", "max": 5, "per_round": 5}],
        "characters": [{"id": f"c{i}", "name": f"C{i}", "role": "r", "objective": "o",
                        "resources": {"time": 0, "money": 0, "voice": 0}} for i in range(3)],
        "actions": [
            {"id": "wait", "title": "Costs time", "cost": {"time": 1}, "effects": {"x": 1}},
            {"id": "pay", "title": "Costs money", "cost": {"money": 1}, "effects": {"x": 3}},
            {"id": "shout", "title": "Costs all the voice", "cost": {"voice": 5, "time": 2}, "effects": {"x": -1}},
        ],
        "postures": [{"id": "give", "label": "Give", "coop": 2, "effects": {"x": 5}},
                     {"id": "take", "label": "Take", "coop": -2, "effects": {"x": -5}}],
        "debrief": DEBRIEF_MIN,
        "endings": [{"id": "top", "title": "Top", "text": "Top.", "when": {"indicator_at_least": {"x": 3}}},
                    {"id": "bottom", "title": "Bottom", "text": "Bottom."}],
    })


def round_keys() -> None:
    _write("10-round-keys.yaml", {
        "format": 1, "id": "round-keys", "title": "Textes par tour", "language": "fr",
        "summary": "round_texts et debrief.rounds avec clés entières, toutes les phases.",
        "goal": "Suivre le fil.",
        "territory": {"name": "Village", "description": "Un village.", "facts": ["2 000 habitants", "1 école"]},
        "rounds": 4,
        "indicators": [{"id": "x", "label": "X", "start": 5}],
        "characters": [{"id": "a", "name": "A", "role": "r", "objective": "o"},
                       {"id": "b", "name": "B", "role": "r", "objective": "o"}],
        "actions": [{"id": "agir", "title": "Agir"}],
        "round_texts": {1: "Premier tour : tout commence.", 4: "Dernier tour !"},
        "events": [{"id": "e1", "title": "Un aléa", "text": "Il se passe quelque chose.", "rounds": [2]}],
        "debrief": {
            "rounds": {1: [{"phase": "ressenti", "text": "Comment ça va ?"}],
                       3: ["Plain text", {"phase": "et_si", "text": "Et si ?"}, {"phase": "faits", "text": "Les faits."}]},
            "final": [{"phase": "transfert", "text": "Chez vous ?"}],
        },
    })


def eight_of_eight() -> None:
    _write("11-eight-exact.yaml", {
        "format": 1, "id": "eight-exact", "title": "Huit équipes, pas une de moins", "language": "fr",
        "summary": "players min = max = 8.", "goal": "Tous autour de la table.",
        "territory": {"name": "Métropole", "description": "Grande."},
        "rounds": 2, "players": {"min": 8, "max": 8},
        "indicators": [{"id": f"i{k}", "label": f"Indicateur {k}", "start": k} for k in range(8)],
        "characters": [{"id": f"c{k}", "name": f"Acteur n°{k}", "role": "rôle", "objective": "objectif"} for k in range(8)],
        "actions": [{"id": f"a{k}", "title": f"Action {k}", "who": [f"c{k}"], "effects": {f"i{k}": 1}} for k in range(8)],
        "events": [{"id": "seul", "title": "Seul aléa", "text": "Un seul aléa possible.", "rounds": [1]}],
        "events_per_round": 3,
        "debrief": DEBRIEF_MIN,
    })


def events_zero() -> None:
    _write("12-events-zero.yaml", {
        "format": 1, "id": "events-zero", "title": "Aléas désactivés", "language": "en",
        "summary": "Events exist but events_per_round is 0.", "goal": "Calm.",
        "territory": {"name": "Calm", "description": "Nothing happens."},
        "rounds": 3, "debrief_minutes": 60,
        "indicators": [{"id": "x", "label": "X", "start": -100, "min": -100, "max": 100}],
        "characters": [{"id": "a", "name": "A", "role": "r", "objective": "o"},
                       {"id": "b", "name": "B", "role": "r", "objective": "o"}],
        "actions": [{"id": "go", "title": "Go", "effects": {"x": 1000}}],
        "events": [{"id": "never", "title": "Never", "text": "Never drawn.", "effects": {"x": -1000}}],
        "events_per_round": 0,
        "debrief": DEBRIEF_MIN,
        "endings": [{"id": "maxed", "title": "Maxed", "text": "Maxed.", "when": {"indicator_at_least": {"x": 100}}}],
    })


def handwritten() -> None:
    """Files as a trainer would type them: BOM, CRLF, comments, flow style, quoted keys."""
    text = (
        "# Scénario écrit à la main\n"
        "format: 1\nid: main-levee\ntitle: « À main levée »\nlanguage: fr\n"
        "summary: >\n  Un texte replié\n  sur plusieurs lignes.\n"
        "territory: {name: 'Quartier « Les Tilleuls »', description: \"Tab\\there.\"}\n"
        "goal: |\n  Ligne 1\n  Ligne 2\n"
        "rounds: 2\n"
        "indicators:\n  - {id: x, label: X, start: 5, min: 0, max: 10}\n"
        "characters:\n"
        "  - id: a\n    name: Aïcha\n    role: habitante\n    objective: « être entendue »\n    secret: \"\"\n"
        "  - {id: b, name: Bernard, role: bailleur, objective: rénover}\n"
        "actions: [{id: parler, title: Parler, tags: [oral]}]\n"
        "round_texts: {1: Début, 2: Fin}\n"
        "debrief:\n  every_round: [Alors ?]\n  final: [Bilan ?]\n"
    )
    # secret "" is an empty text: the format says text; keep a valid version without it
    text = text.replace("    secret: \"\"\n", "    secret: Elle déménage bientôt.\n")
    (OUT / "13-handwritten-bom-crlf.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for make in (minimal_fr, minimal_en, maximal, all_conditions, once_and_requires, endings_without_default,
                 images, observer_only, resources_zero, round_keys, eight_of_eight, events_zero, handwritten):
        make()


if __name__ == "__main__":
    main()
