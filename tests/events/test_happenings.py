"""One event per happening: later mentions of a protest or an arrest join the first."""

from __future__ import annotations

from thucydides.model import Article
from thucydides.pipeline import Pipeline

STORY = (
    "BELGRADE, March 16 (Reuters) - Tens of thousands of people joined protests in Belgrade on Saturday "
    "against President Aleksandar Vucic's government.\n\n"
    "The protests, the largest in years, were peaceful, police said.\n\n"
    "Opposition politician Dragan Petrovic was arrested on Friday. A court sentenced him on Sunday to 30 days "
    "in jail. His arrest drew criticism from the European Union."
)


def _events(pipeline: Pipeline, text: str = STORY):
    return pipeline.code_article(Article(text=text, date="2025-03-16", id="happenings"))


def test_mentions_of_one_protest_are_one_event(pipeline: Pipeline) -> None:
    protests = [e for e in _events(pipeline) if e.root == "14"]
    assert len(protests) == 1, [(e.code, e.event_text.text, e.sentence_index) for e in protests]
    assert protests[0].source.code == "SRBCVL" and protests[0].target.code.startswith("SRB")
    # The merged mentions stay with the event, as evidence.
    spans = [protests[0].event_text, *protests[0].mentions]
    assert sorted(span.text.lower() for span in spans) == ["protests", "protests"]
    assert all(STORY[span.start:span.end] == span.text for span in spans)


def test_the_arrest_and_its_later_mention_are_one_event_but_the_sentence_is_another(pipeline: Pipeline) -> None:
    coded = [(e.code, e.source.code if e.source else None, e.event_text.text) for e in _events(pipeline)]
    arrests = [c for c in coded if c[0] == "173" and c[1] == "SRBCOP"]
    assert len(arrests) == 1, coded  # "was arrested" ... "His arrest"
    assert any(c[1] == "SRBJUD" for c in coded), coded  # the court's sentence is its own happening


def test_a_protest_with_no_protesters_named_is_by_the_people_against_their_government(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Protests erupted in Tbilisi on Thursday after the vote.")
    assert [(e.code[:2], e.source.code, e.source.implied, e.target.code) for e in events] == [
        ("14", "GEOCVL", True, "GEOGOV")]


def test_another_rally_is_another_happening(pipeline: Pipeline) -> None:
    text = ("Thousands of students rallied in Belgrade on Saturday. On Monday, farmers held another rally "
            "in Novi Sad.")
    assert len([e for e in _events(pipeline, text) if e.root == "14"]) == 2


def test_the_attack_condemned_later_is_the_violence_reported_before(pipeline: Pipeline) -> None:
    text = ("ABUJA, April 2 (Reuters) - Gunmen opened fire on residents of a farming village in Nigeria's "
            "Zamfara state on Tuesday, police said.\n\n"
            "President Bola Tinubu condemned the attack.")
    events = pipeline.code_article(Article(text=text, date="2025-04-02", id="attack"))
    fights = [e for e in events if e.root == "19"]
    assert len(fights) == 1 and fights[0].source is not None, [(e.code, e.event_text.text) for e in events]
    assert [m.text for m in fights[0].mentions] == ["attack"]


def test_two_acts_of_one_sentence_with_one_code_and_dyad_are_one_happening(pipeline: Pipeline) -> None:
    text = ("JAKARTA, Aug 29 (Reuters) - Protesters clashed with riot police and threw stones at police "
            "officers in Jakarta on Friday.")
    riots = [e for e in pipeline.code_article(Article(text=text, date="2025-08-29", id="riot")) if e.root == "14"]
    assert len(riots) == 1 and riots[0].source.code == "IDNCVL", [(e.code, e.event_text.text) for e in riots]
    assert len(riots[0].mentions) == 1


def test_a_bare_statement_bound_to_an_event_is_part_of_its_telling(every_statement_pipeline: Pipeline) -> None:
    text = ("Israel carried out an air strike on militants in southern Lebanon on Tuesday, the Israeli "
            "military said, in the first strike on the area in months. The ministry also said it expected calm.")
    coded = [(e.code, e.event_text.text, e.sentence_index) for e in _events(every_statement_pipeline, text)]
    assert any(c[0] == "195" for c in coded), coded
    # "said" tells of the strikes, no statement of its own; the second "said" tells
    # of no event and stays a statement.
    assert [c[2] for c in coded if c[0] == "010"] == [1], coded


def test_a_statement_coordinated_with_another_act_is_its_own_act(pipeline: Pipeline) -> None:
    text = "Guinea's president expressed concern over the violence and declared three days of mourning."
    assert "010" in [e.code for e in _events(pipeline, text)]



def test_a_later_mention_whose_actor_is_only_the_country_joins_the_happening(pipeline) -> None:
    text = ("CARACAS, Jan 9 (Reuters) - Venezuelan security forces briefly detained opposition leader "
            "Maria Fernanda Rojas on Thursday after she addressed a rally in Caracas.\n\n"
            "The U.S. State Department condemned Rojas's detention.")
    arrests = [e for e in pipeline.code_text(text, date="2025-01-09") if e.code.startswith("17")]
    assert len(arrests) == 1 and [m.text for m in arrests[0].mentions] == ["detention"], \
        [(e.code, e.target, e.mentions) for e in arrests]


def test_the_crackdown_named_after_the_arrests_is_no_second_act(pipeline) -> None:
    text = ("ISTANBUL, March 27 (Reuters) - Turkish police have arrested 1,879 individuals since the protests began. "
            "Rubio said the United States wanted a stable Turkey but was troubled by the crackdown.")
    events = pipeline.code_text(text, date="2025-03-27")
    # "the crackdown" is the arrests named again, not a second act of repression
    assert [e.code for e in events if e.code.startswith("17")] == ["173"], \
        [(e.code, e.source, e.target) for e in events]


def test_an_act_a_speaker_calls_by_a_harsh_name_is_judged_not_done_again(pipeline: Pipeline) -> None:
    text = ("LIMA, June 3 (Reuters) - Shining Path rebels ambushed an army patrol in the VRAEM valley on Sunday, "
            "killing three soldiers.\n\n"
            "\"This was a barbaric attack on our soldiers,\" Peru's defence minister said on Monday.")
    events = [(e.code, e.source.code if e.source else None, e.target.code if e.target else None,
               "barbaric" in e.sentence_text) for e in _events(pipeline, text)]
    assert any(c == "111" and s.startswith("PER") and t == "PERREB" and quoted for c, s, t, quoted in events), events
    assert not [e for e in events if e[3] and e[0][:2] in {"18", "19"}], events  # no second attack


def test_feelings_about_an_act_criticise_its_agent_and_a_wire_service_is_no_antecedent(pipeline: Pipeline) -> None:
    text = ("KABUL, June 3 (AFP) - Taliban fighters shot dead four protesters in Herat on Sunday, a witness "
            "told AFP, asking not to be named.\n\n"
            "The Taliban government denied shooting at the crowd, saying its fighters had come under fire.\n\n"
            "\"We are appalled by the killings,\" the European Union said.")
    events = [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
              for e in _events(pipeline, text)]
    assert any(c == "111" and s == "IGOEUR" and t and t.startswith("AFG") for c, s, t in events), events
    assert not [e for e in events if e[0].startswith("02")], events  # asking not to be named is no appeal
    assert not [e for e in events if (e[2] or "").startswith("FRA")], events  # "its" is not AFP's
    denials = [t for c, _, t in events if c == "016"]
    assert denials and all(not (t or "").endswith("REB") for t in denials), events  # what it said next is no target


def test_a_decision_welcomed_is_the_act_decided_not_a_reply_to_it(pipeline: Pipeline) -> None:
    text = ("BRUSSELS, June 20 (Reuters) - The European Union on Friday imposed new sanctions on Belarus.\n\n"
            "Minsk condemned the measures as illegal. Lithuania welcomed the decision.")
    events = [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
              for e in _events(pipeline, text)]
    assert ("051", "LTU", "IGOEUR") in events, events


def test_the_clash_blamed_on_one_side_is_the_fighting_reported_before(story) -> None:
    events = story("ISLAMABAD, March 12 (Reuters) - Indian and Pakistani troops exchanged artillery fire across the "
                   "Line of Control on Tuesday, officials said.\n\nA Pakistani army spokesman said Indian troops "
                   "had started the clash.", "2025-03-12")
    assert [e.code[:2] for e in events].count("19") == 2, [e.to_dict()["rule"] for e in events]  # each side's fire


def test_an_attack_the_organisation_claims_is_its_fighters_attack(story) -> None:
    events = story("PEMBA, Dec 10 (AFP) - Islamic State-linked insurgents stormed a village in Cabo Delgado on "
                   "Monday.\n\nIslamic State claimed responsibility for the attack on Tuesday.", "2025-12-10")
    assert [e.code[:2] for e in events].count("19") == 1, [e.to_dict()["rule"] for e in events]
