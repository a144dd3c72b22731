"""The report's tables as pandas DataFrames: facts, claims, and the fact × outlet matrix."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from checker.models import Report
from checker.report.labels import outlet_labels


@dataclass
class ReportTables:
    facts: pd.DataFrame
    claims: pd.DataFrame
    matrix: pd.DataFrame


def report_tables(report: Report) -> ReportTables:
    """Build the three tables from a report."""
    claims = report.claim_index()
    sources = report.source_index()
    labels = outlet_labels(report)
    fact_of = {cid: f.id for f in report.facts for cid in f.claims}
    fact_rows = []
    for f in report.facts:
        srcs = sorted({claims[c].source for c in f.claims}, key=list(sources).index)
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
    columns = [labels[s.id] for s in report.sources]
    matrix = pd.DataFrame("silent", index=[f.id for f in report.facts], columns=list(dict.fromkeys(columns)))
    order = {"differs": 3, "partial": 2, "corroborates": 1, "silent": 0}
    for f in report.facts:
        for src, stance in f.stances.items():
            col = labels.get(src, src)
            if order[stance] > order[matrix.at[f.id, col]]:
                matrix.at[f.id, col] = stance
    matrix.index.name = "fact"
    return ReportTables(facts=pd.DataFrame(fact_rows, columns=["fact", "event", "status", "summary", "claims", "outlets",
                                                                "sources", "discrepancies", "kinds", "review"]),
                        claims=pd.DataFrame(claim_rows), matrix=matrix)
