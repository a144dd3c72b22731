"""What the review UI shows and does, without the UI: facts, filters, decisions, undo.

The screens render this state and call its methods; tests can drive it directly. Every
decision goes through `decide`, which writes the log entry to the store (synced) before the
reviewed report is recomputed, so what the screen shows as saved is on disk.
"""
from __future__ import annotations

import pathlib
from dataclasses import dataclass, field

from checker.models import Claim, Fact, Report, ReviewEntry
from checker.store.review import SETTLED, reviewed
from checker.report.labels import outlet_labels, outlet_stances, outlets_by_reach
from checker.store.review import last_undoable, new_entry
from checker.store.database import Store

SORTS = ("contested first", "reading order", "claims", "outlets")
STATUS_ORDER = {"contested": 0, "corroborated": 1, "single-source": 2}


@dataclass
class Filters:
    """What the facts table is narrowed to."""

    status: str | None = None        # contested | single-source | corroborated
    unreviewed: bool = False
    outlet: str | None = None
    search: str = ""
    sort: str = "contested first"  # the reports' order: contested, then most independent outlets, prominence

    def describe(self) -> str:
        parts = [f"{self.status} only" if self.status else "all facts"]
        if self.unreviewed:
            parts.append("unreviewed")
        if self.outlet:
            parts.append(f"outlet: {self.outlet}")
        if self.search:
            parts.append(f"search: “{self.search}”")
        parts.append(f"sorted by {self.sort}")
        return " · ".join(parts)


@dataclass
class ReviewState:
    """The store's analysis with the review log applied, and the means to change it."""

    store_dir: pathlib.Path
    reviewer: str
    base: Report
    entries: list[ReviewEntry]
    report: Report = field(init=False)
    filters: Filters = field(default_factory=Filters)

    def __post_init__(self) -> None:
        self._recompute()

    @classmethod
    def load(cls, store_dir: str | pathlib.Path, reviewer: str) -> "ReviewState":
        with Store(store_dir, readonly=True) as db:
            return cls(store_dir=pathlib.Path(store_dir), reviewer=reviewer, base=db.load_report(),
                       entries=db.review_entries())

    def _recompute(self) -> None:
        self.report = reviewed(self.base, self.entries)
        self.claims: dict[str, Claim] = self.report.claim_index()
        self.sources = self.report.source_index()
        self.labels = outlet_labels(self.report)
        # Outlets that state the most facts first: they get the table's columns.
        self.outlets = outlets_by_reach(self.report, self.labels)
        self.facts: dict[str, Fact] = {f.id: f for f in self.report.facts}
        self.order = {f.id: n for n, f in enumerate(self.report.facts)}
        self.fact_of_claim = {cid: f.id for f in self.report.facts for cid in f.claims}
        self._stances = outlet_stances(self.report, self.labels)
        rank = {o: n for n, o in enumerate(self.outlets)}
        self._outlets_of = {fact.id: sorted(dict.fromkeys(self.labels[self.claims[c].source] for c in fact.claims),
                                            key=rank.__getitem__) for fact in self.report.facts}

    # -- reading --------------------------------------------------------------------------
    def outlets_of(self, fact: Fact) -> list[str]:
        """The fact's outlets, in the one outlet order every screen uses (most facts first)."""
        return self._outlets_of[fact.id]

    def claims_in_outlet_order(self, fact: Fact) -> list[str]:
        """The fact's claim ids, outlet by outlet in the column order, reading order within one."""
        rank = {o: n for n, o in enumerate(self.outlets)}
        return sorted(fact.claims, key=lambda c: rank.get(self.labels[self.claims[c].source], len(rank)))

    def stance(self, fact: Fact, outlet: str) -> str:
        """corroborates | partial | differs | silent: the outlet's place in the fact × outlet matrix."""
        return self._stances.get(fact.id, {}).get(outlet, "silent")

    def review_state(self, fact: Fact) -> str:
        """A short word for the review column."""
        marks = []
        if fact.review and fact.review.state == SETTLED:
            marks.append("status to confirm")
        elif fact.review:
            marks.append(fact.review.state.replace("status set to ", "→ "))
        decided = sum(1 for d in fact.discrepancies if d.review)
        if fact.discrepancies:
            marks.append(f"{decided}/{len(fact.discrepancies)} checked")
        if fact.reviewed_grouping:
            marks.append("regrouped")
        if fact.notes:
            marks.append(f"{len(fact.notes)} note(s)")
        return ", ".join(marks)

    def is_reviewed(self, fact: Fact) -> bool:
        return bool(fact.review or fact.notes or fact.reviewed_grouping or
                    (fact.discrepancies and all(d.review for d in fact.discrepancies)))

    def visible(self) -> list[Fact]:
        """Facts after filters and search, in the chosen order."""
        f = self.filters
        needle = f.search.lower().strip()
        out = []
        for fact in self.report.facts:
            if f.status and fact.status != f.status:
                continue
            if f.unreviewed and self.is_reviewed(fact):
                continue
            if f.outlet and f.outlet not in self.outlets_of(fact):
                continue
            if needle and needle not in fact.summary.lower() and not any(
                    needle in self.claims[c].text.lower() for c in fact.claims):
                continue
            out.append(fact)
        if f.sort == "contested first":
            out.sort(key=lambda x: (STATUS_ORDER[x.status], -x.independent_outlets, -len(self.outlets_of(x)),
                                    self.order[x.id]))
        elif f.sort == "claims":
            out.sort(key=lambda x: (-len(x.claims), self.order[x.id]))
        elif f.sort == "outlets":
            out.sort(key=lambda x: (-len(self.outlets_of(x)), self.order[x.id]))
        return out

    def find_fact(self, claim_ids: list[str]) -> Fact | None:
        """The fact now holding most of these claims (a fact's id may change when it is regrouped)."""
        counts: dict[str, int] = {}
        for c in claim_ids:
            if c in self.fact_of_claim:
                counts[self.fact_of_claim[c]] = counts.get(self.fact_of_claim[c], 0) + 1
        if not counts:
            return None
        return self.facts[max(counts, key=lambda k: (counts[k], -self.order[k]))]

    def paragraph(self, claim: Claim) -> str:
        """The paragraph of the source around a claim."""
        source = self.sources[claim.source]
        for a, b in source.body:
            if a <= claim.start < b:
                return source.text[a:b]
        return source.text[claim.sentence[0]:claim.sentence[1]]

    def differing_spans(self, fact: Fact, claim: Claim) -> list[tuple[int, int]]:
        """Source spans of a claim's values that a discrepancy of this fact is about."""
        spans = []
        for d in fact.discrepancies:
            if claim.id not in d.claims:
                continue
            if d.kind == "number":
                spans += [(q.start, q.end) for q in claim.quantities]
            elif d.kind == "quote":
                spans += [(q.start, q.end) for q in claim.quotes]
            elif d.kind == "attribution" and claim.attribution.start is not None:
                spans.append((claim.attribution.start, claim.attribution.end))
            elif d.kind == "date":
                text = self.sources[claim.source].text
                for t in (claim.time, claim.attribution.time):
                    if t and t.text and (i := text.find(t.text.split(";")[0], claim.start, claim.end + 40)) >= 0:
                        spans.append((i, i + len(t.text.split(";")[0])))
        return sorted(set(spans))

    # -- deciding -------------------------------------------------------------------------
    def settled_waiting(self, claim_ids: list[str]) -> bool:
        """True when every discrepancy of the fact holding these claims was found not real and
        its status waits for the reviewer (it is not changed silently)."""
        fact = self.find_fact(claim_ids)
        return bool(fact and fact.review and fact.review.state == SETTLED)

    def decide(self, action: str, **fields) -> ReviewEntry:
        """Log a decision (synced to disk), then show its effect."""
        entry = new_entry(action, self.reviewer, **fields)
        with Store(self.store_dir) as db:
            db.append_review(entry)
        self.entries.append(entry)
        self._recompute()
        return entry

    def undo(self) -> ReviewEntry | None:
        """Cancel the most recent decision still in force (a new log entry); None if there is none."""
        target = last_undoable(self.entries)
        if target is None:
            return None
        self.decide("undo", undoes=target.id, claims=target.claims)
        return target
