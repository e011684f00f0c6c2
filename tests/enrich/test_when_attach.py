"""Which date expression an event takes: its own clause first, never another clause's."""

from __future__ import annotations

from thucydides.enrich.when import DateAttacher


def _date(nlp, article, make_event, text: str, word: str, date: str | None = "2025-03-24"):
    doc = nlp(text)
    art = article(text, date)
    event = make_event(doc, word)
    event.date = art.date
    DateAttacher(doc, art).attach(event, doc)
    return event


def test_on_sunday(nlp, article, make_event) -> None:
    e = _date(nlp, article, make_event, "Turkish police detained 1,879 protesters in Istanbul on Sunday.", "detained")
    assert (e.date, e.date_precision, e.date_text) == ("2025-03-23", "day", "Sunday")


def test_relative_clause_keeps_its_date(nlp, article, make_event) -> None:
    text = ("Rubio, who met Fidan in Washington on March 25, said he had raised concerns "
            "after the arrest of the mayor on March 23.")
    met = _date(nlp, article, make_event, text, "met", date="2025-03-27")
    assert met.date == "2025-03-25"
    arrest = _date(nlp, article, make_event, text, "arrest", date="2025-03-27")
    assert arrest.date == "2025-03-23"
    said = _date(nlp, article, make_event, text, "said", date="2025-03-27")
    assert said.date != "2025-03-25"  # the relative clause's date does not leak out


def test_since_gives_a_start(nlp, article, make_event) -> None:
    e = _date(nlp, article, make_event, "The mayor has been held since March 19.", "held")
    assert (e.date, e.date_precision) == ("2025-03-19", "day")
    assert e.date_text == "since March 19"


def test_year_and_month(nlp, article, make_event) -> None:
    e = _date(nlp, article, make_event, "Protesters clashed with police in 2019.", "clashed")
    assert (e.date, e.date_precision) == ("2019-01-01", "year")
    e = _date(nlp, article, make_event, "The army attacked the town earlier this month.", "attacked")
    assert (e.date, e.date_precision) == ("2025-03-01", "month")


def test_yesterday_and_last_week(nlp, article, make_event) -> None:
    e = _date(nlp, article, make_event, "Iran condemned the strike yesterday.", "condemned")
    assert (e.date, e.date_precision) == ("2025-03-23", "day")
    e = _date(nlp, article, make_event, "Russia and China held talks last week.", "held")
    assert (e.date, e.date_precision) == ("2025-03-17", "week")


def test_no_date_keeps_the_article_date(nlp, article, make_event) -> None:
    e = _date(nlp, article, make_event, "Police arrested the mayor.", "arrested")
    assert (e.date, e.date_precision, e.date_text) == ("2025-03-24", "article", None)


def test_future_and_durations_fall_back(nlp, article, make_event) -> None:
    e = _date(nlp, article, make_event, "Police detained the 17-year-old for three days.", "detained")
    assert e.date_precision == "article"
    e = _date(nlp, article, make_event, "The ministers will meet next week.", "meet")
    assert (e.date, e.date_precision) == ("2025-03-24", "article")


def test_the_datelines_date_is_no_events_date(nlp, article, make_event) -> None:
    text = ("CULIACAN, Mexico, Aug 21 (Reuters) - Mexican soldiers arrested a senior commander of the "
            "cartel in a raid on Wednesday, the minister said.")
    e = _date(nlp, article, make_event, text, "arrested", date="2025-08-21")
    assert (e.date, e.date_text) == ("2025-08-20", "Wednesday")


def test_a_duration_in_hours_is_no_date(nlp, article, make_event) -> None:
    text = "Students blocked a highway junction in Belgrade for 15 hours on Monday."
    e = _date(nlp, article, make_event, text, "blocked", date="2025-03-11")
    assert (e.date, e.date_text) == ("2025-03-10", "Monday")


def test_an_ing_participle_happens_when_its_clause_does(nlp, article, make_event) -> None:
    text = "On Sunday night, riot police fired tear gas at thousands of students rallying outside city hall."
    e = _date(nlp, article, make_event, text, "rallying", date="2025-03-24")
    assert e.date == "2025-03-23"
