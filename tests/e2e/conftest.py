"""End-to-end fixtures: `thucydides serve` in a subprocess and Debian's Chromium driven by Playwright.

Skips (with the reason) when /usr/bin/chromium or the `playwright` package is
missing: Playwright's own browser download is not used. Install the browser with
`apt-get install -y chromium`.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))  # the helpers shared with tests/api
from thuc_api_support import build_sample_store, serving  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

if not CHROMIUM.exists():
    pytest.skip("end-to-end tests need /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="end-to-end tests need the 'playwright' package")


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("e2e") / "store.duckdb"
    shutil.copyfile(build_sample_store(tmp_path_factory), db)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh user-data-dir
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1360, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser, base_url: str):
    """A page that fails the test on any JS error or warning (a library's complaint about
    how it is used: Cytoscape's about a style selector, say) or any request leaving the
    server (no CDN)."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)  # fmt: skip
    host = urlparse(base_url).netloc

    def check_request(request) -> None:  # noqa: ANN001 - playwright Request
        url = urlparse(request.url)
        if url.scheme in ("http", "https") and url.netloc != host:
            problems.append(f"request off the server: {request.url}")

    page.on("request", check_request)
    page.on("response", lambda res: problems.append(f"HTTP {res.status}: {res.url}") if res.status >= 400 else None)
    yield page
    page.close()
    assert not problems, problems
