"""Interface messages of the workshop's clock (merged into TR): ending after this round, the choices timer
and the setup's "2 h" preset."""

from __future__ import annotations

CLOCK_FR = {
    # End after this round (F)
    "end_early_key": "F : finir après ce tour",
    "end_early_undo_key": "F : jouer tous les tours prévus",
    "help_end_early": "F : finir la partie après ce tour (le bilan suit son débrief ; confirmation demandée) ; "
                      "une fois décidé, F à nouveau : jouer les {rounds} tours prévus",
    "end_early_title": "Finir la partie après ce tour ?",
    "end_early_body": "Après le débrief du tour {n}, la partie passe au bilan (tours joués : {n} sur "
                      "{rounds} prévus). La fin de partie est jugée sur ce dernier tour joué.",
    "end_early_keys": "O ou Entrée : oui, finir après ce tour · N ou Échap : non, continuer",
    "end_early_undo_title": "Jouer les {rounds} tours prévus ?",
    "end_early_undo_body": "Il était décidé de finir après le tour {n}. La partie ira jusqu'au tour {rounds}.",
    "end_early_undo_keys": "O ou Entrée : oui, jouer tous les tours · N ou Échap : non, finir après ce tour",
    "end_early_set": "La partie finira après ce tour : le bilan suivra le débrief du tour {n}.",
    "end_early_unset": "La partie ira jusqu'au tour {rounds}, comme prévu.",
    "round_of_last": "Tour {n} / {total} · dernier tour",
    "end_ended_early": "Fin anticipée après le tour {n} ({rounds} tours prévus).",
    "end_paths_hint_early": "Un point par tour joué : le tour 1 en haut, le tour {last} en bas (fin anticipée).",
    # The choices timer
    "choices_clock": "Choix : {time}",
    "choices_time_up_short": "Choix : temps écoulé",
    "choices_time_up": "Temps écoulé pour les choix. Pas encore choisi : {teams}",
    "choices_not_chosen": "Pas encore choisi : {teams}",
    # Setup: the format and the choices timer
    "setup_preset_full": "Format : partie complète ({rounds} tours)",
    "setup_preset_own": "Format : sur mesure ({rounds} tours)",
    "setup_preset_2h": "Format : atelier de 2 h — {rounds} tours à {minutes} min ({source}), minuteur des choix",
    "pace_guide": "rythme du guide",
    "pace_measured": "rythme mesuré sur vos parties",
    "setup_choices_timer": "Minuteur des choix : {value} min",
    "setup_choices_timer_off": "Minuteur des choix : non",
}

CLOCK_EN = {
    "end_early_key": "F: finish after this round",
    "end_early_undo_key": "F: play every planned round",
    "help_end_early": "F: finish the game after this round (the summary follows its debrief; asks first); "
                      "once decided, F again: play the {rounds} planned rounds",
    "end_early_title": "Finish the game after this round?",
    "end_early_body": "After the debrief of round {n}, the game goes to the summary (rounds played: {n} of "
                      "{rounds} planned). The ending is judged on this last round played.",
    "end_early_keys": "Y or Enter: yes, finish after this round · N or Esc: no, go on",
    "end_early_undo_title": "Play the {rounds} planned rounds?",
    "end_early_undo_body": "The game was to finish after round {n}. It will go on to round {rounds}.",
    "end_early_undo_keys": "Y or Enter: yes, play every round · N or Esc: no, finish after this round",
    "end_early_set": "The game will finish after this round: the summary follows the debrief of round {n}.",
    "end_early_unset": "The game will go on to round {rounds}, as planned.",
    "round_of_last": "Round {n} / {total} · last round",
    "end_ended_early": "Ended early after round {n} ({rounds} rounds planned).",
    "end_paths_hint_early": "One dot per round played: round 1 at the top, round {last} at the bottom (ended early).",
    "choices_clock": "Choices: {time}",
    "choices_time_up_short": "Choices: time is up",
    "choices_time_up": "Time is up for the choices. Not chosen yet: {teams}",
    "choices_not_chosen": "Not chosen yet: {teams}",
    "setup_preset_full": "Format: whole game ({rounds} rounds)",
    "setup_preset_own": "Format: your own ({rounds} rounds)",
    "setup_preset_2h": "Format: 2-hour workshop — {rounds} rounds of {minutes} min ({source}), choices timer",
    "pace_guide": "the guide's pace",
    "pace_measured": "the pace measured on your games",
    "setup_choices_timer": "Choices timer: {value} min",
    "setup_choices_timer_off": "Choices timer: off",
}
