from __future__ import annotations

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
