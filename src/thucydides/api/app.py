"""The FastAPI application: REST API under /api, dashboard pages at /.

Read-only by default. Limits: request bodies (1 MB), query strings (4 KB),
page sizes (see `routes`). CORS is off unless origins are given. Errors are
JSON `{"detail": "..."}` with a 4xx status for anything the client got wrong.

The Host header must be an IP address or a name the server was told it goes
by (`localhost` and `allowed_hosts`): a page on another site whose name the
attacker re-points at 127.0.0.1 (DNS rebinding) would otherwise read the API
from the user's browser as if it were same-origin.
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from . import routes, write
from .snapshot import SnapshotError, SnapshotManager

MAX_BODY = 1_000_000
MAX_QUERY = 4096
STATIC = Path(str(files("thucydides.dashboard") / "static"))
PAGES = {
    "/": "index.html",
    "/dyads": "dyads.html",
    "/network": "network.html",
    "/map": "map.html",
    "/events": "events.html",
    "/article": "article.html",
    "/docs": "api.html",
}
# Everything the pages load is bundled, so the browser may fetch from this origin only.
CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"


class LimitsMiddleware:
    """Rejects oversized query strings (414) and bodies (413) before any handler reads them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            await _error(send, 414, f"query string longer than {MAX_QUERY} bytes")
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _error(send, 413, f"request body larger than {MAX_BODY} bytes")
            return
        seen = 0

        async def limited() -> Message:
            # Chunked bodies have no length up front: count as they arrive.
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                raise HTTPException(413, f"request body larger than {MAX_BODY} bytes")
            return message

        async def headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if scope["path"] in PAGES or scope["path"].startswith("/static/"):
                    extra.append((b"content-security-policy", CSP.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, limited, headers)


class HostMiddleware:
    """Answers 400 to a request whose Host is a name the server does not go by."""

    def __init__(self, app: ASGIApp, names: Sequence[str]) -> None:
        self.app = app
        self.names = frozenset(name.lower() for name in names)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._allowed(dict(scope["headers"]).get(b"host", b"")):
            await _error(send, 400, "Host header names a host this server does not go by (see serve --allowed-host)")
            return
        await self.app(scope, receive, send)

    def _allowed(self, header: bytes) -> bool:
        host = host_name(header.decode("latin-1"))
        return host in self.names or _is_ip(host)


def host_name(header: str) -> str:
    """The host of a Host header, without its port or IPv6 brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


async def _error(send: Send, status: int, detail: str) -> None:
    body = JSONResponse({"detail": detail}).body
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _where(loc: Sequence[Any]) -> str:
    kind = {"query": "query parameter", "path": "path parameter", "body": "body field", "header": "header"}.get(str(loc[0]), str(loc[0]))
    name = ".".join(str(p) for p in loc[1:])
    return f"{kind} '{name}'" if name else kind


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    # One readable sentence per problem, e.g. "query parameter 'limit': Input should be ...".
    problems = [f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors()]
    return JSONResponse({"detail": "; ".join(problems), "errors": problems}, status_code=422)


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    # A snapshot that can't be read (e.g. the store was replaced): ask for a fresh copy.
    request.app.state.snapshots.refresh(force=True)
    return JSONResponse({"detail": "the event store could not be read; retry shortly"}, status_code=503, headers={"Retry-After": "5"})


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    refresh_s: float = 5.0,
    snapshot_dir: str | Path | None = None,
    allowed_hosts: Sequence[str] = (),
) -> FastAPI:
    """The app for store `db`. The first snapshot is taken here, so a bad store fails fast.

    Requests must name an IP address, `localhost` or one of `allowed_hosts` as
    their Host ("*" allows any)."""
    snapshots = SnapshotManager(db, refresh_s=refresh_s, workdir=snapshot_dir)
    snapshots.start()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            snapshots.stop()

    app = FastAPI(
        title="Thucydides event store",
        version=__version__,
        description="Political events coded from news (CAMEO, PLOVER), with the evidence for each.",
        docs_url=None,  # FastAPI's docs pages load from a CDN; /docs is a bundled page instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.db = str(db)
    app.state.token = token or None
    app.state.snapshots = snapshots
    app.state.pipeline = None
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(duckdb.Error, _store_error)
    app.add_exception_handler(SnapshotError, _store_error)
    app.include_router(routes.router)
    app.include_router(write.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for route, page in PAGES.items():
        app.add_api_route(route, _page(STATIC / page), include_in_schema=False, methods=["GET"])
    # Browsers ask for it on every page; "no icon" beats a logged 404.
    app.add_api_route("/favicon.ico", lambda: Response(status_code=204), include_in_schema=False, methods=["GET"])
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"], allow_headers=["Authorization"])
    app.add_middleware(LimitsMiddleware)
    if "*" not in allowed_hosts:
        app.add_middleware(HostMiddleware, names=["localhost", *allowed_hosts])
    return app


def _page(path: Path) -> Any:
    def page() -> FileResponse:
        return FileResponse(path, media_type="text/html; charset=utf-8")

    return page
