"""POST /api/articles goes through the ingest service: near-duplicates are linked to
their original (not coded again) and the new events are clustered, as `ingest` does."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from thucydides.api import create_app
from thucydides.store import Store
from thuc_api_support import SAMPLE
from wire_stories import COPY, STORY

TOKEN = {"Authorization": "Bearer s3cret"}


def post(client: TestClient, article_id: str, text: str) -> dict:
    res = client.post("/api/articles", json={"id": article_id, "date": "2025-03-03", "text": text}, headers=TOKEN)
    assert res.status_code == 201, res.text
    return res.json()


def test_a_posted_near_duplicate_is_linked_to_its_original_and_the_events_clustered(db_copy, tmp_path):
    with TestClient(create_app(db_copy, token="s3cret", snapshot_dir=tmp_path), base_url="http://localhost") as c:
        original = post(c, "api-orig", STORY)
        copy = post(c, "api-copy", COPY)
        events = c.get("/api/events", params={"article": "api-orig"}).json()["events"]
    assert original["added"] and original["events"] >= 1 and original["duplicate_of"] is None
    assert copy == {"article_id": "api-copy", "added": True, "events": 0, "duplicate_of": "api-orig"}
    assert len(events) == original["events"] and all(e["cluster"] for e in events)
    with Store.open(db_copy, read_only=True) as store:
        q = store.con.execute
        assert q("SELECT id, duplicate_of, n_events FROM articles WHERE id LIKE 'api-%' ORDER BY id").fetchall() == [
            ("api-copy", "api-orig", 0), ("api-orig", None, original["events"]),
        ]  # fmt: skip
        assert q("SELECT count(*) FROM events WHERE article_id = 'api-copy'").fetchone() == (0,)
        # Every stored event is in a cluster: the post brought them up to date.
        assert q("SELECT count(*) FROM events ANTI JOIN event_mentions m ON m.event_id = events.id").fetchone() == (0,)


def test_a_posted_copy_of_an_ingested_article_links_to_it(db_copy, tmp_path):
    first = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    copy_text = "(Other Wire) " + first["text"].split(" - ", 1)[1]
    with TestClient(create_app(db_copy, token="s3cret", snapshot_dir=tmp_path), base_url="http://localhost") as c:
        copy = post(c, "api-sample-copy", copy_text)
        again = post(c, "api-sample-copy", copy_text)
    assert copy == {"article_id": "api-sample-copy", "added": True, "events": 0, "duplicate_of": first["id"]}
    assert again == {"article_id": "api-sample-copy", "added": False, "events": 0, "duplicate_of": None}
