"""The report's tables as pandas DataFrames: facts, claims, and the fact × outlet matrix."""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from checker.models import Report
from checker.report.labels import outlet_labels, outlet_stances, outlets_by_reach

MATRIX_OUTLETS = 20  # outlet columns report.md and report.html show; the others are counted in one column


@dataclass
class ReportTables:
    """The report as tables: `facts`, `claims`, and the fact × outlet `matrix` (every outlet,
    built when first asked for). `stances` is the matrix without its silent cells (fact id ->
    outlet -> stance); `columns` every outlet in reading order, `outlets` the same ordered by
    how many facts each states."""

    facts: pd.DataFrame
    claims: pd.DataFrame
    stances: dict[str, dict[str, str]]
    columns: list[str]
    outlets: list[str]

    @functools.cached_property
    def matrix(self) -> pd.DataFrame:
        # Filled from the sparse stances in one array: setting cells one by one in pandas
        # takes minutes for thousands of facts across hundreds of outlets.
        index = list(self.facts["fact"])
        row_of, col_of = {f: i for i, f in enumerate(index)}, {c: j for j, c in enumerate(self.columns)}
        cells = np.full((len(index), len(self.columns)), "silent", dtype=object)
        for fid, row in self.stances.items():
            for col, stance in row.items():
                cells[row_of[fid], col_of[col]] = stance
        return pd.DataFrame(cells, index=pd.Index(index, name="fact"), columns=self.columns)

    def shown_outlets(self, limit: int = MATRIX_OUTLETS) -> list[str]:
        """The outlets a printed matrix gives a column: all of them in reading order when they
        fit, else the `limit` that state the most facts (a day of coverage has hundreds)."""
        return list(self.columns) if len(self.columns) <= limit else self.outlets[:limit]

    def others(self, fact_id: str, shown: list[str]) -> Counter:
        """How many outlets without a column take each stance on this fact."""
        shown_set = set(shown)
        return Counter(st for o, st in self.stances.get(fact_id, {}).items() if o not in shown_set)


def report_tables(report: Report) -> ReportTables:
    """Build the three tables from a report."""
    claims = report.claim_index()
    sources = report.source_index()
    labels = outlet_labels(report)
    fact_of = {cid: f.id for f in report.facts for cid in f.claims}
    position = {sid: n for n, sid in enumerate(sources)}
    fact_rows = []
    for f in report.facts:
        srcs = sorted({claims[c].source for c in f.claims}, key=position.__getitem__)
        fact_rows.append({
            "fact": f.id, "event": f.event, "status": f.status, "summary": f.summary, "claims": len(f.claims),
            "outlets": len({labels[s] for s in srcs}), "sources": ", ".join(labels[s] for s in srcs),
            "discrepancies": len(f.discrepancies), "kinds": ", ".join(sorted({d.kind for d in f.discrepancies})),
            "review": f.review.state if f.review else "",
        })
    claim_rows = []
    for c in report.claims:
        if c.id not in fact_of:
            continue
        s = sources.get(c.source)
        claim_rows.append({
            "claim": c.id, "fact": fact_of[c.id], "source": c.source, "outlet": labels.get(c.source, c.source),
            "published": s.published.isoformat() if s and s.published else "", "start": c.start, "end": c.end,
            "kind": c.kind, "text": c.text, "speaker": c.attribution.speaker or "", "speaker_kind": c.attribution.kind,
            "said_on": c.attribution.time.describe() if c.attribution.time else "",
            "time_start": c.time.start.isoformat() if c.time else "", "time_end": c.time.end.isoformat() if c.time else "",
            "time_precision": c.time.precision if c.time else "", "time_origin": c.time.origin if c.time else "",
            "quantities": "; ".join(q.describe() for q in c.quantities), "quotes": " | ".join(q.text for q in c.quotes),
            "negated": c.negated,
        })
    stances = outlet_stances(report, labels)
    columns = list(dict.fromkeys([*(labels[s.id] for s in report.sources), *(c for r in stances.values() for c in r)]))
    return ReportTables(facts=pd.DataFrame(fact_rows, columns=["fact", "event", "status", "summary", "claims", "outlets",
                                                                "sources", "discrepancies", "kinds", "review"]),
                        claims=pd.DataFrame(claim_rows), stances=stances, columns=columns,
                        outlets=outlets_by_reach(report, labels))
