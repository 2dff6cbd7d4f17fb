"""The program finds its font and bundled scenarios from a checkout and from a plain `pip install .`."""

from pathlib import Path

from game import paths


def test_a_checkout_uses_its_own_assets(tmp_path):
    (tmp_path / "repo" / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "prefix" / "share" / "coop-ou-pas-coop" / "assets" / "fonts").mkdir(parents=True)
    assert paths.program_files(tmp_path / "repo", tmp_path / "prefix") == tmp_path / "repo"


def test_an_installed_package_uses_the_data_folder_pip_wrote(tmp_path):
    (tmp_path / "site-packages").mkdir()
    installed = tmp_path / "prefix" / "share" / "coop-ou-pas-coop"
    (installed / "assets" / "fonts").mkdir(parents=True)
    assert paths.program_files(tmp_path / "site-packages", tmp_path / "prefix") == installed


def test_this_checkout_has_the_font_and_the_bundled_scenarios():
    assert (paths.FONTS / "AtkinsonHyperlegible-Regular.ttf").is_file()
    assert sorted(p.name for p in paths.SCENARIOS.glob("*.yaml"))
    assert Path(paths.ROOT).is_dir()
