"""The bot: legal moves, its policies, and choices that depend only on the seed and the move's place."""

from game.engine import AddNote, Advance, apply, bot_move, bot_next, new_game


def autoplay(scenario, state, policy="random", limit=10_000):
    commands = []
    while (command := bot_next(scenario, state, policy)) is not None and len(commands) < limit:
        state, _ = apply(scenario, state, command)
        commands.append(command)
    return state, commands


def test_the_bot_plays_a_whole_game_to_its_end_with_legal_commands(small, game):
    state, commands = autoplay(small, game)
    assert state.phase == "end"
    assert len(state.history) == 3


def test_the_coop_policy_always_takes_a_highest_coop_posture_and_solo_a_lowest(small, game):
    for policy, allowed in (("coop", {"co_construire", "faire_confiance"}), ("solo", {"imposer"})):
        state, _ = autoplay(small, game, policy)
        assert {m.posture for r in state.history for m in r.moves} <= allowed


def test_a_bot_choice_does_not_depend_on_what_happened_before_in_the_round(small, game):
    state, _ = apply(small, game, Advance())
    noted, _ = apply(small, state, AddNote("une note"))
    assert bot_move(small, state, "elue") == bot_move(small, noted, "elue")


def test_a_game_interrupted_anywhere_and_resumed_by_the_bot_ends_identically(small, game):
    final, commands = autoplay(small, game)
    for cut in range(0, len(commands), 5):
        state = game
        for command in commands[:cut]:
            state, _ = apply(small, state, command)
        resumed, _ = autoplay(small, state)
        assert resumed == final


def test_different_seeds_give_different_games(small, setup3):
    endings = set()
    paths = set()
    for seed in range(12):
        state, _ = autoplay(small, new_game(small, setup3, seed))
        paths.add(tuple(m.posture for r in state.history for m in r.moves))
        endings.add(state.ending)
    assert len(paths) == 12


def test_the_bot_room_leans_with_the_posture_and_always_counts_twelve_votes():
    from game.engine import bot_verdict

    def votes(coop):
        tallies = [bot_verdict(3, number, f"c{k}", coop) for number in range(1, 6) for k in range(20)]
        assert all(t.coop + t.pas_coop + t.depends == 12 for t in tallies)
        return sum(t.coop for t in tallies), sum(t.pas_coop for t in tallies)

    coop_votes, against = votes(2)
    assert coop_votes > 4 * against
    coop_votes, against = votes(-2)
    assert against > 4 * coop_votes
    assert bot_verdict(3, 1, "elue") == bot_verdict(3, 1, "elue")
