"""The main loop's side of the phones: drains what the server thread received, turns it into commands
through the game's one command path, keeps the open vote, and hands back each viewer's frame.

Only this module's `pump` (called each frame on the main thread) touches the session.
"""

from __future__ import annotations

import json
import queue
from typing import Callable, Optional

from game.phones import links, protocol
from game.phones.frames import public_frame, team_frame
from game.engine.views import PUBLIC
from game.phones.server import Inbound, Joined, PhoneServer
from game.phones.votes import VoteBox

PUMP_LIMIT = 5000        # messages handled in one frame at most (the rest wait for the next frame)


class PhoneHub:
    def __init__(self, server: PhoneServer, host: str, tokens: dict[str, str]):
        self.server = server
        self.host = host
        self.tokens = tokens
        self.votes = VoteBox()
        self._vote_round: Optional[int] = None     # the round whose vote was opened
        self._published = None
        self._published_state = None   # the state itself, not its id: a freed state's id can come back
        self.on_claimed: Optional[Callable[[str], None]] = None
        self.observer: Optional[Callable[[object], None]] = None   # benchmark: every item as the loop sees it
        self.language = "fr"

    # -- starting --------------------------------------------------------------------
    @classmethod
    def start(cls, header: Optional[dict], characters, bind: str, port: Optional[int],
              extra_hosts=(), **server_options) -> "PhoneHub":
        """Listen on bind:port (without a port: the usual one, or the next free ones). OSError when it
        cannot listen."""
        tokens = links.team_tokens(links.session_key(header), characters)
        candidates = [port] if port is not None else [links.DEFAULT_PORT + i for i in range(links.PORT_TRIES)] + [0]
        error: Optional[OSError] = None
        for candidate in candidates:
            server = PhoneServer(bind, candidate, tokens, extra_hosts=extra_hosts, **server_options)
            try:
                server.start()
            except OSError as failure:
                error = failure
                continue
            return cls(server, bind, tokens)
        raise error or OSError("no port")

    def stop(self) -> None:
        self.server.stop()

    @property
    def port(self) -> int:
        return self.server.port

    def public_url(self) -> str:
        return links.base_url(self.host, self.port) + "/"

    def team_url(self, character: str) -> str:
        return links.base_url(self.host, self.port) + links.team_path(self.tokens[character])

    def info(self) -> dict:
        """What --phones-info writes: {"public": URL, "teams": {character_id: URL}}."""
        return {"public": self.public_url(), "teams": {c: self.team_url(c) for c in self.tokens}}

    def write_info(self, path) -> None:
        from pathlib import Path

        from game.session.journal import write_atomically

        target = Path(path)
        write_atomically(target, json.dumps(self.info(), indent=2).encode("utf-8"))

    # -- what the projector shows -------------------------------------------------------
    def chosen(self, state) -> int:
        """How many teams have a confirmed move on disk (never which one)."""
        return len(state.current.moves) if state.phase == "choices" else 0

    @property
    def voters(self) -> int:
        return self.votes.voters

    @property
    def vote_open(self) -> bool:
        return self.votes.is_open

    def claimed(self) -> set[str]:
        return self.server.claimed()

    def reset_claim(self, character: str) -> None:
        self.server.reset_claim(character)

    # -- the main loop -----------------------------------------------------------------
    def pump(self, play) -> bool:
        """Handle what phones sent since the last frame; publish the frames that changed. True when the
        game's state or what the projector shows changed."""
        changed = False
        self.server.wakeup.clear()
        self.language = play.app.language if getattr(play, "app", None) is not None else self.language
        self.server.language = self.language
        for _ in range(PUMP_LIMIT):
            try:
                item = self.server.inbox.get_nowait()
            except queue.Empty:
                break
            if self.observer is not None:
                self.observer(item)
            if isinstance(item, Joined):
                changed |= self._joined(play, item)
            elif isinstance(item, Inbound):
                changed |= self._inbound(play, item)
        changed |= self._sync_vote(play.state)
        self.publish(play)
        return changed

    @staticmethod
    def _choices_timer(play):
        """The choices' countdown for the phones: ((seconds left, running) or None, and what changes it: its
        start, pauses and added minutes, so that the frames go out again only then, the page counting down)."""
        shared = getattr(play, "shared", None)
        if shared is None:
            return None, None
        from game.ui.scenes.base import monotonic_ms

        now = monotonic_ms()
        countdown = shared.choices_timer_for(play.state, now)
        if countdown is None:
            return None, None
        left = -(-countdown.remaining(now) // 1000)
        return (left, countdown.running), (id(countdown), countdown.total_ms, countdown.elapsed_ms, countdown.started_at)

    def publish(self, play) -> None:
        state = play.state
        # The facilitator's setting for the scenario's readings: a phone never shows one before the room decides.
        readings = getattr(getattr(getattr(play, "app", None), "settings", None), "readings", "after")
        timer, shown = self._choices_timer(play)
        key = (self.votes.is_open, self.language, readings, shown)
        if state is self._published_state and key == self._published:
            return
        self._published, self._published_state = key, state
        scenario, open_ = play.scenario, self.votes.is_open
        frames = {PUBLIC: protocol.dump(public_frame(scenario, state, self.language, vote_open=open_, readings=readings,
                                                     timer=timer))}
        for character in state.setup.characters:
            frames[character] = protocol.dump(team_frame(scenario, state, character, self.language, vote_open=open_,
                                                         readings=readings, timer=timer))
        self.server.publish(frames)

    def _refuse(self, item, code: str, text: Optional[str] = None) -> bool:
        self.server.reply(item.connection, protocol.refusal_frame(code, self.language, ref=item.ref, text=text))
        return False

    def _joined(self, play, item: Joined) -> bool:
        state = play.state
        mine = self.votes.mine(item.device) if self.votes.is_open else {}
        self.server.reply(item.connection, protocol.ballot_frame(state.round, mine))
        if item.claimed and self.on_claimed is not None:
            self.on_claimed(item.character)
            return True
        return False

    def _inbound(self, play, item: Inbound) -> bool:
        intent = item.intent
        if isinstance(intent, protocol.VoteIntent):
            code = self.votes.cast(item.device, intent.round, intent.character, intent.answer)
            if code is not None:
                return self._refuse(item, code)
            self.server.reply(item.connection, protocol.ok_frame(item.ref, mine=self.votes.mine(item.device)))
            return True
        if item.role != "team" or item.character is None:
            return self._refuse(item, "not_a_team")
        if isinstance(intent, protocol.MoveIntent):
            return self._move(play, item, intent)
        return self._take_back(play, item)

    def _move(self, play, item: Inbound, intent: protocol.MoveIntent) -> bool:
        """SubmitMove for the connection's team: any order during the choices; again replaces it (the
        engine refunds the old cost) until the reveal. The engine's refusal in words otherwise."""
        from game.engine import SubmitMove

        if play.state.phase != "choices":
            return self._refuse(item, "not_choosing")
        return self._apply(play, item, [SubmitMove(item.character, intent.posture, intent.action)])

    def _apply(self, play, item, commands) -> bool:
        for command in commands:
            refused = play.try_submit(command, "phone")
            if refused is not None:
                code, text = refused
                self._refuse(item, code, text)
                return True    # an earlier command of the list may have changed the state
        self.server.reply(item.connection, protocol.ok_frame(item.ref))
        return True

    def _take_back(self, play, item: Inbound) -> bool:
        from game.engine import TakeBackMove

        state = play.state
        if state.phase != "choices":
            return self._refuse(item, "not_choosing")
        if not any(m.character == item.character for m in state.current.moves):
            return self._refuse(item, "nothing_to_take_back")
        return self._apply(play, item, [TakeBackMove(item.character)])

    # -- the room's vote ------------------------------------------------------------------
    def _sync_vote(self, state) -> bool:
        current = state.current
        if state.phase == "verdict":
            if self._vote_round != state.round and not current.verdicts and not current.verdicts_skipped:
                self._vote_round = state.round
                self.votes.open(state.round, tuple(m.character for m in current.moves))
                return True
            return False
        if self.votes.is_open:
            self.votes.close()      # the facilitator moved on or skipped the verdict: nothing recorded
            return True
        return False

    def close_vote(self, play) -> bool:
        """The facilitator reveals the result: each move's tally that received votes is journaled
        (RecordVerdict); False when no vote was open."""
        from game.engine import RecordVerdict

        if not self.votes.is_open:
            return False
        for character, (coop, pas_coop, depends) in self.votes.close().items():
            if coop + pas_coop + depends:
                play.try_submit(RecordVerdict(character, coop, pas_coop, depends), "phone")
        self.publish(play)
        return True
