"""Class 3 of the hardening issue: image paths the system rejects, and images that are not files (folders,
named pipes, devices, links) get a located, specific message; the file's other problems are still reported;
`coop simulate` never shows a traceback. Class 2: a JPEG whose scans would take minutes is refused before
anything decodes it. The names and the files are generated."""

import json
import os
import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.cli import main
from game.content import ScenarioError, load_scenario
from game.content.images import MAX_JPEG_SCANS, jpeg_scan_count
from game.content.template import starting_scenario

IMAGE_CODES = {"image_missing", "image_bad_name", "image_not_file", "image_is_folder", "image_outside",
               "image_absolute", "image_symlink", "image_unreadable", "image_format", "image_corrupt",
               "image_too_complex", "image_too_heavy", "image_too_big"}
name_parts = st.sampled_from(["a", "é", "\x00", "/", "..", "\\", "x" * 300, "%s", "\n", ".png", " ", ":",
                              "C:", "nul", "CON", "*", "?"])
names = st.lists(name_parts, min_size=1, max_size=5).map("".join).filter(lambda n: n.strip())


def _scenario(folder, image_yaml: str) -> str:
    text = starting_scenario("essai", "fr").replace(
        "    name: Nadia Benali\n", f"    name: Nadia Benali\n    image: {image_yaml}\n", 1)
    text += "\nunknown_key_here: 1\n"  # another problem of the file, which must still be reported
    path = folder / "s.yaml"
    path.write_text(text, encoding="utf-8")
    image_line = text.split("\n").index(f"    image: {image_yaml}") + 1
    return path, image_line


def _check(path, image_line, capsys):
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    codes = {d.code for d in raised.value.diagnostics}
    assert "internal_error" not in codes
    assert "unknown_key" in codes, codes
    image = [d for d in raised.value.diagnostics if d.code.startswith("image_")]
    assert image and image[0].code in IMAGE_CODES and image[0].line == image_line, raised.value.render("en")
    assert main(["simulate", str(path), "--games", "1", "--seed", "1"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "image" in err
    return image[0].code


@given(names)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_image_name_gets_a_located_message_and_leaves_the_other_problems_reported(tmp_path, capsys, name):
    escaped = json.dumps(name)  # a YAML double-quoted text: \u0000 and the rest as escapes
    path, line = _scenario(tmp_path, escaped)
    _check(path, line, capsys)


@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "link_out", "link_loop"])
def test_what_is_not_a_file_is_named_for_what_it_is(tmp_path, capsys, kind):
    target = tmp_path / "portrait.png"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        os.symlink("/dev/zero", target)
    elif kind == "link_out":
        os.symlink("/etc/hostname", target)
    else:
        os.symlink(target, target)
    path, line = _scenario(tmp_path, "portrait.png")
    code = _check(path, line, capsys)
    expected = {"folder": "image_is_folder", "fifo": "image_not_file", "device": "image_symlink",
                "link_out": "image_symlink", "link_loop": "image_symlink"}[kind]
    assert code == expected


def _jpeg_with_scans(count: int) -> bytes:
    """A tiny baseline-shaped JPEG header followed by `count` empty scan segments (what a hostile file does)."""
    soi = b"\xff\xd8"
    sof = b"\xff\xc2" + struct.pack(">HBHHB", 11, 8, 64, 64, 1) + b"\x01\x11\x00"
    dht = b"\xff\xc4" + struct.pack(">H", 2 + 17 + 1) + b"\x00" + bytes([1] + [0] * 15) + b"\x00"
    sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x00\x00" + b"\x00\xff\x00\x12"
    return soi + sof + dht + sos * count + b"\xff\xd9"


@given(st.integers(1, 3 * MAX_JPEG_SCANS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_jpeg_with_too_many_scans_is_refused_before_decoding(tmp_path, capsys, scans):
    (tmp_path / "p.jpg").write_bytes(_jpeg_with_scans(scans))
    assert jpeg_scan_count(_jpeg_with_scans(scans)) == scans
    path, line = _scenario(tmp_path, "p.jpg")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    codes = {d.code for d in raised.value.diagnostics}
    assert ("image_too_complex" in codes) == (scans > MAX_JPEG_SCANS)
