"""At 1024x768 (the old 4:3 projectors of centres sociaux) a team reads its objective and its secret
beside the postures it chooses from, not one page further down (issue 13, problem 6)."""

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
    first = next(b.rect for b in boxes if b.text.startswith("1 · "))
    assert secret.right <= first.left, "the card and the list side by side"


def test_a_reading_that_waits_for_the_verdict_is_said_once_not_on_every_posture(make_app):
    app, boxes = choice_boxes(make_app, (1024, 768), "posture")
    texts = [b.text for b in boxes]
    assert sum("lecture après le verdict" in t for t in texts) == 1, texts
