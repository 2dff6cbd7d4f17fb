"""Test setup: headless SDL before anything imports pygame, and a private data folder."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def coop_home(tmp_path, monkeypatch):
    """Every test gets its own empty data folder (sessions, settings, reports)."""
    home = tmp_path / "coop_home"
    monkeypatch.setenv("COOP_HOME", str(home))
    return home
