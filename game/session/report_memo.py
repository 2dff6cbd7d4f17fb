"""The report's data of a session, kept after it was built once: `coop report` of a session whose
bytes this very program already reported on reads no engine and replays nothing.

A report's data (`game.session.report_data.build_report`) follows from the session file's bytes,
the program's code and the local time zone (its times are local) — nothing else. Each time a report
is built from a replay, that data is kept as JSON in `COOP_HOME/cache/reports/`, one file per session
path, with the SHA-256 of the session's bytes and a key of the code and the time zone. A later
report that finds the same bytes and the same key renders from it. Anything else — another byte
(the game went on, the file was edited), a changed source file of the engine, the sessions, or
the content layer, another zone, an unreadable or edited memo — replays the journal as before
(that replay alone says whether a file is damaged: a damaged file never gets a memo).
The rendering (md, html, pdf, json) always runs; only the replay is skipped.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Optional

from game.digest import sha256_hex

MEMO_FORMAT = 1
_WATCHED = ("engine", "session", "content")   # the packages whose code the report's data comes from


def memo_dir() -> Path:
    from game import paths

    return paths.data_home() / "cache" / "reports"


def code_and_zone_key() -> str:
    """A key of everything the data depends on besides the session's bytes: the program's version,
    each watched source file's name, size and modification time, and the local time zone."""
    import game

    package = Path(game.__file__).parent
    files: list[tuple[str, Optional[int], Optional[int]]] = []
    for folder in (package, *(package / name for name in _WATCHED)):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        status = entry.stat()
                        files.append((os.path.relpath(entry.path, package), status.st_size, status.st_mtime_ns))
        except OSError:
            files.append((str(folder), None, None))
    zone = (os.environ.get("TZ"), time.tzname, time.timezone, time.altzone, time.daylight)
    return sha256_hex(json.dumps([game.__version__, MEMO_FORMAT, sorted(files), zone]).encode("utf-8"))


def _where(session_path: Path) -> Path:
    return memo_dir() / f"{sha256_hex(os.path.abspath(session_path).encode('utf-8', 'surrogateescape'))}.json"


def recall(session_path: Path, data: bytes, key: str) -> Optional[dict[str, Any]]:
    """The report data kept for these very bytes under this key, or None."""
    target = _where(session_path)
    try:
        if target.stat().st_size > 64 * 1024 * 1024:
            return None
        record = json.loads(target.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("key") != key or record.get("sha256") != sha256_hex(data):
        return None
    report = record.get("report")
    return report if isinstance(report, dict) else None


def forget(session_path: Path) -> None:
    """Remove the memo of that session path, if any (best effort)."""
    try:
        _where(session_path).unlink()
    except OSError:
        pass


def keep(session_path: Path, data: bytes, key: str, report: dict[str, Any]) -> None:
    """Best effort: a full disk or a read-only data folder only means no shortcut next time."""
    from game.paths import write_cache_file

    record = {"key": key, "sha256": sha256_hex(data), "report": report}
    # ASCII: a file name in another encoding (surrogates) is kept as escapes that read back the same.
    write_cache_file(_where(session_path), json.dumps(record).encode("ascii"), private=True)
