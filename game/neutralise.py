"""Text from a file or a person made inert for where it goes: one function per destination.

Scenario texts, team names, notes, file names and YAML values are written by
people; the program prints them to a terminal and writes them into Markdown,
HTML, SVG and PDF reports. Each destination has one function here, and every
text that did not come from the program itself goes through it:

- `for_terminal(text)`: control characters (C0, DEL, C1: ESC starts the
  terminal's escape sequences), bidi overrides and isolates, lone surrogates
  and line or paragraph separators are shown as visible escapes (`\\x1b`,
  `\\u202e`); with `keep_newlines=False` (the default) a line feed is shown
  as `\\n` too, so a value can never start a fake line of output.
- `for_markdown(text)`: inline text (a name, a title, one line of a note).
  Markup characters are backslash-escaped (links and images need `[`, raw
  HTML needs `<`, which becomes `&lt;`), a line break becomes a space, and a
  line-start marker (`#`, `>`, `-`, `+`, `1.`, `=`) at the start is escaped,
  leading and trailing spaces are dropped, so no text becomes a code block, a heading, a quote, a link, an image or a tag. Rendered,
  the text reads exactly as written.
- `for_html(text)`: `& < > " '` as character references (safe in element
  content and in quoted attributes); characters HTML forbids are replaced.
- `for_svg(text)`: the same for XML, which allows no C0 control at all (not
  even as a reference): they become U+FFFD.
- `for_pdf(text)`: for PDF libraries whose paragraphs read a small XML markup
  (reportlab's `Paragraph`): the XML escaping above; for a plain text-drawing
  call (no markup), only the characters a font cannot take are replaced.

Only what would become markup is escaped: letters, accents, emoji, other
scripts and ordinary punctuation stay as written.
"""

from __future__ import annotations

import re
from typing import Any, Optional


class _Pattern:
    """A regular expression compiled on its first use. A class of characters beyond Latin-1 (surrogates,
    bidi controls) takes 0.3-0.8 ms to compile, and a process writes to one or two of the destinations
    below: a report in HTML never compiles the terminal's or Markdown's (2 ms of a `coop report`).

    The first look-up of a method (`sub`, `split`, `match`) compiles the pattern and keeps the compiled
    pattern's own methods on this object, so later calls cost what calling a compiled pattern costs."""

    def __init__(self, source: str):
        self.source = source
        self._compiled: Optional[re.Pattern[str]] = None

    def __getattr__(self, name: str) -> Any:   # only for what is not here yet: the compiled pattern's methods
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._compiled = re.compile(self.source)
        self.sub, self.split, self.match = compiled.sub, compiled.split, compiled.match
        return getattr(compiled, name)


# What a terminal would act on rather than show, or that reorders a line.
_TERMINAL_UNSAFE = _Pattern("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_TERMINAL_UNSAFE_KEEP_NL = _Pattern("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str, keep_newlines: bool = False, same_width: bool = False) -> str:
    """`text` as a terminal shows it without acting on it: control and bidi characters as visible escapes.

    `same_width`: each such character becomes one U+FFFD instead (a source line
    shown above a caret keeps its columns).

    >>> for_terminal("Zoé\\x1b[2J")
    'Zoé\\\\x1b[2J'
    """
    pattern = _TERMINAL_UNSAFE_KEEP_NL if keep_newlines else _TERMINAL_UNSAFE
    return pattern.sub("\ufffd" if same_width else _visible, str(text))


# Characters that no reader should receive in a document: C0 controls but tab and line
# feed, DEL, C1 controls, lone surrogates, bidi overrides and isolates.
_DOCUMENT_UNSAFE = _Pattern("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = _Pattern("\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
# CommonMark: any ASCII punctuation may be backslash-escaped; these are the ones that
# open inline markup (emphasis, code, links and images, autolinks, tables, strikethrough).
_MARKDOWN_INLINE = _Pattern(r"([\\`*_\[\]|~])")
# An `&` that would start a character reference (`&lt;`, `&#60;`); any other `&` is shown as it is.
_ENTITY = _Pattern(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: headings, quotes, list items, setext underlines, thematic breaks.
# `>` opens a quote even without a space; the others only before a space or the end (or as a rule: `---`).
_MARKDOWN_BLOCK_MARKER = _Pattern(r"(>|[#+=-](?=[\s#=-]|$))|(\d{1,9})([.)])(?=\s|$)")


def _escape_line_start(text: str) -> str:
    marker = _MARKDOWN_BLOCK_MARKER.match(text)
    if marker is None:
        return text
    if marker.group(1):
        return "\\" + text
    return marker.group(2) + "\\" + text[marker.end(2):]


def for_markdown(text: str) -> str:
    """Inline Markdown that renders as `text` reads: no heading, link, image, tag or line break of its own.

    >>> for_markdown("# ![x](http://e/x.png) <b>")
    '\\\\# !\\\\[x\\\\](http://e/x.png) &lt;b>'
    """
    # Leading spaces or a tab would make an indented code block; they show nothing anyway.
    text = _DOCUMENT_UNSAFE.sub("\ufffd", _LINE_BREAKS.sub(" ", str(text)).replace("\t", " ")).strip(" ")
    text = _ENTITY.sub("&amp;", _MARKDOWN_INLINE.sub(r"\\\1", text)).replace("<", "&lt;")
    return _escape_line_start(text)


def for_markdown_lines(text: str) -> list[str]:
    """A multi-line text (a note) as Markdown lines, each neutralised like `for_markdown`; blank lines dropped."""
    return [for_markdown(line) for line in _LINE_BREAKS.split(str(text)) if line.strip()]


def _xml_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def for_html(text: str) -> str:
    """Text for HTML element content or a quoted attribute value.

    >>> for_html('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return _xml_escape(_DOCUMENT_UNSAFE.sub("\ufffd", str(text)))


def for_svg(text: str) -> str:
    """Text for SVG (XML) content or a quoted attribute; XML 1.0 allows no C0 control but tab, LF and CR."""
    return _xml_escape(_DOCUMENT_UNSAFE.sub("\ufffd", str(text)))


def for_pdf(text: str, markup: bool = True) -> str:
    """Text for a PDF paragraph: XML-escaped for a markup paragraph (reportlab), else only unsafe characters replaced."""
    cleaned = _DOCUMENT_UNSAFE.sub("\ufffd", str(text))
    return _xml_escape(cleaned) if markup else cleaned
