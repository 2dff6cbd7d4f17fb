"""`coop sessions` (the sessions of the data folder, newest first) and what `coop report` accepts as SESSION:
a path, a session id as `coop sessions` lists it, or `latest`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

from game import paths
from game.i18n import Catalog, pick_language, team_display
from game.neutralise import for_terminal
from game.paths import SESSION_SUFFIX as SUFFIX

WORDS = Catalog({
    "fr": {
        "none": "Aucune session dans {folder}.",
        "head": "Sessions de {folder} (la plus récente d'abord) :",
        "line": "{id}  {title} — {teams} — tour {round}/{rounds} — {date} — {state}",
        "finished": "terminée", "unfinished": "non terminée", "damaged": "illisible : {reason}",
        "finished_early": "terminée (fin anticipée après le tour {round})",
        "unfinished_early": "non terminée (fin anticipée prévue après le tour {round})",
        "unknown": "Aucune session « {given} » : ni un fichier, ni un identifiant de session de {folder}. "
                   "`coop sessions` les liste ; `latest` désigne la plus récente.",
        "no_latest": "Aucune session dans {folder} : `latest` ne désigne rien.",
    },
    "en": {
        "none": "No session in {folder}.",
        "head": "Sessions in {folder} (newest first):",
        "line": "{id}  {title} — {teams} — round {round}/{rounds} — {date} — {state}",
        "finished": "finished", "unfinished": "unfinished", "damaged": "unreadable: {reason}",
        "finished_early": "finished (ended early after round {round})",
        "unfinished_early": "unfinished (to end early after round {round})",
        "unknown": "No session '{given}': neither a file nor a session id of {folder}. "
                   "`coop sessions` lists them; `latest` means the newest.",
        "no_latest": "No session in {folder}: `latest` names nothing.",
    },
})


def session_id(path: Path) -> str:
    """The id `coop sessions` shows: the file name without its suffix."""
    return path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name


class UnknownSession(Exception):
    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, language: str) -> str:
        return WORDS(language, self.key, **self.params)


def resolve(given: str, folder: Optional[Path] = None) -> Path:
    """The session file that SESSION names: `latest`, an id of the sessions folder, or a path."""
    folder = Path(folder) if folder is not None else paths.sessions_dir()
    if given == "latest":
        from game.session.session import list_sessions     # replays: only for `latest`

        sessions = list_sessions(folder)
        if not sessions:
            raise UnknownSession("no_latest", folder=for_terminal(str(folder)))
        return sessions[0].path
    as_path = Path(given)
    if as_path.exists() or as_path.is_symlink():
        return as_path
    if "/" not in given and "\\" not in given:
        for candidate in (folder / f"{given}{SUFFIX}", folder / given):
            if candidate.exists() or candidate.is_symlink():
                return candidate
    raise UnknownSession("unknown", given=for_terminal(given), folder=for_terminal(str(folder)))


def describe(info, language: str) -> str:
    """One line of `coop sessions`."""
    ident = for_terminal(session_id(info.path))
    date = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.modified))
    if info.replay is None:
        reason = info.error.message(language) if info.error is not None else "?"
        return f"{ident}  {date} — " + for_terminal(WORDS(language, "damaged", reason=reason))
    replay = info.replay
    state = replay.state
    teams = ", ".join(team_display(replay.state.setup.teams[c], language) for c in state.setup.characters)
    return for_terminal(WORDS(language, "line", id=ident, title=replay.scenario.title, teams=teams,
                              round=min(state.round, state.setup.rounds), rounds=state.setup.rounds, date=date,
                              state=WORDS(language, ("finished" if info.finished else "unfinished")
                                          + ("_early" if state.ended_early else ""), round=state.final_round)))


def run_sessions(args) -> int:
    language = pick_language(getattr(args, "lang", None))
    from game.session.session import list_sessions

    folder = paths.sessions_dir()
    sessions = list_sessions(folder)
    out = sys.stdout
    if not sessions:
        out.write(WORDS(language, "none", folder=for_terminal(str(folder))) + "\n")
        return 0
    out.write(WORDS(language, "head", folder=for_terminal(str(folder))) + "\n")
    for info in sessions:
        out.write(describe(info, language) + "\n")
    return 0


def archive(path: Path) -> Path:
    """Move a session to COOP_HOME/archive/ (kept whole and readable); returns its new path. OSError if it cannot."""
    from game.session.journal import fsync_folder

    folder = paths.archive_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    if target.exists():
        raise FileExistsError(target)
    path.replace(target)
    fsync_folder(folder)
    forget(path)
    return target


def discard(path: Path) -> None:
    """Delete a session file (the title asks twice first), and the report data kept of it (its notes
    with it: game.session.report_memo). OSError if it cannot."""
    path.unlink()
    forget(path)


def forget(path: Path) -> None:
    """The report memo of a session that left its place (deleted, archived) goes too."""
    from game.session.report_memo import forget as forget_memo

    forget_memo(path)
