"""`thucydides serve`: the REST API and dashboard over an event store."""

from __future__ import annotations

import os
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..settings import load_settings
from .app import DB_OPTION, app


@app.command()
def serve(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for all)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: Optional[str] = typer.Option(
        None, "--token", envvar="THUCYDIDES_TOKEN", help="Enable POST /api/articles for requests bearing this token."
    ),
    cors_origin: list[str] = typer.Option([], "--cors-origin", help="Allow this origin cross-site (repeatable; off by default)."),
    refresh: float = typer.Option(5.0, "--refresh", min=0.5, help="Seconds between checks for new data in the store."),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host",
        help="A host name clients may reach the server by, besides IP addresses and localhost (repeatable; '*' for any).",
    ),
) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/) over the store, read-only by default."""
    import uvicorn  # only this command needs the web stack

    from ..api import create_app
    from ..api.app import host_name
    from ..api.snapshot import SnapshotError

    settings = load_settings(db=db)
    try:
        # The name it listens on is one it goes by; others (behind a proxy, say) must be given.
        names = [*allowed_host, host_name(host)]
        web = create_app(settings.db, token=token, cors_origins=cors_origin, refresh_s=refresh, allowed_hosts=names)
    except SnapshotError as err:
        Console(stderr=True).print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
    typer.echo(f"serving {settings.db} on http://{host}:{port}/ (API docs: /docs)" + (" [writes enabled]" if token else ""), err=True)
    # Bounded request handling: uvicorn caps header size; the app caps bodies and query strings.
    uvicorn.run(web, host=host, port=port, log_level=os.environ.get("THUCYDIDES_LOG_LEVEL", "warning"), server_header=False)


if __name__ == "__main__":  # `python -m thucydides.cli.serve` works before the command is registered
    typer.run(serve)
