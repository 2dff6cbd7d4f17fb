"""At 1024x768 (the old 4:3 projectors of centres sociaux) a team reads its objective and its secret
beside the postures it chooses from, and the debrief's facts open with the indicators that moved:
neither falls one page further down any more (issue 13, problem 6)."""

import pytest

from game.paths import SCENARIOS

TILLEULS = SCENARIOS / "quartier_des_tilleuls.yaml"


def choice_boxes(make_app, size, step):
    from test_ui_projector import boxes_of

    app = make_app(size)
    boxes = boxes_of(app, TILLEULS, lambda s: s.name == "choice" and s.step == step)
    return app, boxes


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_the_secret_shows_whole_beside_the_postures_without_scrolling(make_app, size):
    app, boxes = choice_boxes(make_app, size, "posture")
    character = app.play.scenario.character(app.scene.character)
    body = app.canvas.rect
    drawn = " ".join(b.text for b in boxes if body.contains(b.rect)).replace("\u00a0", " ")
    assert app.scene.scroll == 0
    assert " ".join(character.secret.split()[-3:]) in drawn        # the secret's last words are on screen
    assert "1 · Imposer" in drawn and "2 · Décider seul" in drawn
    secret = next(b.rect for b in boxes if character.secret.split()[0] in b.text)
    first = next(b.rect for b in boxes if b.text.replace("\u00a0", " ").startswith("1 · "))
    assert secret.right <= first.left, "the card and the list side by side"


def test_a_reading_that_waits_for_the_verdict_is_said_once_not_on_every_posture(make_app):
    app, boxes = choice_boxes(make_app, (1024, 768), "posture")
    texts = [b.text for b in boxes]
    assert sum("lecture après le verdict" in t for t in texts) == 1, texts


@pytest.mark.parametrize("players", [5, 8])
def test_the_facts_show_every_indicator_that_moved_on_the_first_page_at_4_3(make_app, players):
    """The 'faits' phase opens with what changed; the moves (each with the room's answer) come after."""
    from test_ui_projector import boxes_of

    app = make_app((1024, 768))
    app.requested_players = players
    boxes = boxes_of(app, TILLEULS, lambda s: s.name == "debrief" and s.phase == "faits"
                     and any(f.after != f.after_events for f in s.view.facts.indicators))
    scene = app.target
    assert len(scene.state.setup.characters) == players and scene.scroll == 0
    drawn = [b.text.replace("\u00a0", " ") for b in boxes if app.canvas.rect.contains(b.rect)]
    for fact in scene.view.facts.indicators:
        if fact.after != fact.after_events:
            label = scene.scenario.indicator(fact.indicator).label
            assert any(t.startswith(f"{label} : ") for t in drawn), (label, drawn)
    lines = scene.facts_lines()
    assert sum(scene.character_name(m.character) in line for line in lines for m in scene.view.facts.moves) \
        == len(scene.view.facts.moves), "one line a move, its tally on it"
