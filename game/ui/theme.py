"""Colours and sizes of the screens: two themes (standard, high contrast) and sizes relative to the window height."""

# No `from __future__ import annotations` here: typing.NamedTuple turns each string annotation into a
# ForwardRef through compile(), about 40 of them before the first frame (1.5-2 ms); these evaluate at once.

from typing import NamedTuple

Colour = tuple[int, int, int]


def hex_colour(text: str) -> Colour:
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


class Theme(NamedTuple):
    """Every colour a screen may use, by role. Text is only ever drawn as `text_roles` on `surface_roles`."""

    name: str
    background: Colour
    panel: Colour          # cards and boxes drawn on the background
    text: Colour           # body text
    secondary: Colour      # labels, hints
    accent_text: Colour    # headings that stand out (still body contrast)
    coop_fill: Colour
    neutral_fill: Colour
    not_coop_fill: Colour
    split_fill: Colour     # a split verdict, highlighted
    focus: Colour          # the focus ring (>= 4 px)
    bar: Colour            # gauge fill
    bar_track: Colour      # gauge empty part
    rule: Colour           # thin separators
    good: Colour           # strong hue for icons and lines (never text)
    bad: Colour
    series: tuple[Colour, ...]   # line chart, one per indicator (each line also labelled)

    # Text colours and the surfaces they may sit on; the contrast test walks these.
    @property
    def text_roles(self) -> dict[str, Colour]:
        return {"text": self.text, "secondary": self.secondary, "accent": self.accent_text}

    @property
    def surface_roles(self) -> dict[str, Colour]:
        return {
            "background": self.background,
            "panel": self.panel,
            "coop": self.coop_fill,
            "neutral": self.neutral_fill,
            "not_coop": self.not_coop_fill,
            "split": self.split_fill,
        }


STANDARD = Theme(
    name="standard",
    background=hex_colour("#FAF7F0"),
    panel=hex_colour("#FFFFFF"),
    text=hex_colour("#1B1B1F"),
    secondary=hex_colour("#4A4A55"),
    accent_text=hex_colour("#10355A"),
    coop_fill=hex_colour("#CFEDE2"),
    neutral_fill=hex_colour("#E6E1D6"),
    not_coop_fill=hex_colour("#F8D9C4"),
    split_fill=hex_colour("#FBEBA8"),
    focus=hex_colour("#0072B2"),
    bar=hex_colour("#0072B2"),
    bar_track=hex_colour("#DDD7CA"),
    rule=hex_colour("#8A8578"),
    good=hex_colour("#009E73"),
    bad=hex_colour("#D55E00"),
    series=tuple(hex_colour(c) for c in (
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#1B1B1F", "#8C6D00")),
)

HIGH_CONTRAST = Theme(
    name="contrast",
    background=hex_colour("#000000"),
    panel=hex_colour("#141414"),
    text=hex_colour("#FFFFFF"),
    secondary=hex_colour("#E8E8E8"),
    accent_text=hex_colour("#FFE14D"),
    coop_fill=hex_colour("#0B3B2C"),
    neutral_fill=hex_colour("#2E2E2E"),
    not_coop_fill=hex_colour("#4A1D00"),
    split_fill=hex_colour("#3D3300"),
    focus=hex_colour("#FFE14D"),
    bar=hex_colour("#FFE14D"),
    bar_track=hex_colour("#4D4D4D"),
    rule=hex_colour("#BDBDBD"),
    good=hex_colour("#3DDC97"),
    bad=hex_colour("#FF8A3D"),
    series=tuple(hex_colour(c) for c in (
        "#FFE14D", "#56B4E9", "#3DDC97", "#FF8A3D", "#F49AC2", "#FFFFFF", "#B5A8FF", "#9BE564")),
)

THEMES = {STANDARD.name: STANDARD, HIGH_CONTRAST.name: HIGH_CONTRAST}


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: Colour, second: Colour) -> float:
    """WCAG contrast ratio, from 1 (same colour) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


TITLE_SHARE = 0.067
BODY_SHARE = 0.044
FLOOR_SHARE = 0.033
MARGIN_SHARE = 0.04
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


class Metrics(NamedTuple):
    """Pixel sizes for one window size and text scale (100–200 %)."""

    width: int
    height: int
    scale: float = 1.0

    def _px(self, share: float) -> int:
        # Round up so a size never falls under its share of the height.
        import math

        return max(8, math.ceil(self.height * share * self.scale))

    @property
    def title(self) -> int:
        return self._px(TITLE_SHARE)

    @property
    def body(self) -> int:
        return self._px(BODY_SHARE)

    @property
    def small(self) -> int:
        return self._px(FLOOR_SHARE)

    @property
    def floor(self) -> int:
        """The smallest text allowed anywhere, whatever the scale."""
        import math

        return math.ceil(self.height * FLOOR_SHARE)

    @property
    def margin(self) -> int:
        return max(8, round(self.height * MARGIN_SHARE))

    @property
    def gap(self) -> int:
        return max(4, round(self.body * 0.4))

    @property
    def focus_width(self) -> int:
        return max(4, round(self.height * 0.005))

    @property
    def wide(self) -> bool:
        """16:9-like windows place a side column; narrower ones stack it below."""
        return self.width >= self.height * 1.5
