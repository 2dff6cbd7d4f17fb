"""The engine's one rejection: a command that the rules do not allow now, with a precise code."""

from __future__ import annotations

from typing import Any


class IllegalCommand(Exception):
    """A command refused by the rules.

    `code` is stable and machine-readable (the UI translates it); `params`
    carries what the message needs (e.g. the resource that is missing).
    """

    def __init__(self, code: str, message: str, **params: Any):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.params = params
