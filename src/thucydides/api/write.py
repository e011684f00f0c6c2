"""POST /api/articles: code one article and store it. Off unless the server has a token.

The article goes through the ingest service, as `thucydides ingest` would store
it: an id already stored is not written again, a near-duplicate of a stored
article is stored as a link to its original (`duplicate_of`) and not coded, and
the new events are clustered.

Writing needs DuckDB's one write lock on the live file, so while a
`thucydides ingest` runs this answers 503 (retry later) instead of waiting; and
while it codes and writes one article (a fraction of a second) an
ingest starting then would find the file locked. That is why it is opt-in.
"""

from __future__ import annotations

import datetime
import hmac
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, Field

from ..model import ID_PATTERN, Article
from ..store import Store, StoreError

router = APIRouter(prefix="/api")
_pipeline_lock = threading.Lock()  # load spaCy once, and code one article at a time


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=200_000, pattern=r"\S")  # not blank, as the readers require
    id: str | None = Field(None, pattern=ID_PATTERN)
    title: str | None = Field(None, max_length=1000)
    date: datetime.date | None = None  # a calendar date: 2024-02-30 is refused, not stored as none
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


def _authorise(request: Request, authorization: str | None) -> None:
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "writing is disabled: start the server with --token to enable POST /api/articles")
    scheme, _, given = (authorization or "").partition(" ")
    # Constant-time comparison, so the token can't be guessed byte by byte from timings.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong 'Authorization: Bearer TOKEN' header", headers={"WWW-Authenticate": "Bearer"})


def _pipeline(request: Request) -> Any:
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        from ..pipeline import Pipeline  # spaCy: only loaded when writing is used

        state.pipeline = Pipeline()
    return state.pipeline


@router.post("/articles", status_code=201, summary="Code an article and store it (needs the server token)")
def post_article(
    request: Request,
    body: ArticleIn,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _authorise(request, authorization)
    fields = body.model_dump()
    article = Article(**{**fields, "date": body.date.isoformat() if body.date else None})
    from ..ingest.service import IngestService  # dedup's MinHash: only loaded when writing is used

    with _pipeline_lock:
        pipeline = _pipeline(request)  # loading spaCy takes seconds: not while holding the write lock
        try:
            with Store.open(request.app.state.db) as store:
                done = IngestService(store).submit(article, pipeline.code_article)
        except StoreError as err:
            raise HTTPException(503, f"the store is busy, retry later ({err})", headers={"Retry-After": "5"}) from err
    request.app.state.snapshots.refresh(force=True)  # the writer sees its own write at once
    return {"article_id": done.article_id, "added": done.added, "events": done.events, "duplicate_of": done.duplicate_of}
