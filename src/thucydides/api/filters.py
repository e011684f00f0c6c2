"""Event filters shared by the list, dyad, actor, timeline and map endpoints.

Every filter becomes a fixed SQL fragment with `?` placeholders: user input is
only ever a bound parameter, never SQL text. Values are validated first (codes
by pattern, dates by type), so bad input is a 4xx, not a DuckDB error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query

from ..model import ID_PATTERN

# The day an event counts on: its own date, else its article's (as `Store` does).
DAY = "coalesce(e.date, a.date)"
LAT = "coalesce(TRY_CAST(json_extract_string(e.location, '$.lat') AS DOUBLE), TRY_CAST(json_extract_string(e.location, '$.latitude') AS DOUBLE))"
LON = (
    "coalesce(TRY_CAST(json_extract_string(e.location, '$.lon') AS DOUBLE), "
    "TRY_CAST(json_extract_string(e.location, '$.lng') AS DOUBLE), "
    "TRY_CAST(json_extract_string(e.location, '$.longitude') AS DOUBLE))"
)
FROM_EVENTS = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
# Also each event's cluster (alias c): the real-world event it is a mention of.
FROM_EVENTS_CLUSTERS = (
    f"{FROM_EVENTS} LEFT JOIN event_mentions m ON m.event_id = e.id "
    "LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"
)
# A repeated mention: clustered, and not its cluster's representative event.
REPEATED_MENTION = (
    "EXISTS (SELECT 1 FROM event_mentions rm JOIN event_clusters rc ON rc.cluster_id = rm.cluster_id "
    "WHERE rm.event_id = e.id AND rc.event_id <> e.id)"
)

ACTOR_PATTERN = r"^[A-Za-z0-9]{1,40}$"
MODALITIES = ("asserted", "reported", "future", "hypothetical", "generic", "negated", "question")


@dataclass(frozen=True)
class EventFilter:
    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None  # code prefix, either side
    source: str | None = None  # code prefix
    target: str | None = None  # code prefix
    directed: bool = True  # False: source/target also match the other way round
    country: str | None = None
    role: str | None = None
    code: str | None = None  # CAMEO code prefix
    root: str | None = None
    quad: tuple[int, ...] = ()
    modality: str | None = None
    place: str | None = None
    q: str | None = None
    article: str | None = None
    located: bool | None = None
    unique: bool = False  # one row per real-world event: repeated mentions left out

    def where(self) -> tuple[str, list[Any]]:
        """` WHERE ...` over `FROM_EVENTS` (aliases e, a) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.date_from:
            add(f"{DAY} >= ?", self.date_from)
        if self.date_to:
            add(f"{DAY} <= ?", self.date_to)
        if self.actor:
            add("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))", self.actor, self.actor)
        if self.source or self.target:
            s, t = self.source or "", self.target or ""
            pair = "(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))"
            if self.directed:
                add(pair, s, t)
            else:
                add(f"({pair} OR {pair})", s, t, t, s)
        if self.country:
            add("(e.source_country = ? OR e.target_country = ?)", self.country, self.country)
        if self.role:
            add("(e.source_role = ? OR e.target_role = ?)", self.role, self.role)
        if self.code:
            add("starts_with(e.code, ?)", self.code)
        if self.root:
            add("e.root = ?", self.root)
        if self.quad:
            add("e.quad IN (SELECT unnest(?::INTEGER[]))", list(self.quad))
        if self.modality:
            add("e.modality = ?", self.modality)
        if self.place:
            add("contains(lower(CAST(e.location AS VARCHAR)), lower(?))", self.place)
        if self.q:
            add("contains(lower(e.sentence_text), lower(?))", self.q)
        if self.article:
            add("e.article_id = ?", self.article)
        if self.located is True:
            add(f"{LAT} IS NOT NULL AND {LON} IS NOT NULL")
        elif self.located is False:
            add(f"({LAT} IS NULL OR {LON} IS NULL)")
        if self.unique:
            add(f"NOT {REPEATED_MENTION}")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


def event_filter(
    date_from: Annotated[date | None, Query(alias="from", description="First day (YYYY-MM-DD), inclusive.")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Last day (YYYY-MM-DD), inclusive.")] = None,
    actor: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Actor code prefix, as source or target.")] = None,
    source: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Source actor code prefix.")] = None,
    target: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Target actor code prefix.")] = None,
    directed: Annotated[bool, Query(description="false: source/target match either way round.")] = True,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 country of either actor.")] = None,
    role: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="CAMEO role of either actor (GOV, MIL, ...).")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO event code prefix.")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code (01-20).")] = None,
    quad: Annotated[list[int] | None, Query(description="QuadClass 1-4; repeat for several.")] = None,
    modality: Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")$")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=100, description="Text in the event location.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Text in the event sentence.")] = None,
    article: Annotated[str | None, Query(pattern=ID_PATTERN, description="Article id.")] = None,
    located: Annotated[bool | None, Query(description="Only events with (true) / without (false) coordinates.")] = None,
    unique: Annotated[
        bool, Query(description="One row per real-world event: leave out repeated mentions (see thucydides aggregate).")
    ] = False,
) -> EventFilter:
    quads = tuple(dict.fromkeys(quad or ()))
    if any(not 1 <= k <= 4 for k in quads):
        raise HTTPException(422, "query parameter 'quad' must be 1, 2, 3 or 4")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"'from' ({date_from}) is after 'to' ({date_to})")
    if root and not 1 <= int(root) <= 20:
        raise HTTPException(422, "query parameter 'root' must be a CAMEO root, 01 to 20")
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        actor=_upper(actor),
        source=_upper(source),
        target=_upper(target),
        directed=directed,
        country=_upper(country),
        role=_upper(role),
        code=code,
        root=root,
        quad=quads,
        modality=modality,
        place=place,
        q=q,
        article=article,
        located=located,
        unique=unique,
    )
