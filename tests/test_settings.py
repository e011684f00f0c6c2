from __future__ import annotations

import pytest

from thucydides.settings import DEFAULT_MODEL, load_settings


def test_defaults(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("THUCYDIDES_MODEL", raising=False)
    assert load_settings().model == DEFAULT_MODEL


def test_config_file_then_environment_then_arguments(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "thucydides.toml").write_text('[thucydides]\nmodel = "en_core_web_md"\nbatch_size = 8\n')
    monkeypatch.delenv("THUCYDIDES_MODEL", raising=False)
    assert load_settings().model == "en_core_web_md"
    assert load_settings().batch_size == 8
    monkeypatch.setenv("THUCYDIDES_MODEL", "en_core_web_lg")
    assert load_settings().model == "en_core_web_lg"
    assert load_settings(model="en_core_web_trf").model == "en_core_web_trf"
    assert load_settings(model=None).model == "en_core_web_lg"


def test_bare_statements_take_a_mode_or_the_older_boolean(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("THUCYDIDES_BARE_STATEMENTS", raising=False)
    assert load_settings().bare_statements == "sentences"
    monkeypatch.setenv("THUCYDIDES_BARE_STATEMENTS", "false")
    assert load_settings().bare_statements == "never"
    monkeypatch.setenv("THUCYDIDES_BARE_STATEMENTS", "always")
    assert load_settings().bare_statements == "always"
    (tmp_path / "thucydides.toml").write_text("[thucydides]\nbare_statements = true\n")
    monkeypatch.delenv("THUCYDIDES_BARE_STATEMENTS")
    assert load_settings().bare_statements == "always"
    with pytest.raises(ValueError, match="bare_statements must be one of"):
        load_settings(bare_statements="sometimes")
