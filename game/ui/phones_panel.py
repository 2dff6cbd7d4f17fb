"""What the projector and the laptop show of the phones: QR codes (whole pixels per module), the short
address, how many teams have chosen, how many have voted — never who chose what, never a tally."""

from __future__ import annotations

import pygame

MIN_MODULE = 4          # below this a phone across the room cannot read it: the link as text only


def qr_surface(text: str, side: int) -> pygame.Surface | None:
    """The link's QR code at most `side` pixels wide, each module a whole number of pixels (crisp on a
    projector); None when even MIN_MODULE pixels a module do not fit."""
    from game.phones.qr import matrix

    rows = matrix(text)
    count = len(rows)
    module = side // count
    if module < MIN_MODULE:
        return None
    surface = pygame.Surface((count * module, count * module))
    surface.fill((255, 255, 255))
    dark = (0, 0, 0)
    for y, row in enumerate(rows):
        for x, on in enumerate(row):
            if on:
                surface.fill(dark, (x * module, y * module, module, module))
    return surface


def qr_block(flow, text: str, side: int) -> pygame.Rect | None:
    """The QR code in the flow (centred in its column); returns where it was drawn."""
    picture = qr_surface(text, min(side, flow.width, flow.space_left()))
    if picture is None:
        return None
    drawn = {}

    def draw(rect):
        x = rect.left + (rect.width - picture.get_width()) // 2
        flow.canvas.surface.blit(picture, (x, rect.top))
        drawn["rect"] = pygame.Rect(x, rect.top, picture.get_width(), picture.get_height())

    flow.block(picture.get_height(), draw)
    return drawn.get("rect")


def short_address(url: str) -> str:
    """"192.168.1.23:8765" for the projector's large text (the scheme and the slash go)."""
    return url.split("://", 1)[-1].rstrip("/")


def chosen_text(tr, chosen: int, total: int) -> str:
    return tr("phones_chosen_one" if chosen == 1 else "phones_chosen", n=chosen, total=total)


def votes_text(tr, voters: int) -> str:
    if voters == 0:
        return tr("phones_votes_none")
    return tr("phones_votes_one" if voters == 1 else "phones_votes", n=voters)
