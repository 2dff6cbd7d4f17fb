"""How the session files beside this script were made, with the code of main at 54940a9 (before issue 8).

Kept to say what they hold; never rerun it to refresh them: they are old files on purpose, and
test_session_legacy.py checks that the current code resumes them to the very states saved beside them.
Run as `python make_sessions.py OUT_FOLDER SCRATCH_FOLDER` from the repository root, after three
`COOP_HOME=/tmp/views-sess/NAME coop play scenarios/NAME.yaml --autoplay --seed 3 --size 1024x768 --rounds 2`.
"""
import json, shutil, sys
from pathlib import Path
from game.content import load_scenario
from game.engine import AddNote, Setup, UndoChoice, RecordVerdict
from game.engine.bot import bot_next
from game.session import session as S

out = Path(sys.argv[1]); tmp = Path(sys.argv[2])

def make(name, scen, count, rounds, stop, seed, verdicts=True, secret=True, policy="random", extra=None):
    sc = load_scenario(Path(scen))
    chars = [c.id for c in sc.characters][:count]
    setup = Setup(tuple(chars), {c: f"Équipe {i+1}" for i, c in enumerate(chars)}, rounds,
                  secret_choices=secret, verdicts=verdicts, language=sc.language)
    s = S.Session.create(Path(scen), setup, seed, folder=tmp)
    n = 0
    while not s.state.finished and n < stop:
        if extra: extra(s, n)
        cmd = bot_next(sc, s.state, policy)
        if cmd is None: break
        s.apply(cmd); n += 1
    target = out / f"{name}.coop.jsonl"
    shutil.copy(s.path, target)
    (out / f"{name}.state.json").write_text(json.dumps(s.state.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(name, s.state.phase, s.state.round, len(s.commands))
    s.close()

def noted(s, n):
    if n in (3, 40):
        s.apply(AddNote("Note « accentuée » n°%d" % n))
    if n in (5, 22) and s.state.phase == "choices" and s.state.draft_posture is not None:
        s.apply(UndoChoice(s.state.turn))
    if s.state.phase == "verdict" and n % 7 == 0 and s.state.current.verdicts:
        c = next(iter(s.state.current.verdicts))
        s.apply(RecordVerdict(c, 1, 2, 3))   # again = replace

make("tilleuls-finished", "scenarios/quartier_des_tilleuls.yaml", 5, 3, 10**6, 11, extra=noted)
make("tilleuls-midchoices", "scenarios/quartier_des_tilleuls.yaml", 8, 4, 47, 12, policy="coop")
make("riverside-noverdicts-midverdict", "scenarios/riverside_estate.yaml", 3, 3, 25, 13, verdicts=False, secret=False, policy="solo", extra=noted)
make("riverside-midverdict", "scenarios/riverside_estate.yaml", 4, 2, 15, 14)
make("place-finished-end-note", "scenarios/une_place_a_l_ombre.yaml", 3, 2, 10**6, 15)
# a note written after the end, then the autoplayed sessions of the real UI
s = S.Session.resume(out / "place-finished-end-note.coop.jsonl"); s.apply(AddNote("Après la fin : merci à toutes et tous")); 
(out / "place-finished-end-note.state.json").write_text(json.dumps(s.state.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"); s.close()
for f in sorted(Path("/tmp/views-sess").glob("*/sessions/*.coop.jsonl")):
    name = "ui-autoplay-" + f.parent.parent.name
    shutil.copy(f, out / f"{name}.coop.jsonl")
    r = S.replay_file(out / f"{name}.coop.jsonl")
    (out / f"{name}.state.json").write_text(json.dumps(r.state.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(name, r.state.phase, len(r.commands))
