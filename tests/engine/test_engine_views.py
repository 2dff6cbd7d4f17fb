"""The wall: no view but a team's own holds its secret, its draft or its unrevealed move.

Whole games played by the bot on every bundled scenario (scenarios/*.yaml) and every outside
scenario (tests/outside/scenarios); at every state, every viewer's view is serialized to JSON
and searched.
"""

import json
from game.record import evolve as replace
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import Reveal, Setup, SubmitMove, TakeBackMove, apply, bot_move, bot_next, new_game
from game.engine.state import Move
from game.engine.views import FacilitatorView, PublicView, TeamView, view_for

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(REPO.glob("scenarios/*.yaml")) + sorted((REPO / "tests/outside/scenarios").glob("*.yaml"))
BEFORE_REVEAL = ("situation", "choices")
MOST_ROUNDS = 4   # whole games, of at most 4 rounds (the maximal outside scenario has 20)


def whole_game(path, seed=7, phones=False):
    """A whole game played by the bot: hot-seat, or as phones play it (moves sent in reverse turn order,
    one replaced, one taken back and sent again, then the facilitator's Reveal)."""
    scenario = load_scenario(path)
    chars = tuple(c.id for c in scenario.characters)[: scenario.players.max]
    setup = Setup(chars, {c: f"Team {i}" for i, c in enumerate(chars, 1)}, min(scenario.rounds, MOST_ROUNDS),
                  reveal="facilitator" if phones else "auto")
    states = [new_game(scenario, setup, seed)]
    while (command := bot_next(scenario, states[-1])) is not None:
        state = states[-1]
        if phones and state.phase == "choices" and not state.current.moves and not state.current.corrections:
            for command in phone_commands(scenario, state):
                states.append(apply(scenario, states[-1], command)[0])
            continue
        states.append(apply(scenario, state, command)[0])
    return scenario, states


def phone_commands(scenario, state):
    order = state.turn_order
    moves = {c: bot_move(scenario, state, c) for c in order}
    commands = [SubmitMove(c, *moves[c]) for c in reversed(order)]
    other = [p.id for p in scenario.postures if p.id != moves[order[0]][0]][0]
    commands += [SubmitMove(order[0], other, "observer"), TakeBackMove(order[-1]), SubmitMove(order[-1], *moves[order[-1]])]
    return commands + [Reveal()]


def dumped(scenario, state, viewer):
    return json.dumps(view_for(scenario, state, viewer).to_json(), ensure_ascii=False)


def quoted(ident):
    return json.dumps(ident)


@pytest.fixture(scope="module", params=[(p, phones) for p in SCENARIOS for phones in (False, True)],
                ids=lambda p: p[0].stem + ("-phones" if p[1] else ""))
def played(request):
    path, phones = request.param
    scenario, states = whole_game(path, phones=phones)
    assert not phones or any(s.current.corrections for s in states)
    return scenario, states


def test_every_scenario_is_walked():
    assert len(SCENARIOS) >= 16


def test_views_are_plain_json_that_reads_back_the_same(played):
    scenario, states = played
    for state in states[::5]:
        for viewer in ("public", "facilitator") + state.setup.characters:
            data = view_for(scenario, state, viewer).to_json()
            assert json.loads(json.dumps(data)) == data


def test_a_secret_is_only_in_its_own_teams_view_until_the_secrets_are_lifted(played):
    scenario, states = played
    chars = states[0].setup.characters
    # As the JSON text writes them (quotes escaped).
    secrets = {c: json.dumps(scenario.character(c).secret, ensure_ascii=False)[1:-1]
               for c in chars if scenario.character(c).secret}
    checked = 0
    for state in states:
        for viewer in ("public", "facilitator") + chars:
            text = dumped(scenario, state, viewer)
            for owner, secret in secrets.items():
                if viewer == owner:
                    assert secret in text
                elif state.phase != "end":
                    assert secret not in text, (viewer, owner, state.phase)
                    checked += 1
    assert states[-1].finished
    assert checked > 0 or not secrets
    # The bilan lifts every secret, on the wall too.
    public_at_end = dumped(scenario, states[-1], "public")
    assert all(secret in public_at_end for secret in secrets.values())


def test_no_posture_or_action_is_on_the_wall_or_the_console_before_the_reveal(played):
    scenario, states = played
    ids = {p.id for p in scenario.postures} | {a.id for a in scenario.actions} | {"observer"}
    # An id that is also the id of something shown (an indicator, an event) cannot be searched for.
    ids -= {i.id for i in scenario.indicators} | {e.id for e in scenario.events} | set(states[0].setup.characters)
    seen_moves = 0
    for state in states:
        if state.phase not in BEFORE_REVEAL:
            continue
        seen_moves += len(state.current.moves) + (state.draft_posture is not None)
        for viewer in ("public", "facilitator"):
            text = dumped(scenario, state, viewer)
            leaked = [i for i in ids if quoted(i) in text]
            assert not leaked, (viewer, state.phase, leaked)
    assert seen_moves > 0


def hidden_variant(scenario, state, keep):
    """The same state with every unrevealed move and draft changed, except those of `keep`."""
    postures = [p.id for p in scenario.postures]
    def other(posture):
        return postures[(postures.index(posture) + 1) % len(postures)]
    moves = tuple(m if m.character == keep else Move(m.character, other(m.posture), "observer")
                  for m in state.current.moves)
    # What was corrected stays as secret as the moves: only the kind and the team may show.
    corrections = tuple(replace(c, before=Move(c.character, other(c.before.posture), "observer"),
                                after=None if c.after is None else Move(c.character, other(c.after.posture), "observer"))
                        if c.character != keep else c for c in state.current.corrections)
    changed = replace(state, current=replace(state.current, moves=moves, corrections=corrections))
    if state.turn != keep:
        changed = replace(changed, draft_posture=other(state.draft_posture or postures[0]), draft_action="observer")
    return changed


def test_no_view_changes_when_only_what_it_may_not_see_changes(played):
    scenario, states = played
    chars = states[0].setup.characters
    compared = 0
    for state in states:
        if state.phase != "choices":
            continue
        for viewer in ("public", "facilitator") + chars:
            keep = viewer if viewer in chars else None
            variant = hidden_variant(scenario, state, keep)
            if variant == state:
                continue
            assert dumped(scenario, variant, viewer) == dumped(scenario, state, viewer), (viewer, state.current.moves)
            compared += 1
    assert compared > 0


def test_a_team_sees_its_own_card_options_draft_and_move(played):
    scenario, states = played
    for state in states:
        if state.phase != "choices":
            continue
        for character in state.setup.characters:
            view = view_for(scenario, state, character)
            assert isinstance(view, TeamView) and view.card.objective == scenario.character(character).objective
            assert view.card.resources == state.resources[character]
            assert [o.action for o in view.options] == [a.id for a in scenario.actions] + ["observer"]
            mine = [m for m in state.current.moves if m.character == character]
            assert (view.move is not None) == bool(mine)
            if mine:
                assert (view.move.posture, view.move.action) == (mine[0].posture, mine[0].action)
            assert view.my_turn == (state.turn == character)
            assert view.draft_posture == (state.draft_posture if state.turn == character else None)


def test_the_wall_says_how_many_teams_have_chosen_and_shows_the_moves_once_revealed(played):
    scenario, states = played
    for before, state in zip(states, states[1:]):
        view = view_for(scenario, state, "public")
        assert isinstance(view, PublicView)
        if state.phase == "choices":
            assert view.chosen == tuple(m.character for m in state.current.moves)
            assert view.chosen_count == len(state.current.moves) and view.moves == ()
            assert sum(t.chosen for t in view.teams) == view.chosen_count
        if state.phase == "reveal" and before.phase == "choices":
            assert [(m.character, m.posture, m.action) for m in view.moves] == \
                [(m.character, m.posture, m.action) for m in state.current.moves]
        assert [b.value for b in view.board] == [state.indicators[i.id] for i in scenario.indicators]


def test_the_console_has_every_teams_resources_but_no_card():
    scenario, states = whole_game(SCENARIOS[0])
    view = view_for(scenario, states[3], "facilitator")
    assert isinstance(view, FacilitatorView)
    assert view.resources == states[3].resources and not hasattr(view, "card")


def test_an_unknown_viewer_is_refused():
    scenario, states = whole_game(SCENARIOS[0])
    with pytest.raises(KeyError):
        view_for(scenario, states[0], "nobody")
