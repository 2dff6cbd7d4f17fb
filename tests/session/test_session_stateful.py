"""A session driven at random (bot moves, refused commands, notes, close and resume) always matches the engine."""

import tempfile
from pathlib import Path

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from game.content import load_scenario
from game.engine import AddNote, Advance, ChooseAction, IllegalCommand, Setup, apply, bot_next, new_game
from game.session import Session, replay_file

SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"
SCENARIO = load_scenario(SMALL)
SETUP = Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 2)


class SessionMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.session = Session.create(SMALL, SETUP, 17, folder=Path(self.folder.name))
        self.expected = new_game(SCENARIO, SETUP, 17)   # the same game, in memory only

    def teardown(self):
        self.session.close()
        self.folder.cleanup()

    def _both(self, command):
        try:
            expected, _ = apply(SCENARIO, self.expected, command)
        except IllegalCommand:
            expected = None
        try:
            self.session.apply(command)
        except IllegalCommand:
            assert expected is None
            return
        assert expected is not None
        self.expected = expected

    @precondition(lambda self: not self.expected.finished)
    @rule()
    def bot_step(self):
        self._both(bot_next(SCENARIO, self.expected))

    @rule(action=st.sampled_from(["reunion", "travaux", "petition", "fete", "observer"]))
    def choose_any_action(self, action):
        self._both(ChooseAction(self.expected.turn or "elue", action))

    @rule()
    def advance(self):
        self._both(Advance())

    @rule(text=st.text(min_size=0, max_size=30))
    def note(self, text):
        self._both(AddNote(text))

    @rule()
    def close_and_resume(self):
        self.session.close()
        self.session = Session.resume(self.session.path)

    @invariant()
    def session_matches_the_engine_and_the_disk(self):
        assert self.session.state == self.expected
        assert replay_file(self.session.path).state == self.expected


TestSession = SessionMachine.TestCase
TestSession.settings = settings(max_examples=15, stateful_step_count=30, deadline=None)
