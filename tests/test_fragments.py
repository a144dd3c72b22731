"""An excerpt cut off by an ellipsis leaves a stub; a stub with no main clause is not a claim."""
import datetime as dt

from checker.extract.claims import extract_claims
from checker.models import Source


def _claims(text):
    return [c.text for c in extract_claims([Source(id="a", path="", text=text, published=dt.date(2024, 1, 2))])]


def test_a_stub_without_a_main_clause_at_the_end_is_dropped():
    lead = "The harbour authority closed the north pier on Tuesday.\n\n"
    for stub in ("Even as the town debates what to do with the old...", "To be sure, the cost that comes with such…",
                 "The vote on the harbour budget has...", "According to the ferry operator, Ms...."):
        assert _claims(lead + stub) == ["The harbour authority closed the north pier on Tuesday."], stub


def test_a_cut_sentence_that_still_says_something_is_kept():
    claims = _claims("The pier closed on Tuesday.\n\nThe mayor said on Friday that the pier will reopen in May "
                     "once the repairs to the...")
    assert any("reopen in May" in c for c in claims)


def test_an_ellipsis_inside_the_article_is_not_an_excerpt_cut():
    claims = _claims("The pier closed on Tuesday... The harbour authority then voted to sell it.")
    assert any("voted to sell" in c for c in claims) and any("closed on Tuesday" in c for c in claims)


def test_a_title_case_headline_is_read_as_a_sentence():
    text = ("Harbour Board Approves Sale Of North Pier To City\n\n"
            "The harbour board approved the sale of the north pier on Tuesday.")
    source = Source(id="a", path="", text=text, published=dt.date(2024, 1, 2),
                    title="Harbour Board Approves Sale Of North Pier To City")
    claims = extract_claims([source])
    headline = [c for c in claims if c.kind == "headline"]
    assert headline and headline[0].text.startswith("Harbour Board Approves Sale")
    assert headline[0].predicate and "approve" in headline[0].predicate


def test_a_headline_the_tagger_reads_as_a_row_of_names_is_still_a_claim():
    title = "Portugal and Spain Sue Morocco Over Fishing Rights"  # 'Sue' is tagged as a name, no verb is found
    text = f"{title}\n\nPortugal and Spain filed a suit against Morocco on Monday over fishing rights."
    claims = extract_claims([Source(id="a", path="", text=text, published=dt.date(2024, 1, 2), title=title)])
    headline = [c for c in claims if c.kind == "headline"]
    assert [(c.start, c.end) for c in headline] == [(0, len(title))]
    asking = "Partners or Rivals? Portugal and Spain Fishing Ties"
    claims = extract_claims([Source(id="a", path="", text=f"{asking}\n\n{text}", published=dt.date(2024, 1, 2))])
    assert not any(c.text.startswith("Partners") for c in claims)


def test_a_title_printed_twice_at_the_top_keeps_one_copy_as_the_headline():
    title = "Ferry Operator Cuts Winter Sailings to Islands"
    text = (f"{title}\n\n{title}\n\nThe ferry operator will cut its winter sailings to the islands by half, "
            "it said on Monday.\n\nResidents said the cuts would leave them without a service on Sundays.")
    claims = extract_claims([Source(id="a", path="", text=text, published=dt.date(2024, 1, 2), title=title)])
    headline = [c for c in claims if c.kind == "headline"]
    assert [c.start for c in headline] == [0]
    # a short line repeated further down the page is still furniture
    caption = "Photo: the ferry at the pier"
    text = f"{title}\n\nThe ferry operator cut its winter sailings.\n\n{caption}\n\nResidents objected.\n\n{caption}"
    claims = extract_claims([Source(id="a", path="", text=text, published=dt.date(2024, 1, 2), title=title)])
    assert not any("Photo" in c.text for c in claims)
