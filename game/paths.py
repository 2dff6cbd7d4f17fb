"""Where the program's own files (fonts, bundled scenarios) and the user's data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


APP_NAME = "coop-ou-pas-coop"   # the data folder's name, and the installed data's


def program_files(checkout: Path, prefix: Path) -> Path:
    """The checkout (or an editable install); else the data folder a `pip install .` wrote under `prefix`."""
    if (checkout / "assets" / "fonts").is_dir():
        return checkout
    installed = prefix / "share" / APP_NAME
    return installed if (installed / "assets" / "fonts").is_dir() else checkout


ROOT = program_files(Path(__file__).resolve().parent.parent, Path(sys.prefix))
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
SCENARIOS = ROOT / "scenarios"


def data_home() -> Path:
    """The user's data folder: `COOP_HOME` when set (tests, CI, a USB stick), else platformdirs'."""
    override = os.environ.get("COOP_HOME")
    if override:
        return Path(override)
    plain = plain_xdg_data_home()
    if plain is not None:
        return plain
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def plain_xdg_data_home() -> Path | None:
    """platformdirs' answer in the plain Linux case, without importing it (4-6 ms before the first frame,
    beyond the standard modules it needs: platformdirs 4.14.9, measured): an absolute XDG_DATA_HOME, else an
    absolute HOME's .local/share, then the program's folder - the XDG rule every platformdirs 4 keeps.
    None for anything else (another system, an Android app's environment, a relative or missing HOME or
    XDG value): platformdirs decides those. tests/test_paths.py holds this to platformdirs' answer."""
    if not sys.platform.startswith("linux") or "ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ:
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg.startswith("/"):
        return Path(xdg) / APP_NAME
    if xdg.strip():
        return None      # a relative value: platformdirs versions differ on it
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    return Path(home) / ".local" / "share" / APP_NAME


SESSION_SUFFIX = ".coop.jsonl"


def write_cache_file(path: Path, data: bytes, private: bool = False) -> bool:
    """Best effort, for a shortcut the program can always do without (an index, a memo): written whole
    (temporary file, then rename) or not at all, no fsync (a file lost to a power cut is only remade).
    `private`: readable by its owner only (a report's memo holds the facilitator's notes, whatever the
    permissions of the session file it came from). False when the data folder cannot take it (read-only, full)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            temporary.unlink()      # a leftover keeps its mode: start afresh
        except FileNotFoundError:
            pass
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(temporary, flags, 0o600 if private else 0o666), "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
        return False


def sessions_dir() -> Path:
    return data_home() / "sessions"


def archive_dir() -> Path:
    """Archived sessions: out of the title's offer and of `coop sessions`, still readable by `coop report PATH`."""
    return data_home() / "archive"


def reports_dir() -> Path:
    return data_home() / "reports"
