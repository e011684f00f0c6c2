"""Actor codes named by what they stand for (issue #16 item 7): a role in a country or an
organisation, never one office-holder."""

from __future__ import annotations

import pytest

from thucydides.actor_labels import ROLE_NAMES, actor_label
from thucydides.actors import ROLE_CODES


def test_every_cameo_role_has_a_name() -> None:
    assert set(ROLE_NAMES) == ROLE_CODES


@pytest.mark.parametrize(("code", "country", "role", "label"), [
    ("RUSGOV", "RUS", "GOV", "Government of Russia"),
    ("USAGOV", "USA", "GOV", "Government of the United States"),
    ("TURCOP", "TUR", "COP", "Police of Turkey"),
    ("CODGOV", "COD", "GOV", "Government of the Democratic Republic of the Congo"),
    ("USA", "USA", None, "United States"),
    ("IGOUNOGOV", None, "GOV", "Leadership of the United Nations"),  # an organisation's GOV: its leadership
    ("IGONATGOV", None, "GOV", "Leadership of NATO"),
    ("IGOEUR", None, None, "European Union"),
    ("IGOUNOREF", None, "REF", "UN High Commissioner for Refugees"),  # the role is the organisation's own
    ("IMGALQ", None, None, "al-Qaeda"),
    ("NGOHLH", None, "HLH", "Non-governmental organisations (health)"),
    ("GOV", None, "GOV", "Government"),
    ("KURREB", "TUR", "REB", "Rebels of Turkey"),  # a user's code: the store's country and role say it
    ("XYZ", None, None, "XYZ"),
])  # fmt: skip
def test_labels(code: str, country: str | None, role: str | None, label: str) -> None:
    assert actor_label(code, country, role) == label
