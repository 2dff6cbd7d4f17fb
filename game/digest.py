"""SHA-256 of a file's bytes, as hex: the key of the scenario copies and the check of a session's frozen scenario.

`hashlib` loads OpenSSL, about 2–3 ms at start on the 2-core test machine, which is more than
hashing a scenario takes with Python's own SHA-256 (about 4 µs a KiB). Small inputs (every
scenario a workshop uses, the setup screen's and the report's paths) go through the built-in
module; large ones through hashlib, faster per byte. Both give the same digest.
"""

from __future__ import annotations

try:
    from _sha256 import sha256 as _builtin_sha256      # CPython 3.11
except ImportError:  # pragma: no cover - depends on the interpreter
    try:
        from _sha2 import sha256 as _builtin_sha256    # CPython 3.12 and later
    except ImportError:
        _builtin_sha256 = None

BUILTIN_UP_TO = 512 * 1024   # bytes; above this, OpenSSL's speed pays for its import


def sha256_hex(data: bytes) -> str:
    if _builtin_sha256 is not None and len(data) <= BUILTIN_UP_TO:
        return _builtin_sha256(data).hexdigest()
    import hashlib

    return hashlib.sha256(data).hexdigest()
