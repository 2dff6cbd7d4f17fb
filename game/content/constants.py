"""Names of the scenario format that light modules need without loading the model (pydantic)."""

OBSERVER_ID = "observer"   # the built-in action "Observer / ne rien faire", always offered
DEBRIEF_PHASES = ("ressenti", "faits", "analyse", "transfert", "et_si", "et_apres")   # the debrief's order
