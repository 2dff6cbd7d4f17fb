"""Class 4 of the hardening issue: every text from a file or a person is inert where it goes.

The cases are generated: hypothesis draws texts mixing markup characters,
control and bidi characters, line breaks and any other code point; the
properties say what each destination must never receive and that the text
still reads as written.
"""

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.neutralise import for_html, for_markdown, for_markdown_lines, for_pdf, for_svg, for_terminal

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (test extra) renders the Markdown report")

MARKUP = "#>-+=*_`[]()!<>&|~\\:/. 1\n\r\t\x1b\x9b\u202e\u2066\u2028\u0085"
SNIPPETS = ["![x](http://example.com/x.png)", "[lien](javascript:alert(1))", "<img src=x onerror=alert(1)>",
            "\n# Titre", "\n> cité", "\n---\n", "<script>", "&lt;b&gt;", "\x1b[2J\x1b]0;pwn\x07", "1. ", "`code`",
            "<http://example.com>", "\\", "\n\n- item", "Zoé « l'élue »", "名前", "😀"]
texts = st.lists(st.one_of(st.text(alphabet=MARKUP, max_size=6), st.sampled_from(SNIPPETS), st.text(max_size=4)),
                 max_size=8).map("".join)

TERMINAL_ACTIVE = {chr(c) for c in range(0x20) if c != 0x0A} | {chr(c) for c in range(0x7F, 0xA0)} \
    | set("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(texts)
@settings(max_examples=400)
def test_the_terminal_never_receives_a_control_or_bidi_character(text):
    shown = for_terminal(text)
    assert not (set(shown) & (TERMINAL_ACTIVE | {"\n"}))
    assert "\n" not in for_terminal(text, keep_newlines=True).replace(text.count("\n") * "", "") or True
    kept = for_terminal(text, keep_newlines=True)
    assert not (set(kept) & TERMINAL_ACTIVE) and kept.count("\n") == text.count("\n")
    assert len(for_terminal(text, same_width=True)) == len(text)


def _inline_tokens(source: str):
    parser = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return parser.parse(source)


def _kinds(tokens):
    for token in tokens:
        yield token.type
        yield from _kinds(token.children or [])


def _plain(tokens) -> str:
    out = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type == "softbreak":
            out.append("\n")
        out.append(_plain(token.children or []))
    return "".join(out)


def _as_written(text: str) -> str:
    """What a reader should see: the text, line breaks as spaces, characters no document may hold as U+FFFD."""
    from game.neutralise import _DOCUMENT_UNSAFE, _LINE_BREAKS

    return _DOCUMENT_UNSAFE.sub("\ufffd", _LINE_BREAKS.sub(" ", text))


@given(texts)
@settings(max_examples=400)
def test_markdown_text_renders_as_written_with_no_markup_of_its_own(text):
    for context in ("{}", "- {}", "- Équipe : {} (rôle)", "> {}", "| {} | 1 |\n|---|---|"):
        tokens = _inline_tokens(context.format(for_markdown(text)))
        kinds = set(_kinds(tokens))
        assert not kinds & {"image", "link_open", "html_inline", "html_block", "heading_open", "hr",
                            "em_open", "strong_open", "s_open", "code_inline", "fence", "code_block"}, kinds
        if context == "{}" and text.strip():
            # Leading/trailing white space (a no-break space too) is Markdown's to drop; the rest reads as written.
            assert _plain(tokens).strip() == _as_written(text).replace("\t", " ").strip()


@given(texts)
@settings(max_examples=200)
def test_a_note_stays_inside_its_quote_block(text):
    tokens = _inline_tokens("\n".join("> " + line for line in for_markdown_lines(text)) + "\n\nafter")
    kinds = list(_kinds(tokens))
    assert "heading_open" not in kinds and "image" not in kinds and "link_open" not in kinds
    assert kinds.count("blockquote_open") <= 1


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@given(texts)
@settings(max_examples=300)
def test_html_svg_and_pdf_text_has_no_tag_and_reads_as_written(text):
    from game.neutralise import _DOCUMENT_UNSAFE

    for function in (for_html, for_svg, for_pdf):
        parser = _Collect()
        parser.feed(f'<p title="{function(text)}">{function(text)}</p>')
        parser.close()
        assert parser.tags == ["p"]
        assert "".join(parser.text) == _DOCUMENT_UNSAFE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n") \
            or "\r" in text
    assert not set(for_svg(text)) & {chr(c) for c in range(0x20) if c not in (9, 10, 13)}
    assert html.unescape(for_html("Zoé & « l'élue »")) == "Zoé & « l'élue »"


def test_patterns_are_compiled_on_first_use_and_match_as_compiled_at_once():
    """A report in HTML compiles neither the terminal's nor Markdown's patterns (2 ms of a cold report)."""
    import re
    import subprocess
    import sys

    from game import neutralise

    patterns = {name: value for name, value in vars(neutralise).items() if isinstance(value, neutralise._Pattern)}
    assert len(patterns) == 7
    sample = "a\x1b[2J\u202e\ud800 # [x](y) <b> &amp; 1. \r\n\u2028\tz"
    for name, pattern in patterns.items():
        compiled = re.compile(pattern.source)
        assert pattern.sub("\ufffd", sample) == compiled.sub("\ufffd", sample), name
        assert pattern.split(sample) == compiled.split(sample), name
        assert (pattern.match(sample) is None) == (compiled.match(sample) is None), name
        # Compiled once, its own methods then kept here: later calls go straight to the compiled pattern.
        assert vars(pattern)["sub"] == pattern._compiled.sub and "split" in vars(pattern) and "match" in vars(pattern)
    probe = ("from game import neutralise as n; n.for_html('<a>'); "
             "print(sorted(k for k, v in vars(n).items() if isinstance(v, n._Pattern) and v._compiled is not None))")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "['_DOCUMENT_UNSAFE']"
