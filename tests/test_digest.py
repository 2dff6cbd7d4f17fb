"""game.digest: the same SHA-256 as hashlib at every size, without loading OpenSSL for a scenario's bytes."""

import hashlib
import subprocess
import sys

import pytest

from game.digest import BUILTIN_UP_TO, sha256_hex


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 40_000, BUILTIN_UP_TO, BUILTIN_UP_TO + 1, 3 * BUILTIN_UP_TO])
def test_same_digest_as_hashlib(size):
    data = bytes((i * 7 + size) % 256 for i in range(size))
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_a_scenario_sized_input_does_not_load_openssl():
    probe = ("import sys; from game.digest import sha256_hex; sha256_hex(b'x' * 40000); "
             "print('_hashlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
