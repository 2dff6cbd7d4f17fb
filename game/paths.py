"""Where the program's own files (fonts, bundled scenarios) and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def reports_dir() -> Path:
    return data_home() / "reports"
