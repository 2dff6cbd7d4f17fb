"""SessionError: every way a session file can fail, with a code and a message in French and English."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from game.i18n import Catalog

MESSAGES = Catalog({
    "fr": {
        "not_found": "Session introuvable : {path}",
        "unreadable": "Impossible de lire la session {path} : {detail}",
        "foreign": "{path} n'est pas une session de COOP ou pas COOP.",
        "newer_format": "La session {path} vient d'une version plus récente du jeu (format {found}) ; mettez le jeu à jour. Le fichier n'a pas été modifié.",
        "corrupt": "La session {path} est abîmée ({detail}). Le fichier n'a pas été modifié.",
        "locked": "La session {path} est déjà ouverte par un autre programme.",
        "write_failed": "Impossible d'enregistrer dans {path} : {detail}. Rien de ce qui était confirmé n'est perdu ; libérez de la place ou changez de dossier.",
        "unwritable_folder": "Impossible d'écrire dans le dossier des sessions {path} : {detail}",
        "scenario_invalid": "Le scénario enregistré dans la session {path} n'est plus lisible : {detail}",
        "closed": "La session {path} est fermée.",
    },
    "en": {
        "not_found": "No such session: {path}",
        "unreadable": "Cannot read the session {path}: {detail}",
        "foreign": "{path} is not a COOP ou pas COOP session.",
        "newer_format": "The session {path} comes from a newer version of the game (format {found}); please update the game. The file was not changed.",
        "corrupt": "The session {path} is damaged ({detail}). The file was not changed.",
        "locked": "The session {path} is already open in another program.",
        "write_failed": "Cannot save to {path}: {detail}. Nothing confirmed is lost; free some space or choose another folder.",
        "unwritable_folder": "Cannot write to the sessions folder {path}: {detail}",
        "scenario_invalid": "The scenario stored in the session {path} cannot be read any more: {detail}",
        "closed": "The session {path} is closed.",
    },
})


class SessionError(Exception):
    """A session that cannot be created, read, resumed or written; `message(language)` for people."""

    def __init__(self, code: str, path: Optional[Path | str], detail: str = "", **params: object):
        self.code = code
        self.path = None if path is None else Path(path)
        self.detail = detail
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "fr") -> str:
        return MESSAGES(language, self.code, path=self.path, detail=self.detail, **self.params)
