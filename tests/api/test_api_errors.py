"""Bad input is a clear 4xx, never a 500; the server is read-only and closed by default."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from thucydides.api import create_app


@pytest.mark.parametrize(
    ("path", "params", "status", "mentions"),
    [
        ("/api/events", {"from": "2020-13-01"}, 422, "'from'"),
        ("/api/events", {"from": "yesterday"}, 422, "'from'"),
        ("/api/events", {"from": "2022-01-02", "to": "2022-01-01"}, 422, "after"),
        ("/api/events", {"quad": "9"}, 422, "quad"),
        ("/api/events", {"quad": "x"}, 422, "quad"),
        ("/api/events", {"limit": "0"}, 422, "limit"),
        ("/api/events", {"limit": "501"}, 422, "at most 500"),
        ("/api/events", {"limit": "10001", "format": "csv"}, 422, "limit"),
        ("/api/events", {"offset": "-1"}, 422, "offset"),
        ("/api/events", {"sort": "id; DROP TABLE events"}, 422, "sort"),
        ("/api/events", {"format": "xml"}, 422, "format"),
        ("/api/events", {"actor": "USA' OR 1=1 --"}, 422, "actor"),
        ("/api/events", {"country": "United States"}, 422, "country"),
        ("/api/events", {"root": "99"}, 422, "root"),
        ("/api/events", {"code": "abc"}, 422, "code"),
        ("/api/events", {"q": "x" * 201}, 422, "'q'"),
        ("/api/events", {"directed": "sideways"}, 422, "directed"),
        ("/api/dyads", {"interval": "century"}, 422, "interval"),
        ("/api/dyads", {"limit": "100000"}, 422, "limit"),
        ("/api/timeline", {"interval": "hour"}, 422, "interval"),
        ("/api/actors", {"limit": "1000"}, 422, "limit"),
        ("/api/events/no such id", {}, 422, "event_id"),
        ("/api/events/ev-0000000000000000", {}, 404, "no event"),
        ("/api/articles/nope", {}, 404, "no article"),
        ("/api/nothing", {}, 404, ""),
    ],
)
def test_bad_requests_get_a_clear_4xx(client, path, params, status, mentions):
    res = client.get(path, params=params)
    assert res.status_code == status, res.text
    detail = res.json()["detail"]
    assert isinstance(detail, str) and mentions in detail


def test_sql_in_text_search_is_only_text(client):
    before = client.get("/api/summary").json()["events"]
    res = client.get("/api/events", params={"q": "'; DROP TABLE events; --"})
    assert res.status_code == 200 and res.json()["total"] == 0
    assert client.get("/api/events", params={"q": "%"}).json()["total"] == 0  # no LIKE wildcards either
    assert client.get("/api/summary").json()["events"] == before


def test_oversized_requests_are_refused(client):
    assert client.get("/api/events", params={"q": "a" * 5000}).status_code == 414
    res = client.post("/api/articles", content=b"x" * 1_100_000, headers={"Content-Type": "application/json"})
    assert res.status_code == 413


def test_writes_are_off_without_a_token(client):
    res = client.post("/api/articles", json={"text": "Russia and China held talks in Beijing."})
    assert res.status_code == 403 and "--token" in res.json()["detail"]


def test_cors_is_off_by_default(client):
    res = client.get("/api/summary", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in res.headers


def test_cors_when_asked(sample_db, tmp_path):
    app = create_app(sample_db, cors_origins=["https://ok.example"], snapshot_dir=tmp_path)
    with TestClient(app, base_url="http://localhost") as c:
        ok = c.get("/api/summary", headers={"Origin": "https://ok.example"})
        other = c.get("/api/summary", headers={"Origin": "https://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "https://ok.example"
    assert "access-control-allow-origin" not in other.headers


def test_pages_are_served_with_a_strict_policy(client):
    for page in ("/", "/dyads", "/network", "/map", "/events", "/article", "/docs"):
        res = client.get(page)
        assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in res.headers["content-security-policy"]
    assert client.get("/static/vendor/chart.umd.min.js").status_code == 200


def test_token_guards_writes(db_copy, tmp_path):
    app = create_app(db_copy, token="s3cret", snapshot_dir=tmp_path)
    article = {"id": "api-post-1", "date": "2025-11-01", "title": "Talks", "text": "Russia and China held talks in Beijing on Monday."}
    with TestClient(app, base_url="http://localhost") as c:
        assert c.post("/api/articles", json=article).status_code == 401
        assert c.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/articles", json={"text": ""}, headers={"Authorization": "Bearer s3cret"}).status_code == 422
        res = c.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
        assert res.status_code == 201, res.text
        assert res.json()["added"] and res.json()["events"] >= 1
        stored = c.get("/api/articles/api-post-1").json()  # visible at once: the write refreshes the snapshot
        assert stored["events"] and stored["events"][0]["code"].startswith("04")
        again = c.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"}).json()
        assert again["added"] is False


HOSTS = {"localhost:8000": 200, "127.0.0.1:8000": 200, "[::1]:8000": 200, "10.0.0.7": 200, "LOCALHOST": 200,
         "events.lan:8000": 200, "evil.example": 400, "localhost.evil.example:8000": 400, "": 400}


def test_a_host_the_server_does_not_go_by_is_refused(sample_db, tmp_path):
    # DNS rebinding: a page on evil.example, its name re-pointed at 127.0.0.1, would read the API.
    app = create_app(sample_db, snapshot_dir=tmp_path, allowed_hosts=["events.lan"])
    with TestClient(app, base_url="http://localhost") as c:
        answers = {host: c.get("/api/summary", headers={"Host": host}) for host in HOSTS}
    assert {host: res.status_code for host, res in answers.items()} == HOSTS
    assert "Host header" in answers["evil.example"].json()["detail"]


def test_serve_refuses_a_forged_host(sample_db, tmp_path):
    import httpx
    from thuc_api_support import free_port, start_server, wait_for

    port = free_port()
    server = start_server(sample_db, port, snapshot_dir=tmp_path)
    try:
        wait_for(f"http://127.0.0.1:{port}/api/summary", server)
        forged = httpx.get(f"http://127.0.0.1:{port}/api/events", headers={"Host": f"rebound.example:{port}"})
        assert forged.status_code == 400 and "Host header" in forged.json()["detail"]
        assert httpx.get(f"http://localhost:{port}/api/events").status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
