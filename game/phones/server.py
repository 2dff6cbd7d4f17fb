"""The phones' web server: one static page and one websocket, in a background thread (asyncio +
websockets). It never touches the session: what phones send goes to `inbox` for the main loop, and the
main loop hands back the text of each viewer's frame (`publish`) and answers (`reply`).

Refused here, before anything reaches the main loop: a Host header that is not this server's (DNS
rebinding), a foreign Origin, any path but the page's and the websocket's, an unknown team token, a
team link claimed by another device, too many connections, a message over 2 KB (closed), too many
messages (closed), malformed JSON or fields (a refusal on that phone).
"""

from __future__ import annotations

import asyncio
import hashlib
import base64
import http
import itertools
import logging
import queue
import re
import secrets
import threading
import time
from game.record import record
from pathlib import Path
from typing import Callable, Iterable, Optional
from urllib.parse import parse_qs, urlsplit

from game.phones import protocol
from game.phones.frames import PUBLIC

PAGE_FILE = Path(__file__).with_name("page.html")
MAX_CONNECTIONS = 1500          # the room plus margin; the benchmark opens 1,000 voters
MAX_PER_TEAM = 6                # a team's link open in a few tabs or phones
RATE_PER_SECOND = 8.0           # messages a connection may send, sustained...
RATE_BURST = 24                 # ...and at once
OPEN_TIMEOUT = 10
_DEVICE = re.compile(r"[A-Za-z0-9_-]{16,43}")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")

# websockets logs handshake failures with stacks: they are a hostile or broken client, not ours to show.
_LOG = logging.getLogger("coop.phones")
_LOG.addHandler(logging.NullHandler())
_LOG.propagate = False


@record
class Inbound:
    """One checked message from a phone, for the main loop."""

    connection: int
    role: str                    # "team" or "public"
    character: Optional[str]     # the connection's team (None for the public link)
    device: str
    intent: object               # protocol.MoveIntent | TakeBackIntent | VoteIntent
    ref: object
    received: float              # time.monotonic() when the server thread read it


@record
class Joined:
    """A phone connected (or reconnected): the hub answers with its ballot; `claimed` when a team's
    link was just taken by a device."""

    connection: int
    role: str
    character: Optional[str]
    device: str
    claimed: bool


def load_page() -> tuple[bytes, str]:
    """The page and the CSP hash of its one inline script."""
    data = PAGE_FILE.read_bytes()
    text = data.decode("utf-8")
    start = text.index("<script>") + len("<script>")
    script = text[start:text.index("</script>", start)]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return data, f"'sha256-{digest}'"


class PhoneServer:
    def __init__(self, bind: str, port: int, tokens: dict[str, str], *, extra_hosts: Iterable[str] = (),
                 max_connections: int = MAX_CONNECTIONS,
                 on_send: Optional[Callable[[str, Optional[str], str], None]] = None):
        self.bind = bind
        self.port = port
        self.characters = {token: character for character, token in tokens.items()}
        self.extra_hosts = tuple(h.lower() for h in extra_hosts)
        self.max_connections = max_connections
        self.on_send = on_send                  # tests: (role, character, text) of every frame sent
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()
        self.wakeup = threading.Event()         # set with each message: the main loop stops sleeping
        self.language = "fr"                    # of the refusals said here; set by the hub
        self.page, self.script_hash = load_page()
        self._claims: dict[str, str] = {}       # character -> device holding its link
        self._latest: dict[str, str] = {}       # viewer -> text of its last frame
        self._viewers: dict[str, set] = {}      # viewer -> open connections
        self._connections = 0
        self._ids = itertools.count(1)
        self._by_id: dict[int, object] = {}
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._server = None
        self._stopped: Optional[asyncio.Event] = None
        self._error: Optional[BaseException] = None
        self.refused = 0                        # refusals said (for the benchmark and tests)

    # -- life ----------------------------------------------------------------------
    def start(self) -> None:
        """Listen on bind:port (port 0: any free one; see `self.port` after). OSError when it cannot."""
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="coop-phones", daemon=True)
        self._thread.start()
        ready.wait(15)
        if self._error is not None:
            raise self._error
        if self._server is None:
            raise OSError("the phones' server did not start")

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._main(ready))
        except BaseException as error:  # noqa: BLE001 - reported to start(), never a traceback on the terminal
            self._error = error
            ready.set()
        finally:
            loop.close()

    async def _main(self, ready: threading.Event) -> None:
        from websockets.asyncio.server import serve

        self._stopped = asyncio.Event()
        try:
            self._server = await serve(
                self._handle, self.bind, self.port, process_request=self._process_request,
                max_size=protocol.MAX_MESSAGE, max_queue=8, compression=None, open_timeout=OPEN_TIMEOUT,
                ping_interval=20, ping_timeout=20, close_timeout=3, logger=_LOG, server_header=None,
                reuse_address=True)
        except OSError as error:
            self._error = error
            ready.set()
            return
        self.port = self._server.sockets[0].getsockname()[1]
        ready.set()
        await self._stopped.wait()
        self._server.close()
        try:
            await asyncio.wait_for(self._server.wait_closed(), 5)
        except (asyncio.TimeoutError, Exception):  # noqa: BLE001 - closing: connections may already be gone
            pass

    def stop(self) -> None:
        """Stop listening and close every connection (the phones then show that the game is away)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            loop.call_soon_threadsafe(self._stopped.set)
        except RuntimeError:
            pass  # the loop already ended
        thread.join(10)
        self._loop = self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- called from the main thread --------------------------------------------------
    def publish(self, frames: dict[str, str]) -> None:
        """The latest frame of each viewer ("public" or a character id); sent to its connections when it
        changed."""
        self._call(self._publish, dict(frames))

    def reply(self, connection: int, text: str) -> None:
        self._call(self._reply, connection, text)

    def reset_claim(self, character: str) -> None:
        """The facilitator frees a team's link: its phones are closed, the next device to open it claims it."""
        self._call(self._reset_claim, character)

    def claimed(self) -> set[str]:
        return set(self._claims)

    def _call(self, function, *args) -> None:
        loop = self._loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(function, *args)
            except RuntimeError:
                pass   # stopping

    # -- in the server's thread ---------------------------------------------------------
    def _deliver(self, item) -> None:
        self.inbox.put(item)
        self.wakeup.set()

    def _send(self, connections, text: str) -> None:
        from websockets.asyncio.server import broadcast

        connections = list(connections)
        if self.on_send is not None:
            for connection in connections:
                self.on_send(connection.coop_role, connection.coop_character, text)
        broadcast(connections, text)

    def _publish(self, frames: dict[str, str]) -> None:
        for viewer, text in frames.items():
            if self._latest.get(viewer) == text:
                continue
            self._latest[viewer] = text
            self._send(self._viewers.get(viewer, ()), text)

    def _reply(self, connection: int, text: str) -> None:
        target = self._by_id.get(connection)
        if target is not None:
            self._send([target], text)

    def _reset_claim(self, character: str) -> None:
        self._claims.pop(character, None)
        for connection in list(self._viewers.get(character, ())):
            self._send([connection], protocol.refusal_frame("claim_reset", self.language))
            asyncio.ensure_future(connection.close(4002, "claim reset"))

    def _allowed_hosts(self) -> set[str]:
        port = self.port
        names = {self.bind.lower(), *self.extra_hosts}
        if self.bind in ("0.0.0.0", "::"):
            from game.phones.links import addresses

            names |= {a.ip for a in addresses()}
        if any(n in ("127.0.0.1", "::1", "localhost") for n in names) or self.bind in ("0.0.0.0", "::"):
            names |= {"127.0.0.1", "localhost"}
        hosts = {f"{n}:{port}" if ":" not in n else f"[{n}]:{port}" for n in names}
        if port == 80:
            hosts |= names
        return hosts

    def _response(self, connection, status: int, body: bytes, content_type: str, extra=()):
        from websockets.datastructures import Headers
        from websockets.http11 import Response

        headers = Headers([
            ("Content-Type", content_type), ("Content-Length", str(len(body))), ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"), ("Connection", "close"), *extra])
        return Response(status, http.HTTPStatus(status).phrase, headers, body)

    def _refuse(self, connection, status: int, text: str):
        self.refused += 1
        return self._response(connection, status, (text + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _route(self, path: str) -> tuple[Optional[str], Optional[str], bool]:
        """(kind "page"|"socket", character or None, known) of a request path."""
        parts = urlsplit(path)
        segments = parts.path.split("/")[1:]
        socket = bool(segments) and segments[0] == "ws"
        if socket:
            segments = segments[1:]
        if segments in ([], [""]):
            return ("socket" if socket else "page"), None, True
        if len(segments) == 2 and segments[0] == "t" and _TOKEN.fullmatch(segments[1]):
            character = self.characters.get(segments[1])
            return ("socket" if socket else "page"), character, character is not None
        return None, None, False

    def _process_request(self, connection, request):
        host = (request.headers.get("Host") or "").lower()
        if host not in self._allowed_hosts():
            return self._refuse(connection, 421, "Unknown host / hôte inconnu")
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() != f"http://{host}":
            return self._refuse(connection, 403, "Foreign origin / origine refusée")
        kind, character, known = self._route(request.path)
        if kind is None or not known:
            return self._refuse(connection, 404, "Not found / introuvable")
        if kind == "page":
            if request.headers.get("Upgrade"):
                return self._refuse(connection, 400, "Not a websocket here")
            csp = (f"default-src 'none'; script-src {self.script_hash}; style-src 'unsafe-inline'; "
                   f"connect-src ws://{host}; img-src data:; base-uri 'none'; form-action 'none'; "
                   f"frame-ancestors 'none'")
            return self._response(connection, 200, self.page, "text/html; charset=utf-8",
                                  [("Content-Security-Policy", csp)])
        if origin is None:
            return self._refuse(connection, 403, "Origin required / origine requise")
        if self._connections >= self.max_connections:
            return self._refuse(connection, 503, "Too many phones / trop de téléphones")
        if character is not None and len(self._viewers.get(character, ())) >= MAX_PER_TEAM:
            return self._refuse(connection, 503, "Too many phones on this link / trop de téléphones sur ce lien")
        return None

    async def _handle(self, connection) -> None:
        kind, character, _ = self._route(connection.request.path)
        query = parse_qs(urlsplit(connection.request.path).query)
        device = (query.get("d") or [""])[0]
        if not _DEVICE.fullmatch(device):
            device = secrets.token_urlsafe(16)
        role = "public" if character is None else "team"
        connection.coop_role, connection.coop_character = role, character
        claimed = False
        if character is not None:
            holder = self._claims.get(character)
            if holder is not None and holder != device:
                self.refused += 1
                self._send([connection], protocol.refusal_frame("claimed", self.language))
                await connection.close(4001, "claimed")
                return
            claimed = holder is None
            self._claims[character] = device
        ident = next(self._ids)
        viewer = PUBLIC if character is None else character
        self._by_id[ident] = connection
        self._viewers.setdefault(viewer, set()).add(connection)
        self._connections += 1
        try:
            self._send([connection], protocol.hello_frame(device, role))
            if viewer in self._latest:
                self._send([connection], self._latest[viewer])
            self._deliver(Joined(ident, role, character, device, claimed))
            await self._read(connection, ident, role, character, device)
        finally:
            self._connections -= 1
            self._by_id.pop(ident, None)
            self._viewers.get(viewer, set()).discard(connection)

    async def _read(self, connection, ident, role, character, device) -> None:
        from websockets.exceptions import ConnectionClosed

        allowance, last = float(RATE_BURST), time.monotonic()
        try:
            async for message in connection:
                now = time.monotonic()
                allowance = min(RATE_BURST, allowance + (now - last) * RATE_PER_SECOND)
                last = now
                if allowance < 1:
                    self.refused += 1
                    self._send([connection], protocol.refusal_frame("too_fast", self.language))
                    await connection.close(1008, "too many messages")
                    return
                allowance -= 1
                try:
                    intent, ref = protocol.parse(message)
                except protocol.Refused as refused:
                    self.refused += 1
                    self._send([connection], protocol.refusal_frame(refused.code, self.language, ref=None))
                    continue
                if role != "team" and not isinstance(intent, protocol.VoteIntent):
                    self.refused += 1
                    self._send([connection], protocol.refusal_frame("not_a_team", self.language, ref=ref))
                    continue
                self._deliver(Inbound(ident, role, character, device, intent, ref, now))
        except ConnectionClosed:
            pass
