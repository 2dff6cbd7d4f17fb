"""What a facilitator needs from the back of the room: scales on the end chart, aligned gauges, every move
on one verdict screen."""

from __future__ import annotations

from game.paths import SCENARIOS
from game.ui import chart
from ui_walk import walk_game

PLACE = SCENARIOS / "une_place_a_l_ombre.yaml"     # three indicators, all on 0–10
TILLEULS = SCENARIOS / "quartier_des_tilleuls.yaml"  # eight characters in play, labels of mixed lengths


class _Found(Exception):
    pass


def boxes_of(app, path, wanted):
    """The text boxes of the first frame for which `wanted(scene)` holds, walking the game up to it."""
    found = []

    def check(app, scene):
        if wanted(scene):
            found.append(list(app.canvas.boxes))
            raise _Found

    try:
        walk_game(app, path, check)
    except _Found:
        pass
    assert found, "the screen was never shown"
    return found[0]


def test_the_end_chart_writes_the_minimum_middle_and_maximum_of_the_scale_on_its_vertical_axis(make_app):
    app = make_app((1280, 720))
    boxes = boxes_of(app, PLACE, lambda s: s.name == "end" and s.shot_suffix() == "chart")
    by_text = {b.text: b.rect for b in boxes}
    assert {"0", "5", "10"} <= set(by_text)
    assert by_text["10"].bottom <= by_text["5"].top and by_text["5"].bottom <= by_text["0"].top
    start = by_text["Départ"]
    # The scale stands left of the plot, whose first round is labelled at its left edge.
    assert by_text["0"].right < start.left


def test_indicators_on_different_scales_are_marked_min_and_max_rather_than_with_one_wrong_number():
    series = [("A", (1, 2), 0, 10), ("B", (5, 50), 0, 100)]
    assert [text for _, text in chart.axis_ticks(series)] == ["min", "max"]
    assert [text for _, text in chart.axis_ticks(series[:1])] == ["0", "5", "10"]


def test_reveal_effects_put_every_gauge_label_in_the_same_place(make_app):
    app = make_app((1280, 720))
    boxes = boxes_of(app, TILLEULS, lambda s: s.name == "reveal" and s.shot_suffix() == "effects")
    labels = [i.label for i in app.play.scenario.indicators]
    changes = [b for b in boxes if "\u2192" in b.text]
    label_boxes = [next(b for b in boxes if b.text == label) for label in labels]
    assert len(changes) == len(labels)
    beside = [label.rect.top == change.rect.top for label, change in zip(label_boxes, changes)]
    assert len(set(beside)) == 1, beside


def test_the_verdict_shows_all_eight_moves_at_once_on_a_projector(make_app):
    for size in ((1280, 720), (1920, 1080)):
        app = make_app(size)
        found = []

        def check(app, scene):
            if scene.name == "verdict":
                found.append(sorted(t[1] for _, t in app.canvas.hits if t[0] == "verdict"))
                raise _Found

        try:
            walk_game(app, TILLEULS, check)
        except _Found:
            pass
        assert len(app.play.state.current.moves) == 8
        assert found == [list(range(8))], size
        assert any(b.text == "COOP ou pas COOP ?" for b in app.canvas.boxes)


def test_the_choice_screen_keeps_each_posture_reading_on_its_line_and_never_ends_a_line_with_a_separator(make_app):
    app = make_app((1920, 1080))
    app.settings = app.settings._replace(readings="always")    # each posture then has its reading on its row
    boxes = boxes_of(app, TILLEULS, lambda s: s.name == "choice" and s.step == "posture")
    scene = app.target
    shown = [(rect, t[1]) for rect, t in app.canvas.hits if t[0] == "posture"]
    assert len(shown) >= 5
    for rect, index in shown:
        item = scene.posture_menu.items[index]
        inside = [b for b in boxes if rect.contains(b.rect)]
        plain = lambda words: words.replace("\u00a0", " ")   # noqa: E731 - the drawn text keeps "1 ·" together
        label = next(b for b in inside if plain(b.text) == plain(item.label))
        detail = next(b for b in inside if plain(b.text) == plain(item.detail))
        assert detail.rect.left > label.rect.right
        assert abs(detail.rect.bottom - label.rect.bottom) < label.rect.height // 2
    assert not [b.text for b in boxes if b.text.rstrip().endswith("\u00b7")]
    assert any("Temps 1 / 3" in b.text.replace("\u00a0", " ") for b in boxes)


def test_the_debrief_timer_says_in_words_whether_it_runs(make_app):
    import pygame

    app = make_app((1280, 720))
    boxes_of(app, PLACE, lambda s: s.name == "debrief")
    scene = app.target
    clock = [1000]
    scene.now = lambda: clock[0]      # the timer reads the scene's clock: 5 s pass between key presses
    seen = []
    for _ in range(3):
        clock[0] += 5000
        app.render()
        texts = [b.text.replace("\u00a0", " ") for b in app.canvas.boxes]
        seen.append([t for t in texts if t.startswith(("T :", "En "))])
        scene.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_t, mod=0, unicode="t"))
    assert seen == [["T : lancer"], ["En cours · T : pause"], ["En pause · T : reprendre"]]


def test_end_chart_labels_keep_their_final_value_when_a_long_name_is_shortened(make_app, long_path):
    app = make_app((1280, 720))
    boxes = boxes_of(app, long_path, lambda s: s.name == "end" and s.shot_suffix() == "chart")
    view = app.target.view
    for indicator in app.play.scenario.indicators:
        final = view.series[indicator.id][-1]
        assert any(b.text.startswith(indicator.label[:3]) and b.text.endswith(f" {final}") for b in boxes), indicator.id
    assert any("\u2026" in b.text for b in boxes)     # the names were indeed too long to fit whole


def test_the_posture_paths_page_says_which_way_the_rounds_run(make_app):
    app = make_app((1280, 720))
    boxes = boxes_of(app, PLACE, lambda s: s.name == "end" and s.shot_suffix() == "paths")
    rounds = app.play.state.setup.rounds
    texts = [b.text.replace("\u00a0", " ") for b in boxes]
    assert f"Un point par tour : le tour 1 en haut, le tour {rounds} en bas." in texts


def test_the_debrief_timer_counts_down_in_real_time_without_pygame_init(make_app):
    import time

    import pygame

    app = make_app((1280, 720))      # like `coop play`: display and fonts only, no pygame.init()
    boxes_of(app, PLACE, lambda s: s.name == "debrief")
    scene = app.target
    scene.timer.total_ms = 60_000
    scene.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_t, mod=0, unicode="t"))
    time.sleep(1.05)
    assert scene.timer.text(scene.now()) == "00:59"
    assert scene.tick(scene.now())            # the loop is told to redraw the new second


def test_a_team_number_never_wraps_away_from_the_word_team(make_app):
    app = make_app((1280, 720))
    boxes = boxes_of(app, PLACE, lambda s: s.name == "reveal")
    assert not [b.text for b in boxes if b.text.rstrip().endswith(("équipe", "(équipe"))]
    assert any("équipe\u00a04" in b.text for b in boxes)


def test_the_reveal_shows_all_eight_moves_together_and_keeps_the_reading_for_after_the_verdict(make_app):
    words = ("+ COOP", "= neutre", "\u2212 pas COOP")
    for size in ((1280, 720), (1920, 1080)):
        for setting in ("after", "always"):
            app = make_app(size)
            app.settings = app.settings._replace(readings=setting)
            boxes = boxes_of(app, TILLEULS, lambda s: s.name == "reveal" and s.shot_suffix() == "moves")
            texts = [b.text for b in boxes]
            moves = app.play.state.current.moves
            assert len(moves) == 8
            for move in moves:
                name = app.play.scenario.character(move.character).name
                assert any(t.startswith(name) for t in texts), (size, name)
            readings = [t for t in texts if t in words]
            if setting == "always":
                assert len(readings) == 8, size
            else:   # the room answers "COOP ou pas COOP ?" first
                assert readings == [], size


def test_with_big_text_the_verdict_table_shows_the_rows_around_the_focus_and_counts_the_others(make_app):
    app = make_app((1920, 1080), scale=1.5)
    boxes = boxes_of(app, TILLEULS, lambda s: s.name == "verdict")
    shown = sorted(t[1] for _, t in app.canvas.hits if t[0] == "verdict")
    assert shown and shown[0] == 0
    texts = [b.text for b in boxes]
    assert f"\u2193 {8 - len(shown)} de plus" in texts
    assert "COOP ou pas COOP ?" in texts and "ça dépend" in texts     # the table's head, not cards


def test_footer_lines_break_between_key_hints_not_inside_one(make_app):
    from game.ui.scenes.base import footer_wrap

    app = make_app((1280, 720))
    boxes_of(app, PLACE, lambda s: s.name == "verdict")
    hints = app.target._hints(app.target.footer())
    units = {u for h in hints for u in h.split(" \u00b7 ")}
    # Two thirds of the width: the verdict's hints no longer fit on one line.
    lines = footer_wrap(app.canvas, hints, (app.canvas.rect.width - 2 * app.canvas.metrics.margin) * 2 // 3)
    assert len(lines) == 2
    for line in lines:
        assert set(line.replace("\u00a0", " ").split(" \u00b7 ")) <= units, line


def test_a_hanging_paragraph_sets_its_following_lines_further_in(make_app):
    import pygame

    from game.ui.canvas import Canvas, Flow

    app = make_app((1280, 720))
    canvas = Canvas(app.window.get_surface(), app.theme, app.metrics())
    area = pygame.Rect(40, 40, 400, 600)
    Flow(canvas, area).text("Hélène Marchand : Imposer · Ouvrir le fonds de participation du quartier", hanging=30)
    lefts = [box.rect.left for box in canvas.boxes]
    assert len(lefts) >= 2 and lefts[0] == 40 and set(lefts[1:]) == {70}


def test_split_verdict_counts_never_break_between_the_answer_and_its_number(make_app):
    import re

    app = make_app((1920, 1080))
    boxes = boxes_of(app, TILLEULS, lambda s: s.name == "end" and s.shot_suffix() == "final_faits")
    texts = [b.text.replace("\u00a0", " ") for b in boxes]
    assert app.target.view.split_moves and any("pas COOP" in t for t in texts)
    for text in texts:
        assert not re.search(r"(pas|ça|COOP|dépend)$", text.rstrip(", ")), text


def test_the_debrief_facts_separate_an_indicator_label_from_its_numbers(make_app):
    app = make_app((1280, 720))
    boxes_of(app, PLACE, lambda s: s.name == "debrief")
    scene = app.target
    labels = {i.label for i in scene.scenario.indicators}
    lines = [line.replace("\u00a0", " ") for line in scene.facts_lines()]
    moved = [line for line in lines if any(line.startswith(label) for label in labels) and "\u2192" in line]
    assert moved, lines
    for line in moved:
        label = next(label for label in labels if line.startswith(label))
        assert line[len(label):].startswith(" : "), line
