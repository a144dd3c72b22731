"""What report.md and report.html share: the order facts are read in, titles, discrepancies in
the outlets' own words, and the outlet × outlet agreement map (an inline SVG). No pandas here.

Order: events, the busiest first; in each, the facts several outlets state — contested before
corroborated, then by independent outlets and prominence (a headline, the lead) — and last the
facts one outlet states alone, by outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from checker.judge.independence import cited_outlet, outlet_names
from checker.models import Claim, Discrepancy, Event, Fact, Report
from checker.outlets import name_key
from checker.report.labels import outlet_labels, outlets_by_reach

LEAD_CHARS = 600  # a claim starting this close to the top of the article's body is in its lead
_STATUS_RANK = {"contested": 0, "corroborated": 1, "single-source": 2}
_QUALIFIER = re.compile(r"(?:at least|more than|over|up to|nearly|almost|about|around|some|roughly|at most|"
                        r"fewer than|less than)\s+$", re.I)


def title(text: str, limit: int = 120) -> str:
    """One line of at most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"


@dataclass
class FactView:
    fact: Fact
    outlets: list[str]
    prominence: int  # 2 a headline, 1 the lead, 0 further down
    order: int  # reading order
    discrepancies: list["DiscrepancyView"] = field(default_factory=list)
    credits: dict[str, str] = field(default_factory=dict)  # claim id -> the other outlet it speaks for

    @property
    def cross(self) -> bool:
        return len(self.outlets) > 1


@dataclass
class EventView:
    id: str
    title: str
    shared: list[FactView]  # stated by two or more outlets
    single: dict[str, list[FactView]]  # outlet -> facts only it states


@dataclass
class DiscrepancyView:
    d: Discrepancy
    a: Claim
    b: Claim
    outlet_a: str
    outlet_b: str
    words_a: str
    words_b: str

    @property
    def plain(self) -> bool:
        """True when checker's reading adds nothing to the outlets' words (a quotation's wording)."""
        return self.d.kind == "quote" and self.words_a in self.d.detail and self.words_b in self.d.detail

    @property
    def where(self) -> str:
        return f"within {self.outlet_a}" if self.d.internal else f"{self.outlet_a} vs {self.outlet_b}"


def _prominence(claim: Claim, report_sources) -> int:
    if claim.kind == "headline":
        return 2
    src = report_sources.get(claim.source)
    top = src.body[0][0] if src is not None and src.body else 0
    return 1 if claim.start - top < LEAD_CHARS else 0


def claimed_words(claim: Claim, kind: str, text: str) -> str:
    """The words of a claim a discrepancy of this kind is about, as the outlet wrote them:
    the numbers with what they count, the date, the quotation, the speaker, else the claim."""
    if kind == "number" and claim.quantities:
        qs = sorted(claim.quantities, key=lambda q: q.start)
        lo, hi = qs[0].start, qs[-1].end
        if 0 <= lo < hi <= len(text):
            before = _QUALIFIER.search(text[max(0, lo - 20):lo])
            lo -= len(before.group(0)) if before else 0
            counted = qs[-1].counted
            if counted:
                m = re.compile(re.escape(counted[:5]) + r"\w*", re.I).search(text, hi, min(len(text), hi + 60))
                hi = m.end() if m else hi
            return title(text[lo:hi], 160)
        return title(" + ".join(q.text for q in qs), 160)
    if kind == "date" and claim.time is not None:
        return claim.time.text
    if kind == "quote" and claim.quotes:
        return title(claim.quotes[0].text.strip(" ,."), 200)
    if kind == "attribution" and claim.attribution.speaker:
        return claim.attribution.speaker
    return title(claim.text, 160)


def fact_views(report: Report) -> dict[str, FactView]:
    """Every fact with what the reports show about it, by fact id."""
    claims = report.claim_index()
    sources = report.source_index()
    texts = {s.id: s.text for s in report.sources}
    labels = outlet_labels(report)
    names = outlet_names(report.sources)
    shown = {names.get(name_key(o), name_key(o)): o for o in labels.values()}
    out = {}
    for n, f in enumerate(report.facts):
        members = [claims[c] for c in f.claims if c in claims]
        view = FactView(fact=f, outlets=list(dict.fromkeys(labels[c.source] for c in members)),
                        prominence=max((_prominence(c, sources) for c in members), default=0), order=n)
        if view.cross:  # who speaks for whom matters where outlets are counted
            for c in members:
                voice = cited_outlet(c, sources[c.source], names) if c.source in sources else None
                own = labels[c.source]
                if voice and voice != names.get(name_key(own), name_key(own)):
                    view.credits[c.id] = shown.get(voice) or (voice.upper() if len(voice) <= 4 else voice.title())
        for d in f.discrepancies:
            a, b = claims.get(d.claims[0]), claims.get(d.claims[1])
            if a is None or b is None:
                continue
            view.discrepancies.append(DiscrepancyView(
                d=d, a=a, b=b, outlet_a=labels[a.source], outlet_b=labels[b.source],
                words_a=claimed_words(a, d.kind, texts[a.source]), words_b=claimed_words(b, d.kind, texts[b.source])))
        out[f.id] = view
    return out


def rank_key(v: FactView):
    """Contested first, then the most independent outlets, the most prominent, reading order."""
    return (_STATUS_RANK[v.fact.status], -v.fact.independent_outlets, -len(v.outlets), -v.prominence, v.order)


def event_views(report: Report, views: dict[str, FactView] | None = None) -> list[EventView]:
    """Events in the order a reader triages them, each with its facts ordered; facts in no
    event come last, under 'Other facts'."""
    views = views or fact_views(report)
    reach = {o: n for n, o in enumerate(outlets_by_reach(report))}
    events = list(report.events)
    placed = {fid for e in events for fid in e.facts}
    loose = [f.id for f in report.facts if f.id not in placed]
    if loose:
        events.append(Event(id="other", summary="Other facts", facts=loose))
    out = []
    for e in events:
        fs = [views[fid] for fid in e.facts if fid in views]
        if not fs:
            continue
        shared = sorted((v for v in fs if v.cross), key=rank_key)
        single: dict[str, list[FactView]] = {}
        for v in sorted((v for v in fs if not v.cross), key=lambda v: (reach.get(v.outlets[0], 0) if v.outlets else 0,
                                                                     _STATUS_RANK[v.fact.status], -v.prominence,
                                                                     v.order)):
            single.setdefault(v.outlets[0] if v.outlets else "?", []).append(v)
        # named after its most prominent shared fact (a headline several outlets state, the lead)
        named = min(shared, key=lambda v: (-v.prominence, -len(v.outlets), v.order)) if shared else None
        head = named.fact.summary if named else e.summary
        out.append(EventView(id=e.id, title=title(head if e.id != "other" else e.summary, 110), shared=shared,
                             single=single))
    out.sort(key=lambda ev: (ev.id == "other", -sum(1 for v in ev.shared if v.fact.status == "contested"),
                             -len(ev.shared), -max((v.fact.independent_outlets for v in ev.shared), default=0)))
    return out


def agreement(report: Report, outlets: list[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """(outlet, outlet) -> (facts both state, of which they differ on): pairs read off the
    judge's verdicts between their claims; a discrepancy a reviewer found not real is agreement."""
    labels = outlet_labels(report)
    source_of = {c.id: c.source for c in report.claims}
    shown = set(outlets)
    out: dict[tuple[str, str], list[int]] = {}
    for f in report.facts:
        rejected = {frozenset(d.claims) for d in f.discrepancies if d.review and d.review.state == "not real"}
        pairs: dict[tuple[str, str], bool] = {}
        for rel in f.relations:
            if rel.a not in source_of or rel.b not in source_of:
                continue
            oa, ob = labels[source_of[rel.a]], labels[source_of[rel.b]]
            if oa == ob or oa not in shown or ob not in shown:
                continue
            differs = rel.relation == "differs" and frozenset((rel.a, rel.b)) not in rejected
            for key in ((oa, ob), (ob, oa)):
                pairs[key] = pairs.get(key, False) or differs
        for o in {labels[source_of[c]] for c in f.claims if c in source_of} & shown:
            pairs.setdefault((o, o), False)
        for key, differs in pairs.items():
            cell = out.setdefault(key, [0, 0])
            cell[0] += 1
            cell[1] += differs
    return {k: (v[0], v[1]) for k, v in out.items()}


def agreement_svg(report: Report, outlets: list[str]) -> str:
    """The outlet × outlet agreement map as a standalone SVG: each cell counts the facts two
    outlets both state, green where they agree, red as the share they differ on grows; the
    diagonal counts the facts each outlet states."""
    cells = agreement(report, outlets)
    labels = outlet_labels(report)
    copies = {frozenset((labels[s.id], labels.get(s.copy_of, s.copy_of))) for s in report.sources if s.copy_of}
    n, size = len(outlets), 44
    names = [title(o, 22) for o in outlets]
    left = 8 + 7 * max((len(s) for s in names), default=4)
    top = left
    w, h = max(left + n * size + 110, 420), top + n * size + 52
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
             'font-family="system-ui, sans-serif" font-size="12" role="img" '
             'aria-label="Outlet by outlet agreement: facts both outlets state, and how many they differ on">']
    for i, name in enumerate(names):
        y = top + i * size + size / 2 + 4
        parts.append(f'<text x="{left - 6}" y="{y}" text-anchor="end">{escape(name)}</text>')
        x = left + i * size + size / 2 + 4
        parts.append(f'<text x="{x}" y="{top - 6}" transform="rotate(-45 {x} {top - 6})">{escape(name)}</text>')
    for i, a in enumerate(outlets):
        for j, b in enumerate(outlets):
            both, differ = cells.get((a, b), (0, 0))
            copy = i != j and frozenset((a, b)) in copies
            if i == j:
                fill = "#e9ecef"
            elif copy:
                fill = "#d0ebff"  # a reprint agrees with its original by construction: not agreement
            elif not both:
                fill = "#f8f9fa"
            else:
                share = differ / both
                fill = "#ffc9c9" if share >= 0.5 else "#ffe3e3" if share > 0 else "#b2f2bb" if both >= 3 else "#d8f3dc"
            label = "copy" if copy else "" if not both else f"{both}" + (f"/{differ}✖" if differ else "")
            tip = (f"{a}: states {both} facts" if i == j else
                   f"{a} and {b}: one reprints the other ({both} facts both state)" if copy else
                   f"{a} and {b}: {both} facts both state" + (f", they differ on {differ}" if differ else ""))
            x, y = left + j * size, top + i * size
            parts.append(f'<g><title>{escape(tip)}</title><rect x="{x}" y="{y}" width="{size - 2}" '
                         f'height="{size - 2}" rx="3" fill="{fill}"/>'
                         f'<text x="{x + size / 2 - 1}" y="{y + size / 2 + 4}" text-anchor="middle">{label}</text></g>')
    parts.append(f'<text x="8" y="{h - 26}" fill="#555">cell: facts both outlets state / of which they differ on (✖)'
                 f'</text><text x="8" y="{h - 10}" fill="#555">diagonal: facts the outlet states; copy: one reprints the other'
                 '</text></svg>')
    return "".join(parts)
