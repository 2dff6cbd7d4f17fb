"""`coop report SESSION --format md|html|json|pdf [-o OUT] [--no-notes]`, and the export the end screen calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from game import paths
from game.i18n import Catalog, pick_language
from game.session.errors import SessionError
from game.session.journal import write_atomically

if TYPE_CHECKING:
    from game.session.session import Session

MESSAGES = Catalog({
    "fr": {"cannot_write": "Impossible d'écrire {path} : {detail}", "written": "Compte rendu écrit : {path}",
           "pdf_needs_output": "Le format pdf s'écrit dans un fichier : ajoutez -o COMPTE-RENDU.pdf"},
    "en": {"cannot_write": "Cannot write {path}: {detail}", "written": "Report written: {path}",
           "pdf_needs_output": "The pdf format goes to a file: add -o REPORT.pdf"},
})


def render(session_path: Path, report_format: str, language: Optional[str] = None,
           notes: bool = True) -> Union[str, bytes]:
    """The report of a session file in one format (md, html, json: text; pdf: bytes); SessionError if unreadable.

    `notes=False` leaves the facilitator's notes out of the html and pdf reports for partners.
    """
    report, scenario = report_of(Path(session_path))
    if report_format == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    language = pick_language(language, report["language"])     # the setup's language
    if report_format == "html":
        from game.session.report_html import render_html

        return render_html(report, scenario, language, notes)
    if report_format == "pdf":
        from game.printing.report_pdf import render_pdf   # reportlab: only for this format

        return render_pdf(report, scenario, language, notes)
    from game.session.report_text import render_markdown

    return render_markdown(report, scenario, language)


def report_of(path: Path, memo: bool = True) -> tuple[dict, Any]:
    """(report data, scenario) of a session file; SessionError if it cannot be read or replayed.

    From the memo (game.session.report_memo) when this program already built the report of these
    very bytes — no engine, no replay — else replayed, on the scenario's plain copy when there is one,
    and kept for next time. `memo=False`: always replayed (what the memo is checked against)."""
    from game.session import journal, report_memo

    data = journal.read_bytes(path)
    key = report_memo.code_and_zone_key()
    if memo:
        recalled = report_memo.recall(path, data, key)
        if recalled is not None:
            scenario = _session_scenario(data)
            session = recalled.get("session")
            if scenario is not None and isinstance(session, dict):
                # The path as given this time (a replay names the file so): the memo's key is the absolute
                # path, which a relative one given from another folder shares.
                recalled["session"] = {**session, "path": str(path), "file": path.name}
                return recalled, scenario
    from game.session.report_data import build_report
    from game.session.session import replay_file

    replay = replay_file(path, data=data, light=True)
    report = build_report(replay)
    report_memo.keep(path, data, key, report)
    return report, replay.scenario


# What the background process runs: the report's data built and kept (report_memo), nothing written else.
_KEEP_MEMO = ("import gc, sys; gc.disable(); from pathlib import Path; "
              "from game.session.report import report_of; report_of(Path(sys.argv[1]))")


def keep_memo_later(session_path: Path) -> Optional[Any]:
    """After a workshop: build the report's data of a session in a process of its own, detached, so that
    the first `coop report` of it reads the memo (game.session.report_memo) instead of replaying the
    journal. Best effort and silent: this program never waits for it, a failure (no interpreter to start,
    a read-only data folder, a damaged file) only means the report replays as before; the memo is the one
    any report of the file would keep (readable by its owner only). Returns the process (tests wait for it)."""
    import os
    import subprocess

    if getattr(sys, "frozen", False) or not sys.executable:
        return None
    root = str(Path(__file__).resolve().parent.parent.parent)   # where `game` is, installed or not
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH")))))
    # POSIX: a session of its own, so a closing terminal does not take it along; Windows: no console
    # window flashing up on the projector when the game was started from a shortcut.
    detached = {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)} if os.name == "nt" \
        else {"start_new_session": True}
    try:
        return subprocess.Popen([sys.executable, "-c", _KEEP_MEMO, str(session_path)], env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                close_fds=True, **detached)
    except (OSError, ValueError):
        return None


def _session_scenario(data: bytes) -> Any:
    """The scenario frozen in a session's header, as the light replay reads it (its plain copy), or None:
    the replay then reads it again and says what is wrong."""
    from game.content.plain import load_plain_bytes

    try:
        header = json.loads(data[:data.index(b"\n")])
        raw = header["scenario"]["text"].encode("utf-8", "surrogateescape")
        return load_plain_bytes(raw, header["scenario"].get("path") or "<session>", check_images=False)
    except Exception:  # noqa: BLE001 - any surprise goes the long way, which reports it properly
        return None


def write_reports(session: Union[Session, Path, str], language: Optional[str] = None,
                  folder: Optional[Path] = None) -> tuple[Path, ...]:
    """Write the Markdown, HTML and PDF reports of a session into the reports folder; returns their paths.

    Raises SessionError('write_failed') when the folder cannot be written.
    """
    from game.session.session import SUFFIX, Session

    path = session.path if isinstance(session, Session) else Path(session)
    folder = Path(folder) if folder is not None else paths.reports_dir()
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    written = []
    for extension, report_format in (("md", "md"), ("html", "html"), ("pdf", "pdf")):
        target = folder / f"{stem}.{extension}"
        text = render(path, report_format, language)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text.encode("utf-8") if isinstance(text, str) else text)
        except OSError as error:
            raise SessionError("write_failed", target, error.strerror or str(error)) from None
        written.append(target)
    return tuple(written)


def run_report(args) -> int:
    """Exit 0 with the report on standard output or in OUT; 1 with a clear message otherwise."""
    language = pick_language(getattr(args, "lang", None))
    if args.format == "pdf" and not args.output:
        print(MESSAGES(language, "pdf_needs_output"), file=sys.stderr)
        return 2
    from game.session.catalogue import UnknownSession, resolve

    try:
        session_path = resolve(args.session)  # a path, a session id as `coop sessions` lists it, or latest
        text = render(session_path, args.format, getattr(args, "lang", None),
                      notes=not getattr(args, "no_notes", False))
    except (SessionError, UnknownSession) as error:
        print(error.message(language), file=sys.stderr)
        return 1
    if not args.output:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return 0
    return write_output(Path(args.output), text.encode("utf-8") if isinstance(text, str) else text, language)


def write_output(target: Path, data: bytes, language: str) -> int:
    """Write a report, kit or comparison to OUT: 0, or 1 with a clear message (never a traceback)."""
    try:
        if target.exists() and not target.is_file():
            # /dev/stdout, a named pipe...: write through it; replacing it would delete a device node.
            with open(target, "wb") as handle:
                handle.write(data)
        else:
            # A link to a file: the file it names gets the report, the link stays.
            write_atomically(target.resolve(), data)
    except OSError as error:
        print(MESSAGES(language, "cannot_write", path=target, detail=error.strerror or error), file=sys.stderr)
        return 1
    return 0


# The name the end screen calls.
export_reports = write_reports
