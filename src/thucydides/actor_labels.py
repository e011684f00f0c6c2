"""What an actor code stands for, in words: RUSGOV -> "Government of Russia", TURCOP ->
"Police of Turkey", IGOUNOGOV -> "Leadership of the United Nations", USA -> "United States".

A code names a role in a country (or an organisation), not a person: the events of RUSGOV
are those of whoever governed Russia that day, so a table of actors names the role, never
one office-holder's name. Built from the actor dictionary's country and organisation
tables and the CAMEO role codes, and light to import (no spaCy): the query layer uses it.
"""

from __future__ import annotations

from functools import lru_cache

from .datafiles import load_yaml, read_data

# CAMEO's role codes (the blocks after the country: `actors.ROLE_CODES`), named as the
# CAMEO manual's actor codebook names them.
ROLE_NAMES = {
    "GOV": "Government", "MIL": "Military", "COP": "Police", "JUD": "Judiciary", "LEG": "Legislature",
    "OPP": "Opposition", "PTY": "Political parties", "REB": "Rebels", "INS": "Insurgents",
    "UAF": "Unidentified armed forces", "SEP": "Separatists", "CVL": "Civilians", "MED": "Media",
    "BUS": "Business", "EDU": "Education", "REL": "Religious groups", "REF": "Refugees", "LAB": "Labour",
    "NGO": "Non-governmental organisations", "HLH": "Health", "CRM": "Criminals", "ELI": "Elites",
    "SPY": "Intelligence services", "AGR": "Agriculture", "HRI": "Human rights groups", "DEV": "Development",
    "ENV": "Environmental groups", "MOD": "Moderates", "RAD": "Radicals",
}  # fmt: skip
# An organisation's GOV is its leadership (the UN's Secretary-General), not a government.
_ORGANISATION_ROLE_NAMES = {"GOV": "Leadership"}
# Blocks that open a code without naming one organisation (NGOHLH: health NGOs).
_GENERIC = {"IGO": "Intergovernmental organisations", "NGO": "Non-governmental organisations",
            "IMG": "International militarized groups"}  # fmt: skip
# Country names read with "the" ("Government of the United States").
_THE_NAMES = {"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Vatican"}
_THE_STARTS = ("United ", "Democratic Republic", "Republic of", "Central African", "Czech", "Dominican")
_THE_ENDS = ("Islands", "Emirates", "Kingdom")


def actor_label(code: str, country: str | None = None, role: str | None = None) -> str:
    """The role and the country (or organisation) of an actor code, in words; the code
    itself when neither is known. `country` and `role` are the store's (they may say
    what the code does not, e.g. for a user's dictionary codes)."""
    organisation = _organisation(code)
    if organisation is not None:
        name, rest = organisation
        return _with_role(name, rest, role, organisation=True)
    countries = _country_names()
    if code[:3] in _GENERIC:
        kind, rest = _GENERIC[code[:3]], code[3:]
        role = _role(rest, role)
        return f"{kind} ({ROLE_NAMES[role].lower()})" if role else kind
    if country in countries and code.startswith(country):
        return _with_role(countries[country], code[3:], role, organisation=False)
    if code[:3] in countries:
        return _with_role(countries[code[:3]], code[3:], role, organisation=False)
    if country in countries:  # a code of a user's dictionary, placed in a country
        return _with_role(countries[country], code, role, organisation=False)
    role = _role(code, role)
    return ROLE_NAMES[role] if role else code


def _with_role(holder: str, rest: str, role: str | None, *, organisation: bool) -> str:
    """"Government of Russia"; the holder alone when the code names no role after it
    (an organisation's code that carries its role, IGOUNOREF, is that organisation)."""
    role = _role(rest, role) if rest else None
    if role is None:
        return holder
    role_name = _ORGANISATION_ROLE_NAMES.get(role, ROLE_NAMES[role]) if organisation else ROLE_NAMES[role]
    return f"{role_name} of {_with_article(holder, organisation)}"


def _role(rest: str, role: str | None) -> str | None:
    """The role of the code's last block, else the store's."""
    for candidate in (rest[-3:], role):
        if candidate in ROLE_NAMES:
            return candidate
    return None


def _organisation(code: str) -> tuple[str, str] | None:
    """(name, the code after it) of the longest organisation code that opens `code`."""
    organisations = _organisation_names()
    for n in range(len(code) - len(code) % 3, 5, -3):
        if code[:n] in organisations:
            return organisations[code[:n]], code[n:]
    return None


def _with_article(name: str, organisation: bool) -> str:
    if organisation:
        return name if " " not in name else f"the {name}"  # "NATO", "the United Nations"
    the = name in _THE_NAMES or name.startswith(_THE_STARTS) or name.endswith(_THE_ENDS)
    return f"the {name}" if the else name


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO alpha-3 -> the actor dictionary's name of the country."""
    return {code: entry["name"] for code, entry in load_yaml(read_data("actors/countries.yaml"))["countries"].items()}


@lru_cache(maxsize=1)
def _organisation_names() -> dict[str, str]:
    """Code -> name of the intergovernmental organisations and international armed
    groups: the first entry of each code (IGOUNO: the United Nations, not one of its
    councils). NGO codes are kinds of organisation (NGOHLH: health NGOs), left out."""
    entries = [*load_yaml(read_data("actors/igos.yaml"))["igos"].values(),
               *load_yaml(read_data("actors/groups.yaml"))["groups"].values()]  # fmt: skip
    names: dict[str, str] = {}
    for entry in entries:
        if str(entry.get("code", "")).startswith(("IGO", "IMG")):
            names.setdefault(entry["code"], entry["name"])
    return names
