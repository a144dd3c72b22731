"""Property-based tests: arbitrary text never makes ingest, markdown masking, sentence and
claim splitting or the normalizers raise, and every offset a claim carries indexes its text.

The profile is fixed (derandomized, no example database, a few examples each) so CI sees the
same examples on every run.
"""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.ingest.read import ReadJob, read_source
from checker.extract.markup import mask_markdown
from checker.ingest.metadata import infer_metadata
from checker.models import Source
from checker.extract.normalize.quantities import extract_quantities, words_to_number
from checker.extract.normalize.time import resolve

FIXED = dict(derandomize=True, database=None, deadline=None, print_blob=False,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                    HealthCheck.function_scoped_fixture])

# News-like pieces (words that steer the parser into its rules: speech verbs, numbers, dates,
# quotes, markdown) mixed with arbitrary characters.
PIECES = ["said", "told", "according to", "the ministry", "Smith", "\"", "“", "”", "'", "five", "5", "1,200",
          "$3.5 million", "40%", "at least", "on Tuesday", "last month", "May 24", "2022", "in March 2023",
          "since", "after", "not", "never", ".", ",", ";", "—", "(", ")", "\n", "\n\n", "#", "**", "_", "[a](b)",
          "> ", "- ", "1. ", "<b>", "`", "ﬁ", "é", "\u200b", "\t", "\r\n", "    ", "!", "?", "…"]
noise = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=6).map(" ".join)
SUBJECTS = ["The ministry", "Smith", "Police", "At least 40 people", "The company", "She", "Officials in Kyiv",
            "“We will not leave,” the mayor", "Two Russian TU-95 bombers"]
VERBS = ["said", "killed", "sent", "did not confirm", "will hold", "told reporters", "denied", "rose by", "won"]
OBJECTS = ["five warships", "$3.5 million", "the vote", "40% of the seats", "that the talks had failed",
           "“the Republican party”", "about 1,200 troops", "the first such patrol", "nothing"]
TIMES = ["", "on Tuesday", "last month", "on May 24, 2022", "in March", "since 2019", "after the storm",
         "three days ago", "this Sunday (16)", "next year"]
sentence = st.tuples(noise, st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(OBJECTS),
                     st.sampled_from(TIMES), st.sampled_from([".", "!", "?", "", ".\"", "…"]), noise).map(
    lambda p: f"{p[0]} {p[1]} {p[2]} {p[3]} {p[4]}{p[5]} {p[6]}".strip())
paragraph = st.tuples(st.sampled_from(["", "# ", "> ", "- ", "**", "1. "]),
                      st.lists(sentence, min_size=1, max_size=4)).map(lambda p: p[0] + " ".join(p[1]))
news_text = st.lists(paragraph, max_size=5).map("\n\n".join)
any_text = st.one_of(news_text, st.text(max_size=300))


def _nlp():
    from checker.extract.sentences import load_nlp

    return load_nlp()


@settings(max_examples=60, **FIXED)
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".md", ".html", ""]))
def test_reading_any_bytes_gives_a_source_or_one_clear_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("in") / f"article{suffix}"
    path.write_bytes(data)
    got = read_source(ReadJob(path=str(path), id="a"))
    if isinstance(got, InputError):
        assert "\n" not in got.one_line()
    else:
        assert isinstance(got, Source) and got.text


@settings(max_examples=80, **FIXED)
@given(text=any_text)
def test_metadata_inference_never_raises(text):
    meta = infer_metadata(text)
    assert set(meta) <= {"outlet", "published", "url", "title"}


@settings(max_examples=150, **FIXED)
@given(text=any_text)
def test_markdown_masking_keeps_every_offset(text):
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert all(m == t or m == " " for m, t in zip(masked, text))


@settings(max_examples=40, **FIXED)
@given(text=news_text, markup=st.sampled_from(["text", "markdown"]),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))))
def test_claim_splitting_never_raises_and_offsets_index_the_text(text, markup, published):
    from checker.extract.claims import extract_claims

    source = Source(id="s", path="s.txt", text=text, markup=markup, published=published)
    claims = extract_claims([source])
    n = len(text)
    read = mask_markdown(text) if markup == "markdown" else text  # claims quote the words, not the markup
    assert len({c.id for c in claims}) == len(claims)
    for c in claims:
        assert 0 <= c.start < c.end <= n and text[c.start:c.end].strip()
        assert c.sentence[0] <= c.start and c.end <= c.sentence[1] <= n
        for a, b in c.segments:
            assert c.start <= a < b <= c.end
        joined = " … ".join(" ".join(read[a:b].split()) for a, b in c.segments)
        assert joined == c.text
        for q in c.quotes:
            assert read[q.start:q.end] == q.text
        for e in c.entities:
            assert 0 <= e.start <= e.end <= n
        for q in c.quantities:
            assert 0 <= q.start <= q.end <= n
        if c.attribution.start is not None:
            assert 0 <= c.attribution.start <= c.attribution.end <= n
        if c.time is not None:
            assert c.time.start <= c.time.end


@settings(max_examples=60, **FIXED)
@given(text=news_text)
def test_quantity_normalization_never_raises_and_points_into_the_text(text):
    doc = _nlp()(text)
    for q in extract_quantities(doc, set(range(len(doc))), 0):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.value == q.value  # not NaN


time_text = st.lists(st.one_of(st.sampled_from(["on", "last", "next", "this", "Tuesday", "May", "24", "2022", "(16)",
                                                 "week", "month", "year", "ago", "3", "days", "early", "late",
                                                 "the", "of", "1990s", "Q3", "-", "–", "/", "summer"]),
                               st.text(max_size=5)), max_size=8).map(" ".join)


@settings(max_examples=150, **FIXED)
@given(text=st.one_of(time_text, st.text(max_size=40)),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
       future=st.booleans())
def test_time_normalization_never_raises(text, published, future):
    span = resolve(text, published, tense="future" if future else None)
    if span is not None:
        assert span.start <= span.end


@settings(max_examples=100, **FIXED)
@given(text=st.one_of(st.text(max_size=30), st.lists(st.sampled_from(
    ["one", "twenty", "-", "five", "hundred", "thousand", "million", "and", "a", "half", "dozen"]), max_size=6)
    .map(" ".join)))
def test_number_words_never_raise(text):
    value = words_to_number(text)
    assert value is None or value == value
