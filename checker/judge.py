"""Pairwise verdicts on claims of one fact, with the reason in words.

The comparison is structured, never a black box: numbers (aligned by what they count, with
their qualifiers and rounding), dates (equal, nested at another precision, or disjoint),
quotations (the same words, a fragment, or the same utterance worded differently), who a
quotation is given to, negation of the same predicate, and places. A pair with no
difference either corroborates or agrees at another precision (partial).
"""
from __future__ import annotations

import functools
import math
import re

from rapidfuzz import fuzz

from checker.models import Claim, Quantity, Relation, TimeSpan, plural
from checker.normalize.entities import same_org, same_person

_INTERVAL_SLACK = {"about": 0.15}


def _tolerance(q: Quantity) -> float:
    """Half a unit of the last significant digit the text gives ("3.2 million" → 50,000)."""
    digits = re.sub(r"[^\d.]", "", q.text)
    if not digits or not any(ch.isdigit() for ch in digits):
        return 0.0
    if q.value == 0:
        return 0.0
    if "." in digits:
        decimals = len(digits.split(".")[1])
        scale = q.value / float(digits) if float(digits) else 1.0
        return 0.5 * 10 ** (-decimals) * abs(scale)
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    scale = q.value / float(digits) if float(digits) else 1.0
    return 0.5 * 10 ** zeros * abs(scale) if zeros else 0.0


def interval(q: Quantity) -> tuple[float, float]:
    """The values a stated quantity allows, given its qualifier and rounding."""
    v, tol = q.value, _tolerance(q)
    if q.qualifier == "at_least":
        return v - tol, math.inf
    if q.qualifier == "more_than":
        return v + 1e-9, math.inf
    if q.qualifier == "at_most":
        return -math.inf, v + tol
    if q.qualifier == "less_than":
        return -math.inf, v - 1e-9
    if q.qualifier == "about":
        slack = max(tol, abs(v) * _INTERVAL_SLACK["about"])
        return v - slack, v + slack
    return v - tol, v + tol


def _nouns_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a == b or a.endswith(b) or b.endswith(a)


def _mods(q: Quantity) -> set[str]:
    return {m.lower() for m in q.modifiers if m[:1].isupper()}


def _descriptors(q: Quantity) -> set[str]:
    return {m.lower() for m in q.modifiers if not m[:1].isupper() and m.isalpha()}


def same_measure(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same thing: kind, unit, counted noun (warship/ship),
    and no clash of distinctive modifiers ('Chinese' / 'Russian', 'college' / 'world' records)."""
    if a.kind != b.kind or "part" in (a.qualifier, b.qualifier):
        return False
    if a.kind == "count":
        if not _nouns_match(a.counted, b.counted):
            return False
    elif not (a.unit and a.unit == b.unit and (not a.counted or not b.counted or _nouns_match(a.counted, b.counted))):
        return False
    for mods in (_mods, _descriptors):
        ma, mb = mods(a), mods(b)
        if ma and mb and not ma & mb:
            return False
    return True


def _compatible(a: Quantity, b: Quantity) -> bool:
    (lo1, hi1), (lo2, hi2) = interval(a), interval(b)
    return not (hi1 < lo2 or hi2 < lo1)


def align_quantities(qa: list[Quantity], qb: list[Quantity]) -> list[tuple[list[Quantity], list[Quantity]]]:
    """Groups of quantities that state the same measure on both sides.

    Evidence of alignment: the same unit or counted noun with no clash of modifiers, or a
    parallel list whose distinctive modifiers match one to one ("four Chinese and four Russian
    warplanes" / "two Chinese ... and two Russian ... bombers")."""
    out = [([a], [b]) for a in qa for b in qb if same_measure(a, b)]
    rest_a = [q for q in qa if q.kind == "count" and q.qualifier != "part" and not any(same_measure(q, b) for b in qb)]
    rest_b = [q for q in qb if q.kind == "count" and q.qualifier != "part" and not any(same_measure(a, q) for a in qa)]
    if len(rest_a) >= 2 and len(rest_a) == len(rest_b):
        mods_a = [_mods(q) for q in rest_a]
        mods_b = [_mods(q) for q in rest_b]
        if all(mods_a) and all(mods_b) and len({frozenset(m) for m in mods_a}) == len(mods_a):
            pairing = []
            for ma, a in zip(mods_a, rest_a):
                match = [b for mb, b in zip(mods_b, rest_b) if ma & mb]
                if len(match) != 1:
                    break
                pairing.append((a, match[0]))
            else:
                out.append(([a for a, _ in pairing], [b for _, b in pairing]))
    return out


def _describe_list(qs: list[Quantity]) -> str:
    if len(qs) == 1:
        return qs[0].describe()
    noun = qs[0].counted or ""
    parts = [f"{Quantity(**{**q.model_dump(), 'counted': None, 'unit': None}).describe()}" for q in qs]
    return " + ".join(parts) + (f" {plural(noun)}" if noun else "")


def compare_numbers(a: Claim, b: Claim) -> str | None:
    """A detail in words when aligned numbers cannot both be true, else None.

    A number that is compatible with any same-measure number on the other side, or whose
    value the other side states at all (the noun may be left out: "grown to 20"), is matched.
    What could or might happen ("could cut emissions 20%") is a possibility: possibilities with
    other figures do not contradict it."""
    if a.hedged or b.hedged:
        return None
    values_a = [q for q in a.quantities if q.qualifier != "part"]
    values_b = [q for q in b.quantities if q.qualifier != "part"]

    def stated(q: Quantity, others: list[Quantity]) -> bool:
        return any(_compatible(q, o) and o.kind == q.kind for o in others)

    for ga, gb in align_quantities(a.quantities, b.quantities):
        if len(ga) > 1:  # a parallel list: every member must hold
            if any(not _compatible(x, y) for x, y in zip(ga, gb)):
                return f"{_describe_list(ga)} vs {_describe_list(gb)}"
            continue
        x, y = ga[0], gb[0]
        if _compatible(x, y) or stated(x, values_b) or stated(y, values_a):
            continue
        if any(_compatible(x, o) for o in values_b if same_measure(x, o)) or \
                any(_compatible(o, y) for o in values_a if same_measure(o, y)):
            continue
        return f"{x.describe()} vs {y.describe()}"
    return None


def _firm(t: TimeSpan | None) -> bool:
    return t is not None and t.origin in ("explicit", "sentence")  # not "tense": a bound, not a date


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


def _norm_quote(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("-", "")).split())


def compare_quotes(a: Claim, b: Claim) -> tuple[str, str] | None:
    """('quote' | 'attribution', detail) when quotations disagree in wording or speaker."""
    qa = [(_norm_quote(q.text), q.text) for q in a.quotes if len(_norm_quote(q.text)) >= 6]
    qb = [(_norm_quote(q.text), q.text) for q in b.quotes if len(_norm_quote(q.text)) >= 6]
    if not qa or not qb:
        return None
    speakers_known = known_speaker(a) and known_speaker(b)
    same_speaker = speakers_known and speakers_compatible(a, b)
    for na, ta in qa:
        for nb, tb in qb:
            if fuzz.ratio(na, nb) >= 92 and len(na) >= 25:
                if speakers_known and not same_speaker:
                    return "attribution", (f"the same quotation is given to {a.attribution.speaker} and to "
                                           f"{b.attribution.speaker}")
    if speakers_known and not same_speaker:
        return None
    # Every quote of the claim with fewer quoted words found in the other: a fragment, consistent.
    short, long_ = (qa, qb) if sum(len(x) for x, _ in qa) <= sum(len(x) for x, _ in qb) else (qb, qa)
    if all(any(fuzz.partial_ratio(s, l) >= 90 for l, _ in long_) for s, _ in short):
        return None
    # The same utterance worded differently: close in wording and word order, not merely sharing
    # a phrase; with the speaker unconfirmed, closer still.
    best = max(((wording_similarity(na, nb), ta, tb) for na, ta in qa for nb, tb in qb), key=lambda x: x[0])
    floor = 50 if same_speaker else 60
    if floor <= best[0] < 90:
        return "quote", f"“{best[1].strip(' ,.')}” vs “{best[2].strip(' ,.')}”"
    return None


def wording_similarity(a: str, b: str) -> float:
    """0-100: how alike two quotations are in words and order."""
    return (fuzz.ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def speakers_compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims' speakers can be the same person or body."""
    sa, sb = a.attribution, b.attribution
    return same_speaker_text(sa.speaker or "", sa.speaker_key or "", sb.speaker or "", sb.speaker_key or "")


@functools.lru_cache(maxsize=65536)
def same_speaker_text(a: str, key_a: str, b: str, key_b: str) -> bool:
    """Whether two speakers, as written, can be the same person or body (empty: unknown, so yes)."""
    if not a or not b or (key_a and key_a == key_b):
        return True
    if same_person(a, b) or same_org(a, b):
        return True
    pronouns = {"he", "she", "they", "it", "we", "i"}
    return a.lower() in pronouns or b.lower() in pronouns


def known_speaker(c: Claim) -> bool:
    """A speaker named or described, not a bare pronoun and not the outlet's own voice."""
    sp = c.attribution.speaker
    return bool(sp) and c.attribution.kind != "outlet" and sp.lower() not in ("he", "she", "they", "it", "we", "i")


def compare_claims(a: Claim, b: Claim) -> Relation:
    """The judge's verdict on two claims assumed to state the same fact."""
    differences: list[tuple[str, str]] = []
    partial: list[str] = []
    detail = compare_numbers(a, b)
    if detail:
        differences.append(("number", detail))
    timing = compare_times(a.time, b.time)
    if timing and timing[0] == "differs":
        differences.append(("date", timing[1]))
    elif timing:
        partial.append(timing[1])
    if a.kind == "statement" and b.kind == "statement":
        st = compare_times(a.attribution.time, b.attribution.time)
        if st and st[0] == "differs" and not any(k == "date" for k, _ in differences):
            differences.append(("date", f"{a.attribution.speaker} spoke on {a.attribution.time.describe()} vs "
                                        f"{b.attribution.time.describe()}"))
    quotes = compare_quotes(a, b)
    if quotes:
        differences.append(quotes)
    if a.predicate and a.predicate == b.predicate and a.negated != b.negated and not (a.hedged or b.hedged) \
            and {a.kind, b.kind} <= {"assertion", "headline"}:
        pos, neg = (a, b) if b.negated else (b, a)
        differences.append(("negation", f"'{pos.predicate}' is affirmed in one and denied in the other"))
    if differences:
        kind, text = differences[0]
        more = "; ".join(t for _, t in differences[1:])
        return Relation(a=a.id, b=b.id, relation="differs", kind=kind, detail=text + (f"; also {more}" if more else ""))
    if partial:
        return Relation(a=a.id, b=b.id, relation="partial", detail="; ".join(partial))
    return Relation(a=a.id, b=b.id, relation="corroborates", detail="no difference in numbers, dates, quotes or negation")
