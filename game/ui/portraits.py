"""Characters' portraits: read lazily from the scenario's folder, scaled to fit a box, cached; a bad file shows nothing."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Optional

import pygame


def fitted_size(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The largest size inside `box` with the proportions of `size` (never 0 wide or high)."""
    width, height = size
    ratio = min(box[0] / width, box[1] / height)
    return max(1, round(width * ratio)), max(1, round(height * ratio))


class Portraits:
    """One per game. `folder` is the scenario's folder (None when unknown: no portraits)."""

    def __init__(self, folder: Optional[Path]):
        self.folder = folder
        self._pictures: dict[str, Optional[pygame.Surface]] = {}
        self._scaled: dict[tuple[str, int, int], Optional[pygame.Surface]] = {}

    def picture(self, character) -> Optional[pygame.Surface]:
        """The character's image as loaded, or None (no image, or one that cannot be decoded: the loader
        only checked its header, so a truncated or damaged file is met here for the first time)."""
        if character.id not in self._pictures:
            self._pictures[character.id] = self._load(character.image)
        return self._pictures[character.id]

    def _load(self, relative: Optional[str]) -> Optional[pygame.Surface]:
        if not relative or self.folder is None:
            return None
        # Checked again before decoding (a resumed session's folder may have changed since it was
        # validated): only a regular file inside the folder, within the limits, is ever decoded.
        from game.content.images import check_image

        if check_image(relative, self.folder) is not None:
            return None
        path = self.folder.joinpath(*PureWindowsPath(relative).parts)
        try:
            picture = pygame.image.load(str(path))
        except (pygame.error, OSError, ValueError, MemoryError):
            return None
        if picture.get_width() < 1 or picture.get_height() < 1:
            return None
        return picture

    def fitted(self, character, box: tuple[int, int]) -> Optional[pygame.Surface]:
        """The image scaled to fit `box` keeping its proportions, or None; cached per character and box."""
        if box[0] < 1 or box[1] < 1:
            return None
        key = (character.id, box[0], box[1])
        if key not in self._scaled:
            picture = self.picture(character)
            self._scaled[key] = None if picture is None else self._scale(picture, box)
        return self._scaled[key]

    @staticmethod
    def _scale(picture: pygame.Surface, box: tuple[int, int]) -> Optional[pygame.Surface]:
        size = fitted_size(picture.get_size(), box)
        try:
            return pygame.transform.smoothscale(picture, size)
        except (ValueError, pygame.error):     # smoothscale wants 24 or 32 bits a pixel (a palette PNG does not)
            try:
                return pygame.transform.scale(picture, size)
            except (ValueError, pygame.error, MemoryError):
                return None
