"""`coop report SESSION --format md|html|json|pdf [-o OUT] [--no-notes]`, and the export the end screen calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, Union

from game import paths
from game.i18n import Catalog, pick_language
from game.session.errors import SessionError
from game.session.journal import write_atomically
from game.session.report_data import build_report
from game.session.report_text import render_markdown
from game.session.session import SUFFIX, Session, replay_file

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
    replay = replay_file(session_path, light=True)     # the scenario's plain copy when there is one
    report = build_report(replay)
    if report_format == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    language = pick_language(language, replay.state.setup.language)
    if report_format == "html":
        from game.session.report_html import render_html

        return render_html(report, replay.scenario, language, notes)
    if report_format == "pdf":
        from game.printing.report_pdf import render_pdf   # reportlab: only for this format

        return render_pdf(report, replay.scenario, language, notes)
    return render_markdown(report, replay.scenario, language)


def write_reports(session: Union[Session, Path, str], language: Optional[str] = None,
                  folder: Optional[Path] = None) -> tuple[Path, ...]:
    """Write the Markdown, HTML and PDF reports of a session into the reports folder; returns their paths.

    Raises SessionError('write_failed') when the folder cannot be written.
    """
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
