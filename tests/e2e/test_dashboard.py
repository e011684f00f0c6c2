"""Every dashboard page in a real browser: it draws, a filter changes chart and table, events lead to articles."""

from __future__ import annotations

from pathlib import Path

from thuc_api_support import free_port, start_server, stop_server, wait_for


def ready(page, timeout: float = 30_000) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=timeout)


def apply(page, button: str = "#filters button[type=submit]") -> None:
    page.evaluate("document.body.dataset.state = 'loading'")
    page.click(button)
    ready(page)


def attr(page, selector: str, name: str) -> int:
    return int(page.get_attribute(selector, name))


def rows(page, selector: str) -> list[str]:
    return page.locator(f"{selector} tbody tr").all_inner_texts()


def test_overview_filter_changes_chart_and_tables(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/")
    ready(page)
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)
    events, actors = attr(page, "#timeline-box", "data-events"), rows(page, "#actors-table")
    assert events > 100 and len(actors) >= 5
    page.fill("input[name=actor]", "RUS")
    apply(page)
    assert 0 < attr(page, "#timeline-box", "data-events") < events
    assert rows(page, "#actors-table") != actors
    assert "actor=RUS" in page.url  # the view is bookmarkable
    page.screenshot(path=str(screenshots / "overview-rus.png"), full_page=True)


def test_event_table_filters_exports_and_leads_to_the_article(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/events")
    ready(page)
    total = attr(page, "#count", "data-total")
    page.check("input[name=quad][value='4']")
    apply(page)
    conflict = attr(page, "#count", "data-total")
    assert 0 < conflict < total
    badges = page.locator("table.events tbody .quad").all_inner_texts()
    assert badges and set(badges) == {"4"}
    assert "quad=4" in page.get_attribute("#export", "href") and "format=csv" in page.get_attribute("#export", "href")
    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename == "events.csv"
    page.screenshot(path=str(screenshots / "events-quad4.png"), full_page=True)

    first = page.locator("table.events tbody tr").first
    event_id = first.get_attribute("data-id")
    first.locator("a.event-link").click()
    page.wait_for_url("**/article?**")
    ready(page)
    card = page.locator(f".events-list .ev.active[data-id='{event_id}']")
    assert card.count() == 1
    assert card.locator("dd[data-field=rule]").inner_text().strip()
    assert card.locator("dd[data-field=modality]").inner_text().strip()
    assert page.locator(f"#text .pred.sel[data-event='{event_id}']").count() >= 1  # its predicate, marked as selected
    assert page.locator("#text .actor").count() >= 1 and page.locator("#text .pred").count() >= 1
    page.screenshot(path=str(screenshots / "article.png"), full_page=True)
    # Another event of the article can be picked, and the highlight follows.
    others = page.locator(".events-list .ev:not(.active)")
    if others.count():
        others.first.click()
        assert page.locator(".events-list .ev.active").get_attribute("data-id") != event_id


def test_dyad_explorer_shows_the_events_behind_a_point(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/dyads")
    ready(page)
    first = page.inner_text("#title")
    page.fill("input[name=a]", "USA")
    page.fill("input[name=b]", "RUS")
    apply(page)
    assert "USA ↔ RUS" in page.inner_text("#title") and page.inner_text("#title") != first
    periods = attr(page, "#dyad-box", "data-periods")
    assert periods >= 1
    whole = page.inner_text("#events-title")
    # Click the first bar for real: its pixel position comes from the chart.
    x, y = page.evaluate(
        "(() => { const m = dyadChart.getDatasetMeta(dyadChart.data.datasets[0].data.some(v => v > 0) ? 0 : 1)"
        ".data.find(b => Math.abs(b.base - b.y) > 2); return [m.x, (m.y + m.base) / 2]; })()"
    )
    box = page.locator("#dyad-chart").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_function("t => document.getElementById('events-title').textContent !== t", arg=whole)
    assert "in the" in page.inner_text("#events-title")
    assert page.locator("table.events tbody tr").count() >= 1
    page.screenshot(path=str(screenshots / "dyads.png"), full_page=True)


def test_network_edges_follow_the_filter(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/network")
    ready(page)
    edges, nodes = attr(page, "#network", "data-edges"), attr(page, "#network", "data-nodes")
    assert edges > 5 and nodes > 5
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "network.png"), full_page=True)
    page.check("input[name=quad][value='4']")
    apply(page)
    assert 0 < attr(page, "#network", "data-edges") < edges
    assert len(rows(page, "#edges-table")) == attr(page, "#network", "data-edges")


def test_map_shows_located_events_offline(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/map")
    ready(page)
    markers = attr(page, "#map", "data-markers")
    assert markers > 0, page.inner_text("#map-title")
    assert page.locator("#map path.leaflet-interactive").count() == markers
    assert page.locator("#map svg path").count() > markers  # the bundled land outline is drawn too
    page.screenshot(path=str(screenshots / "map.png"), full_page=True)
    page.fill("input[name=actor]", "ISR")
    apply(page)
    assert attr(page, "#map", "data-markers") < markers
    if attr(page, "#map", "data-markers"):
        page.locator("#map path.leaflet-interactive").first.click(force=True)
        assert page.locator(".leaflet-popup a.event-link").count() == 1


def test_api_docs_page_lists_the_endpoints(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/docs")
    ready(page)
    text = page.inner_text("#endpoints")
    for path in ("GET /api/events", "GET /api/dyads", "GET /api/timeline", "POST /api/articles"):
        assert path in text
    page.screenshot(path=str(screenshots / "docs.png"))


def test_event_table_can_list_each_real_event_once(page, base_url: str, screenshots: Path):
    page.goto(base_url + "/events")
    ready(page)
    total = attr(page, "#count", "data-total")
    page.check("input[name=unique]")
    apply(page)
    unique = attr(page, "#count", "data-total")
    assert 0 < unique < total  # the sample corpus reports some events in several sentences or articles
    assert "unique=true" in page.url and "unique=true" in page.get_attribute("#export", "href")
    for _ in range(0, unique, 50):  # page until an event reported more than once shows its count
        if page.locator("table.events .mentions").count():
            break
        page.evaluate("document.body.dataset.state = 'loading'")
        page.click("#next")
        ready(page)
    badge = page.locator("table.events .mentions").first
    assert badge.inner_text().strip().startswith("×") and "mentions in" in badge.get_attribute("title")
    page.screenshot(path=str(screenshots / "events-unique.png"), full_page=True)


def test_only_a_web_address_becomes_a_link(browser, tmp_path_factory):
    from thucydides.model import Article
    from thucydides.store import Store

    db = tmp_path_factory.mktemp("urls") / "store.duckdb"
    with Store.open(db) as store:
        store.add(Article(id="js", text="Talks resumed.", url="javascript:alert(document.domain)"), [])
        store.add(Article(id="web", text="Talks resumed again.", url="https://ex.com/talks"), [])
    port = free_port()
    server = start_server(db, port, snapshot_dir=db.parent)
    page = browser.new_page()
    try:
        wait_for(f"http://127.0.0.1:{port}/api/summary", server)
        page.goto(f"http://127.0.0.1:{port}/article?id=js")
        ready(page)
        assert page.locator("#meta a").count() == 0
        assert "javascript:alert(document.domain)" in page.inner_text("#meta")  # shown, as text
        page.goto(f"http://127.0.0.1:{port}/article?id=web")
        ready(page)
        assert page.get_attribute("#meta a", "href") == "https://ex.com/talks"
    finally:
        page.close()
        stop_server(server)
