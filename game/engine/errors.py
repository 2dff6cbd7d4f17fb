"""The engine's one rejection: a command that the rules do not allow now, with a precise code."""

from __future__ import annotations

from typing import Any

from game.i18n import Catalog

# What each code means for people; `params` fill the braces when present.
DESCRIPTIONS = Catalog({
    "fr": {
        "wrong_phase": "Ce n'est pas possible à cette étape du tour.",
        "not_your_turn": "Ce n'est pas à cette équipe de jouer.",
        "not_in_play": "Ce personnage n'est pas en jeu.",
        "unknown_posture": "Posture inconnue.",
        "unknown_action": "Action inconnue.",
        "not_for_character": "Cette action n'est pas ouverte à ce personnage.",
        "once_played": "Cette action a déjà été jouée (au tour {round}) et ne peut l'être qu'une fois.",
        "requirement_not_met": "Les conditions de cette action ne sont pas réunies.",
        "cannot_afford": "Pas assez de ressources pour cette action ({resource} : {have} sur {cost}).",
        "no_posture_chosen": "Choisissez d'abord une posture.",
        "no_action_chosen": "Choisissez d'abord une action.",
        "nothing_to_undo": "Il n'y a pas de choix à annuler.",
        "choices_pending": "Toutes les équipes n'ont pas encore confirmé leur choix.",
        "bad_tally": "Un décompte est un nombre de 0 à 10 000.",
        "empty_note": "La note est vide.",
        "empty_commitment": "L'engagement est vide.",
        "note_too_long": "La note est trop longue ({max} caractères au plus).",
        "bad_text": "Ce texte contient des caractères impossibles à enregistrer.",
        "game_over": "La partie est terminée.",
        "malformed_command": "Commande illisible.",
        "bad_setup": "Cette configuration de partie n'est pas possible avec ce scénario.",
        "unknown_debrief_phase": "Ce débriefing n'a pas d'étape « {phase} ».",
        "nothing_to_take_back": "Cette équipe n'a pas de choix confirmé à reprendre.",
        "reveal_pending": "Toutes les équipes ont choisi : il reste à révéler les choix.",
        "bad_last_round": "Le dernier tour est à choisir entre le tour {min} et le tour {max}.",
        "same_last_round": "Le tour {round} est déjà le dernier.",
        "bad_room_size": "La salle compte de {min} à {max} personnes qui votent ({people} n'est pas possible).",
    },
    "en": {
        "wrong_phase": "This is not possible at this step of the round.",
        "not_your_turn": "It is not this team's turn.",
        "not_in_play": "This character is not in play.",
        "unknown_posture": "Unknown posture.",
        "unknown_action": "Unknown action.",
        "not_for_character": "This action is not open to this character.",
        "once_played": "This action was already played (in round {round}) and can be played only once.",
        "requirement_not_met": "The conditions of this action are not met.",
        "cannot_afford": "Not enough resources for this action ({resource}: {have} of {cost}).",
        "no_posture_chosen": "Choose a posture first.",
        "no_action_chosen": "Choose an action first.",
        "nothing_to_undo": "There is no choice to undo.",
        "choices_pending": "Not every team has confirmed its choice yet.",
        "bad_tally": "A tally is a number from 0 to 10,000.",
        "empty_note": "The note is empty.",
        "empty_commitment": "The commitment is empty.",
        "note_too_long": "The note is too long ({max} characters at most).",
        "bad_text": "This text holds characters that cannot be saved.",
        "game_over": "The game is over.",
        "malformed_command": "Unreadable command.",
        "bad_setup": "This game setup is not possible with this scenario.",
        "unknown_debrief_phase": "This debrief has no “{phase}” step.",
        "nothing_to_take_back": "This team has no confirmed choice to take back.",
        "reveal_pending": "Every team has chosen: the choices remain to be revealed.",
        "bad_last_round": "The last round must be one from round {min} to round {max}.",
        "same_last_round": "Round {round} is already the last.",
        "bad_room_size": "A room has {min} to {max} people who vote ({people} is not possible).",
    },
})


class IllegalCommand(Exception):
    """A command refused by the rules.

    `code` is stable and machine-readable; `params` carries what a message needs
    (e.g. the resource that is missing); `message` is for developers (English),
    `describe(language)` for people.
    """

    def __init__(self, code: str, message: str, **params: Any):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.params = params

    def describe(self, language: str = "fr") -> str:
        """The refusal in French or English words."""
        try:
            return DESCRIPTIONS(language, self.code, **self.params)
        except (KeyError, IndexError):
            return DESCRIPTIONS(language, self.code, **{"round": "?", "resource": "?", "have": "?", "cost": "?",
                                                        "max": "?", "phase": "?"})
