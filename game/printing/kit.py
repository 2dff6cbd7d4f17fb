"""`coop kit SCENARIO.yaml -o OUT.pdf [--lang fr|en]`: the printable kit of a scenario, one A4 PDF.

Pages, in order: the facilitator's sheet (timing, keys, the verdict rule), the
character cards (two a page; the secret printed upside down on a flap to fold
under, so the team holds it and the wall never shows it), the action cards (six
a page: title, cost, who, description; no effect, no number that would stamp a
reading), the posture scale as a poster, the debrief questions, and choice slips
(eight a page) the facilitator keys in. Every card and slip is drawn in a box
of its own on one page: the layout (`Placed` boxes) is returned with the PDF,
which the tests check, and a text too long for its box is set smaller until it fits.
"""

from __future__ import annotations

import io
import sys
import time
from game.record import record
from pathlib import Path
from typing import Callable, Optional

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from game.content.model import OBSERVER_ID, Scenario, prompt_of
from game.i18n import Catalog, pick_language
from game.pace import SHORT_SESSION_MINUTES, guide_round_minutes, rounds_for, workshop_minutes
from game.printing.pdf import BOLD, FONT, ITALIC, MARGIN, PAGE, para, styles

WORDS = Catalog({
    "fr": {
        "kit": "Kit à imprimer", "sheet": "Fiche de l'animation", "timing": "Déroulé",
        "timing_line": "{rounds} tours d'environ {minutes} minutes : situation et aléa (2 min), choix secrets "
                       "des équipes (5 min), révélation, verdict de la salle (3 min), débriefing ({debrief} min). "
                       "Prévoir 15 minutes d'ouverture et 20 minutes de bilan : environ {total} au total.",
        "timing_short": "En 2 heures : {rounds} tours à ce rythme (le format « atelier de 2 h » de la préparation, "
                        "avec le minuteur des choix ; F, en cours de partie, finit après le tour en cours).",
        "keys": "Touches", "verdict_rule": "La règle du verdict",
        "verdict_text": "Après chaque révélation, la salle dit pour chaque coup « COOP », « pas COOP » ou "
                        "« ça dépend », à main levée ; l'animation tape le décompte. Un coup est « aux avis "
                        "partagés » quand aucune réponse n'a plus de la moitié des voix, ou quand les deux premières "
                        "sont à moins d'un cinquième des votants l'une de l'autre : ce sont les moments à reprendre "
                        "au débriefing et au bilan.",
        "material": "Dans ce kit", "material_text": "une carte par personnage (le secret sur le rabat à plier "
                    "dessous), les cartes d'action, l'échelle des postures à afficher, les questions du débriefing, "
                    "des fiches de choix à remplir par les équipes quand elles jouent sur papier.",
        "character_cards": "Cartes des personnages", "objective": "Objectif", "resources": "Ressources au départ",
        "no_resources": "Aucune", "fold": "Plier ici — le secret se cache dessous",
        "secret": "Secret — pour votre équipe seulement", "no_secret": "Pas de secret pour ce personnage.",
        "action_cards": "Cartes d'action", "cost": "Coût", "free": "Sans coût", "who": "Pour",
        "everyone": "Tous les personnages", "once": "Une seule fois dans la partie",
        "observer_title": "Observer / ne rien faire", "observer_text": "Toujours possible : on ne joue pas de carte ce tour-ci.",
        "scale": "L'échelle des postures", "je": "« je »", "nous": "« nous »",
        "scale_hint": "De la décision prise seul à la décision prise ensemble.",
        "questions": "Questions du débriefing", "every_round": "À chaque tour", "round": "Tour {number}",
        "triggers": "Selon ce qui se passe", "final": "Pour finir",
        "slips": "Fiches de choix", "slip_round": "Tour", "slip_team": "Équipe", "slip_posture": "Posture",
        "slip_action": "Action (titre de la carte)", "slip_hint": "Remplir en secret, plier, remettre à l'animation.",
        "key_lines": "Entrée ou flèche droite : continuer · flèche gauche : revenir|Choix : sur la passation, le "
                     "chiffre d'une posture (1, 2…) ; sur la fiche, la lettre d'une action (A, B…), puis Entrée "
                     "confirme (flèches et Entrée aussi) ; Retour arrière : revenir avant de confirmer, ou reprendre "
                     "le coup précédent sur la passation|Verdict : N puis le nombre de votants (une fois) ; les "
                     "voix au clavier (14, puis 3 : « ça dépend » est complété d'après la salle), Entrée enregistre "
                     "et passe au coup suivant ; C, P, D : une voix de plus ; un chiffre dès la dernière étape de "
                     "la révélation ouvre le vote|Débriefing : T démarre ou arrête le minuteur, + ajoute une minute, N écrit une note, "
                     "C note un engagement (« et après ? »)|Bilan : flèches gauche et droite pour les pages, "
                     "C engagement, L lieu, A animation, E exporter le compte rendu|"
                     "Passage d'une équipe : T et + pour le minuteur des choix · F (sauf sur la fiche d'une "
                     "équipe) : finir la partie après ce tour|"
                     "F1 aide · F2 contraste · F3 taille du texte · F11 plein écran",
        "made": "Produit par COOP ou pas COOP — {title}",
        "cannot_load": "Le scénario ne peut pas être chargé :",
    },
    "en": {
        "kit": "Printable kit", "sheet": "Facilitator's sheet", "timing": "Running order",
        "timing_line": "{rounds} rounds of about {minutes} minutes: situation and event (2 min), the teams' secret "
                       "choices (5 min), reveal, the room's verdict (3 min), debrief ({debrief} min). Allow 15 "
                       "minutes to open and 20 minutes for the wrap-up: about {total} in all.",
        "timing_short": "In 2 hours: {rounds} rounds at this pace (the setup's “2-hour workshop” format, with the "
                        "choices timer; F, during the game, finishes after the current round).",
        "keys": "Keys", "verdict_rule": "The verdict rule",
        "verdict_text": "After each reveal the room says, for each move, “COOP”, “not COOP” or “it depends” by a "
                        "show of hands; the facilitator types the count. A move has a “split verdict” when no answer "
                        "has more than half of the votes, or the two largest are less than a fifth of the voters "
                        "apart: those are the moments to take up in the debrief and the wrap-up.",
        "material": "In this kit", "material_text": "one card per character (the secret on the flap folded "
                    "under), the action cards, the posture scale to put on the wall, the debrief questions, and "
                    "choice slips for teams that play on paper.",
        "character_cards": "Character cards", "objective": "Objective", "resources": "Resources at the start",
        "no_resources": "None", "fold": "Fold here — the secret hides underneath",
        "secret": "Secret — for your team only", "no_secret": "No secret for this character.",
        "action_cards": "Action cards", "cost": "Cost", "free": "No cost", "who": "For",
        "everyone": "Every character", "once": "Only once in the game",
        "observer_title": "Observe / do nothing", "observer_text": "Always possible: no card is played this round.",
        "scale": "The posture scale", "je": "“I”", "nous": "“we”",
        "scale_hint": "From deciding alone to deciding together.",
        "questions": "Debrief questions", "every_round": "Every round", "round": "Round {number}",
        "triggers": "Depending on what happens", "final": "To close",
        "slips": "Choice slips", "slip_round": "Round", "slip_team": "Team", "slip_posture": "Posture",
        "slip_action": "Action (title of the card)", "slip_hint": "Fill in secretly, fold, hand to the facilitator.",
        "key_lines": "Enter or right arrow: go on · left arrow: go back|Choice: on the hand-off, a posture's "
                     "digit (1, 2…); on the card, an action's letter (A, B…), then Enter confirms (arrows and "
                     "Enter work too); Backspace: back before confirming, or take back the previous move on the "
                     "hand-off|Verdict: N then the number of voters (once); type the counts (14, then 3: “it "
                     "depends” is completed from the room), Enter records and goes to the next move; C, P, D: one "
                     "more vote; a digit on the reveal's last step opens the vote|Debrief: T starts "
                     "or stops the timer, + adds a minute, N writes a note, C writes a commitment (“what next?”)|"
                     "Wrap-up: left and right arrows for the pages, C commitment, L place, A facilitator, "
                     "E export the report|Team hand-off: T and + for the choices timer · F (except on a team's "
                     "card): finish the game after this round|F1 help · F2 contrast · F3 text size · F11 full screen",
        "made": "Made by COOP ou pas COOP — {title}",
        "cannot_load": "The scenario cannot be loaded:",
    },
})

WIDTH, HEIGHT = PAGE
INNER_W = WIDTH - 2 * MARGIN
INNER_H = HEIGHT - 2 * MARGIN
INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f4e9c")
MUTED = colors.HexColor("#555555")


@record
class Placed:
    """One card, slip, poster or sheet on a page: its box in points (origin bottom left) and whether its text fit."""

    page: int
    kind: str
    ident: str
    x: float
    y: float
    w: float
    h: float
    fits: bool = True


class Kit:
    """A canvas plus the layout record of every box drawn on it."""

    def __init__(self, scenario: Scenario, language: str):
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=PAGE, invariant=1, pageCompression=1)
        self.canvas.setTitle(f"{WORDS(language, 'kit')} — {scenario.title}")
        self.canvas.setCreator("COOP ou pas COOP")
        self.scenario = scenario
        self.language = language
        self.styles = styles()
        self.page = 1
        self.placed: list[Placed] = []
        self.canvas.setFont(FONT, 10)

    def tr(self, key: str, **values) -> str:
        return WORDS(self.language, key, **values)

    def new_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.canvas.setFont(FONT, 10)
        self.page += 1

    def footer(self) -> None:
        c = self.canvas
        c.setFont(FONT, 7.5)
        c.setFillColor(MUTED)
        c.drawRightString(WIDTH - MARGIN, MARGIN / 2, f"{self.tr('made', title=self.scenario.title)} — {self.page}")
        c.setFillColor(INK)

    def heading(self, text: str) -> float:
        """A page heading; returns the y under it."""
        c = self.canvas
        c.setFont(BOLD, 17)
        c.setFillColor(ACCENT)
        c.drawString(MARGIN, HEIGHT - MARGIN - 14, text)
        c.setFillColor(INK)
        return HEIGHT - MARGIN - 26

    def flow(self, paragraphs: list[Paragraph], x: float, top: float, w: float, h: float,
             kind: str, ident: str, frame: bool = False, min_scale: float = 0.55) -> bool:
        """Draw paragraphs top-down in a box, set smaller (down to min_scale) until they fit; records the box."""
        fits = _draw_fitting(self.canvas, paragraphs, x, top, w, h, min_scale)
        if frame:
            self.canvas.setStrokeColor(INK)
            self.canvas.setLineWidth(1)
            self.canvas.roundRect(x - 4, top - h - 4, w + 8, h + 8, 6, stroke=1, fill=0)
        self.placed.append(Placed(self.page, kind, ident, x - 4, top - h - 4, w + 8, h + 8, fits))
        return fits

    def pdf(self) -> bytes:
        self.footer()
        self.canvas.save()
        return self.buffer.getvalue()


def _scaled(paragraph: Paragraph, scale: float) -> Paragraph:
    style = paragraph.style.clone(paragraph.style.name + f"@{scale:.2f}", fontSize=paragraph.style.fontSize * scale,
                                  leading=paragraph.style.leading * scale, spaceAfter=paragraph.style.spaceAfter * scale,
                                  spaceBefore=paragraph.style.spaceBefore * scale)
    return Paragraph(paragraph.text, style, bulletText=paragraph.bulletText)


def _draw_fitting(canvas, paragraphs, x, top, w, h, min_scale) -> bool:
    scale = 1.0
    while True:
        chosen = [_scaled(p, scale) for p in paragraphs] if scale < 1.0 else paragraphs
        total = sum(p.wrap(w, h)[1] + p.style.spaceAfter + p.style.spaceBefore for p in chosen)
        if total <= h or scale <= min_scale:
            break
        scale -= 0.05
    y = top
    for p in chosen:
        _, height = p.wrap(w, h)
        y -= p.style.spaceBefore
        if y - height < top - h - 0.5:
            return False        # does not fit even at the smallest size: the rest is left out, and said
        p.drawOn(canvas, x, y - height)
        y -= height + p.style.spaceAfter
    return total <= h


def _resources_text(scenario: Scenario, amounts, language: str) -> str:
    labels = {r.id: r.label for r in scenario.resources}
    colon = " :" if language == "fr" else ":"
    return " · ".join(f"{labels.get(ident, ident)}{colon} {amount}" for ident, amount in amounts.items())


def facilitator_sheet(kit: Kit) -> None:
    s, sc, tr = kit.styles, kit.scenario, kit.tr
    top = kit.heading(f"{tr('sheet')} — {sc.title}")
    minutes = guide_round_minutes(sc.debrief_minutes)
    total_min = workshop_minutes(sc.rounds, minutes)
    total = f"{total_min // 60} h {total_min % 60:02d}" if total_min >= 60 else f"{total_min} min"
    body = [para(sc.summary, s["body"]),
            para(tr("material"), s["h3"]), para(tr("material_text"), s["body"]),
            para(tr("timing"), s["h3"]),
            para(tr("timing_line", rounds=sc.rounds, minutes=minutes, debrief=f"{sc.debrief_minutes:g}", total=total),
                 s["body"]),
            para(tr("timing_short", rounds=rounds_for(SHORT_SESSION_MINUTES, sc.rounds, minutes)), s["body"]),
            para(tr("verdict_rule"), s["h3"]), para(tr("verdict_text"), s["body"]),
            para(tr("keys"), s["h3"])]
    body += [para(line, s["bullet"], bulletText="•") for line in tr("key_lines").split("|")]
    body += [para(sc.goal, s["h3"])]
    kit.flow(body, MARGIN, top - 6, INNER_W, top - 6 - MARGIN, "sheet", "facilitator")


def character_cards(kit: Kit, characters) -> None:
    """Two cards a page. Each: the face (name, role, objective, resources, description) above a fold line,
    and under it the flap with the secret printed upside down, so that folded under it faces the team."""
    s, tr = kit.styles, kit.tr
    half = (HEIGHT - 2 * MARGIN) / 2
    for index, character in enumerate(characters):
        if index % 2 == 0:
            if index:
                kit.new_page()
            kit.heading(tr("character_cards"))
        slot_top = HEIGHT - MARGIN - 30 - (index % 2) * (half - 8)
        card_h = half - 36
        face_h = card_h * 0.62
        flap_h = card_h - face_h
        x = MARGIN + 4
        w = INNER_W - 8
        c = kit.canvas
        resources = _resources_text(kit.scenario, character.resources, kit.language) or tr("no_resources")
        face = [para(character.name, s["title"]), para(character.role, s["h3"]),
                para(f"{tr('objective')} — {character.objective}", s["big"]),
                para(f"{tr('resources')} — {resources}", s["body"])]
        if character.description:
            face.append(para(character.description, s["muted"]))
        fits = _draw_fitting(c, face, x + 8, slot_top - 8, w - 16, face_h - 16, 0.6)
        # The fold line, dashed, with its words.
        fold_y = slot_top - face_h
        c.setDash([5, 4])
        c.setStrokeColor(MUTED)
        c.line(x, fold_y, x + w, fold_y)
        c.setDash([])
        c.setFont(ITALIC, 8)
        c.setFillColor(MUTED)
        c.drawCentredString(x + w / 2, fold_y + 3, tr("fold"))
        c.setFillColor(INK)
        # The flap: drawn upside down (rotated 180° about the flap's centre).
        secret = [para(tr("secret"), s["h3"]), para(character.secret or tr("no_secret"), s["big"])]
        c.saveState()
        c.translate(x + w, fold_y - flap_h)
        c.rotate(180)
        flap_fits = _draw_fitting(c, secret, 8, -8, w - 16, flap_h - 16, 0.6)
        c.restoreState()
        c.setStrokeColor(INK)
        c.setLineWidth(1.2)
        c.roundRect(x, slot_top - card_h, w, card_h, 8, stroke=1, fill=0)
        kit.placed.append(Placed(kit.page, "character", character.id, x, slot_top - card_h, w, card_h,
                                 fits and flap_fits))


def action_cards(kit: Kit, actions, who_names: dict[str, str]) -> None:
    """Six cards a page (2 × 3): title, cost, who, description. No effect and no reading printed."""
    s, tr, sc = kit.styles, kit.tr, kit.scenario
    cols, rows = 2, 3
    gap = 8
    top0 = HEIGHT - MARGIN - 30
    cell_w = (INNER_W - gap) / cols
    cell_h = (top0 - MARGIN - gap * (rows - 1)) / rows
    cards = [(a.id, a.title, a.cost, a.who, a.description, a.once) for a in actions]
    cards.append((OBSERVER_ID, tr("observer_title"), {}, None, tr("observer_text"), False))
    for index, (ident, title, cost, who, description, once) in enumerate(cards):
        if index % (cols * rows) == 0:
            kit.new_page()
            kit.heading(tr("action_cards"))
        slot = index % (cols * rows)
        row, col = divmod(slot, cols)
        x = MARGIN + col * (cell_w + gap)
        top = top0 - row * (cell_h + gap)
        cost_text = _resources_text(sc, cost, kit.language) if cost else tr("free")
        who_text = ", ".join(who_names.get(w, w) for w in who) if who else tr("everyone")
        body = [para(title, s["card_title"]), para(f"{tr('cost')} — {cost_text}", s["body"]),
                para(f"{tr('who')} — {who_text}", s["body"])]
        if once:
            body.append(para(tr("once"), s["muted"]))
        if description:
            body.append(para(description, s["body"]))
        kit.flow(body, x + 8, top - 8, cell_w - 16, cell_h - 16, "action", ident, frame=False)
        kit.canvas.setStrokeColor(INK)
        kit.canvas.roundRect(x, top - cell_h, cell_w, cell_h, 6, stroke=1, fill=0)
        kit.placed[-1] = Placed(kit.page, "action", ident, x, top - cell_h, cell_w, cell_h, kit.placed[-1].fits)


def posture_poster(kit: Kit) -> None:
    """The scale as a poster: one band per posture, from « je » at the bottom to « nous » at the top."""
    s, tr, sc = kit.styles, kit.tr, kit.scenario
    kit.new_page()
    top = kit.heading(tr("scale"))
    c = kit.canvas
    c.setFont(FONT, 11)
    c.drawString(MARGIN, top - 4, tr("scale_hint"))
    ordered = sorted(sc.postures, key=lambda p: -p.coop)      # « nous » at the top
    band_top = top - 40
    label_h = 22
    band_h = (band_top - MARGIN - 2 * label_h) / len(ordered)
    c.setFont(BOLD, 16)
    c.drawCentredString(WIDTH / 2, band_top + 8, tr("nous"))
    shades = ["#dbe7f7", "#e8eef7", "#f2f2f2", "#f7ede6", "#f7e1dc", "#f3d6d0", "#eecbc4", "#e9c0b8"]
    for n, posture in enumerate(ordered):
        y = band_top - (n + 1) * band_h
        c.setFillColor(colors.HexColor(shades[min(n, len(shades) - 1)] if len(ordered) <= 4 else
                                       shades[round(n * (len(shades) - 1) / max(1, len(ordered) - 1))]))
        c.rect(MARGIN, y + 3, INNER_W, band_h - 6, stroke=0, fill=1)
        c.setFillColor(INK)
        body = [para(posture.label, kit.styles["title"])]
        if posture.description:
            body.append(para(posture.description, s["big"]))
        kit.flow(body, MARGIN + 14, y + band_h - 10, INNER_W - 28, band_h - 20, "posture", posture.id)
    c.setFont(BOLD, 16)
    c.drawCentredString(WIDTH / 2, MARGIN + 6, tr("je"))


def debrief_pages(kit: Kit) -> None:
    s, tr, sc = kit.styles, kit.tr, kit.scenario
    from game.session.report_text import WORDS as REPORT_WORDS    # the phases' names, said once

    def phase(name: str) -> str:
        return REPORT_WORDS(kit.language, name)

    body = []
    if sc.debrief.every_round:
        body.append(para(tr("every_round"), s["h3"]))
        body += [para(f"{phase(prompt_of(p).phase)} — {prompt_of(p).text}", s["bullet"], bulletText="•")
                 for p in sc.debrief.every_round]
    for number in sorted(sc.debrief.rounds):
        body.append(para(tr("round", number=number), s["h3"]))
        body += [para(f"{phase(prompt_of(p).phase)} — {prompt_of(p).text}", s["bullet"], bulletText="•")
                 for p in sc.debrief.rounds[number]]
    if sc.debrief.triggers:
        body.append(para(tr("triggers"), s["h3"]))
        body += [para(prompt_of(t.ask).text, s["bullet"], bulletText="•") for t in sc.debrief.triggers]
    if sc.debrief.final:
        body.append(para(tr("final"), s["h3"]))
        body += [para(prompt_of(p).text, s["bullet"], bulletText="•") for p in sc.debrief.final]
    # As many pages as needed: paragraphs are whole, never cut between pages.
    while body:
        kit.new_page()
        top = kit.heading(tr("questions"))
        y = top - 6
        while body:
            p = body[0]
            _, height = p.wrap(INNER_W, INNER_H)
            needed = height + p.style.spaceBefore + p.style.spaceAfter
            # A heading stays with the line that follows it.
            if p.style.name == "h3" and len(body) > 1:
                needed += body[1].wrap(INNER_W, INNER_H)[1] + body[1].style.spaceAfter
            if y - needed < MARGIN:
                break
            y -= p.style.spaceBefore
            p.drawOn(kit.canvas, MARGIN, y - height)
            kit.placed.append(Placed(kit.page, "question", str(len(kit.placed)), MARGIN, y - height, INNER_W, height))
            y -= height + p.style.spaceAfter
            body.pop(0)


def choice_slips(kit: Kit, count: int = 8) -> None:
    """Slips to fill in by hand: round, team, one box per posture, the action's title."""
    s, tr, sc = kit.styles, kit.tr, kit.scenario
    kit.new_page()
    top0 = kit.heading(tr("slips"))
    cols, rows, gap = 2, 4, 8
    cell_w = (INNER_W - gap) / cols
    cell_h = (top0 - MARGIN - gap * (rows - 1)) / rows
    c = kit.canvas
    for index in range(count):
        row, col = divmod(index, cols)
        x = MARGIN + col * (cell_w + gap)
        top = top0 - row * (cell_h + gap)
        c.setDash([3, 3])
        c.setStrokeColor(MUTED)
        c.rect(x, top - cell_h, cell_w, cell_h, stroke=1, fill=0)     # cut along the dashes
        c.setDash([])
        c.setFillColor(INK)
        c.setFont(BOLD, 10)
        y = top - 16
        c.drawString(x + 8, y, f"{tr('slip_round')} : ____" if kit.language == "fr" else f"{tr('slip_round')}: ____")
        c.drawString(x + cell_w / 2 - 10, y, f"{tr('slip_team')} : ______________" if kit.language == "fr"
                     else f"{tr('slip_team')}: ______________")
        y -= 16
        c.drawString(x + 8, y, tr("slip_posture"))
        c.setFont(FONT, 9.5)
        ordered = sorted(sc.postures, key=lambda p: p.coop)
        half = -(-len(ordered) // 2)
        for k, posture in enumerate(ordered):
            px = x + 8 + (k // half) * (cell_w / 2 - 4)
            py = y - 13 - (k % half) * 12.5
            c.rect(px, py - 1, 8, 8, stroke=1, fill=0)
            c.drawString(px + 12, py, posture.label[:34])
        y = y - 13 - half * 12.5 - 4
        c.setFont(BOLD, 10)
        c.drawString(x + 8, y, tr("slip_action"))
        c.setStrokeColor(MUTED)
        c.line(x + 8, y - 16, x + cell_w - 8, y - 16)
        c.setFont(ITALIC, 7.5)
        c.setFillColor(MUTED)
        c.drawString(x + 8, top - cell_h + 6, tr("slip_hint"))
        c.setFillColor(INK)
        kit.placed.append(Placed(kit.page, "slip", str(index), x, top - cell_h, cell_w, cell_h,
                                 y - 16 > top - cell_h + 14))


def build_kit(scenario: Scenario, language: str) -> tuple[bytes, list[Placed]]:
    """The kit's PDF bytes and where every card, slip and sheet was placed."""
    kit = Kit(scenario, language)
    facilitator_sheet(kit)
    kit.new_page()
    character_cards(kit, scenario.characters)
    names = {c.id: c.name for c in scenario.characters}
    action_cards(kit, scenario.actions, names)
    posture_poster(kit)
    debrief_pages(kit)
    choice_slips(kit)
    return kit.pdf(), kit.placed


def run_kit(args, out=None, err=None) -> int:
    """`coop kit`: 0 with the PDF written; 1 for an invalid scenario (its located diagnostics); 1 unwritable OUT."""
    from game.content import ScenarioError, load_scenario
    from game.session.report import write_output

    out = out or sys.stdout
    err = err or sys.stderr
    asked = getattr(args, "lang", None)
    try:
        scenario = load_scenario(Path(args.scenario))
    except ScenarioError as error:
        language = pick_language(asked)
        print(WORDS(language, "cannot_load"), file=err)
        print(error.render(language), file=err)
        return 1
    except OSError as error:
        language = pick_language(asked)
        print(f"{WORDS(language, 'cannot_load')} {args.scenario}: {error.strerror or error}", file=err)
        return 1
    language = pick_language(asked, scenario.language)
    data, _ = build_kit(scenario, language)
    return write_output(Path(args.output), data, language)


def timed_kit(path: Path, language: Optional[str] = None, clock: Callable[[], float] = time.perf_counter):
    """(seconds to build, pages, bytes) of the kit of a scenario file, for the benchmark."""
    from game.content import load_scenario

    scenario = load_scenario(path)
    start = clock()
    data, placed = build_kit(scenario, pick_language(language, scenario.language))
    return clock() - start, max(p.page for p in placed), len(data)
