"""The commented starting scenario written by `coop new-scenario`: valid as it is, and a lesson in the format.

The French text is here; the English one (`--lang en`) is in template_en.py.
"""

from __future__ import annotations

import re
import unicodedata

_TEMPLATE = """\
# Scénario de départ pour « COOP ou pas COOP » (format 1).
# Modifiez-le, puis vérifiez-le :   coop validate {filename}
# Complétion des clés dans VS Code : « coop schema » (voir docs/schema-vscode.md).
# Règles du format : les clés restent en anglais, les textes sont dans la
# langue du scénario. Indentez avec des espaces (jamais de tabulation).
# Un texte qui contient « : » ou commence par un caractère spécial
# (« - », « [ », « * », « & », « ! », « # »...) se met entre guillemets.

format: 1                      # version du format : toujours 1
id: {ident}              # identifiant : minuscules sans accents, chiffres, _ et -
title: Les jardins des Peupliers
language: fr                   # fr ou en : langue des textes
summary: >-
  Une friche au pied des tours doit devenir un jardin partagé.
  Qui décide, avec qui, et à quel rythme ?
territory:
  name: Quartier des Peupliers
  description: >-
    Quatre tours de logement social, un centre commercial qui se vide,
    une friche grillagée depuis dix ans entre l'école et le parking.
  facts:                       # facultatif : quelques faits affichés avec le territoire
    - 1 800 habitants, dont un tiers de moins de 25 ans
    - Quartier prioritaire de la politique de la ville (QPV)
goal: Ouvrir un jardin partagé que les habitants fassent vivre.

players:                       # facultatif : combien de personnages sont en jeu
  min: 2
  max: 3
rounds: 3                      # nombre de tours par défaut (1 à 20)
debrief_minutes: 5             # facultatif : minuteur du débriefing (0.5 à 60)

# Les jauges partagées du territoire (1 à 8). min et max valent 0 et 10 par défaut.
indicators:
  - id: confiance
    label: Confiance des habitants
    description: Ce que les habitants pensent de la parole des institutions.
    start: 4
  - id: avancement
    label: Avancement du projet
    start: 2

# Facultatif : ce que chaque personnage dépense (0 à 4 ressources).
resources:
  - id: temps
    label: Temps disponible
    max: 3
    per_round: 1               # regagné à chaque tour à partir du deuxième

# Sans la clé `postures`, le jeu prend les six postures par défaut :
# imposer (-2), decider_seul (-1), informer (0), consulter (1),
# co_construire (2), faire_confiance (2). Pour les remplacer :
# postures:
#   - {{id: imposer, label: Imposer, coop: -2}}
#   - {{id: co_construire, label: Co-construire, coop: 2, effects: {{confiance: 1}}}}

characters:                    # 2 à 16 ; l'animateur choisit qui est en jeu
  - id: elue
    name: Nadia Benali
    role: Adjointe au maire chargée de la politique de la ville
    objective: Inaugurer le jardin avant les élections.
    secret: Son groupe lui reproche de « trop consulter ».   # vu seulement par son équipe
  - id: bailleur
    name: Paul Lemoine
    role: Directeur d'agence du bailleur social
    objective: Limiter les coûts d'entretien de la friche.
    resources: {{temps: 2}}      # une ressource absente commence à son maximum
  - id: amicale
    name: Fatou Diallo
    role: Présidente de l'amicale des locataires
    objective: Que les familles des tours aient vraiment leur mot à dire.

# Les cartes : chaque personnage doit pouvoir en jouer au moins une.
# L'action « observer » (ne rien faire) existe toujours : ne la redéfinissez pas.
actions:
  - id: reunion_publique
    title: Réunion publique à la maison du projet
    description: Présenter le projet et recueillir les avis.
    who: [elue, bailleur]      # absent : tout le monde peut la jouer
    cost: {{temps: 1}}
    effects: {{avancement: 1}}
    by_posture:                # ajouté selon la posture prise avec l'action
      co_construire: {{confiance: 2}}
      imposer: {{confiance: -2}}
  - id: marche_exploratoire
    title: Marche exploratoire avec les habitantes
    who: [amicale, elue]
    cost: {{temps: 2}}
    effects: {{confiance: 1, avancement: 1}}
    requires:                  # condition vérifiée au moment du choix
      round_at_least: 2
  - id: cloturer_la_friche
    title: Reposer les grilles de la friche
    who: [bailleur]
    effects: {{avancement: -1, confiance: -1}}
    once: true                 # plus personne ne peut la choisir après le tour où elle est jouée
    tags: [securite]

# Les aléas : chaque tour en tire `events_per_round` (1 par défaut).
events:
  - id: feu_de_poubelles
    title: Feu de poubelles
    text: Un feu de poubelles au pied de la tour B relance les tensions.
    effects: {{confiance: -1}}
    rounds: [2, 3]             # facultatif : tours où il peut sortir
  - id: appel_a_projets
    title: Appel à projets
    text: "Un appel à projets de l'État : trois semaines pour déposer un dossier."
    effects: {{avancement: 1}}
    weight: 2                  # deux fois plus de chances d'être tiré
    when: {{indicator_at_least: {{confiance: 3}}}}

round_texts:                   # facultatif : texte de situation d'un tour
  1: La friche est toujours fermée. Les enfants jouent sur le parking.
  3: Dernier tour avant l'été.

synergies:                     # facultatif : un effet quand une condition tient à la révélation
  - id: tous_autour_de_la_table
    text: "Tout le monde a joué collectif : le quartier le remarque."
    when: {{coop_average_at_least: 1.5}}
    effects: {{confiance: 1}}

# Au moins une question pour les tours (every_round ou rounds) et une pour la fin.
# Une question est un texte (phase « analyse ») ou {{phase: ..., text: ...}} avec
# phase parmi ressenti, faits, analyse, transfert, et_si, et_apres.
debrief:
  every_round:
    - {{phase: ressenti, text: Comment vous sentez-vous après ce tour ?}}
    - Qui a décidé, qui a été écouté ?
  rounds:
    2:
      - {{phase: et_si, text: "Et si l'amicale n'avait pas été invitée ?"}}
  triggers:
    - when: {{posture_count: {{imposer: 2}}}}
      ask: Deux personnages ont imposé. Qu'est-ce qui les y a poussés ?
  final:
    - {{phase: transfert, text: Qu'est-ce qui ressemble à votre territoire ?}}
    - {{phase: et_apres, text: Que ferez-vous autrement lundi ?}}

# La première fin dont le `when` tient l'emporte ; celle sans `when` vient en dernier.
endings:
  - id: jardin_ouvert
    title: Le jardin ouvre
    text: Les habitants tiennent les clés du jardin.
    when:
      indicator_at_least: {{avancement: 5, confiance: 5}}
  - id: friche
    title: La friche reste grillagée
    text: Le projet attendra le prochain mandat.
"""


def scenario_id_from(stem: str, fallback: str = "mon_scenario") -> str:
    """An id for a new scenario, taken from its file name (`Mon quartier` -> `mon_quartier`)."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    ident = re.sub(r"[^a-z0-9_-]+", "_", ascii_text).strip("_")[:64]
    return ident or fallback


def starting_scenario(stem: str, language: str = "fr") -> str:
    """The text of a new scenario file named `stem`.yaml, in `language` (fr or en; French by default)."""
    if language == "en":
        from game.content.template_en import TEMPLATE_EN

        return TEMPLATE_EN.format(ident=scenario_id_from(stem, "my_scenario"), filename=f"{stem}.yaml")
    return _TEMPLATE.format(ident=scenario_id_from(stem), filename=f"{stem}.yaml")
