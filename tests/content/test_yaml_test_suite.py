"""Every document of the public YAML test suite is refused cleanly: a located diagnostic, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import ScenarioError, load_scenario

SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "yaml-test-suite"
CASES = sorted((SUITE / "cases").glob("*")) if SUITE.is_dir() else []


@pytest.mark.skipif(not SUITE.is_dir(), reason="../shared/yaml-test-suite is not beside the clone")
def test_the_suite_is_all_there():
    assert len(CASES) == 402


@pytest.mark.skipif(not SUITE.is_dir(), reason="../shared/yaml-test-suite is not beside the clone")
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_yaml_suite_document_is_refused_with_a_located_diagnostic(case):
    with pytest.raises(ScenarioError) as raised:
        load_scenario(case)
    diagnostics = raised.value.diagnostics
    assert diagnostics
    assert any(diagnostic.line >= 1 and diagnostic.col >= 1 for diagnostic in diagnostics)
    for diagnostic in diagnostics:
        assert diagnostic.render("fr").startswith(f"{case}:")
        assert diagnostic.render("en").startswith(f"{case}:")
