"""Sentences → atomic claims: where sentences split, who is speaking, quotes, time."""
import datetime as dt

import pytest

from checker.extract.claims import extract_claims
from checker.models import Source


def claims_of(text, published="2023-07-17", **kw):
    src = Source(id="s", path="", text=text, published=dt.date.fromisoformat(published) if published else None, **kw)
    return extract_claims([src], layout=False)


def texts(claims, kind="assertion"):
    return [c.text for c in claims if c.kind == kind]


def test_subordinate_clause_with_its_own_subject_is_its_own_claim():
    cs = claims_of("Separately, South Korea said it also scrambled fighters after at least four Chinese and "
                   "four Russian warplanes entered its air defense zone on Tuesday.", "2022-05-24")
    assert len(texts(cs)) == 2
    warplanes = next(c for c in cs if "warplanes" in c.text)
    assert warplanes.time.start == dt.date(2022, 5, 24)
    assert all(c.attribution.speaker == "South Korea" for c in cs)


def test_coordinated_verb_phrases_split_but_either_or_does_not():
    cs = claims_of("The U.S. and its allies imposed stringent economic sanctions and sent heavy weaponry to Ukraine.")
    assert len(texts(cs)) == 2
    assert "The U.S. and its allies" in next(c for c in cs if "weaponry" in c.text).standalone
    cs = claims_of("Beijing has refused to either endorse or condemn the invasion.")
    assert len(texts(cs)) == 1
    assert cs[0].negated and cs[0].predicate == "endorse"


def test_conditional_is_never_split():
    cs = claims_of("“If Western countries change their minds and propose some form of cooperation, we can then "
                   "decide,” he added.")
    assert len(texts(cs)) == 1


def test_attribution_through_a_document_and_nested_speakers():
    cs = claims_of('Lavrov said Moscow and Beijing were maintaining "high-level exchanges", the Chinese '
                   "ministry's readout said.")
    a = cs[0].attribution
    assert a.speaker == "Lavrov" and a.via == "the Chinese ministry"
    cs = claims_of("According to a statement from China’s Defense Ministry, the maneuvers will take place in the "
                   "Sea of Japan.")
    assert cs[0].attribution.speaker.endswith("Defense Ministry")


def test_dated_statement_is_a_claim_of_its_own():
    cs = claims_of("China and Russia will organize joint maneuvers in the Sea of Japan, the Chinese Defense "
                   "Ministry announced this Sunday (16).", "2023-07-16")
    statement = next(c for c in cs if c.kind == "statement")
    assert statement.time.start == dt.date(2023, 7, 16)
    assert statement.text.endswith("this Sunday (16)")
    content = next(c for c in cs if c.kind == "assertion")
    assert content.time.origin == "tense" and content.time.start == dt.date(2023, 7, 16)


def test_quotes_and_pronoun_speakers_resolve_backwards():
    text = ("Citing a senior US official, the New York Times said Washington was tracking the drill. "
            "“This action makes it more provocative than in the past,” he said.")
    cs = claims_of(text, "2022-05-24")
    quoted = next(c for c in cs if c.quotes)
    assert quoted.attribution.speaker == "a senior US official"
    assert quoted.quotes[0].text.startswith("This action makes it more provocative")


def test_dated_event_named_in_passing_is_extracted():
    cs = claims_of("Since the February 2022 invasion of Ukraine, the two countries have grown closer.")
    event = next(c for c in cs if c.kind == "embedded_event")
    assert event.text == "the February 2022 invasion of Ukraine" and event.time.precision == "month"
    main = next(c for c in cs if c.kind == "assertion")
    assert main.time.start == dt.date(2022, 2, 1) and main.time.end == dt.date(2023, 7, 17)


def test_claim_offsets_point_into_the_source_text():
    text = "Header line\n\nFive warships took part in the drill on Tuesday, the ministry said. " \
           "The schedule has not been announced."
    src = Source(id="s", path="", text=text, published=dt.date(2023, 7, 18))
    for c in extract_claims([src]):
        for a, b in c.segments:
            assert text[a:b] in c.text


@pytest.mark.parametrize("line", ["Do you like this article?", "0 Comment(s)", "Related"])
def test_furniture_lines_make_no_claims(line):
    text = ("China and Russia held a joint naval drill in the Sea of Japan on Tuesday, the defence ministry said.\n"
            f"{line}\nFive warships took part in the exercise, which lasted three days.\n")
    src = Source(id="s", path="", text=text, published=dt.date(2023, 7, 18))
    assert not any(line[:10] in c.text for c in extract_claims([src]))


@pytest.mark.parametrize("text, negated", [
    ("A representative said she never recovered consciousness and died late on Thursday.",
     {"recover": True, "die": False}),
    ("\"I'm not sure all three were targeted, but there appeared to be some purpose,\" the chief said.",
     {"be sure": True, "appear": False}),
    ("The team is not healthy and it is affecting the players.", {"be healthy": True, "affect": False}),
    ("China has not condemned the invasion and has not endorsed it.", {"condemn": True, "endorse": True}),
])
def test_a_negation_stays_with_its_own_verb(text, negated):
    """'never recovered and died' does not deny the death: a false 'negation' discrepancy."""
    assert {c.predicate: c.negated for c in claims_of(text) if c.kind == "assertion"} == negated


def test_a_negation_covers_verbs_joined_by_or():
    cs = [c for c in claims_of("The suspect did not eat or drink for three days.") if c.kind == "assertion"]
    assert len(cs) == 1 and cs[0].negated


def test_a_description_of_a_named_speaker_is_a_claim_of_the_outlet_with_its_subject():
    cs = claims_of("Maria Lopez, a retired judge who led the state ethics board, said on Monday that the "
                   "county will close two courthouses.", "2024-03-20")
    described = next(c for c in cs if c.text.startswith("a retired judge"))
    assert described.standalone.startswith("Maria Lopez is a retired judge")
    assert described.attribution.speaker is None          # the outlet's words, not the judge's
    assert described.subject == "Maria Lopez"
    content = next(c for c in cs if "courthouses" in c.text)
    assert content.attribution.speaker == "Maria Lopez" and "retired judge" not in content.text


def test_a_description_inside_reported_speech_stays_reported_and_commas_do_not_pile_up():
    cs = claims_of("The mayor said that Tom Ruiz, the city's longest-serving council member, would retire in May.",
                   "2024-03-20")
    described = next(c for c in cs if c.text.startswith("the city's longest-serving"))
    assert described.attribution.speaker == "The mayor"
    retire = next(c for c in cs if "retire" in c.text)
    assert ", ," not in retire.standalone


def test_the_date_of_an_according_to_source_is_the_documents_not_the_claims():
    cs = claims_of("The museum drew roughly 90,000 visitors and sold 12,000 memberships from 2016 to 2019, "
                   "according to figures released Friday.", "2020-02-10")
    visitors = next(c for c in cs if "visitors" in c.text and c.kind == "assertion")
    assert visitors.time is None or visitors.time.start.year < 2020   # not the Friday of the release
    assert visitors.attribution.time is not None and visitors.attribution.time.start == dt.date(2020, 2, 7)


def test_a_title_before_a_name_is_a_description_claim_like_an_appositive():
    cs = claims_of("Former Vermont Gov. Ellen Marsh announced on Monday that she will run for the Senate. "
                   "Marsh, a former state treasurer, spoke in Burlington.", "2024-03-20")
    described = next(c for c in cs if c.text == "Former Vermont Gov. Ellen Marsh")
    assert described.standalone == "Ellen Marsh is Former Vermont Gov."
    assert described.subject == "Ellen Marsh" and described.attribution.speaker is None
    assert described.kind == "description"
    assert next(c for c in cs if c.text == "a former state treasurer").kind == "description"  # the appositive too
    run = next(c for c in cs if "run for the Senate" in c.text)
    assert run.start <= described.start and described.end <= run.end  # the clause keeps its words


@pytest.mark.parametrize("text", [
    "President Ellen Marsh announced on Monday that she will run again.",      # a bare office
    "Dr. Ellen Marsh announced on Monday that she will run again.",            # an honorific
    "Sen. Ellen Marsh announced on Monday that she will run again, and Sen. Ellen Marsh later repeated it.",
])
def test_a_bare_office_or_honorific_is_no_description(text):
    assert not [c for c in claims_of(text, "2024-03-20") if c.standalone.startswith("Ellen Marsh is")]


def test_a_person_is_described_by_the_same_title_once_per_article():
    cs = claims_of("Vermont Secretary of State Ellen Marsh certified the count on Monday. Later, "
                   "Vermont Secretary of State Ellen Marsh said the audit was complete.", "2024-03-20")
    assert len([c for c in cs if c.standalone.startswith("Ellen Marsh is")]) == 1


@pytest.mark.parametrize("dateline", ["Lyon (AP) – ", "Port Elizabeth, South Africa (Reuters) - ", "GENEVA (AFP) — "])
def test_a_dateline_is_not_part_of_the_first_claim(dateline):
    """'Lyon (AP) – The city's mayor promises ...' is the mayor's promise, not a description of Lyon."""
    text = f"{dateline}The city's mayor promises to rebuild the flooded bridge within two years.\n"
    src = Source(id="s", path="", text=text, published=dt.date(2023, 7, 18))
    claims = extract_claims([src])
    assert [c.kind for c in claims] == ["assertion"]
    assert claims[0].text.startswith("The city's mayor promises")


def test_a_party_label_in_brackets_is_not_a_dateline():
    text = "Smith (R-Ohio) – who chairs the committee – said the hearing would go ahead on Tuesday.\n"
    src = Source(id="s", path="", text=text, published=dt.date(2023, 7, 18))
    assert any(c.text.startswith("Smith") or "Smith" in (c.attribution.speaker or "") for c in extract_claims([src]))


def test_coordinated_verbs_after_a_preposition_stay_one_claim():
    """'by raising fares and cutting routes' is how the budget was balanced, not a claim
    'cutting routes' without a subject; two finite verbs still split."""
    assert texts(claims_of("The city balanced its budget by raising fares and cutting two bus routes.")) == \
        ["The city balanced its budget by raising fares and cutting two bus routes."]
    assert len(texts(claims_of("The mayor raised fares and cut two bus routes."))) == 2


@pytest.mark.parametrize("text,predicate,negated", [
    ("The council spokesman had to apologize on Saturday.", "apologize", False),
    ("The bakery did not have to pay the fine.", "have", True),  # no obligation is not 'did not pay'
])
def test_had_to_do_something_is_that_thing_done(text, predicate, negated):
    c = next(c for c in claims_of(text) if c.kind == "assertion")
    assert (c.predicate, c.negated) == (predicate, negated)


def test_a_date_in_what_a_participle_reports_is_the_claims_time():
    cs = claims_of("The mill released accounts showing that it had sold 4,000 tonnes of flour in 2019.")
    assert next(c for c in cs if "flour" in c.text).time.start == dt.date(2019, 1, 1)
