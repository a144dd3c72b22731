"""Stated figures: the values a quantity allows (qualifier, rounding, a figure cut short before
a scale word, rates by their period, units converted) and which quantities of two claims state
the same measure (the same unit or counted noun, a parallel list, a count the predicate names).
`checker.judge.relations` compares claims with them."""
from __future__ import annotations

import functools
import math
import re

from checker.judge import frames
from checker.models import Claim, Quantity, plural


_ABOUT_SHARE = 0.01  # "about" allows a unit of the last digit given, or 1 %: a 3 % gap in a precise amount stands


def _written_digits(q: Quantity) -> str | None:
    """The digits the text writes the figure with ("$3.2 million" → "3.2"), None when it has none."""
    digits = re.sub(r"[^\d.]", "", q.text).strip(".")
    return digits if digits and any(ch.isdigit() for ch in digits) and float(digits) else None


def _last_digit(q: Quantity) -> float:
    """A unit of the last significant digit the text gives ("3.2 million" → 100,000; "400" → 100)."""
    digits = _written_digits(q)
    if digits is None or q.value == 0:
        return 1.0 if q.value else 0.0
    scale = abs(q.value / float(digits))
    if "." in digits:
        return 10 ** (-len(digits.split(".")[1])) * scale
    return 10 ** (len(digits) - len(digits.rstrip("0"))) * scale


def _written_with_a_scale(q: Quantity) -> bool:
    """Whether the figure's scale is a word or letter ("$43 million", "£10m"), not written digits."""
    digits = _written_digits(q)
    return digits is not None and abs(q.value / float(digits)) >= 1000


def _tolerance(q: Quantity) -> float:
    """Half a unit of the last significant digit when the figure is rounded ("3.2 million" → 50,000,
    "15 million" → 500,000, "400" → 50); 0 for a figure given to the unit."""
    unit = _last_digit(q)
    return 0.5 * unit if unit > 1 or "." in q.text else 0.0


def _scale(q: Quantity, other: Quantity) -> float:
    """The factor that brings a quantity to the base unit it shares with `other`: a rate to per
    day, a length to metres (pint is loaded only when two different units meet)."""
    if q.kind == "rate" and q.unit and " per " in f" {q.unit}":
        return 1.0 / _PERIOD_DAYS.get(q.unit.rsplit("per ", 1)[1], 1.0)
    if q.kind == "count" and q.counted and other.counted and q.counted != other.counted:
        base = _physical(q.counted)
        return base[1] if base and _physical(other.counted) else 1.0
    return 1.0


_PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25, "hour": 1 / 24, "minute": 1 / 1440,
                "second": 1 / 86400, "quarter": 365.25 / 4}
_UNIT_STEMS = ("meter", "metre", "mile", "foot", "feet", "inch", "yard", "gram", "pound", "ton", "liter", "litre",
               "gallon", "acre", "hectare", "ounce", "minute", "hour", "second", "week", "month", "year")


@functools.lru_cache(maxsize=256)
def _physical(noun: str | None) -> tuple[str, float] | None:
    """(dimension, factor to base units) for a counted noun that is a unit of measure, via pint."""
    if not noun or not noun.endswith(_UNIT_STEMS) or noun in ("second",):
        return None
    try:
        q = _registry().Quantity(1, noun)
        return str(q.dimensionality), float(q.to_base_units().magnitude)
    except Exception:  # pint raises several kinds of errors for words it does not know
        return None


@functools.lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


def interval(q: Quantity) -> tuple[float, float]:
    """The values a stated quantity allows, given its qualifier and rounding."""
    v, tol = q.value, _tolerance(q)
    if q.qualifier in ("at_least", "more_than"):
        lo = v - tol if q.qualifier == "at_least" else v + 1e-9
        unit = _last_digit(q)
        # A floor given to two or more significant digits is the figure rounded down ("more than
        # 178,000" is 178,xxx); one digit is a loose floor ("more than 400", "over 1,000"), and so
        # is one in words ("dozens of Republicans" is 24 or more, not 24-point-something).
        tight = unit >= 1 and abs(v) >= 10 * unit and _written_digits(q) is not None
        return lo, (v + unit if tight else math.inf)
    if q.qualifier == "at_most":
        return -math.inf, v + tol
    if q.qualifier == "less_than":
        return -math.inf, v - 1e-9
    if q.qualifier == "about":
        slack = max(_last_digit(q), abs(v) * _ABOUT_SHARE)
        if q.text.lower().startswith(("nearly", "almost")):
            return v - slack, v  # just below the figure
        return v - slack, v + slack
    return v - tol, v + tol


def _cut_short(q: Quantity, exact: Quantity) -> bool:
    """Whether `q` may be `exact`'s figure cut short rather than rounded: two or more significant
    digits before a scale word ("$43 million" for $43,885,310), `exact` given to finer digits."""
    unit = _last_digit(q)
    return (q.qualifier in (None, "exact") and exact.qualifier in (None, "exact") and _written_with_a_scale(q)
            and abs(q.value) >= 10 * unit and _last_digit(exact) < unit and q.value <= exact.value < q.value + unit)


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
            pa, pb = _physical(a.counted), _physical(b.counted)
            if not (pa and pb and pa[0] == pb[0]):
                return False
    elif a.kind == "rate" and _per(a.unit) != _per(b.unit):
        if _base(a.unit) != _base(b.unit) or not (a.counted == b.counted or _nouns_match(a.counted, b.counted)):
            return False
    elif not (a.unit and a.unit == b.unit and (not a.counted or not b.counted or _nouns_match(a.counted, b.counted))):
        return False
    for mods in (_mods, _descriptors):
        ma, mb = mods(a), mods(b)
        if ma and mb and not ma & mb:
            return False
    return True


def _per(unit: str | None) -> str:
    return (unit or "").rsplit("per ", 1)[-1] if unit and "per " in unit else ""


def _base(unit: str | None) -> str:
    return (unit or "").split(" per ")[0] if unit and not unit.startswith("per ") else ""


def compatible(a: Quantity, b: Quantity) -> bool:
    fa, fb = _scale(a, b), _scale(b, a)
    (lo1, hi1), (lo2, hi2) = [x * fa for x in interval(a)], [x * fb for x in interval(b)]
    return not (hi1 < lo2 or hi2 < lo1) or (fa == fb and (_cut_short(a, b) or _cut_short(b, a)))


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


def describe_list(qs: list[Quantity]) -> str:
    if len(qs) == 1:
        return qs[0].describe()
    noun = qs[0].counted or ""
    parts = [f"{Quantity(**{**q.model_dump(), 'counted': None, 'unit': None}).describe()}" for q in qs]
    return " + ".join(parts) + (f" {plural(noun)}" if noun else "")


def counted_by_the_predicate(a: Claim, b: Claim) -> list[tuple[list[Quantity], list[Quantity]]]:
    """One count on each side where one side counts what the other's verb does: "made 178,000
    arrests" and "stopped 188,000 immigrants" (an arrest is a stop), "reported 40 deaths" and
    "killed 52 people". Only a single count on each side, so a list never pairs by accident."""
    qa = [q for q in a.quantities if q.kind == "count" and q.qualifier != "part" and q.counted]
    qb = [q for q in b.quantities if q.kind == "count" and q.qualifier != "part" and q.counted]
    if len(qa) != 1 or len(qb) != 1:
        return []
    x, y = qa[0], qb[0]  # counted nouns are lemmas: "arrest", not "arrests"
    if (b.predicate and frames.related(x.counted, b.predicate)) or \
            (a.predicate and frames.related(y.counted, a.predicate)):
        return [([x], [y])]
    return []
