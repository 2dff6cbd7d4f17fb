"""Class 4 of the hardening issue, on the real Markdown report: team names, notes and scenario texts drawn by
hypothesis never become an image, a link, raw HTML, a heading or a code block, and names read as written."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.engine import AddNote, Setup, bot_next
from game.session import Session
from game.session.report import render

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (test extra) renders the Markdown report")

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
CHARACTERS = ("elue", "bailleur")
HOSTILE = ["![x](http://example.com/x.png)", "[clic](javascript:alert(1))", "<img src=//e/x>", "\n# Titre",
           "\n\n## Faux tour", "\n> q", "`", "*", "_", "[", "]", "(", ")", "!", "<", "&", "|", "\n", "\n---\n",
           "1. ", "- ", "Zoé", "«", "»", " ", "\t", "<http://e.org>", "\\"]
hostile = st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=6).map("".join)


def _tokens(text):
    parser = markdown_it.MarkdownIt("commonmark").enable("table")

    def walk(tokens):
        for token in tokens:
            yield token
            yield from walk(token.children or [])

    return list(walk(parser.parse(text)))


def _report(team: str, note: str) -> str:
    teams = {"elue": team, "bailleur": "B"}
    session = Session.create(FIVE, Setup(CHARACTERS, teams, 1), 3)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
        if session.state.phase == "debrief" and not session.state.current.notes:
            session.apply(AddNote(note))
    session.close()
    return render(session.path, "md", "fr")


BASELINE = None


def _blocks(tokens):
    """How many headings, rules and quotes: the report's own structure, whatever the texts."""
    return {kind: sum(t.type == kind for t in tokens) for kind in ("heading_open", "hr", "blockquote_open")}


@given(team=hostile.filter(lambda t: t.strip()), note=hostile.filter(lambda t: t.strip()))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_team_names_and_notes_never_become_markup_in_the_markdown_report(team, note):
    global BASELINE
    if BASELINE is None:
        BASELINE = _blocks(_tokens(_report("Équipe A", "une note")))
    tokens = _tokens(_report(team, note))
    kinds = {t.type for t in tokens}
    assert not kinds & {"image", "link_open", "html_inline", "html_block", "code_block", "fence"}, kinds
    assert _blocks(tokens) == BASELINE
    shown = " ".join(t.content for t in tokens if t.type == "text")
    words = [w for w in team.replace("\n", " ").replace("\t", " ").split(" ") if w]
    assert all(word in shown for word in words)
