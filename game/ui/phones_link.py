"""The window's side of the phones: starts the hub when a game starts (with `--phones` or the setup
option), pumps it each frame on the main thread, follows the game's screens when a phone moved it on,
and stops it (the server listens only while phones are on)."""

from __future__ import annotations

import os
import sys
from game.record import record
from typing import Optional


@record
class PhoneOptions:
    bind: Optional[str] = None          # None: the first LAN address (ifaddr), else loopback
    port: Optional[int] = None          # None: the usual port, or the next free one
    info: Optional[str] = None          # --phones-info FILE


def extra_hosts() -> tuple[str, ...]:
    """Names besides the address that the Host check lets in (a local DNS name; the browser tests'
    coop.test): COOP_PHONES_HOSTS, comma-separated."""
    return tuple(h.strip().lower() for h in os.environ.get("COOP_PHONES_HOSTS", "").split(",") if h.strip())


def attach(app, play) -> None:
    """Start the phones for a game that was just opened, when they are on; a port or address that cannot
    be used says so and the game goes on with the keyboard."""
    stop(app)
    options = getattr(app, "phone_options", None)
    if options is None:
        return
    from game.phones import links
    from game.phones.hub import PhoneHub
    from game.ui.strings import TR

    bind = options.bind or links.default_bind()
    header = getattr(play.session, "header", None)
    try:
        hub = PhoneHub.start(header, play.state.setup.characters, bind, options.port, extra_hosts())
    except OSError as error:
        app.notice = TR(app.language, "phones_off", address=f"{bind}:{options.port or links.DEFAULT_PORT}",
                        error=error.strerror or str(error))
        print(app.notice, file=sys.stderr)
        return
    app.phones = hub
    hub.language = app.language

    def claimed(character: str) -> None:
        app.notice = TR(app.language, "phones_connected", team=_capital(play.team_text(character)))
        app.invalidate()

    hub.on_claimed = claimed
    hub.publish(play)
    if options.info:
        try:
            hub.write_info(options.info)
        except OSError as error:
            print(f"--phones-info {options.info}: {error.strerror or error}", file=sys.stderr)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def pump(app) -> None:
    """One frame's worth of phone messages, on the main thread. Their commands go through Play's one
    command path (source "phone"), whose router follows a phase or turn they moved on."""
    hub, play = getattr(app, "phones", None), app.play
    if hub is None or play is None:
        return
    if hub.pump(play):
        app.invalidate()


def stop(app) -> None:
    hub = getattr(app, "phones", None)
    app.phones = None
    if hub is not None:
        hub.stop()
