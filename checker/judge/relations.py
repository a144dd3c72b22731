"""Pairwise verdicts on claims of one fact, with the reason in words.

The comparison is structured, never a black box: numbers (aligned by what they count, with their
qualifiers and rounding, rates by their period, units converted: `checker.judge.figures`), dates
(equal, nested at another precision, or disjoint), vote tallies, quotations (the same words, a
fragment, or the same utterance worded differently), who a quotation is given to, negation or an
antonymous predicate, and another place or person in the same role (`checker.judge.frames`).
Differences count only within one proposition: the same subject and the same predicate frame. A pair
with no difference corroborates when what one asserts is found in the other (predicate and
arguments), else it is partial: it shares the topic, not the assertion.
"""
from __future__ import annotations


from rapidfuzz import fuzz

from checker.judge import frames
from checker.judge.figures import align_quantities, compatible, counted_by_the_predicate, describe_list, same_measure
from checker.models import Claim, Quantity, Relation, TimeSpan
from checker.extract.normalize.entities import same_person
# known_speaker and same_speaker_text are imported from here by checker.group.scoring
from checker.judge.quotes import compare_quotes, known_speaker, norm_quote, same_speaker_text  # noqa: F401

_CORROBORATES = 0.6  # share of one claim's terms the other must state


FORECAST_VERBS = {"expect", "forecast", "predict", "project", "anticipate"}
# What someone means or offers to do is not yet done: 'plans to hire 40 workers' is not
# contradicted by 'hired 25', nor 'aims to vaccinate 70% of adults' by '54% are vaccinated'.
INTENTION_VERBS = {"aim", "plan", "intend", "want", "seek", "try", "hope", "strive", "vow", "pledge", "promise",
                   "propose"}  # not 'target': 'targeted 40 sites' is what a strike hit


def _ahead(c: Claim) -> bool:
    """Whether the claim tells what is expected or intended rather than what is or was."""
    return c.predicate in FORECAST_VERBS or c.predicate in INTENTION_VERBS


def _not_the_outcome(a: Claim, b: Claim) -> bool:
    """One claim says what might be, what is expected or what is intended ('could cut 20%', 'had
    expected a 3.6% rise', 'plans to hire 40'), the other what is: they do not contradict each
    other. Two forecasts or two intentions compare."""
    fa, fb = _ahead(a), _ahead(b)
    return fa != fb or not (fa and fb) and (a.hedged or b.hedged)


def compare_numbers(a: Claim, b: Claim) -> str | None:
    """A detail in words when aligned numbers cannot both be true, else None.

    A number that is compatible with any same-measure number on the other side, or whose
    value the other side states at all (the noun may be left out: "grown to 20"), is matched.
    What could or might happen ("could cut emissions 20%") is a possibility: possibilities with
    other figures do not contradict it."""
    return None if _not_the_outcome(a, b) else _figures_differ(a, b)


def _figures_differ(a: Claim, b: Claim) -> str | None:
    """`compare_numbers` without the rule for what is not the outcome."""
    values_a = [q for q in a.quantities if q.qualifier != "part"]
    values_b = [q for q in b.quantities if q.qualifier != "part"]

    def stated(q: Quantity, others: list[Quantity]) -> bool:
        return any(compatible(q, o) and o.kind == q.kind or o.value == q.value and q.kind in ("count", "measure")
                   and {o.unit, o.counted} & {q.unit, q.counted} - {None} for o in others)

    for ga, gb in align_quantities(a.quantities, b.quantities) or counted_by_the_predicate(a, b):
        if len(ga) > 1:  # a parallel list: every member must hold
            if any(not compatible(x, y) for x, y in zip(ga, gb)):
                return f"{describe_list(ga)} vs {describe_list(gb)}"
            continue
        x, y = ga[0], gb[0]
        if compatible(x, y) or stated(x, values_b) or stated(y, values_a):
            continue
        if any(compatible(x, o) for o in values_b if same_measure(x, o)) or \
                any(compatible(o, y) for o in values_a if same_measure(o, y)):
            continue
        return f"{x.describe()} vs {y.describe()}"
    return None


def _firm(t: TimeSpan | None) -> bool:
    return t is not None and t.dated


def compare_times(ta: TimeSpan | None, tb: TimeSpan | None) -> tuple[str, str] | None:
    """('differs' | 'partial', detail) for two firm times, else None when they agree or are unknown."""
    if not (_firm(ta) and _firm(tb)):
        return None
    if not ta.overlaps(tb):
        return "differs", f"{ta.describe()} ('{ta.text}') vs {tb.describe()} ('{tb.text}')"
    if (ta.start, ta.end) != (tb.start, tb.end) and (ta.contains(tb) or tb.contains(ta)) \
            and ta.precision != tb.precision and "range" not in (ta.precision, tb.precision):
        return "partial", f"{ta.describe()} vs {tb.describe()}: the same time at another precision"
    return None


def _other_subjects(a: Claim, b: Claim) -> bool:
    """Two different people as the claims' subjects: two propositions ('Smith scored 21' / 'Jones
    scored 14' are two people's totals, not one total stated two ways)."""
    return bool(a.subject and b.subject) and not same_person(a.subject, b.subject)


def _other_people(a: Claim, b: Claim) -> bool:
    """Each claim names people and none of one is among the other's ('Bush paid 36 percent' /
    'the Clintons' rate was 45.8 percent'): figures of different people."""
    pa = [e.text for e in a.entities if e.label == "PERSON"] + ([a.subject] if a.subject else [])
    pb = [e.text for e in b.entities if e.label == "PERSON"] + ([b.subject] if b.subject else [])
    return bool(pa and pb) and not any(same_person(x, y) for x in pa for y in pb)


def _other_span(ta: TimeSpan | None, tb: TimeSpan | None) -> bool:
    """Two firm times, one inside the other ('from 2007 through 2014' / 'last year'): an
    average or total over a period and a figure for part of it are two measures."""
    return _firm(ta) and _firm(tb) and (ta.start, ta.end) != (tb.start, tb.end) and (ta.contains(tb) or tb.contains(ta))


def _claimed_by_one(a: Claim, b: Claim) -> bool:
    """One claim is a named person's figure as reported ('what he said was the rate: 30 percent'),
    the other the outlet's own: the outlets do not disagree, one reports a claim."""
    return {a.attribution.kind, b.attribution.kind} == {"person", "outlet"}


def one_proposition(a: Claim, b: Claim) -> bool:
    """Whether two claims can state one proposition: no two different subjects or sets of people,
    and most of one's terms found in the other (fewer when the predicates match)."""
    if _other_subjects(a, b) or _other_people(a, b):
        return False
    share = frames.coverage(a, b)[0]
    return share >= 0.5 or share >= 0.4 and frames.predicates_match(a, b)


def _differences(a: Claim, b: Claim) -> tuple[list[tuple[str, str]], list[str]]:
    differences: list[tuple[str, str]] = []
    partial: list[str] = []
    # a parallel list of counts ("4 Chinese + 4 Russian" / "2 Chinese + 2 Russian") is itself one frame
    same = one_proposition(a, b) or any(len(x) >= 2 for x, _ in align_quantities(a.quantities, b.quantities))
    tally = frames.tally_difference(a, b) if same else None
    if tally:
        differences.append(("number", tally))
    detail = compare_numbers(a, b) if same and not tally and not _claimed_by_one(a, b) \
        and not _other_span(a.time, b.time) else None
    if detail:
        differences.append(("number", detail))
    elif same and _not_the_outcome(a, b) and not _claimed_by_one(a, b):
        ahead = _figures_differ(a, b)  # a plan and what was done: not a contradiction, not agreement either
        if ahead:
            ahead_first = _ahead(a) or a.hedged and not _ahead(b)
            told = "two possibilities" if a.hedged and b.hedged else \
                "what is expected, intended or possible vs what is" if ahead_first else \
                "what is vs what is expected, intended or possible"
            partial.append(f"{told}: {ahead}")
    timing = compare_times(a.time, b.time)
    # a description ('Senate Majority Leader Chuck Schumer') carries its sentence's date, not one of its own
    dated = "description" not in (a.kind, b.kind)
    if timing and timing[0] == "differs" and _same_words_other_days(a.time, b.time):
        partial.append(f"the same words ('{a.time.text}') read from two publication dates: "
                       f"{a.time.describe()} vs {b.time.describe()}")
    elif timing and timing[0] == "differs" and same and dated and (frames.same_predicate(a, b) or a.kind == b.kind == "headline"):
        differences.append(("date", timing[1]))
    elif timing and timing[0] == "partial":
        partial.append(timing[1])
    if a.kind == "statement" and b.kind == "statement":
        st = compare_times(a.attribution.time, b.attribution.time)
        if st and st[0] == "differs" and not any(k == "date" for k, _ in differences) \
                and not _same_words_other_days(a.attribution.time, b.attribution.time):
            differences.append(("date", f"{a.attribution.speaker} spoke on {a.attribution.time.describe()} vs "
                                        f"{b.attribution.time.describe()}"))
    quotes = compare_quotes(a, b)
    if quotes:
        differences.append(quotes)
    negation = None if _same_quote(a, b) else _negation(a, b)  # the same quoted words: one parse misread
    if negation:
        differences.append(("negation", negation))
    if not differences and not (a.quotes and b.quotes) and not _clashing_numbers(a, b):
        role = frames.role_difference(a, b)
        if role:
            differences.append(("entity", role))
    return differences, partial


def _same_words_other_days(ta: TimeSpan, tb: TimeSpan) -> bool:
    """For two times that fell on different days: whether they are the same words ('said Friday'
    in two articles written a week apart), two days only because each is read from its own
    publication date. Two occasions (a press secretary briefs every week), not one event given
    two dates: the articles differ in when they were written."""
    return ta.text.strip().lower() == tb.text.strip().lower()


def _negation(a: Claim, b: Claim) -> str | None:
    """The predicate affirmed in one claim and denied in the other, or an antonymous predicate."""
    if a.predicate and a.predicate == b.predicate and a.negated != b.negated and not _not_the_outcome(a, b) \
            and {a.kind, b.kind} <= {"assertion", "headline"} and not _other_subjects(a, b):
        pos = a if b.negated else b
        return f"'{pos.predicate}' is affirmed in one and denied in the other"
    if not _not_the_outcome(a, b) and not _other_subjects(a, b):
        return frames.opposite_predicates(a, b)
    return None


def _clashing_numbers(a: Claim, b: Claim) -> bool:
    """Other people with other figures ('Lopez won 312 votes' / 'Carter won 280'): two people's
    totals, not one post given to two people."""
    return not _not_the_outcome(a, b) and compare_numbers(a, b) is not None


def compare_claims(a: Claim, b: Claim) -> Relation:
    """The judge's verdict on two claims assumed to state the same fact: differs (with the
    first difference and the others), corroborates (what one asserts is found in the other,
    and the detail says what matched) or partial (the same time at another precision, or a
    shared topic with another assertion)."""
    differences, partial = _differences(a, b)
    if differences:
        kind, text = differences[0]
        more = "; ".join(t for _, t in differences[1:])
        return Relation(a=a.id, b=b.id, relation="differs", kind=kind, detail=text + (f"; also {more}" if more else ""))
    share, matched = frames.coverage(a, b)
    same_figure = any(q.value == o.value and q.kind == o.kind for q in a.quantities for o in b.quantities)
    asserted = frames.predicates_match(a, b) or same_figure or share >= 0.85
    if not (asserted and (share >= _CORROBORATES or share >= 0.4 and len(matched) >= 3)) and not _same_quote(a, b):
        shared = ", ".join(matched[:6]) or "nothing"
        partial.append(f"shares {shared} but asserts something else")
    if partial:
        return Relation(a=a.id, b=b.id, relation="partial", detail="; ".join(partial))
    said = [q.describe() for q in a.quantities for o in b.quantities if q.qualifier != "part" and compatible(q, o)
            and same_measure(q, o)]
    what = ", ".join(dict.fromkeys(matched[:6] + said[:3]))
    return Relation(a=a.id, b=b.id, relation="corroborates", detail=f"both state {what}" if what else "the same statement")


def _same_quote(a: Claim, b: Claim) -> bool:
    return any(fuzz.partial_ratio(norm_quote(x.text), norm_quote(y.text)) >= 90 for x in a.quotes for y in b.quotes
               if len(x.text) >= 8 and len(y.text) >= 8)
