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
        "read_only": "La session {path} est en lecture seule ({detail}) : elle peut être lue (coop report) mais pas continuée ici ; copiez-la dans le dossier des sessions.",
        "not_a_file": "{path} n'est pas un fichier ordinaire (dossier, tube nommé, périphérique…) : ce n'est pas une session.",
        "link_refused": "{path} est un lien symbolique : une session est lue et écrite seulement comme fichier du dossier des sessions.",
        "too_large": "{path} est trop gros pour une session ({size} octets, au plus {limit}).",
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
        "read_only": "The session {path} is read-only ({detail}): it can be read (coop report) but not continued here; copy it into the sessions folder.",
        "not_a_file": "{path} is not a regular file (a folder, a named pipe, a device...): it is not a session.",
        "link_refused": "{path} is a symbolic link: a session is only read and written as a file of the sessions folder.",
        "too_large": "{path} is too large for a session ({size} bytes, at most {limit}).",
    },
})


# What exactly is wrong in a damaged session, in people's words; technical bits (a line number,
# a missing field) stay as they are.
DETAILS = Catalog({
    "fr": {
        "incomplete_header": "en-tête incomplet",
        "no_format_version": "numéro de version du format absent",
        "line_not_json": "la ligne {line} n'est pas du JSON",
        "line_not_command": "la ligne {line} n'est pas la commande n° {number}",
        "hash_mismatch": "le scénario enregistré ne correspond plus à son empreinte",
        "bad_header": "en-tête illisible ({technical})",
        "start_refused": "la partie enregistrée ne peut pas commencer : {reason}",
        "command_refused": "la commande n° {number} est refusée par les règles : {reason}",
        "scenario_problems": "{problems}",
        "line_checksum": "la ligne {line} a changé depuis son écriture (sa somme de contrôle ne correspond plus)",
        "last_line_no_newline": "la dernière ligne ({line}) n'a plus de saut de ligne final : le fichier a sans doute été ouvert et enregistré dans un éditeur ; ajoutez un saut de ligne à la fin pour la garder",
    },
    "en": {
        "incomplete_header": "incomplete header",
        "no_format_version": "no format version",
        "line_not_json": "line {line} is not JSON",
        "line_not_command": "line {line} is not command number {number}",
        "hash_mismatch": "the stored scenario no longer matches its fingerprint",
        "bad_header": "unreadable header ({technical})",
        "start_refused": "the recorded game cannot start: {reason}",
        "command_refused": "command number {number} is refused by the rules: {reason}",
        "scenario_problems": "{problems}",
        "line_checksum": "line {line} changed since it was written (its checksum no longer matches)",
        "last_line_no_newline": "the last line ({line}) lost its final line feed: the file was probably opened and saved in an editor; add a line feed at the end to keep it",
    },
})


class Detail:
    """A SessionError detail put into words only when shown, in the language asked for.

    A parameter may be a function of the language (e.g. `IllegalCommand.describe`)."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params

    def text(self, language: str) -> str:
        # A sentence put into words elsewhere (a refusal) ends inside the parentheses of a message: no final full stop.
        values = {name: value(language).rstrip(".") if callable(value) else value for name, value in self.params.items()}
        return DETAILS(language, self.key, **values)

    def __str__(self) -> str:
        return self.text("en")


class SessionError(Exception):
    """A session that cannot be created, read, resumed or written; `message(language)` for people."""

    def __init__(self, code: str, path: Optional[Path | str], detail: "str | Detail" = "", **params: object):
        self.code = code
        self.path = None if path is None else Path(path)
        self.detail = detail
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "fr") -> str:
        detail = self.detail.text(language) if isinstance(self.detail, Detail) else self.detail
        return MESSAGES(language, self.code, path=self.path, detail=detail, **self.params)
