"""Sessions that are never lost: a header plus an append-only journal of commands, replayed on resume.

API: Session.create(scenario_path, setup, seed) / Session.resume(path) -> Session with .state,
.scenario, .path, .apply(command), .close(); replay_file(path) reads without locking;
list_sessions(), latest_unfinished(); SessionError(code, path).message(language).
"""


# Names are loaded on first use (PEP 562): the title screen reads journals (game.session.journal,
# game.session.listing) to learn whether a game is unfinished without loading the scenario model.
_HOMES = {
    "SessionError": "game.session.errors",
    "Replay": "game.session.session",
    "Session": "game.session.session",
    "SessionInfo": "game.session.session",
    "latest_unfinished": "game.session.session",
    "list_sessions": "game.session.session",
    "replay_file": "game.session.session",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'game.session' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
