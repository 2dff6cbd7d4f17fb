"""The server's own refusals: foreign Host (DNS rebinding) and Origin, other paths, unknown tokens,
claimed links, oversized and too many messages, too many connections; it serves only its page."""

import http.client
import json
import time

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect


def get(room, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", room.hub.port, timeout=5)
    connection.putrequest("GET", path, skip_host="Host" in headers)
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_the_page_is_served_on_the_public_and_the_team_paths(room):
    for path in ("/", f"/t/{room.hub.tokens[room.characters[0]]}"):
        response, body = get(room, path)
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert b"<script>" in body and len(body) < 40_000
        assert "script-src 'sha256-" in response.getheader("Content-Security-Policy")
        assert response.getheader("Cache-Control") == "no-store"


@pytest.mark.parametrize("path", ["/index.html", "/../etc/passwd", "/t/", "/t/unknownunknownunknown1",
                                  "/static/page.html", "/ws/extra", "/favicon.ico", "/t/a/b"])
def test_nothing_but_the_page_is_served(room, path):
    response, _ = get(room, path)
    assert response.status == 404


def test_a_foreign_host_header_is_refused(room):
    """DNS rebinding: evil.example resolving to the laptop must not reach the page or the socket."""
    response, _ = get(room, "/", Host="evil.example")
    assert response.status == 421
    response, _ = get(room, "/", Host=f"evil.example:{room.hub.port}")
    assert response.status == 421
    response, _ = get(room, "/", Host=f"127.0.0.1:{room.hub.port + 1}")
    assert response.status == 421


def test_a_foreign_origin_is_refused_for_the_page_and_the_socket(room):
    response, _ = get(room, "/", Origin="http://evil.example")
    assert response.status == 403
    with pytest.raises(InvalidStatus) as refused:
        connect(f"ws://127.0.0.1:{room.hub.port}/ws", origin="http://evil.example", open_timeout=5)
    assert refused.value.response.status_code == 403


def test_a_socket_without_origin_is_refused(room):
    with pytest.raises(InvalidStatus) as refused:
        connect(f"ws://127.0.0.1:{room.hub.port}/ws", open_timeout=5)
    assert refused.value.response.status_code == 403


def test_an_unknown_token_cannot_open_a_socket(room):
    with pytest.raises(InvalidStatus) as refused:
        connect(f"ws://127.0.0.1:{room.hub.port}/ws/t/{'x' * 22}", origin=room.origin, open_timeout=5)
    assert refused.value.response.status_code == 404


def test_a_message_over_2_kb_closes_the_connection(room):
    phone = room.phone()
    phone.ws.send(json.dumps({"type": "take_back", "pad": "x" * 2100}))
    with pytest.raises(ConnectionClosed) as closed:
        for _ in range(50):
            phone.ws.recv(timeout=0.1)
    assert closed.value.rcvd.code == 1009


def test_too_many_messages_close_the_connection(room):
    phone = room.phone()
    codes = []
    try:
        for _ in range(200):
            phone.ws.send('{"type":"take_back"}')
        while True:
            codes.append(json.loads(phone.ws.recv(timeout=10)).get("code"))
    except ConnectionClosed as closed:
        assert closed.rcvd.code == 1008
    assert room.hub.server.refused > 20
    assert len(codes) < 60


def test_connections_are_capped(tmp_path):
    from phones_room import Room

    room = Room(tmp_path, max_connections=3)
    try:
        for _ in range(3):
            room.phone()
        with pytest.raises(InvalidStatus) as refused:
            connect(f"ws://127.0.0.1:{room.hub.port}/ws", origin=room.origin, open_timeout=5)
        assert refused.value.response.status_code == 503
    finally:
        room.close()


def test_a_team_link_is_claimed_by_the_first_device(room):
    team = room.characters[0]
    first = room.phone(team)
    first.wait(lambda f: f["type"] == "state")
    assert team in room.hub.claimed()
    # The same device again (a reload, a second tab) is welcome.
    again = room.phone(team, device=first.device)
    assert again.wait(lambda f: f["type"] == "state")["character"] == team
    # Another device is refused with words and closed.
    ws = connect(f"ws://127.0.0.1:{room.hub.port}/ws/t/{room.hub.tokens[team]}", origin=room.origin, legacy=True)
    frames = []
    with pytest.raises(ConnectionClosed) as closed:
        for _ in range(5):
            frames.append(json.loads(ws.recv(timeout=2)))
    assert closed.value.rcvd.code == 4001
    refusal = [f for f in frames if f["type"] == "refused"]
    assert refusal and refusal[0]["code"] == "claimed" and "autre téléphone" in refusal[0]["text"]
    assert not [f for f in frames if f["type"] == "state"]


def test_the_facilitator_can_reset_a_claim(room):
    team = room.characters[0]
    first = room.phone(team)
    first.wait(lambda f: f["type"] == "state")
    room.hub.reset_claim(team)
    first.wait(lambda f: f["type"] == "refused" and f["code"] == "claim_reset")
    deadline = time.monotonic() + 3
    while team in room.hub.claimed() and time.monotonic() < deadline:
        time.sleep(0.01)
    second = room.phone(team, device="D" * 22)
    assert second.wait(lambda f: f["type"] == "state")["character"] == team


def test_the_server_stops_listening_when_phones_are_off(room):
    port = room.hub.port
    room.hub.stop()
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/")
