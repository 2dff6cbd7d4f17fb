"""Where the program's own files (fonts, bundled scenarios) and the user's data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def program_files(checkout: Path, prefix: Path) -> Path:
    """The checkout (or an editable install); else the data folder a `pip install .` wrote under `prefix`."""
    if (checkout / "assets" / "fonts").is_dir():
        return checkout
    installed = prefix / "share" / "coop-ou-pas-coop"
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
    from platformdirs import user_data_path

    return user_data_path("coop-ou-pas-coop", appauthor=False)


def sessions_dir() -> Path:
    return data_home() / "sessions"


def archive_dir() -> Path:
    """Archived sessions: out of the title's offer and of `coop sessions`, still readable by `coop report PATH`."""
    return data_home() / "archive"


def reports_dir() -> Path:
    return data_home() / "reports"
