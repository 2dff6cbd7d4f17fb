"""Names of the scenario format that light modules need without loading the model (pydantic)."""

MAX_FILE_BYTES = 2 * 1024 * 1024   # a scenario file larger than this is refused before it is read whole
OBSERVER_ID = "observer"   # the built-in action "Observer / ne rien faire", always offered
DEBRIEF_PHASES = ("ressenti", "faits", "analyse", "transfert", "et_si", "et_apres")   # the debrief's order
