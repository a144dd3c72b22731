"""report.json: the contract in shared/README.md (sources, events, facts with claims and
discrepancies), with extra fields a tool downstream can use (attribution, time, stances)."""
from __future__ import annotations

import json

from checker.models import Claim, Report


def _claim(c: Claim) -> dict:
    return {
        "id": c.id, "source": c.source, "start": c.start, "end": c.end, "text": c.text, "kind": c.kind,
        "segments": [list(s) for s in c.segments],
        "attribution": {"speaker": c.attribution.speaker, "kind": c.attribution.kind, "via": c.attribution.via,
                        "said_on": c.attribution.time.describe() if c.attribution.time else None},
        "time": ({"start": c.time.start.isoformat(), "end": c.time.end.isoformat(), "precision": c.time.precision,
                  "text": c.time.text, "origin": c.time.origin} if c.time else None),
        "quantities": [{"value": q.value, "unit": q.unit, "counted": q.counted, "qualifier": q.qualifier,
                        "text": q.text} for q in c.quantities],
        "quotes": [q.text for q in c.quotes],
        "negated": c.negated,
    }


_RUN_COUNTS = ("embedded", "articles_reused")


def report_dict(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    claims = report.claim_index()
    return {
        "created": report.created,
        # the thresholds the run used (checker.settings.Settings) and its engine; not how much the store
        # already had, so a rerun on the same input writes the same file
        "settings": {k: v for k, v in report.settings.items() if k not in _RUN_COUNTS},
        "notes": report.notes,
        "orphaned_reviews": [e.model_dump() for e in report.orphaned_reviews],
        "files": [f.model_dump() for f in report.files],
        "unmatched_metadata": report.unmatched_metadata,
        "sources": [{"id": s.id, "outlet": s.outlet, "published": s.published.isoformat() if s.published else None,
                     "url": s.url, "title": s.title, "path": s.path, "metadata_origin": s.metadata_origin,
                     "copy_of": s.copy_of}
                    for s in report.sources],
        "events": [{"id": e.id, "summary": e.summary, "facts": e.facts} for e in report.events],
        "facts": [{
            "id": f.id, "event": f.event, "status": f.status, "summary": f.summary, "stances": f.stances,
            "independent_outlets": f.independent_outlets,
            "review": f.review.model_dump() if f.review else None,
            "notes": [n.model_dump() for n in f.notes],
            "grouping_changed_by_review": f.reviewed_grouping,
            "claims": [_claim(claims[cid]) for cid in f.claims],
            "discrepancies": [{"id": d.id, "kind": d.kind, "claims": list(d.claims), "detail": d.detail,
                               "internal": d.internal, "review": d.review.model_dump() if d.review else None}
                              for d in f.discrepancies],
        } for f in report.facts],
    }


def write_json(report: Report, path) -> None:
    # dumps, not dump: dump writes piece by piece, ten times slower on a large report
    text = json.dumps(report_dict(report), ensure_ascii=False, indent=1)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
