"""The slowest valid inputs we could build for each limit of the format page: time and peak memory of
`coop validate` and of `coop play --autoplay` on each, for this checkout or another (--tree DIR, e.g. an
older commit unpacked with `git archive`). Figures are indicative (shared machine); compare trees by ratio.

    python benchmarks/bench_worst_cases.py [--tree DIR] [--autoplay] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _png(width: int, height: int) -> bytes:
    raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def build(folder: Path) -> dict[str, Path]:
    """One valid file per limit, each as heavy as the format allows where we could make it so."""
    import yaml

    from game.content.template import starting_scenario

    from game.content.parsing import parse

    def template():
        return parse(starting_scenario("pire", "fr").encode("utf-8")).data
    folder.mkdir(parents=True, exist_ok=True)
    cases = {}

    def write(name, data, extra=None):
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
        cases[name] = path

    # Texts of 4,000 code points that are hardest to wrap: one word of marks on a letter, scripts alternating
    # between the committed font and the fallback, in every displayed text.
    for name, text in (("text_marks", ("a" + "\u0301" * 3) * 1000), ("text_mixed_scripts", "aα" * 2000),
                       ("text_one_word", "m" * 4000)):
        data = template()
        data["title"] = data["summary"] = data["goal"] = text
        for character in data["characters"]:
            character["name"] = character["objective"] = text
        for action in data["actions"]:
            action["title"] = text
        write(name, data)
    # 500 actions and 200 events with long texts; the file stays under 2 MiB.
    data = template()
    data["actions"] = [{"id": f"a{i}", "title": f"Action {i} " + "é" * 30, "description": "d " * 900}
                       for i in range(500)]
    data["events"] = [{"id": f"e{i}", "title": f"Aléa {i}", "text": "t " * 900} for i in range(200)]
    write("many_actions_events", data)
    # Aliases expanding to just under the limits.
    lines = starting_scenario("pire", "fr").split("\n")
    anchor = "  facts: &f\n" + "\n".join(f"    - fait {i} " + "x" * 60 for i in range(1000))
    at = next(i for i, line in enumerate(lines) if line.startswith("  facts:"))
    del lines[at:at + 3]
    lines.insert(at, anchor)
    text = "\n".join(lines) + "\nx_aliases: [" + ", ".join(["*f"] * 190) + "]\n"
    (folder / "aliases.yaml").write_text(text, encoding="utf-8")
    cases["aliases"] = folder / "aliases.yaml"
    # Images at 4096x4096 within 10 MiB (noise, so the decoder cannot skip anything).
    (folder / "big.png").write_bytes(_png(1800, 1800))
    data = template()
    for character in data["characters"]:
        character["image"] = "big.png"
    write("images", data)
    return cases


def measure(tree: Path, argv: list[str], timeout: float) -> tuple[str, float]:
    """Wall time (or '>timeout') and the child's own peak memory (wait4's rusage)."""
    start = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(tree), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               COOP_HOME="/tmp/coop_worst_home")
    child = subprocess.Popen([sys.executable, "-m", "game", *argv], cwd=tree, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            return f"{time.perf_counter() - start:7.2f} s", usage.ru_maxrss / 1024
        if time.perf_counter() > deadline:
            child.kill()
            _, _, usage = os.wait4(child.pid, 0)
            return f">{timeout:.0f} s (stopped)", usage.ru_maxrss / 1024
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", default=str(ROOT))
    parser.add_argument("--out", default="/tmp/coop_worst")
    parser.add_argument("--autoplay", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    cases = build(Path(args.out))
    tree = Path(args.tree)
    for name, path in cases.items():
        seconds, mib = measure(tree, ["validate", str(path)], args.timeout)
        line = f"{name:22} validate {seconds}  peak {mib:5.0f} MiB"
        if args.autoplay:
            seconds, mib = measure(tree, ["play", str(path), "--autoplay", "--seed", "1", "--rounds", "1",
                                          "--size", "1280x720"], args.timeout)
            line += f"   autoplay (1 round) {seconds}  peak {mib:5.0f} MiB"
        print(line, flush=True)


if __name__ == "__main__":
    main()
