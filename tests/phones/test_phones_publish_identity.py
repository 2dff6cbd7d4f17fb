"""The hub sends the phones new frames whenever the state is another object, even one that Python put at
a freed state's address: it keeps the state it published, not its id (found in review)."""

from types import SimpleNamespace

import game.phones.hub as hub_module
from game.phones.hub import PhoneHub


class Server:
    def __init__(self):
        self.published = []

    def publish(self, frames):
        self.published.append(frames)


def test_a_new_state_at_the_address_of_the_old_one_is_published(monkeypatch):
    monkeypatch.setattr(hub_module, "public_frame", lambda scenario, state, *a, **k: {"n": state.n})
    monkeypatch.setattr(hub_module, "team_frame", lambda scenario, state, *a, **k: {"n": state.n})
    # Every object at one address, as when CPython reuses a freed state's memory for the next one.
    monkeypatch.setattr(hub_module, "id", lambda obj: 1, raising=False)
    hub = PhoneHub(Server(), "coop.test", {})
    monkeypatch.setattr(hub, "_choices_timer", lambda play: (None, None))
    play = SimpleNamespace(scenario=None, state=SimpleNamespace(n=1, setup=SimpleNamespace(characters=("a",))))
    hub.publish(play)
    hub.publish(play)
    assert len(hub.server.published) == 1          # the same state: nothing new to send
    play.state = SimpleNamespace(n=2, setup=SimpleNamespace(characters=("a",)))
    hub.publish(play)
    assert len(hub.server.published) == 2
    assert '"n":2' in hub.server.published[-1][hub_module.PUBLIC].replace(" ", "")
