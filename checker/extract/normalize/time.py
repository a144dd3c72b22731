"""Time expressions → `TimeSpan` intervals, resolved against the publication date.

News dates are relative ("on Tuesday", "last month", "this Sunday (16)") and of mixed
precision ("February 2022" vs "February 24"). Each expression becomes an interval with its
precision, so that two claims can be compared as equal, nested (agree at another
precision) or disjoint. Common news forms are parsed here; anything else goes to
dateparser, whose `period` gives the precision.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Literal

from checker.models import TimeSpan
from checker.months import MONTHS

Tense = Literal["future", "past"] | None  # a clause's tense, where it tells one

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBER_WORDS.update({"a": 1, "an": 1, "several": 3, "a few": 3, "few": 3})
FAR_PAST, FAR_FUTURE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_NUM = r"(?P<n>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"

_RECENT = re.compile(r"^(?:the )?(?:recent|last few|past few|past several|last several) (?P<unit>days|weeks|months|years)$")
_PATTERNS = [
    ("iso", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")),
    ("day_month", re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_M},?(?: (?P<y>\d{{4}}))?$")),
    ("month_day", re.compile(rf"^{_M} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?$")),
    ("month_year", re.compile(rf"^(?:(?P<part>early|mid|late|the end of|the beginning of|the start of) )?{_M},? (?P<y>\d{{4}})$")),
    ("month", re.compile(rf"^(?:(?P<part>early|mid|late|the end of|the beginning of|the start of) )?{_M}$")),
    ("decade", re.compile(r"^(?:the )?(?:early |mid |late |mid-)?(?P<y>\d{3}0)'?s$")),
    ("year", re.compile(r"^(?:the year )?(?P<y>\d{4})$")),
    ("years", re.compile(r"^(?P<ys>\d{4}(?:(?:,| and|, and|,? or) \d{4})+)$")),
    ("year_range", re.compile(r"^(?:from |between )?(?P<y1>\d{4}) ?(?:-|–|to|through|and|until) ?(?P<y2>\d{4})$")),
    ("weekday", re.compile(rf"^(?:(?P<rel>this|last|next|this past|this coming) )?{_WD}"
                           rf"(?: \((?:{_M} )?(?P<d>\d{{1,2}})\))?(?: (?P<part>morning|afternoon|evening|night))?$")),
    ("deictic", re.compile(r"^(?P<w>today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|last night)$")),
    ("relative", re.compile(r"^(?P<rel>last|this|next|past|coming|earlier this|later this|the past|the last|the coming|"
                            r"the previous|the next|the following|the same) (?P<unit>week|weekend|month|year)$")),
    ("ago", re.compile(rf"^{_NUM} {_UNIT} ago$")),
    ("first_months", re.compile(r"^(?:the )?first (?P<n>\w+) months of (?P<y>\d{4})$")),
    ("weekend", re.compile(r"^(?:the )?weekend$")),
    ("day_range", re.compile(rf"^{_M} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: ?(?:-|to|until|through|and) ?)"
                             rf"(?:(?P<month2>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.? )?(?P<d2>\d{{1,2}})"
                             rf"(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?$")),
    ("month_rel_year", re.compile(rf"^{_M} (?P<rel>this|last|next) year$")),
    ("recent", _RECENT),
    ("this_year_part", re.compile(r"^(?P<part>earlier|later) (?:this|in the) year$")),
]
_VAGUE = re.compile(r"\b(recent|decades|years|months|weeks|annual|annually|daily|weekly|monthly|yearly|"
                    r"once|century|centuries|season|seasons|era|age|old|ages|long|times|period|each|every|same|all)\b")
_DURATION = re.compile(rf"^(?:the |a |an )?(?:past |last |next |first |coming )?{_NUM}[- ]"
                       r"(?:day|week|month|year|decade|hour|minute|second)s?(?:[- ]old|[- ]long)?$")


def _clean(text: str) -> str:
    s = text.strip().lower().replace("’", "'").replace("–", "-")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"^(?:on|in|at|during|by|of|the|this past|from)\s+(?=\S)", lambda m: "this past " if m.group().strip() == "this past" else "", s)
    s = re.sub(r"^(?:on|in|the|over)\s+", "", s)
    return s.strip(" ,.;:")


def _month_span(y: int, m: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(y, m)[1]
    if part == "early" or part in ("the beginning of", "the start of"):
        return dt.date(y, m, 1), dt.date(y, m, min(10, last))
    if part == "mid":
        return dt.date(y, m, 11), dt.date(y, m, 20)
    if part in ("late", "the end of"):
        return dt.date(y, m, 21), dt.date(y, m, last)
    return dt.date(y, m, 1), dt.date(y, m, last)


def _pick_year(month: int, day: int | None, pub: dt.date, future: bool, past: bool = False) -> int:
    """The year that puts a month (and day) nearest the publication date; news looks back, so
    a later date counts three times its distance unless the clause speaks of the future, where
    the nearest year wins either way ("will investigate the Jan. 6 assault" looks back). A clause
    told in the past ("Flynn stepped down in February", in December) never lands after publication."""
    best, best_cost = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            cand = dt.date(y, month, 1)
        if past and (dt.date(y, month, 1) if day is None else cand) > pub + dt.timedelta(days=1):
            continue
        dist = (cand - pub).days
        cost = abs(dist) * (3 if dist > (0 if day else 16) and not future else 1)
        if best_cost is None or cost < best_cost:
            best, best_cost = y, cost
    return best


def _year(groups: dict, month: int, day: int | None, pub: dt.date | None, future: bool,
          past: bool = False) -> int | None:
    """The year the text gives, else the one `_pick_year` reads from the publication date."""
    if groups.get("y"):
        return int(groups["y"])
    return _pick_year(month, day, pub, future, past) if pub else None


def _span(start: dt.date, end: dt.date, precision: str, text: str) -> TimeSpan:
    return TimeSpan(start=start, end=end, precision=precision, text=text)


_CLOCK = re.compile(r"(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\s+\d{1,2}\s*[ap]\.?m\.?)"
                    r"(?:\s+[a-z]{2,4})?$", re.I)
_EDGE = re.compile(r"^(?:early|late|mid|(?:the )?(?:start|beginning|end|middle) of)[\s-]+(?=(?:last|this|next|"
                   r"the|\d|" + "|".join(WEEKDAYS) + r"))")
_DATEISH = re.compile(r"\d|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + "|" +
                      "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b|\bago\b|yesterday|today|tomorrow|tonight")


@functools.lru_cache(maxsize=8192)
def resolve(text: str, published: dt.date | None, *, tense: Tense = None) -> TimeSpan | None:
    """The interval a time expression denotes, or None for durations, vague or unparsable ones;
    `tense`: the clause's, "future" or "past" when it tells one (a month or day without a year,
    a weekday, is read accordingly; None: the reading nearest to publication)."""
    future, past = tense == "future", tense == "past"
    s = _clean(_CLOCK.sub("", text.strip()))
    s = _EDGE.sub("", s)
    rel = re.match(r"^(since|after|following|before|until|prior to|ahead of) (.+)$", s)
    if rel:
        inner = resolve(rel.group(2), published, tense=tense)
        return bounded(inner, rel.group(1), published) if inner else None
    if not s or _DURATION.match(s) and " ago" not in s and not _RECENT.match(s):
        return None
    if re.fullmatch(r"\d{1,3}(?:(?:,? and|,| or)? \d{1,3})*(?: and)?", s):
        return None  # "Comeaux, 49", "aged 16 and 13": ages the tagger took for a date
    if re.fullmatch(r"(?:(?:his|her|their) )?(?:early |mid |late )?\d0s", s):
        return None  # "a man in his 50s": an age, not the 1950s (nor 50 seconds)
    for name, pattern in _PATTERNS:
        m = pattern.match(s)
        if m:
            return _from_match(name, m, text, published, future, past)
    if _VAGUE.search(s) or published is None or not _DATEISH.search(s):
        return None
    return _dateparser(s, published, future)


def _from_match(name: str, m: re.Match, text: str, pub: dt.date | None, future: bool,
                past: bool = False) -> TimeSpan | None:
    """The time a matched pattern (`name`, from the pattern table) denotes, resolved against the
    publication date `pub`; None when it names no valid date.

    Long (about 100 lines): one short branch per pattern of the table, kept together so each
    pattern and its reading can be checked side by side."""
    g = m.groupdict()
    try:
        if name == "iso":
            d = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
            return _span(d, d, "day", text)
        if name in ("day_month", "month_day"):
            month, day = MONTHS[g["month"]], int(g["d"])
            year = _year(g, month, day, pub, future, past)
            if year is None:
                return None
            d = dt.date(year, month, day)
            return _span(d, d, "day", text)
        if name in ("month_year", "month"):
            month = MONTHS[g["month"]]
            year = _year(g, month, None, pub, future, past)
            if year is None:
                return None
            a, b = _month_span(year, month, g.get("part"))
            return _span(a, b, "month", text)
        if name == "decade":
            y = int(g["y"])
            return _span(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", text)
        if name == "year":
            y = int(g["y"])
            if not 1800 <= y <= 2200:
                return None
            return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", text)
        if name == "years":
            ys = [int(y) for y in re.findall(r"\d{4}", g["ys"])]
            return _span(dt.date(min(ys), 1, 1), dt.date(max(ys), 12, 31), "range", text)
        if name == "year_range":
            y1, y2 = int(g["y1"]), int(g["y2"])
            return _span(dt.date(min(y1, y2), 1, 1), dt.date(max(y1, y2), 12, 31), "range", text)
        if name == "first_months":
            n = NUMBER_WORDS.get(g["n"]) or (int(g["n"]) if g["n"].isdigit() else None)
            y = int(g["y"])
            if not n or not 1 <= n <= 12:
                return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", text)
            return _span(dt.date(y, 1, 1), dt.date(y, n, calendar.monthrange(y, n)[1]), "range", text)
        if pub is None:
            return None
        if name == "weekday":
            return _weekday(g, text, pub, future)
        if name == "deictic":
            offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(g["w"], 0)
            d = pub + dt.timedelta(days=offset)
            return _span(d, d, "day", text)
        if name == "relative":
            return _relative(g["rel"], g["unit"], text, pub, future)
        if name == "ago":
            n = NUMBER_WORDS.get(g["n"], None) if not g["n"].isdigit() else int(g["n"])
            unit = g["unit"]
            if unit == "day":
                d = pub - dt.timedelta(days=n)
                return _span(d, d, "day", text)
            if unit == "week":
                d = pub - dt.timedelta(weeks=n)
                return _span(d - dt.timedelta(days=d.weekday()), d + dt.timedelta(days=6 - d.weekday()), "week", text)
            if unit == "month":
                y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
                a, b = _month_span(y, mo + 1)
                return _span(a, b, "month", text)
            if unit == "year":
                y = pub.year - n
                return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", text)
            return None
        if name == "recent":
            back = {"days": 10, "weeks": 60, "months": 183, "years": 5 * 365}[g["unit"]]
            return _span(pub - dt.timedelta(days=back), pub, "range", text)
        if name == "day_range":
            m1, m2 = MONTHS[g["month"]], MONTHS[g["month2"]] if g.get("month2") else MONTHS[g["month"]]
            year = _year(g, m1, int(g["d"]), pub, future, past)
            if year is None:
                return None
            a = dt.date(year, m1, int(g["d"]))
            b = dt.date(year + (1 if m2 < m1 else 0), m2, int(g["d2"]))
            return _span(a, b, "range", text) if b >= a else None
        if name == "month_rel_year":
            y = pub.year + {"this": 0, "last": -1, "next": 1}[g["rel"]]
            a, b = _month_span(y, MONTHS[g["month"]])
            return _span(a, b, "month", text)
        if name == "weekend":
            return _relative("this", "weekend", text, pub, future)
        if name == "this_year_part":
            if g["part"] == "earlier":
                return _span(dt.date(pub.year, 1, 1), pub, "range", text)
            return _span(pub, dt.date(pub.year, 12, 31), "range", text)
    except (ValueError, KeyError, TypeError):
        return None
    return None


def _weekday(g: dict, text: str, pub: dt.date, future: bool) -> TimeSpan:
    wd = WEEKDAYS[g["weekday"]]
    rel = g.get("rel") or ""
    if rel == "next" or rel == "this coming" or (future and rel != "last" and rel != "this past"):
        delta = (wd - pub.weekday()) % 7
        d = pub + dt.timedelta(days=delta or (7 if rel == "next" else 0))
    else:
        delta = (pub.weekday() - wd) % 7
        if rel == "last" and delta == 0:
            delta = 7
        d = pub - dt.timedelta(days=delta)
    if g.get("d"):
        day = int(g["d"])
        if day != d.day:
            # The printed day number wins over weekday arithmetic when they disagree.
            month = MONTHS[g["month"]] if g.get("month") else d.month
            for cand_month in (month, month - 1 or 12, month % 12 + 1):
                year = d.year if abs(cand_month - d.month) < 6 else d.year + (1 if cand_month < d.month else -1)
                try:
                    cand = dt.date(year, cand_month, day)
                except ValueError:
                    continue
                if abs((cand - d).days) <= 20:
                    d = cand
                    break
    return _span(d, d, "day", text)


_TRAILING_DAYS = {"week": 7, "month": 30, "year": 365}


def _relative(rel: str, unit: str, text: str, pub: dt.date, future: bool) -> TimeSpan:
    rel = rel.replace("the ", "")
    # "the past week" / "the last month" run up to the day of writing; "last week" is the calendar week before
    trailing = rel == "past" or rel == "last" and re.match(r"\W*(?:\w+ )?the last\b", text.strip().lower())
    if trailing and unit in _TRAILING_DAYS:
        return _span(pub - dt.timedelta(days=_TRAILING_DAYS[unit]), pub, "range", text)
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "same": 0, "earlier this": 0, "later this": 0,
            "next": 1, "coming": 1, "following": 1}[rel]
    if unit in ("week", "weekend"):
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        if unit == "weekend":
            sat = monday + dt.timedelta(days=5)
            if rel == "this" and pub.weekday() < 5 and not future:
                sat -= dt.timedelta(weeks=1)
            return _span(sat, sat + dt.timedelta(days=1), "week", text)
        a, b = monday, monday + dt.timedelta(days=6)
        prec = "week"
    elif unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        a, b = _month_span(y, mo + 1)
        prec = "month"
    else:
        y = pub.year + step
        a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
        prec = "year"
    if rel == "earlier this":
        return _span(a, pub, "range", text)
    if rel == "later this":
        return _span(pub, b, "range", text)
    return _span(a, b, prec, text)


@functools.lru_cache(maxsize=1)
def _parser(future: bool):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "future" if future else "past",
                                                      "RETURN_TIME_AS_PERIOD": True})


def _dateparser(text: str, pub: dt.date, future: bool) -> TimeSpan | None:
    parser = _parser(future)
    parser._settings.RELATIVE_BASE = dt.datetime.combine(pub, dt.time())
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings; unparsable is not fatal
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    years = re.findall(r"\b(1[89]\d\d|2[01]\d\d)\b", text)
    if years and str(d.year) not in years:
        return None  # dateparser read something else than the year the text gives
    if not years and abs(d.year - pub.year) > 1:
        return None  # a year the text does not give ("May 16 and 17" read as 1917) is a misreading
    period = data.period or "day"
    if period == "month":
        a, b = _month_span(d.year, d.month)
        return _span(a, b, "month", text)
    if period == "year":
        return _span(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year", text)
    if period == "week":
        return _span(d - dt.timedelta(days=d.weekday()), d + dt.timedelta(days=6 - d.weekday()), "week", text)
    return _span(d, d, "day", text)


def bounded(span: TimeSpan, relation: str, published: dt.date | None) -> TimeSpan:
    """The interval a relation to `span` denotes: "since/after X" runs from X to publication,
    "before X" ends at X."""
    if relation in ("since", "after", "following"):
        end = max(published, span.end) if published else FAR_FUTURE
        return TimeSpan(start=span.start, end=end, precision="range", text=f"{relation} {span.text}", origin=span.origin)
    if relation in ("before", "until", "prior to", "ahead of"):
        return TimeSpan(start=FAR_PAST, end=span.end, precision="range", text=f"{relation} {span.text}", origin=span.origin)
    return span


def intersect(spans: list[TimeSpan]) -> TimeSpan | None:
    """The tightest interval all spans allow. Disjoint spans are a list ("in 2019, 2020 and
    2021", "from August 30 to September 5"): then the interval that covers them all."""
    if not spans:
        return None
    start = max(s.start for s in spans)
    end = min(s.end for s in spans)
    order = ["day", "week", "month", "quarter", "year", "range", "decade"]
    best = min(spans, key=lambda s: (order.index(s.precision), (s.end - s.start).days))
    if start > end:
        return TimeSpan(start=min(s.start for s in spans), end=max(s.end for s in spans), precision="range",
                        text="; ".join(s.text for s in spans), origin=best.origin)
    if start == best.start and end == best.end:
        return best
    return TimeSpan(start=start, end=end, precision=best.precision if (end - start) <= (best.end - best.start) else "range",
                    text="; ".join(s.text for s in spans), origin=best.origin)
