"""How a source is named in tables and matrices, and which outlets get a matrix column (no
pandas here: the review UI uses it too)."""
from __future__ import annotations

from checker.models import STANCE_RANK, Report
from checker.outlets import outlet_labels as source_labels


def outlet_labels(report: Report) -> dict[str, str]:
    """Column label per source: its outlet (articles of one outlet share a column), else its id;
    `checker.outlets` decides which sources are one outlet."""
    return source_labels(report.sources)


def outlets_by_reach(report: Report, labels: dict[str, str] | None = None) -> list[str]:
    """Every outlet once, those stating the most facts first (ties in reading order): the
    order in which outlets get a column when there are more than a table can show."""
    labels = labels or outlet_labels(report)
    source_of = {c.id: c.source for c in report.claims}
    stated: dict[str, int] = {}
    for fact in report.facts:
        for outlet in {labels[source_of[c]] for c in fact.claims if c in source_of}:
            stated[outlet] = stated.get(outlet, 0) + 1
    first = {o: n for n, o in enumerate(dict.fromkeys(labels[s.id] for s in report.sources))}
    return sorted(first, key=lambda o: (-stated.get(o, 0), first[o]))


def outlet_stances(report: Report, labels: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    """Fact id -> outlet -> its stance (silent outlets left out): the fact × outlet matrix.
    An outlet whose articles take several stances on a fact shows the strongest."""
    labels = labels or outlet_labels(report)
    out: dict[str, dict[str, str]] = {}
    for fact in report.facts:
        row = out.setdefault(fact.id, {})
        for src, stance in fact.stances.items():
            col = labels.get(src, src)
            if STANCE_RANK[stance] > STANCE_RANK[row.get(col, "silent")]:
                row[col] = stance
    return out
