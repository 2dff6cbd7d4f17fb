"""The report for partners as a list of plain blocks, written once and drawn as HTML or as PDF.

Summary first (scenario, date, place, facilitator, participants, the ending, the
commitments), then the story in three charts, the moments of disagreement, the
notes, and the round-by-round detail; the technical data (seed, program) goes to
the footer. Blocks are tuples: ("title", text), ("facts", [(label, value)]),
("ending", title, text), ("h2", text, page_break_before), ("h3", text),
("p", text, css), ("list", [text], css), ("figure", Figure, caption, key),
("footer", [text]). Texts are plain: each renderer escapes them for its own page.
"""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from game.content.plain import prompt_of
from game.i18n import Catalog, team_display
from game.session.report_charts import indicators_figure, postures_figure, verdicts_figure
from game.session.report_text import Labels, split_moves

if TYPE_CHECKING:
    from game.content.model import Scenario

STORY = Catalog({
    "fr": {
        "kind": "Compte rendu d'atelier", "place": "Lieu", "facilitator": "Animation",
        "participants": "Participants", "participants_value": "{n} personnes (le plus grand nombre de voix sur un coup)",
        "participants_given": "{n} personnes", "participants_room": "{n} personnes (la salle, dite au vote)",
        "tables": "Équipes", "commitments": "Les engagements de la salle",
        "no_commitments": "Aucun engagement n'a été noté.", "story": "L'histoire en trois graphiques",
        "chart_indicators": "Les indicateurs du territoire au fil des tours",
        "chart_postures": "Le chemin de chaque personnage, du « je » (en bas) au « nous » (en haut)",
        "chart_verdicts": "Le verdict de la salle sur chaque coup (≠ : avis partagés)",
        "disagreement": "Les moments de désaccord", "no_disagreement": "La salle n'a été partagée sur aucun coup.",
        "detail": "Le détail, tour par tour", "every_round": "Questions posées à chaque tour",
        "this_round": "Questions propres à ce tour", "ending_none": "Aucune fin ne s'applique.",
        "footer_seed": "Graine du tirage : {seed}", "footer_program": "Programme : COOP ou pas COOP {version}",
        "footer_file": "Fichier de session : {file}", "je": "je", "nous": "nous",
        "legend_coop": "COOP", "legend_depends": "ça dépend", "legend_pas_coop": "pas COOP",
        "round_note": "{round} — {text}", "notes_left_out": "Les notes de l'animation ne figurent pas dans ce document.",
    },
    "en": {
        "kind": "Workshop report", "place": "Place", "facilitator": "Facilitator",
        "participants": "Participants", "participants_value": "{n} people (the most votes cast on one move)",
        "participants_given": "{n} people", "participants_room": "{n} people (the room, as said at the vote)",
        "tables": "Teams", "commitments": "The room's commitments",
        "no_commitments": "No commitment was written down.", "story": "The story in three charts",
        "chart_indicators": "The territory's indicators over the rounds",
        "chart_postures": "Each character's path, from “I” (bottom) to “we” (top)",
        "chart_verdicts": "The room's verdict on each move (≠: split verdict)",
        "disagreement": "Moments of disagreement", "no_disagreement": "The room was split on no move.",
        "detail": "Round by round", "every_round": "Questions asked every round",
        "this_round": "Questions of this round", "ending_none": "No ending applies.",
        "footer_seed": "Draw seed: {seed}", "footer_program": "Program: COOP ou pas COOP {version}",
        "footer_file": "Session file: {file}", "je": "I", "nous": "we",
        "legend_coop": "COOP", "legend_depends": "it depends", "legend_pas_coop": "not COOP",
        "round_note": "{round} — {text}", "notes_left_out": "The facilitator's notes are left out of this document.",
    },
})


def participants(report: dict) -> tuple[int, str]:
    """How many people were in the room, and where the figure comes from (the key of its words): a setup
    figure when there is one, else the room's size the facilitator typed at the verdict (N), else the
    most votes cast on one move."""
    given = report.get("workshop", {}).get("participants")
    if given:
        return int(given), "participants_given"
    if report.get("room_size"):
        return int(report["room_size"]), "participants_room"
    return max((v["coop"] + v["pas_coop"] + v["depends"] for r in report["rounds"] for v in r["verdicts"]),
               default=0), "participants_value"


def charts(report: dict, scenario: Scenario, language: str) -> list[tuple[str, Any, str]]:
    """The three charts (key, Figure, caption) — the one computation both the HTML and the PDF draw."""
    say = Labels(scenario, language)

    def tell(key: str, **values: Any) -> str:
        return STORY(language, key, **values)

    indicators = [(i.id, i.label, i.min, i.max) for i in scenario.indicators]
    numbers = [r["number"] for r in report["rounds"]]

    def point_label(k: int) -> str:
        return say("start") if k == 0 else say("short_round", number=numbers[k - 1])

    def round_label(number: int) -> str:
        return say("short_round", number=number)

    rows = [(c, say.characters[c].name) for c in report["characters"]]
    coop_of = {p.id: p.coop if p.coop is not None else 0 for p in scenario.postures}   # à débattre: the middle
    legend = {k: tell("legend_" + k) for k in ("coop", "depends", "pas_coop")}
    found = [
        ("indicators", indicators_figure(report, indicators, tell("chart_indicators"), point_label),
         tell("chart_indicators")),
        ("postures", postures_figure(report, rows, coop_of, tell("chart_postures"),
                                     round_label, (tell("je"), tell("nous"))), tell("chart_postures")),
    ]
    if any(r["verdicts"] for r in report["rounds"]):
        found.append(("verdicts", verdicts_figure(report, rows, tell("chart_verdicts"), round_label,
                                                  say("split"), legend), tell("chart_verdicts")))
    return found


def story(report: dict, scenario: Scenario, language: str, notes: bool = True) -> list[tuple]:
    """The blocks of the partners' report, in reading order."""
    say = Labels(scenario, language)

    def tell(key: str, **values: Any) -> str:
        return STORY(language, key, **values)

    teams = {ident: team_display(name, language) for ident, name in report["teams"].items()}
    workshop = report.get("workshop", {})
    blocks: list[tuple] = [("title", scenario.title, tell("kind"))]
    facts = [(say("date"), (report["times"]["created"] or "")[:10])]
    if workshop.get("place"):
        facts.append((tell("place"), workshop["place"]))
    if workshop.get("facilitator"):
        facts.append((tell("facilitator"), workshop["facilitator"]))
    count, words = participants(report)
    if count:
        facts.append((tell("participants"), tell(words, n=count)))
    facts.append((tell("tables"), ", ".join(teams[c] for c in report["characters"])))
    facts.append((say("territory"), scenario.territory.name))
    facts.append((say("rounds_played"), f"{len(report['rounds'])} / {report['settings']['rounds']}"))
    blocks.append(("facts", facts))
    if say.ended_early(report):
        blocks.append(("p", say.ended_early(report), ""))
    if not report["finished"]:
        blocks.append(("p", say("unfinished"), "muted"))
    ending = {e.id: e for e in scenario.endings}.get(report["ending"]) if report["ending"] else None
    if ending is not None:
        blocks.append(("ending", ending.title, report.get("ending_text") or ending.text))
    elif report["finished"]:
        blocks.append(("ending", tell("ending_none"), say("no_ending")))

    blocks.append(("h2", tell("commitments"), False))
    commitments = report.get("commitments", [])
    blocks.append(("list", list(commitments), "commitments") if commitments
                  else ("p", tell("no_commitments"), "muted"))

    blocks.append(("h2", tell("story"), False))
    for key, figure, caption in charts(report, scenario, language):
        blocks.append(("figure", figure, caption, key))

    blocks.append(("h2", tell("disagreement"), False))
    splits = split_moves(report)
    if splits:
        blocks.append(("list", [f"{say('short_round', number=n)} — {say.move(m, teams)} — {say.verdict(v)}"
                                for n, m, v in splits], "splits"))
    else:
        blocks.append(("p", tell("no_disagreement"), "muted"))

    corrected = [say("correction_line", round=say("round", number=r["number"]), text=line)
                 for r in report["rounds"] for line in say.corrections(r, teams)]
    if corrected:
        blocks.append(("h2", say("corrections"), False))
        blocks.append(("list", corrected, "corrections"))

    if notes:
        written = [(say("short_round", number=r["number"]), note) for r in report["rounds"] for note in r["notes"]]
        written += [(say("end"), note) for note in report.get("final_notes", ())]   # the final debrief's
        if written:
            blocks.append(("h2", say("notes"), False))
            blocks.append(("list", [tell("round_note", round=when, text=t) for when, t in written], "notes"))
    blocks.append(("h2", say("teams"), False))
    blocks.append(("list", [say("team_line", team=teams[c], name=say.characters[c].name,
                                role=say.characters[c].role) for c in report["characters"]], ""))
    if scenario.debrief.final:
        blocks.append(("h2", say("final"), False))
        blocks.append(("list", [prompt_of(p).text for p in scenario.debrief.final], ""))

    blocks += _detail(report, scenario, language, say, teams, notes)
    footer = [tell("footer_seed", seed=report["seed"]),
              tell("footer_program", version=report["session"].get("program") or ""),
              tell("footer_file", file=report["session"].get("file") or "")]
    if not notes:
        footer.insert(0, tell("notes_left_out"))
    blocks.append(("footer", footer))
    return blocks


def _detail(report: dict, scenario: Scenario, language: str, say: Labels, teams: dict, notes: bool) -> list[tuple]:
    """Round by round; the questions asked every round are listed once, not under each round."""
    def tell(key: str, **values: Any) -> str:
        return STORY(language, key, **values)

    blocks: list[tuple] = [("h2", tell("detail"), True)]
    generic = {prompt_of(p).text for p in scenario.debrief.every_round}
    if generic:
        blocks.append(("h3", tell("every_round")))
        blocks.append(("list", [f"{say(prompt_of(p).phase)} — {prompt_of(p).text}"
                                for p in scenario.debrief.every_round], ""))
    for entry in report["rounds"]:
        blocks.append(("h3", say("round", number=entry["number"])))
        for ident in entry["events"]:
            event = say.events[ident]
            blocks.append(("p", f"{say('events')} — {event.title}. {event.text}", "event"))
        if not entry["events"]:
            blocks.append(("p", say("no_event"), "muted"))
        blocks.append(("list", [say.move(m, teams) for m in entry["moves"]], "moves"))
        if entry["synergies"]:
            blocks.append(("list", [f"{say('synergies')} — {say.synergies[s]}" for s in entry["synergies"]], ""))
        changes = [say("indicator_line", label=say.indicators[i], start=entry["indicators_start"][i], after=after)
                   for i, after in entry["indicators"].items()]
        blocks.append(("p", " · ".join(changes), "indicators"))
        if entry["verdicts"]:
            blocks.append(("list", [f"{teams[v['character']]} — {say.verdict(v)}" for v in entry["verdicts"]],
                           "verdicts"))
        elif entry["verdicts_skipped"]:
            blocks.append(("p", say("verdicts_skipped"), "muted"))
        own = [p for p in entry["prompts"] if p["text"] not in generic]
        if own:
            blocks.append(("list", [f"{say(p['phase'])} — {p['text']}" for p in own], "questions"))
        if notes and entry["notes"]:
            blocks.append(("list", list(entry["notes"]), "notes"))
    return blocks
