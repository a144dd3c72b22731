"""Relative dates resolve against the publication date into intervals with their precision."""
import datetime as dt

import pytest

from checker.extract.normalize.time import bounded, intersect, resolve

D = dt.date.fromisoformat


@pytest.mark.parametrize("text,published,start,end,precision", [
    ("on Tuesday", "2022-05-24", "2022-05-24", "2022-05-24", "day"),        # published on a Tuesday: that day
    ("Saturday", "2023-07-17", "2023-07-15", "2023-07-15", "day"),
    ("Thursday (13)", "2023-07-16", "2023-07-13", "2023-07-13", "day"),
    ("this Sunday (16)", "2023-07-16", "2023-07-16", "2023-07-16", "day"),
    ("Sunday (July 16)", "2023-07-17", "2023-07-16", "2023-07-16", "day"),
    ("last month", "2023-07-17", "2023-06-01", "2023-06-30", "month"),
    ("last month", "2023-04-14", "2023-03-01", "2023-03-31", "month"),
    ("last year", "2023-07-17", "2022-01-01", "2022-12-31", "year"),
    ("February 2022", "2023-07-17", "2022-02-01", "2022-02-28", "month"),
    ("February 24", "2022-05-24", "2022-02-24", "2022-02-24", "day"),
    ("March", "2023-07-17", "2023-03-01", "2023-03-31", "month"),
    ("next week", "2023-04-14", "2023-04-17", "2023-04-23", "week"),
    ("August 30", "2022-08-13", "2022-08-30", "2022-08-30", "day"),        # near and ahead, not a year back
    ("May 16 and 17", "2021-06-02", "2021-05-16", "2021-05-17", "range"),  # dateparser read 1917
    ("2019, 2020, and 2021", "2022-05-24", "2019-01-01", "2021-12-31", "range"),
    ("the first seven months of 2022", "2022-08-13", "2022-01-01", "2022-07-31", "range"),
    ("earlier this year", "2022-05-24", "2022-01-01", "2022-05-24", "range"),
    ("5 days ago", "2022-08-18", "2022-08-13", "2022-08-13", "day"),
    ("in recent months", "2023-07-16", "2023-01-14", "2023-07-16", "range"),
    # "the past week" runs up to the day of writing (it holds a Friday of that week), "last week" is the week before
    ("over the past week", "2021-03-12", "2021-03-05", "2021-03-12", "range"),
    ("in the last week", "2021-03-12", "2021-03-05", "2021-03-12", "range"),
    ("last week", "2021-03-12", "2021-03-01", "2021-03-07", "week"),
    ("the past month", "2021-03-12", "2021-02-10", "2021-03-12", "range"),
])
def test_resolves_news_dates(text, published, start, end, precision):
    span = resolve(text, D(published))
    assert (span.start, span.end, span.precision) == (D(start), D(end), precision)


@pytest.mark.parametrize("text", ["two decades", "69-year-old", "for years", "13-hour", "49", "16 and", "16 and 13", "50s", "early 60s"])
def test_durations_and_vague_expressions_are_not_times(text):
    assert resolve(text, D("2023-07-17")) is None


def test_future_tense_looks_ahead():
    assert resolve("Sunday", D("2023-07-12"), tense="future").start == D("2023-07-16")


def test_future_tense_still_reads_a_nearer_past_date_as_past():
    # "will investigate the March 3 attack", published in late August: March 3 is the past one.
    assert resolve("March 3", D("2024-08-28"), tense="future").start == D("2024-03-03")
    assert resolve("December 3", D("2024-08-28"), tense="future").start == D("2024-12-03")


def test_since_runs_to_publication_and_lists_cover_their_members():
    since = resolve("since 2019", D("2023-07-17"))
    assert (since.start, since.end) == (D("2019-01-01"), D("2023-07-17"))
    before = bounded(resolve("May 24", D("2022-06-01")), "before", D("2022-06-01"))
    assert before.end == D("2022-05-24") and before.start < D("2000-01-01")
    june, july = resolve("June 2023", None), resolve("July 13, 2023", None)
    both = intersect([june, july])
    assert both.start == D("2023-06-01") and both.end == D("2023-07-13")


def _times_of(text: str, published: str) -> dict[str, object]:
    """Each assertion claim's time, by its text, from one article published on `published`."""
    from checker.extract.claims import extract_claims
    from checker.models import Source

    claims = extract_claims([Source(id="a", path="", text=text, published=dt.date.fromisoformat(published))],
                            layout=False)
    return {c.text: c.time for c in claims if c.kind == "assertion"}


def test_going_back_to_a_year_is_a_time_since_that_year():
    [time] = _times_of("The ferry company released its accounts going back to 2009.", "2024-01-02").values()
    assert time.start == dt.date(2009, 1, 1) and time.end >= dt.date(2024, 1, 1)


def test_ahead_of_a_dated_event_is_a_time_before_it():
    """'... ahead of the 2026 regional elections' happens before them, not during or since 2026."""
    [time] = _times_of("The council redrew its ward boundaries ahead of the 2026 regional elections.",
                       "2025-03-04").values()
    assert time.start < dt.date(2000, 1, 1) and time.end == dt.date(2026, 12, 31)


def test_the_point_a_change_is_measured_from_does_not_date_the_claim():
    """'down from 6.1% in March' and 'up from a year ago' are baselines: the claim is the new
    figure's, so two outlets' 'fell to 5.8% in April' and 'fell to 5.8% from 6.1% in March'
    are not kept apart by their dates."""
    times = _times_of("The jobless rate in the province fell to 5.8% from 6.1% in March. "
                      "Ferry fares have risen 9 percent from a year ago. "
                      "The clinic treated 312 more patients than in 2020.", "2023-05-10")
    assert all(t is None for t in times.values()), times


def test_a_date_in_what_a_document_shows_dates_the_claim_not_the_release():
    times = _times_of("In the accounts, released late Tuesday, the papers show the trust has spent "
                      "$12 million on consultants since 2016.", "2022-03-03")
    [time] = times.values()
    assert time.start == D("2016-01-01") and time.end == D("2022-03-03")


def test_a_date_on_a_persons_title_and_an_anaphoric_month_are_not_the_claims_time():
    times = _times_of("Protesters gathered outside the office of the 2019 runner-up Maria Okafor. "
                      "She entered the race in 2014. She left the race that June.", "2023-09-01")
    protest, entered, left = times.values()
    assert protest is None  # not 2019: that is when she was runner-up
    assert entered.start == D("2014-01-01")
    assert left is None  # not June 2023: 'that June' is a June named before


def test_a_span_of_years_the_tagger_halves_is_read_whole():
    [time] = _times_of("The orchard exported 40 tonnes of apples from 2011 to 2015.", "2020-01-01").values()
    assert (time.start, time.end) == (D("2011-01-01"), D("2015-12-31"))
    assert resolve("2011 through 2015", None).end == D("2015-12-31")


def test_a_month_without_a_year_told_in_the_past_lies_before_publication():
    # published in December: "in February" nearest ahead is next February, but a past tense rules it out
    assert resolve("February", D("2023-12-04")).start == D("2024-02-01")
    assert resolve("February", D("2023-12-04"), tense="past").start == D("2023-02-01")
    assert resolve("Jan. 31", D("2023-12-04"), tense="past").start == D("2023-01-31")
    assert resolve("Dec. 3", D("2023-12-04"), tense="past").start == D("2023-12-03")
    times = _times_of("The harbour master resigned in February. The ferry line has run since January. "
                      "The mayor said the new quay would open in February. "
                      "The council has scheduled a hearing on Jan. 12. "
                      "The board extended the toll waiver through Jan. 31.", "2023-12-04")
    start = {text.split()[1]: t.start if t else None for text, t in times.items()}
    assert start["harbour"] == D("2023-02-01")   # simple past
    assert start["ferry"] == D("2023-01-01")     # present perfect: since last January
    assert start["mayor"] == D("2024-02-01")     # "would open": still ahead
    assert start["council"] == D("2024-01-12")   # a hearing's date, on a noun, not the scheduling
    assert start["board"] == D("2024-01-31")     # a deadline may lie ahead
