"""The country in focus: unqualified roles and implied agents take the country the
article is about at that point, a place in the event's own clause overriding it."""

from __future__ import annotations

from thucydides.events.focus import CountryFocus, FocusWeights
from thucydides.model import Article
from thucydides.pipeline import Pipeline

TURKEY_STORY = (
    "ISTANBUL, March 27 (Reuters) - Turkish authorities have arrested 1,879 people since protests began "
    "over the detention of Istanbul Mayor Ekrem Imamoglu, the interior minister said on Thursday.\n\n"
    "U.S. Secretary of State Marco Rubio, who met with Turkish Foreign Minister Hakan Fidan in Washington "
    "on March 25, said he had raised concerns over the detention of protesters.\n\n"
    "The government has called the protests illegal."
)


def _events(pipeline: Pipeline, text: str, date: str = "2025-03-27"):
    return pipeline.code_article(Article(text=text, date=date, id="focus"))


def test_an_implied_agent_belongs_to_the_story_not_to_a_meeting_place(pipeline: Pipeline) -> None:
    events = _events(pipeline, TURKEY_STORY)
    detention = [e for e in events if e.event_text.text == "detention" and e.sentence_index == 2]
    assert detention, [(e.code, e.event_text.text) for e in events]
    assert detention[0].source.code == "TURCOP" and detention[0].source.implied
    assert detention[0].target.code == "TURCVL"


def test_a_place_in_the_events_own_clause_beats_the_focus(pipeline: Pipeline) -> None:
    text = TURKEY_STORY + "\n\nIn Washington, police arrested five protesters outside the Turkish embassy."
    arrests = [e for e in _events(pipeline, text) if e.event_text.text == "arrested" and "Washington" in e.sentence_text]
    assert arrests and arrests[0].source.code == "USACOP", [(e.code, e.source) for e in arrests]


def test_an_organisation_the_actor_base_does_not_know_takes_the_country_in_focus(pipeline: Pipeline) -> None:
    text = ("PORT SUDAN, Feb 14 (Reuters) - Sudan's Rapid Support Forces shelled a camp near El Fasher on Thursday.\n\n"
            "The Hadhreen Initiative accused the RSF of targeting civilians.")
    accusations = [e for e in _events(pipeline, text, "2025-02-14") if e.code.startswith("112")]
    assert accusations and accusations[0].source.code == "SDN", [(e.code, e.source) for e in accusations]


def test_a_person_the_actor_base_does_not_know_takes_the_country_in_focus(pipeline: Pipeline) -> None:
    text = ("MINSK, May 2 (Reuters) - A Belarusian court jailed an opposition activist for five years on Friday.\n\n"
            "Andrei Yatsko criticised the verdict.")
    criticism = [e for e in _events(pipeline, text, "2025-05-02") if e.code.startswith("11")]
    assert criticism and criticism[0].source.code == "BLR" and criticism[0].source.text == "Andrei Yatsko", \
        [(e.code, e.source) for e in criticism]
    # with no country to place him, no event is invented
    assert _events(pipeline, "Andrei Yatsko criticised the verdict.") == []


def test_the_focus_follows_the_dateline_and_the_mentions(pipeline: Pipeline) -> None:
    doc = pipeline.nlp(TURKEY_STORY)
    focus = pipeline.coder.focus(doc, Article(text=TURKEY_STORY, date="2025-03-27"))
    # The Rubio sentence names the US three times and Turkey twice, but the story is Turkish.
    assert [focus.at(i) for i in range(4)] == ["TUR", "TUR", "TUR", "TUR"]


def test_a_story_without_a_dateline_follows_its_nearest_mentions() -> None:
    mentions = [[("USA", 1.0)], [("USA", 1.0)], [("VEN", 1.0), ("VEN", 1.0)], [], []]
    focus = CountryFocus(mentions, dateline=None, weights=FocusWeights())
    assert focus.at(0) == "USA"
    assert focus.at(3) == "VEN"  # two recent mentions outweigh two older ones


def test_no_country_is_invented() -> None:
    assert CountryFocus([[], []], dateline=None, weights=FocusWeights()).at(1) is None


def test_the_weights_are_data() -> None:
    weights = FocusWeights.from_data({"dateline": 10, "decay": 0.1})
    assert weights.dateline == 10.0 and weights.decay == 0.1 and weights.place == 1.0


def test_an_agentless_release_is_the_act_of_the_state_in_context(pipeline: Pipeline) -> None:
    text = ("TEHRAN, April 17 (Reuters) - Iran's judiciary said a French citizen held since 2022 on "
            "espionage charges had been released and was on his way home.")
    releases = [e for e in _events(pipeline, text, "2025-04-17") if e.code == "0841"]
    assert releases and releases[0].source.code == "IRNGOV" and releases[0].source.implied, releases
    assert releases[0].target.code == "FRACVL"


def test_a_country_that_says_whose_someone_is_is_no_place_of_the_clause(pipeline: Pipeline) -> None:
    text = ("MINSK, July 2 (AP) - Belarus freed 14 political prisoners on Wednesday after a visit to Minsk "
            "by a senior U.S. envoy, the exiled opposition said.")
    freed = [e for e in _events(pipeline, text, "2025-07-02") if e.code == "0841"]
    assert freed and freed[0].target.code == "BLROPP", [(e.code, e.target) for e in freed]


def test_a_country_whose_things_are_acted_on_is_no_place_of_the_clause(pipeline: Pipeline) -> None:
    text = "Protesters attacked the embassies of Rwanda, France and the United States in Kinshasa on Tuesday."
    attacks = [e for e in _events(pipeline, text, "2025-01-28") if e.root in {"14", "19"}]
    assert attacks and all(e.source.code == "CODCVL" for e in attacks), [(e.code, e.source) for e in attacks]


def test_a_bombing_without_an_agent_is_the_unidentified_forces_of_its_place(pipeline: Pipeline) -> None:
    text = "A car bomb exploded outside a police station in Kandahar on Monday, killing four officers."
    killings = [e for e in _events(pipeline, text, "2024-05-06") if e.root == "18"]
    assert killings and all(e.source.code == "AFGUAF" and e.source.implied for e in killings), killings


def test_violence_without_an_agent_or_a_bomb_has_no_implied_source(pipeline: Pipeline) -> None:
    text = "Four officers were killed outside a police station in Kandahar on Monday."
    killings = [e for e in _events(pipeline, text, "2024-05-06") if e.root == "18"]
    assert killings and all(e.source is None for e in killings), killings


def test_an_ethnic_people_belongs_to_the_country_where_it_lives(pipeline: Pipeline) -> None:
    text = "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday."
    killings = [e for e in _events(pipeline, text, "2001-02-02") if e.root == "19"]
    assert killings and killings[0].target.code == "SRBCVL", killings


def test_people_named_only_by_a_clause_are_civilians_of_the_story(pipeline: Pipeline) -> None:
    text = ("ISTANBUL, March 24 (Reuters) - Turkish police have detained 1,133 people in five days of protests.\n\n"
            "The interior minister said 172 of those detained had been remanded in custody by courts.")
    remands = [e for e in _events(pipeline, text, "2025-03-24") if "remanded" in e.sentence_text and e.code == "173"]
    assert remands and remands[0].target.code == "TURCVL" and remands[0].source.code == "TURJUD", remands


def test_an_acronym_defined_in_brackets_names_the_phrases_actor(pipeline: Pipeline) -> None:
    # a party the actor base does not know (the PTI is known: PAKOPP in 2024)
    text = ("Police arrested 400 supporters of the Jamiat Ulema-e-Islam (JUI) party in Lahore. "
            "The JUI said the arrests were illegal.")
    judged = [e for e in _events(pipeline, text, "2024-10-03") if e.code.startswith("11")]
    assert judged and judged[0].source.code == "PAKPTY", judged


def test_a_dateline_in_an_institutions_city_counts_less_than_the_story(pipeline: Pipeline) -> None:
    text = ("BRUSSELS, June 10 (Reuters) - The European Union imposed sanctions on Tuesday on 12 Iranian "
            "officials over the crackdown on protesters.")
    crackdowns = [e for e in _events(pipeline, text, "2025-06-10") if e.code.startswith("175")]
    assert crackdowns and crackdowns[0].source.code == "IRNGOV", [(e.code, e.source) for e in crackdowns]
    # an ordinary capital's dateline still places the story
    text = "NAIROBI, June 10 (Reuters) - Police detained 40 protesters on Tuesday."
    arrests = [e for e in _events(pipeline, text, "2025-06-10") if e.code.startswith("173")]
    assert arrests and arrests[0].source.code == "KENCOP", arrests


def test_a_role_the_country_in_focus_would_make_the_source_itself_takes_the_next_country(pipeline) -> None:
    from thucydides.model import Article

    text = ("ADDIS ABABA, Oct 2 (Reuters) - Ethiopia and Eritrea agreed on Thursday to reopen their border. "
            "Prime Minister Abiy Ahmed arrived on Wednesday for a two-day visit, his first since 2023, "
            "and met President Isaias Afwerki.")
    events = pipeline.code_article(Article(text=text, date="2025-10-02", id="runner-up"))
    meetings = [(e.source.code, e.target.code) for e in events if e.code.startswith("04") and e.target]
    assert ("ETHGOV", "ERIGOV") in meetings, meetings


def test_a_wire_service_quoted_in_the_story_places_nothing(pipeline: Pipeline) -> None:
    # no dateline: "AFP" (French) would otherwise be the only country named before the junta
    text = ("A resident of the village told AFP by phone that the school had been hit.\n\n"
            "The junta denied targeting civilians, saying its aircraft had attacked a rebel base in Sagaing.")
    doc = pipeline.nlp(text)
    focus = pipeline.coder.focus(doc, Article(text=text, date="2025-03-01"))
    assert focus.at(0) != "FRA"


def test_a_washington_dateline_is_a_hub_for_a_story_about_another_country(pipeline: Pipeline) -> None:
    text = ("WASHINGTON, March 27 (Reuters) - U.S. Secretary of State Marco Rubio, who met with Turkish Foreign "
            "Minister Hakan Fidan in Washington on March 25, said he had raised concerns over the detention of "
            "protesters after the arrest of Istanbul's mayor on March 23.\n\n"
            "Turkish authorities have arrested 1,879 individuals since the protests began, Interior Minister "
            "Ali Yerlikaya said.")
    detentions = [e for e in _events(pipeline, text) if e.code.startswith("17")]
    assert detentions and all(e.source.code.startswith("TUR") for e in detentions), \
        [(e.code, e.source, e.target) for e in detentions]


def test_a_sentence_that_opens_on_a_place_is_told_of_its_country(pipeline: Pipeline) -> None:
    text = ("KYIV, Aug 12 (AP) - Russian forces launched a barrage of missiles at Ukraine's energy grid "
            "overnight, Ukrainian officials said on Monday.\n\n"
            "In Moscow, the Defence Ministry said its troops had captured the village of Novoselivka.")
    captures = [e for e in _events(pipeline, text, "2024-08-12") if e.code.startswith("19") and e.sentence_index == 1]
    assert captures and captures[0].source.code.startswith("RUS"), [(e.code, e.source) for e in captures]


def test_an_igo_seat_named_in_the_story_counts_as_little_as_a_dateline_hub(pipeline: Pipeline) -> None:
    text = ("Police detained 63 protesters in Tbilisi on Monday. The prime minister said Brussels was "
            "interfering.\n\nPolice detained 12 more people.")
    doc = pipeline.nlp(text)
    focus = pipeline.coder.focus(doc, Article(text=text, date="2025-05-20"))
    # "Brussels" just before had outweighed "Tbilisi" a sentence earlier.
    assert focus.at(2) == "GEO"


def test_police_that_detain_officers_detain_their_own_countrys_police(pipeline: Pipeline) -> None:
    text = ("JAKARTA, Aug 29 (Reuters) - Protesters set fire to a police post in Jakarta on Friday.\n\n"
            "Seven officers who were in the vehicle have been detained by the police's internal affairs division.")
    detained = [e for e in _events(pipeline, text, "2025-08-29") if e.code == "173"]
    assert detained and (detained[0].source.code, detained[0].target.code) == ("IDNCOP", "IDNCOP"), detained
