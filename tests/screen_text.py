"""What a screen drew, for tests that read it or save it for a look (tests/conftest.py's folder is on
the import path, so every test folder imports this as `screen_text`)."""

from __future__ import annotations

import os
from typing import Optional

import pygame


def drawn_words(app) -> str:
    """The text of the app's next frame, boxes joined by spaces, no-break spaces read as spaces."""
    app.render()
    return " ".join(box.text for box in app.canvas.boxes).replace("\xa0", " ")


def save_screen(app, folder: Optional[str], name: str) -> None:
    """Draw the app's next frame and, when `folder` is given (an environment variable's value), save it
    there as NAME.png for a look."""
    app.render()
    if folder:
        os.makedirs(folder, exist_ok=True)
        pygame.image.save(app.window.get_surface(), os.path.join(folder, f"{name}.png"))
