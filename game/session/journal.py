"""The session file: one JSON header line, then one JSON line per command, appended and fsynced.

    {"kind": "coop-session", "format": 1, "program": ..., "created": ..., "seed": ...,
     "setup": {...}, "scenario": {"path": ..., "sha256": ..., "text": ...}}
    {"n": 1, "t": 1764100000.123, "command": {"type": "Advance"}}
    ...

Reading never changes a file. Bytes after the last line feed are a write cut
short (power loss, kill): they were never confirmed, so they are ignored, and
cut off before the next append — unless they are a whole line that only lost
its line feed (an editor's save): that is reported, never dropped. Anything
else that does not parse makes the file corrupt, and it is reported, never
rewritten.

Checksums (sessions travel on USB sticks): a file whose header says
`"checksums":1` ends every line, header included, with `,"c":"xxxxxxxx"}`,
the CRC-32 of the line's bytes before that trailer, chained from the
previous line's checksum (the header's starts from 0). Any single changed
byte, a line removed or two lines swapped is reported with its line number.
Files written before checksums (no flag, no trailer) still read as they are.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import zlib
from pathlib import Path
from typing import Any, Callable, Optional

from game.record import record
from game.session.errors import Detail, SessionError

KIND = "coop-session"
FORMAT = 1


@record
class JournalContents:
    """A session file read (a record, not a NamedTuple: building one of those compiled six snippets, 0.4 ms
    of every report)."""

    header: dict[str, Any]
    entries: list[dict[str, Any]]   # {"n", "t", "command"} in order
    whole_size: int                 # bytes up to the last whole line; the rest is a cut write
    chain: Optional[int] = None     # the last line's checksum (None: a file written before checksums)
    # A whole last line that lost its line feed (an editor's save; a killed write never ends so, one
    # write() call puts the line and its line feed): its number. Reading leaves it out, resuming refuses.
    unterminated: Optional[int] = None


CHECKSUMS = "checksums"  # header flag: every line carries its chained checksum
_TRAILER_START = b',"c":"'     # then 8 lowercase hex digits and '"}', the line's last 16 bytes
_HEX = b"0123456789abcdef"


def _trailer(line: bytes) -> Optional[int]:
    """The checksum the line's trailer carries (`,"c":"xxxxxxxx"}` at its very end, 8 lowercase hex digits),
    or None. By slicing, not by a regular expression: it runs on every line of a journal."""
    if len(line) < 16 or line[-16:-10] != _TRAILER_START or line[-2:] != b'"}':
        return None
    digits = line[-10:-2]
    return None if digits.strip(_HEX) else int(digits, 16)


def encode_line(record: dict[str, Any], chain: Optional[int] = None) -> bytes:
    """One journal line; with `chain` (the previous line's checksum, 0 for the header), its checksum trailer."""
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if chain is None:
        return body + b"\n"
    prefix = body[:-1]
    return prefix + b',"c":"%08x"}\n' % zlib.crc32(prefix, chain)


def checksum_of(line: bytes) -> Optional[int]:
    """The checksum a line (without its line feed) carries, or None."""
    return _trailer(line)


def _checked(line: bytes, chain: int) -> Optional[int]:
    """The line's checksum when it is right for `chain`, else None."""
    carried = _trailer(line)
    if carried is None:
        return None
    return carried if zlib.crc32(line[:-16], chain) == carried else None


def parse(data: bytes, path: Path) -> JournalContents:
    """Parse a whole session file; SessionError for a foreign, newer or corrupt one."""
    end = data.rfind(b"\n") + 1
    lines = data[:end].split(b"\n")[:-1]
    if not lines:
        if data.lstrip().startswith(b'{"kind":"coop-session"'):
            raise SessionError("corrupt", path, Detail("incomplete_header"))
        raise SessionError("foreign", path)
    try:
        header = json.loads(lines[0])
    except (ValueError, RecursionError):   # RecursionError: brackets nested thousands deep
        raise SessionError("foreign", path) from None
    if not isinstance(header, dict) or header.get("kind") != KIND:
        raise SessionError("foreign", path)
    found = header.get("format")
    if not isinstance(found, int):
        raise SessionError("corrupt", path, Detail("no_format_version"))
    if found > FORMAT:
        raise SessionError("newer_format", path, found=found)
    # A damaged flag or a damaged trailer cannot hide the checksums: either one is enough to check.
    checked = header.get(CHECKSUMS) == 1 or _trailer(lines[0]) is not None
    chain: Optional[int] = None
    if checked:
        chain = _checked(lines[0], 0)
        if chain is None:
            raise SessionError("corrupt", path, Detail("line_checksum", line=1))
    header.pop("c", None)
    entries = []
    decoded = _decoded_lines(data[len(lines[0]) + 1:end], len(lines) - 1)
    for number, line in enumerate(lines[1:], start=1):
        if chain is not None:
            chain = _checked(line, chain)
            if chain is None:
                raise SessionError("corrupt", path, Detail("line_checksum", line=number + 1))
        if decoded is not None:
            entry = decoded[number - 1]
        else:
            try:
                entry = json.loads(line)
            except (ValueError, RecursionError):   # RecursionError: brackets nested thousands deep
                raise SessionError("corrupt", path, Detail("line_not_json", line=number + 1)) from None
        if not isinstance(entry, dict) or entry.get("n") != number or "command" not in entry:
            raise SessionError("corrupt", path, Detail("line_not_command", line=number + 1, number=number))
        entry.pop("c", None)
        entries.append(entry)
    rest = data[end:]
    unterminated = len(lines) + 1 if rest.strip() and _whole_line(rest, chain, len(entries) + 1) else None
    return JournalContents(header, entries, end, chain, unterminated)


# What json.loads runs on a document, without its layers around it (an attribute typeshed does not list).
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once   # type: ignore[attr-defined]


def _decoded_lines(chunk: bytes, count: int) -> Optional[list[Any]]:
    """The value of each of the `count` lines of `chunk` (each ending with a line feed), exactly what
    `json.loads` gives for it, in one decoding of the bytes and one scan per line instead of `json.loads`'s
    layers for each (a third of reading a journal); None whenever one line might not be so read (it does
    not parse, it does not begin with "{", any NUL byte: json.loads might take it for UTF-16), and the
    caller reads each line with json.loads, which says which line is wrong.

    Why it is the same: with no NUL and a "{" first, json.loads decodes a line as UTF-8 ("surrogatepass"),
    and a line feed is never inside a UTF-8 sequence, so decoding the lines at once splits into the same
    texts; then it scans one value from the start and allows only JSON whitespace after it."""
    if b"\x00" in chunk:
        return None
    try:
        texts = chunk.decode("utf-8", "surrogatepass").split("\n")
    except UnicodeDecodeError:
        return None
    if len(texts) != count + 1 or texts[-1]:
        return None
    del texts[-1]
    values = []
    for text in texts:
        if text[:1] != "{":
            return None
        try:
            value, stop = _SCAN(text, 0)
        except Exception:   # StopIteration, JSONDecodeError, RecursionError: json.loads says which
            return None
        if stop != len(text) and text[stop:].strip(" \t\n\r"):
            return None
        values.append(value)
    return values


def _whole_line(rest: bytes, chain: Optional[int], number: int) -> bool:
    """Whether the bytes after the last line feed are a complete line that only lost its line feed."""
    line = rest.rstrip(b"\r\n\t ")
    if chain is not None:
        return _checked(line, chain) is not None
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):
        return False  # a write cut short (or brackets nested thousands deep): never confirmed
    return isinstance(entry, dict) and entry.get("n") == number and "command" in entry


# A session of 20 rounds of 8 teams is well under 1 MiB (the scenario copy is at most 2 MiB).
MAX_SESSION_BYTES = 64 * 1024 * 1024


def open_regular(path: Path, writable: bool = False) -> int:
    """A descriptor on a regular session file, or SessionError; never waits, never writes through a link.

    O_NONBLOCK: opening a named pipe returns at once (and is then refused) instead of waiting
    for a writer. For writing, O_NOFOLLOW: a link in the sessions folder never makes the
    program write outside it. A device (/dev/zero) or a folder is refused before any read.
    """
    flags = (os.O_RDWR if writable else os.O_RDONLY) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if writable:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SessionError("not_found", path) from None
    except IsADirectoryError:
        raise SessionError("not_a_file", path) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise SessionError("link_refused", path) from None
        if writable and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise SessionError("read_only", path, error.strerror or str(error)) from None
        raise SessionError("unreadable", path, error.strerror or str(error)) from None
    except ValueError:  # a NUL in the name
        raise SessionError("not_found", path) from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise SessionError("not_a_file", path)
        if status.st_size > MAX_SESSION_BYTES:
            raise SessionError("too_large", path, size=status.st_size, limit=MAX_SESSION_BYTES)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bounded(fd: int, path: Path) -> bytes:
    """The whole file behind `fd` from its start, refusing one that grew past the bound while being read."""
    os.lseek(fd, 0, os.SEEK_SET)
    chunks, total = [], 0
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_SESSION_BYTES:
            raise SessionError("too_large", path, size=total, limit=MAX_SESSION_BYTES)
    return b"".join(chunks)


def read(path: Path) -> JournalContents:
    """Parse a session file: a regular file within the size bound (see open_regular)."""
    return parse(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The bytes of a session file, unparsed: a regular file within the size bound (see open_regular)."""
    fd = open_regular(path)
    try:
        return read_bounded(fd, path)
    except OSError as error:
        raise SessionError("unreadable", path, error.strerror or str(error)) from None
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, scratch: Path | None = None) -> None:
    """Write a whole file so that it exists either complete or not at all: temporary file, fsync, rename.

    The temporary file goes to `scratch` (same disk) when the target folder must hold nothing else.
    """
    temporary = (scratch or path.parent) / f".{path.name}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
        raise
    fsync_folder(path.parent)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
