"""The outside checker's long run: every command on every scenario of tests/outside/scenarios (not part of the suite).

Usage: python tests/outside/run_outside.py [WORKDIR] [--only PATTERN] [--no-play]
Prints one line per check (ok / FAIL and why) and a count at the end.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
COOP = [str(REPO / ".venv" / "bin" / "coop")]
SCREEN_NAME = re.compile(r"^\d{3}-(title|setup|situation|handoff|choice|reveal|verdict|debrief|end)(-[a-z0-9_]+)?\.png$")
SIM_KEYS = {"scenario", "games", "seed", "policy", "indicators", "endings", "postures", "actions"}
REPORT_KEYS = {"scenario", "seed", "characters", "teams", "rounds", "ending", "times", "session"}
ROUND_KEYS = {"number", "events", "moves", "synergies", "indicators", "verdicts", "prompts", "notes"}
failures: list[str] = []


def check(ok: bool, what: str, detail: str = "") -> bool:
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else f"  -- {detail[:600]}"), flush=True)
    if not ok:
        failures.append(what)
    return ok


def run(args: list[str], home: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, COOP_HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    try:
        return subprocess.run(COOP + args, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        return subprocess.CompletedProcess(args, -999, exc.stdout or "", f"TIMEOUT after {timeout}s")


def no_traceback(proc: subprocess.CompletedProcess) -> bool:
    return "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def simulate_checks(path: Path, info: dict, home: Path) -> None:
    max_players = min(info.get("players", {}).get("max") or len(info["characters"]), 8)
    min_players = info.get("players", {}).get("min", 2)
    for policy in ("random", "coop", "solo"):
        for players in sorted({min_players, max_players}):
            args = ["simulate", str(path), "--games", "300", "--seed", "1", "--policy", policy, "--players", str(players)]
            proc = run(args, home)
            check(proc.returncode == 0 and no_traceback(proc), f"{path.name} simulate {policy} players={players}", proc.stderr)
    args = ["simulate", str(path), "--games", "300", "--seed", "1", "--json"]
    first, second = run(args, home), run(args, home)
    if not check(first.returncode == 0, f"{path.name} simulate --json exit", first.stderr):
        return
    check(first.stdout == second.stdout, f"{path.name} simulate --json same twice")
    try:
        data = json.loads(first.stdout)
    except ValueError as exc:
        check(False, f"{path.name} simulate --json parses", str(exc))
        return
    check(SIM_KEYS <= set(data), f"{path.name} simulate --json keys", str(sorted(data)))
    check(data["scenario"] == info["id"] and data["games"] == 300 and data["seed"] == 1,
          f"{path.name} simulate --json values")
    check(set(data["indicators"]) == {i["id"] for i in info["indicators"]}, f"{path.name} simulate --json indicators")
    check(sum(data["endings"].values()) == 300, f"{path.name} simulate --json endings sum to games", str(data["endings"]))
    check(all(set(v) == {"mean", "min", "max"} for v in data["indicators"].values()), f"{path.name} indicator stats")


def screenshots_ok(folder: Path, what: str) -> None:
    names = sorted(p.name for p in folder.glob("*.png"))
    bad = [n for n in names if not SCREEN_NAME.match(n)]
    check(bool(names) and not bad, f"{what} screenshot names", f"{len(names)} files, bad: {bad[:5]}")
    check(any("-end" in n for n in names), f"{what} reached end screen")


def report_of(home: Path) -> tuple[Path | None, dict | None]:
    sessions = sorted((home / "sessions").glob("*"), key=lambda p: p.stat().st_mtime)
    if not sessions:
        return None, None
    proc = run(["report", str(sessions[-1]), "--format", "json"], home)
    try:
        return sessions[-1], json.loads(proc.stdout)
    except ValueError:
        return sessions[-1], None


def play_checks(path: Path, info: dict, work: Path) -> None:
    durations = {}
    for size in ("1024x768", "1280x720", "1920x1080"):
        home = work / f"home-{path.stem}-{size}"
        shots = work / f"shots-{path.stem}-{size}"
        start = time.monotonic()
        proc = run(["play", str(path), "--autoplay", "--seed", "3", "--size", size, "--screenshots", str(shots)], home)
        took = time.monotonic() - start
        durations[size] = took
        if check(proc.returncode == 0 and no_traceback(proc), f"{path.name} autoplay {size} ({took:.1f}s)",
                 proc.stderr[-800:]):
            screenshots_ok(shots, f"{path.name} {size}")
    reference_home = work / f"home-{path.stem}-1280x720"
    session, reference = report_of(reference_home)
    if not check(reference is not None, f"{path.name} report json of the uninterrupted game"):
        return
    check(REPORT_KEYS <= set(reference), f"{path.name} report keys", str(sorted(reference)))
    check(all(ROUND_KEYS <= set(r) for r in reference["rounds"]), f"{path.name} report round keys")
    for fmt in ("md", "html", "json"):
        out = work / f"report-{path.stem}.{fmt}"
        proc = run(["report", str(session), "--format", fmt, "-o", str(out)], reference_home)
        check(proc.returncode == 0 and out.exists() and out.stat().st_size > 0, f"{path.name} report {fmt} -o", proc.stderr)
        proc = run(["report", str(session), "--format", fmt], reference_home)
        check(proc.returncode == 0 and len(proc.stdout) > 0, f"{path.name} report {fmt} stdout", proc.stderr)
    # A game killed mid-way (when its journal holds a given share of the uninterrupted game's lines),
    # then resumed by the bot.
    total_lines = len(session.read_bytes().splitlines())
    for share in (0.1, 0.35, 0.6, 0.9):
        lines_wanted = max(2, int(total_lines * share))
        home = work / f"home-{path.stem}-kill{share}"
        env = dict(os.environ, COOP_HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        child = subprocess.Popen(COOP + ["play", str(path), "--autoplay", "--seed", "3", "--size", "1280x720"],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while child.poll() is None:
            journals = list((home / "sessions").glob("*"))
            if journals and len(journals[0].read_bytes().splitlines()) >= lines_wanted:
                os.kill(child.pid, signal.SIGKILL)
                break
            time.sleep(0.001)
        finished_early = child.wait() == 0
        delay = f"{share:.0%} of {total_lines} lines"
        proc = run(["play", "--resume", "--autoplay", "--size", "1280x720"], home)
        if finished_early:
            check(proc.returncode == 3, f"{path.name} kill at {delay} (already over): resume says none", proc.stderr)
            continue
        if not check(proc.returncode == 0 and no_traceback(proc), f"{path.name} resume after kill at {delay}",
                     proc.stderr[-800:]):
            continue
        _, resumed = report_of(home)
        if not check(resumed is not None, f"{path.name} resumed game has a json report (kill at {delay})"):
            continue
        same = {k: v for k, v in resumed.items() if k not in ("times", "session")} == \
               {k: v for k, v in reference.items() if k not in ("times", "session")}
        check(same, f"{path.name} resumed report equals uninterrupted (kill at {delay})",
              first_difference(reference, resumed))


def first_difference(a, b, where="") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key in ("times", "session") and not where:
                continue
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{where}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{where}[{i}]")
    return f"{where}: {str(a)[:200]} != {str(b)[:200]}"


def main() -> None:
    argv = sys.argv[1:]
    only = argv[argv.index("--only") + 1] if "--only" in argv else ""
    no_play = "--no-play" in argv
    positional = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--only")]
    work = Path(positional[0] if positional else "/tmp/coop-outside")
    work.mkdir(parents=True, exist_ok=True)
    for path in sorted((HERE / "scenarios").glob("*.yaml")):
        if only not in path.name:
            continue
        info = yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)
        home = work / "home-validate"
        proc = run(["validate", str(path)], home)
        check(proc.returncode == 0, f"{path.name} validate", proc.stdout + proc.stderr)
        simulate_checks(path, info, home)
        if not no_play:
            play_checks(path, info, work)
    print(f"{len(failures)} failure(s)")
    for name in failures:
        print("  " + name)


if __name__ == "__main__":
    main()
