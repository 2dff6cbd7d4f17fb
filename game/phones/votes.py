"""The room's open vote on a round's moves, held in memory until the facilitator closes it."""

from __future__ import annotations

from typing import Optional

ANSWERS = ("coop", "pas_coop", "depends")


class VoteBox:
    """One ballot per device and move: the device's last answer counts. Not journaled while open (a crash
    reopens it empty); `close` gives the tallies that the hub journals as RecordVerdict."""

    def __init__(self) -> None:
        self.round: Optional[int] = None
        self.moves: tuple[str, ...] = ()
        self.is_open = False
        self.ballots: dict[str, dict[str, str]] = {}    # device -> {character: answer}

    def open(self, round_number: int, characters: tuple[str, ...]) -> None:
        self.round, self.moves, self.is_open, self.ballots = round_number, tuple(characters), True, {}

    def cast(self, device: str, round_number: int, character: str, answer: str) -> Optional[str]:
        """None when counted, or the refusal code: vote_closed, stale_round, no_such_move, bad_answer."""
        if not self.is_open:
            return "vote_closed"
        if round_number != self.round:
            return "stale_round"
        if character not in self.moves:
            return "no_such_move"
        if answer not in ANSWERS:
            return "bad_answer"
        self.ballots.setdefault(device, {})[character] = answer
        return None

    def mine(self, device: str) -> dict[str, str]:
        return dict(self.ballots.get(device, {}))

    @property
    def voters(self) -> int:
        """How many devices voted (what the projector shows while the vote is open)."""
        return len(self.ballots)

    def tallies(self) -> dict[str, tuple[int, int, int]]:
        counts = {c: [0, 0, 0] for c in self.moves}
        for ballot in self.ballots.values():
            for character, answer in ballot.items():
                counts[character][ANSWERS.index(answer)] += 1
        return {c: tuple(v) for c, v in counts.items()}

    def close(self) -> dict[str, tuple[int, int, int]]:
        tallies = self.tallies()
        self.is_open = False
        return tallies
