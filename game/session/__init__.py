"""Sessions that are never lost: a header plus an append-only journal of commands, replayed on resume.

API: Session.create(scenario_path, setup, seed) / Session.resume(path) -> Session with .state,
.scenario, .path, .apply(command), .close(); replay_file(path) reads without locking;
list_sessions(), latest_unfinished(); SessionError(code, path).message(language).
"""

from game.session.errors import SessionError
from game.session.session import Replay, Session, SessionInfo, latest_unfinished, list_sessions, replay_file

__all__ = ["Replay", "Session", "SessionError", "SessionInfo", "latest_unfinished", "list_sessions", "replay_file"]
