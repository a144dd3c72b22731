"""The judge: numbers aligned by what they count, dates by precision, quotes by wording and
speaker, negation — and no false alarm on consistent pairs."""
import datetime as dt

import pytest

from checker.claims import extract_claims
from checker.judge import compare_claims
from checker.models import Source


def claim(text, published="2022-08-13"):
    src = Source(id="x", path="", text=text, published=dt.date.fromisoformat(published))
    return next(c for c in extract_claims([src], layout=False) if c.kind != "statement")


def verdict(a, b, pa="2022-08-13", pb="2022-08-13"):
    return compare_claims(claim(a, pa), claim(b, pb))


def test_counts_that_cannot_both_hold_differ_with_both_values_in_words():
    rel = verdict("At least four Chinese and four Russian warplanes entered the zone on Tuesday.",
                  "Two Chinese H-6 bombers and two Russian TU-95 bombers flew across the Sea of Japan.")
    assert (rel.relation, rel.kind) == ("differs", "number")
    assert "at least 4 Chinese" in rel.detail and "2 Chinese" in rel.detail


@pytest.mark.parametrize("a,b", [
    ("China sent five warships, including a guided-missile destroyer.",
     "China sent five Chinese warships, including a Qiqihar guided missile launcher."),
    ("More than 3,000 people were evacuated.", "Some 3,200 people were evacuated."),
    ("The storm killed 79 people.", "The storm took the lives of 79 people."),
    ("Trade rose to $20.83 billion.", "Trade rose to about $21 billion."),
    ("Twenty-five people were taken to hospitals.", "25 people were taken to hospitals."),
    ("The boat capsized two more times before he was rescued.", "His sailboat capsized three times."),
    ("Three members of the 11-person crew were rescued.", "11 crew members were on board."),
    ("There were 8,000 victims per day for 100 days.", "There were 800,000 victims."),
    ("Britain has about 4,100 troops in Iraq, after the United States, which has about 142,500.",
     "After the 142,500 US troops, Britain has the second-largest contingent: 4,100 troops."),
    ("Most lingerie has less than 4 % cotton.", "Most lingerie has 4 % cotton and less."),
    ("He broke two college records.", "He set 21 world records."),
    ("Natural gas could cut CO2 emissions by 20 %.", "The proposals could cut CO2 emissions by 97 %."),
])
def test_consistent_numbers_are_not_alarms(a, b):
    assert verdict(a, b).relation != "differs"


def test_five_versus_six_warships_differs():
    rel = verdict("China sent five warships to the drill.", "China sent six warships to the drill.")
    assert (rel.relation, rel.kind) == ("differs", "number")


def test_day_versus_month_is_partial_not_a_discrepancy():
    rel = verdict("Putin launched an offensive against Ukraine on February 24.",
                  "Putin attacked Ukraine in February 2022.", "2022-05-24", "2023-07-17")
    assert rel.relation == "partial"


def test_same_date_written_two_ways_corroborates():
    rel = verdict("China's top diplomat said July 13 that Beijing would strengthen ties with Russia.",
                  "Wang Yi said Thursday (13) that Beijing will strengthen its ties with Russia.",
                  "2023-07-17", "2023-07-16")
    assert rel.relation == "corroborates"


def test_the_same_quotation_worded_differently_is_a_quote_discrepancy():
    rel = verdict('"We have more and more areas where interests and plans converge, so I am looking to further '
                  'development with optimism," Lavrov said.',
                  "“We have more and more POIs and convergence plans, so I’m optimistic about future "
                  "developments,” Lavrov analyzed.")
    assert (rel.relation, rel.kind) == ("differs", "quote")


def test_a_quoted_fragment_is_consistent():
    rel = verdict('"Friendship between the two states has no limits," they said in a joint statement.',
                  'In a joint statement, the two agreed that there are "no limits" to "friendship".')
    assert rel.relation != "differs"


def test_one_quotation_for_two_speakers_is_an_attribution_discrepancy():
    rel = verdict("“This action makes it more provocative than in the past,” Kishi said.",
                  "“This action makes it more provocative than in the past,” Pelosi said.")
    assert (rel.relation, rel.kind) == ("differs", "attribution")


def test_negation_of_the_same_predicate_differs():
    rel = verdict("China condemned the invasion of Ukraine.", "China has not condemned the invasion of Ukraine.")
    assert (rel.relation, rel.kind) == ("differs", "negation")


def test_what_would_have_happened_does_not_deny_what_happened():
    """A counterfactual states no fact: 'would not have placed him on injured reserve if …'."""
    rel = verdict("The Saints placed Bush on injured reserve on Wednesday.",
                  "The Saints would not have placed Bush on injured reserve if they were still in the playoff race.")
    assert rel.kind != "negation"
    assert verdict("The Saints placed Bush on injured reserve on Wednesday.",
                   "The Saints did not place Bush on injured reserve on Wednesday.").kind == "negation"
