"""A single JSON file: one article object, or a list of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..model import Article
from .common import decode_bytes, load_json, read_limited
from .errors import IngestError, Problem
from .jsonl import article_from_record, read_jsonl


def read_json(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    try:
        data = load_json(decode_bytes(read_limited(path, max_bytes)))
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and err.lineno > 1:
            # Several values on separate lines: JSON Lines saved as .json.
            yield from read_jsonl(path, max_bytes)
            return
        raise Problem(f"malformed JSON: {err}") from err
    except ValueError as err:  # nested too deeply
        raise Problem(str(err)) from err
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        origin = f"{path}#{number}" if isinstance(data, list) else str(path)
        try:
            yield article_from_record(record, origin)
        except ValueError as err:
            yield IngestError(origin, str(err))
