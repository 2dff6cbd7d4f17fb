"""Phones: teams choose and the room votes from their phones, on the laptop's own network.

Who may do what (the server enforces it; tests/phones prove the refusals):
- a team's link (`/t/TOKEN`, a 128-bit secret derived from the session's own key) opens that team's
  page: its character card with its secret, its resources and, during the choices, its options; it may
  submit, replace or take back that team's move until the reveal, and vote. The team is the
  connection's, never the message's. The first device that opens a link claims it; another device is
  refused until the facilitator resets the claim.
- the public link (`/`) sees the moves once revealed and votes during the verdict; it can never submit
  a move and never receives a secret, a draft or an unrevealed move.
- only the pygame loop touches the session: the server thread hands intents to `PhoneHub.pump` through
  a queue and sends back the frames the hub built from the state for each viewer.

Modules: links (tokens, addresses, URLs), frames (what each viewer's phone receives), votes (the open
vote, in memory), protocol (checking what a phone sends), server (HTTP + websocket thread), hub (the
main-loop side), qr (QR matrices, drawn by game.ui).
"""
