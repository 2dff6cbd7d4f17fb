"""The English starting scenario written by `coop new-scenario --lang en` (same lessons as the French one)."""

TEMPLATE_EN = """\
# Starting scenario for "COOP ou pas COOP" (format 1).
# Edit it, then check it:   coop validate {filename}
# Key completion in VS Code: "coop schema" (see docs/schema-vscode.md).
# Format rules: keys stay in English, texts are in the scenario's language.
# Indent with spaces (never tabs).
# A text that contains ": " or starts with a special character
# ("-", "[", "*", "&", "!", "#"...) goes between quotes.

format: 1                      # format version: always 1
id: {ident}              # id: lowercase letters without accents, digits, _ and -
title: The Hollybrook Community Garden
language: en                   # fr or en: the language of the texts
summary: >-
  A fenced-off plot at the foot of the tower blocks could become a shared garden.
  Who decides, with whom, and how fast?
territory:
  name: Hollybrook Estate
  description: >-
    Four social housing towers, a parade of shops losing its tenants,
    and a wasteland fenced off for ten years between the school and the car park.
  facts:                       # optional: a few facts shown with the territory
    - 1,800 residents, a third of them under 25
    - One of the most deprived neighbourhoods in the borough
goal: Open a shared garden that residents keep alive.

players:                       # optional: how many characters are in play
  min: 2
  max: 3
rounds: 3                      # default number of rounds (1 to 20)
debrief_minutes: 5             # optional: the debrief timer (0.5 to 60)

# The territory's shared gauges (1 to 8). min and max are 0 and 10 by default.
indicators:
  - id: trust
    label: Residents' trust
    description: What residents think of the institutions' word.
    start: 4
  - id: progress
    label: Project progress
    start: 2

# Optional: what each character spends (0 to 4 resources).
resources:
  - id: time
    label: Time available
    max: 3
    per_round: 1               # regained every round from the second one on

# Without the `postures` key, the game uses the six default postures
# (their ids stay in French; the game shows them in English):
# imposer (-2), decider_seul (-1), informer (0), consulter (1),
# co_construire (2), faire_confiance (2). To replace them:
# postures:
#   - {{id: imposer, label: Impose, coop: -2}}
#   - {{id: co_construire, label: Co-design, coop: 2, effects: {{trust: 1}}}}

characters:                    # 2 to 16; the facilitator picks who is in play
  - id: councillor
    name: Sarah Okafor
    role: Cabinet member for communities and neighbourhoods
    objective: Open the garden before the local elections.
    secret: Her group thinks she "consults too much".   # seen only by her team
  - id: housing_manager
    name: Tom Whitfield
    role: Area manager at the housing association
    objective: Keep the upkeep costs of the plot down.
    resources: {{time: 2}}       # a resource left out starts at its maximum
  - id: tenants_chair
    name: Maria Costa
    role: Chair of the tenants' and residents' association
    objective: Make sure the families in the towers really have a say.

# The cards: every character must be able to play at least one.
# The "observer" action (doing nothing) always exists: do not define it again.
actions:
  - id: public_meeting
    title: Public meeting at the community centre
    description: Present the project and gather views.
    who: [councillor, housing_manager]   # left out: anyone can play it
    cost: {{time: 1}}
    effects: {{progress: 1}}
    by_posture:                # added according to the posture taken with the action
      co_construire: {{trust: 2}}
      imposer: {{trust: -2}}
  - id: estate_walk
    title: Walkabout with women from the estate
    who: [tenants_chair, councillor]
    cost: {{time: 2}}
    effects: {{trust: 1, progress: 1}}
    requires:                  # a condition checked when the card is chosen
      round_at_least: 2
  - id: fence_the_plot
    title: Put the fences back up around the plot
    who: [housing_manager]
    effects: {{progress: -1, trust: -1}}
    once: true                 # nobody can choose it after the round in which it is played
    tags: [security]

# The events: each round draws `events_per_round` of them (1 by default).
events:
  - id: bin_fire
    title: Bin fire
    text: A bin fire at the foot of Block B stirs up tensions again.
    effects: {{trust: -1}}
    rounds: [2, 3]             # optional: the rounds in which it can come up
  - id: funding_call
    title: Call for projects
    text: "A government call for projects: three weeks to put in a bid."
    effects: {{progress: 1}}
    weight: 2                  # twice as likely to be drawn
    when: {{indicator_at_least: {{trust: 3}}}}

round_texts:                   # optional: the situation at the start of a round
  1: The plot is still fenced off. Children play in the car park.
  3: Last round before the summer.

synergies:                     # optional: an effect when a condition holds at the reveal
  - id: everyone_at_the_table
    text: "Everyone played together: the estate notices."
    when: {{coop_average_at_least: 1.5}}
    effects: {{trust: 1}}

# At least one question for the rounds (every_round or rounds) and one for the end.
# A question is a text (phase "analyse") or {{phase: ..., text: ...}} with
# phase among ressenti (feelings), faits (facts), analyse (analysis),
# transfert (transfer), et_si (what if), et_apres (what next); the ids stay in French.
debrief:
  every_round:
    - {{phase: ressenti, text: How do you feel after this round?}}
    - Who decided, and who was listened to?
  rounds:
    2:
      - {{phase: et_si, text: What if the tenants' association had not been invited?}}
  triggers:
    - when: {{posture_count: {{imposer: 2}}}}
      ask: Two characters imposed. What pushed them to it?
  final:
    - {{phase: transfert, text: What looks like your own neighbourhood?}}
    - {{phase: et_apres, text: What will you do differently on Monday?}}

# The first ending whose `when` holds wins; the one without `when` comes last.
endings:
  - id: garden_open
    title: The garden opens
    text: Residents hold the keys to the garden.
    when:
      indicator_at_least: {{progress: 5, trust: 5}}
  - id: wasteland
    title: The plot stays fenced off
    text: The project will wait for the next council term.
"""
