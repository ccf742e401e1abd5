from __future__ import annotations

from pathlib import Path

import pytest

from unlib.settings import SETTINGS, SettingsError, load_settings


def test_defaults_then_file_then_environment_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "unlib.toml"
    config.write_text('data = "from-file"\nmax_file_mb = 5\n')
    env = {"UNLIB_MAX_FILE_MB": "7"}
    settings = load_settings(env, config=config)
    assert settings.data == "from-file"
    assert settings.max_file_mb == 7
    assert load_settings(env, config=config, data="cli").data == "cli"
    assert load_settings({}, config=tmp_path / "absent.toml").data == "./unlib-data"


def test_wrong_types_and_unknown_names_are_reported_with_their_origin(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="UNLIB_WORKERS"):
        load_settings({"UNLIB_WORKERS": "two"}, config=tmp_path / "none.toml")
    config = tmp_path / "unlib.toml"
    config.write_text("max_file_mbs = 5\n")
    with pytest.raises(SettingsError, match="max_file_mbs"):
        load_settings({}, config=config)


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, f"README lacks setting {setting.name}"
        assert setting.env in readme
