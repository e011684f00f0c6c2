"""A store built once per session from the bundled sample corpus with the real `thucydides ingest`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from thucydides.api import create_app
from thuc_api_support import build_sample_store


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory)


@pytest.fixture(scope="session")
def client(sample_db: Path, tmp_path_factory: pytest.TempPathFactory):
    app = create_app(sample_db, snapshot_dir=tmp_path_factory.mktemp("snapshots"))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.fixture
def db_copy(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for tests that write."""
    target = tmp_path / "copy.duckdb"
    shutil.copyfile(sample_db, target)
    return target
