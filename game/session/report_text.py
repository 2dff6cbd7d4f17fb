"""Words of the report in French and English, and the Markdown report (readable as a plain e-mail)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable, TYPE_CHECKING

from game.content.constants import OBSERVER_ID
from game.content.plain import prompt_of
from game.engine.conditions import is_split, reading_of as coop_reading
from game.i18n import Catalog, team_display
from game.neutralise import for_markdown as md, for_markdown_lines

if TYPE_CHECKING:
    from game.content.model import Scenario

WORDS = Catalog({
    "fr": {
        "title": "Compte rendu — {title}", "territory": "Territoire", "goal": "Projet commun",
        "date": "Date", "seed": "Graine", "rounds_played": "Tours joués", "teams": "Équipes et personnages",
        "team_line": "{team} : {name} ({role})", "round": "Tour {number}", "events": "Aléa",
        "no_event": "Pas d'aléa ce tour.", "moves": "Coups joués", "synergies": "Synergies",
        "indicators": "Indicateurs", "verdicts": "Verdicts de la salle",
        "verdict": "COOP {coop} · pas COOP {pas_coop} · ça dépend {depends}", "split": "avis partagés",
        "verdicts_skipped": "Verdicts passés.", "no_verdict": "pas de verdict",
        "questions": "Questions du débriefing", "notes": "Notes de l'animation", "end": "Bilan",
        "ending": "Fin", "no_ending": "Aucune fin ne s'applique : voici les indicateurs.",
        "chart": "Indicateurs au fil des tours", "start": "Départ", "short_round": "T{number}",
        "paths": "Parcours des postures (du « je » au « nous »)", "splits": "Coups aux avis partagés",
        "none": "Aucun.", "final": "Questions finales", "observer": "Observer / ne rien faire",
        "unfinished": "Session non terminée : ce compte rendu s'arrête au dernier tour révélé.",
        "move_line": "{team} ({name}) : {posture} [{reading}] — {action}",
        "indicator_line": "{label} : {start} → {after}", "indicator": "Indicateur",
        "coop": "COOP", "neutre": "neutre", "pas_coop": "pas COOP", "a_debattre": "à débattre",
        "ressenti": "Ressenti", "faits": "Faits", "analyse": "Analyse", "transfert": "Transfert",
        "et_si": "Et si ?", "et_apres": "Et après ?", "generated": "Compte rendu produit par COOP ou pas COOP {version}.",
        "ended_early": "Fin anticipée après le tour {number} ({rounds} tours prévus).",
        "ended_early_planned": "Fin anticipée prévue après le tour {number} ({rounds} tours prévus).",
        "corrections": "Corrections avant la révélation",
        "replaced": "{team} ({name}) a changé son coup avant la révélation",
        "taken_back": "{team} ({name}) : coup repris par l'animation avant la révélation",
        "times": " ({n} fois)", "correction_line": "{round} : {text}",
    },
    "en": {
        "title": "Session report — {title}", "territory": "Territory", "goal": "Shared project",
        "date": "Date", "seed": "Seed", "rounds_played": "Rounds played", "teams": "Teams and characters",
        "team_line": "{team}: {name} ({role})", "round": "Round {number}", "events": "Event",
        "no_event": "No event this round.", "moves": "Moves", "synergies": "Synergies",
        "indicators": "Indicators", "verdicts": "The room's verdicts",
        "verdict": "COOP {coop} · not COOP {pas_coop} · it depends {depends}", "split": "split verdict",
        "verdicts_skipped": "Verdicts skipped.", "no_verdict": "no verdict",
        "questions": "Debrief questions", "notes": "Facilitator's notes", "end": "Wrap-up",
        "ending": "Ending", "no_ending": "No ending applies: here are the indicators.",
        "chart": "Indicators over the rounds", "start": "Start", "short_round": "R{number}",
        "paths": "Posture paths (from “I” to “we”)", "splits": "Moves with split verdicts",
        "none": "None.", "final": "Final questions", "observer": "Observe / do nothing",
        "unfinished": "Unfinished session: this report stops at the last revealed round.",
        "move_line": "{team} ({name}): {posture} [{reading}] — {action}",
        "indicator_line": "{label}: {start} → {after}", "indicator": "Indicator",
        "coop": "COOP", "neutre": "neutral", "pas_coop": "not COOP", "a_debattre": "to debate",
        "ressenti": "Feelings", "faits": "Facts", "analyse": "Analysis", "transfert": "Transfer",
        "et_si": "What if?", "et_apres": "What next?", "generated": "Report made by COOP ou pas COOP {version}.",
        "ended_early": "Ended early after round {number} ({rounds} rounds planned).",
        "ended_early_planned": "To end early after round {number} ({rounds} rounds planned).",
        "corrections": "Corrections before the reveal",
        "replaced": "{team} ({name}) changed its move before the reveal",
        "taken_back": "{team} ({name}): move taken back by the facilitator before the reveal",
        "times": " ({n} times)", "correction_line": "{round}: {text}",
    },
})


class Labels:
    """Names of the scenario's ids and the report's words, in one language."""

    def __init__(self, scenario: Scenario, language: str, neutral: Callable[[str], str] = str):
        # `neutral`: how a scenario text is made inert in `move` (game.neutralise's function
        # for the destination; `str` when the caller escapes the whole line itself).
        self.neutral = neutral
        self.language = language
        self.scenario = scenario
        self.characters = {c.id: c for c in scenario.characters}
        self.postures = {p.id: p for p in scenario.postures}
        self.actions = {a.id: a.title for a in scenario.actions}
        self.actions[OBSERVER_ID] = self("observer")
        self.events = {e.id: e for e in scenario.events}
        self.synergies = {s.id: s.text for s in scenario.synergies}
        self.indicators = {i.id: i.label for i in scenario.indicators}
        self.endings = {e.id: e for e in scenario.endings}

    def __call__(self, key: str, **values: Any) -> str:
        return WORDS(self.language, key, **values)

    def move(self, move: dict, teams: dict) -> str:
        posture = self.postures[move["posture"]]
        character = self.characters[move["character"]]
        n = self.neutral
        return self("move_line", team=teams[move["character"]], name=n(character.name), posture=n(posture.label),
                    reading=self(coop_reading(posture.coop)), action=n(self.actions[move["action"]]))

    def verdict(self, entry: dict) -> str:
        text = self("verdict", coop=entry["coop"], pas_coop=entry["pas_coop"], depends=entry["depends"])
        return f"{text} ({self('split')})" if tally_split(entry) else text


    def corrections(self, entry: dict, teams: dict) -> list[str]:
        """One line per team and kind of correction in this round, in order ("… a changé son coup avant la
        révélation (2 fois)"): that a move changed, never what it was before (the room never saw it)."""
        counted: dict[tuple[str, str], int] = {}
        for correction in entry.get("corrections", ()):
            key = (correction["character"], correction["kind"])
            counted[key] = counted.get(key, 0) + 1
        n = self.neutral
        lines = []
        for (character, kind), count in counted.items():
            text = self(kind, team=teams[character], name=n(self.characters[character].name))
            lines.append(text + (self("times", n=count) if count > 1 else ""))
        return lines

    def ended_early(self, report: dict) -> str:
        """"Fin anticipée après le tour 2 (6 tours prévus)." or "" when the game had (or has) all its rounds."""
        last = report.get("ended_early_after")
        if last is None:
            return ""
        return self("ended_early" if report["finished"] else "ended_early_planned", number=last,
                    rounds=report["settings"]["rounds"])


def tally_split(tally: dict) -> bool:
    """The engine's `is_split` of a report's tally ({"coop", "pas_coop", "depends"}: plain data, the
    report's renderers need no engine state)."""
    return is_split(SimpleNamespace(coop=tally["coop"], pas_coop=tally["pas_coop"], depends=tally["depends"]))


def split_moves(report: dict) -> list[tuple[int, dict, dict]]:
    """(round, move, verdict) of every move whose verdict is split."""
    found = []
    for entry in report["rounds"]:
        moves = {m["character"]: m for m in entry["moves"]}
        for verdict in entry["verdicts"]:
            if tally_split(verdict):
                found.append((entry["number"], moves[verdict["character"]], verdict))
    return found


def posture_paths(report: dict) -> dict[str, list[str]]:
    return {c: [m["posture"] for r in report["rounds"] for m in r["moves"] if m["character"] == c]
            for c in report["characters"]}


def render_markdown(report: dict, scenario: Scenario, language: str) -> str:
    """The report as Markdown: headings, lists and one small table, so it reads well even as plain text.

    Every text from the scenario file, a team name or a note goes through
    `game.neutralise.for_markdown`: it reads as written and never becomes a heading,
    a link, an image or a tag (the program's own words are written as they are).
    """
    say = Labels(scenario, language, md)
    teams = {ident: md(team_display(name, language)) for ident, name in report["teams"].items()}
    out = [f"# {say('title', title=md(scenario.title))}", ""]
    out.append(_pair(say, "territory", md(scenario.territory.name), language))
    out.append(_pair(say, "goal", md(scenario.goal), language))
    out.append(_pair(say, "date", md((report["times"].get("created") or "")[:10]), language))
    out.append(_pair(say, "rounds_played", f"{len(report['rounds'])} / {report['settings']['rounds']}", language))
    out.append(_pair(say, "seed", str(report["seed"]), language))
    if say.ended_early(report):
        out += ["", f"**{say.ended_early(report)}**"]
    if not report["finished"]:
        out += ["", f"*{say('unfinished')}*"]
    out += ["", f"## {say('teams')}", ""]
    for ident in report["characters"]:
        character = say.characters[ident]
        out.append("- " + say("team_line", team=teams[ident], name=md(character.name), role=md(character.role)))
    for entry in report["rounds"]:
        out += ["", f"## {say('round', number=entry['number'])}", ""]
        if entry["events"]:
            for ident in entry["events"]:
                event = say.events[ident]
                out.append(f"**{say('events')} — {md(event.title)}.** {md(event.text)}")
        else:
            out.append(say("no_event"))
        out += ["", f"### {say('moves')}", ""]
        out += ["- " + say.move(m, teams) for m in entry["moves"]]
        corrected = say.corrections(entry, teams)
        if corrected:
            out += ["", f"### {say('corrections')}", ""]
            out += ["- " + line for line in corrected]
        if entry["synergies"]:
            out += ["", f"### {say('synergies')}", ""]
            out += ["- " + md(say.synergies[s]) for s in entry["synergies"]]
        out += ["", f"### {say('indicators')}", ""]
        for ident, after in entry["indicators"].items():
            out.append("- " + say("indicator_line", label=md(say.indicators[ident]),
                                  start=entry["indicators_start"][ident], after=after))
        out += ["", f"### {say('verdicts')}", ""]
        if entry["verdicts_skipped"] or not entry["verdicts"]:
            out.append(say("verdicts_skipped") if entry["verdicts_skipped"] else say("no_verdict"))
        for verdict in entry["verdicts"]:
            name = md(say.characters[verdict["character"]].name)
            out.append(f"- {teams[verdict['character']]} ({name}) : {say.verdict(verdict)}" if language == "fr"
                       else f"- {teams[verdict['character']]} ({name}): {say.verdict(verdict)}")
        if entry["prompts"]:
            out += ["", f"### {say('questions')}", ""]
            for prompt in entry["prompts"]:
                out.append(f"- *{say(prompt['phase'])}* — {md(prompt['text'])}")
        if entry["notes"]:
            out += ["", f"### {say('notes')}", ""]
            out += [f"> {line}" for note in entry["notes"] for line in for_markdown_lines(note)]
    out += ["", f"## {say('end')}", ""]
    ending = say.endings.get(report["ending"]) if report["ending"] else None
    if ending is not None:
        out += [f"**{md(ending.title)}.** {md(report.get('ending_text') or ending.text)}"]
    elif report["finished"]:
        out += [say("no_ending")]
    out += ["", f"### {say('chart')}", ""]
    out += _markdown_table(report, say)
    out += ["", f"### {say('paths')}", ""]
    for ident, path in posture_paths(report).items():
        labels = " → ".join(md(say.postures[p].label) for p in path)
        name = md(say.characters[ident].name)
        out.append(f"- {teams[ident]} ({name}) : {labels}" if language == "fr"
                   else f"- {teams[ident]} ({name}): {labels}")
    out += ["", f"### {say('splits')}", ""]
    splits = split_moves(report)
    out += [f"- {say('short_round', number=n)} — {say.move(m, teams)} — {say.verdict(v)}" for n, m, v in splits]
    if not splits:
        out.append(say("none"))
    final = scenario.debrief.final
    if final:
        out += ["", f"### {say('final')}", ""]
        out += [f"- {md(prompt_of(p).text)}" for p in final]
    if report.get("final_notes"):
        out += ["", f"### {say('notes')} — {say('end')}", ""]
        out += [f"> {line}" for note in report["final_notes"] for line in for_markdown_lines(note)]
    out += ["", "---", say("generated", version=md(str(report["session"].get("program") or "")))]
    return "\n".join(out) + "\n"


def _pair(say: Labels, key: str, value: str, language: str) -> str:
    return f"- {say(key)} : {value}" if language == "fr" else f"- {say(key)}: {value}"


def _markdown_table(report: dict, say: Labels) -> list[str]:
    numbers = [entry["number"] for entry in report["rounds"]]
    head = [say("indicator"), say("start")] + [say("short_round", number=n) for n in numbers]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for ident, label in say.indicators.items():
        values = [str(report["indicators_start"][ident])] + [str(e["indicators"][ident]) for e in report["rounds"]]
        rows.append("| " + " | ".join([md(label)] + values) + " |")
    return rows
