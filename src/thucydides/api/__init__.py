"""REST API and dashboard over the event store (`thucydides serve`).

See `snapshot` for how a running server sees a concurrent ingest.
"""

from .app import create_app

__all__ = ["create_app"]
