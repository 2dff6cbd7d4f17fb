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


XDG_VALUES = [None, "", "   ", "relative/data", "~/data", "/abs", "/abs/", "//abs", "/a b/é", "/abs/../x"]
HOME_VALUES = [None, "", "relative", "~", "/home/u", "/home/u/", "/", "//home", "/home/é u"]


def test_the_plain_linux_data_folder_is_platformdirs_own_answer(monkeypatch):
    """Every pair of XDG_DATA_HOME and HOME values: where the plain lookup answers, platformdirs gives the
    same folder; where it does not, data_home() asks platformdirs."""
    import sys

    from platformdirs import user_data_path

    monkeypatch.delenv("COOP_HOME", raising=False)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.delenv("ANDROID_ROOT", raising=False)
    answered = 0
    for xdg in XDG_VALUES:
        for home in HOME_VALUES:
            for name, value in (("XDG_DATA_HOME", xdg), ("HOME", home)):
                if value is None:
                    monkeypatch.delenv(name, raising=False)
                else:
                    monkeypatch.setenv(name, value)
            try:
                expected = user_data_path(paths.APP_NAME, appauthor=False)
            except RuntimeError:             # platformdirs finds no home at all
                expected = None
            plain = paths.plain_xdg_data_home()
            if plain is not None:
                answered += 1
                assert plain == expected, (xdg, home)
            if expected is not None:
                assert paths.data_home() == expected, (xdg, home)
    if sys.platform.startswith("linux"):
        assert answered == 5 * len(HOME_VALUES) + 3 * 5   # an absolute XDG value, or none and an absolute HOME


def test_the_plain_lookup_leaves_an_android_app_and_other_systems_to_platformdirs(monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "/abs")
    monkeypatch.setenv("ANDROID_DATA", "/data")
    assert paths.plain_xdg_data_home() is None
    monkeypatch.delenv("ANDROID_DATA")
    monkeypatch.setattr(paths.sys, "platform", "darwin")
    assert paths.plain_xdg_data_home() is None
    monkeypatch.setattr(paths.sys, "platform", "linux")
    assert paths.plain_xdg_data_home() == Path("/abs") / paths.APP_NAME
