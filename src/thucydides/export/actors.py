"""Actors as the standard datasets describe them: sectors (ICEWS, POLECAT) and names."""

from __future__ import annotations

from ..model import Actor
from .geo import Geography
from .tables import sector_names

# Codes of organisations rather than countries: the organisation is a sector too.
_ORGANISATIONS = ("IGO", "NGO")


def sectors(actor: Actor) -> list[str]:
    """The actor's sector names: its role's ("Police"), and an international
    organisation's or NGO's own ("International Government Organizations")."""
    names = sector_names()
    out = [names[actor.role]] if actor.role in names else []
    kind = next((k for k in _ORGANISATIONS if (actor.code or "").startswith(k)), None)
    if kind and names.get(kind) and names[kind] not in out:
        out.append(names[kind])
    return out


def display_name(actor: Actor, geography: Geography) -> str:
    """The actor's name as ICEWS writes it: a named entity by its name, a sector of a
    country as "Police (Turkey)", else the actor's words."""
    country = geography.country(actor.country)
    names = sector_names()
    if actor.role in names and country is not None and actor.name in (None, country.name):
        return f"{names[actor.role]} ({country.name})"
    return actor.name or actor.text or (country.name if country else "")
