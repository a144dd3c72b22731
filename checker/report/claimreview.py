"""claimreview.jsonld: a schema.org ClaimReview item for every contested and corroborated fact.

`claimReviewed` is the fact's summary; `itemReviewed` a Claim with each outlet's article as an
`appearance` (url, name, date) and the earliest as `firstAppearance`; `reviewRating` says in
words what checker found ("Corroborated by 3 independent outlets", "Outlets differ: number");
`author` is the reviewer where a person settled the fact, else checker itself.
"""
from __future__ import annotations

import json

from checker.models import Fact, Report, Source
from checker.report.labels import outlet_labels

REVIEWED = ("contested", "corroborated")


def _appearance(s: Source, label: str) -> dict:
    item = {"@type": "NewsArticle", "name": s.title or label, "publisher": {"@type": "Organization", "name": label}}
    if s.url:
        item["url"] = s.url
    if s.published:
        item["datePublished"] = s.published.isoformat()
    return item


def rating_name(fact: Fact) -> str:
    """The verdict in words, as ClaimReview's reviewRating.alternateName."""
    if fact.status == "corroborated":
        n = fact.independent_outlets or 2
        return f"Corroborated by {n} independent outlet{'s' if n != 1 else ''}"
    standing = [d for d in fact.discrepancies if not (d.review and d.review.state == "not real")]
    kinds = sorted({d.kind for d in standing or fact.discrepancies})
    internal = all(d.internal for d in standing or fact.discrepancies)
    return ("One outlet contradicts itself: " if internal else "Outlets differ: ") + ", ".join(kinds or ["detail"])


def claim_review(fact: Fact, report: Report, labels: dict[str, str], sources: dict[str, Source],
                 source_of: dict[str, str]) -> dict:
    """One ClaimReview item for a fact."""
    seen: list[str] = []
    for cid in fact.claims:
        src = source_of.get(cid)
        if src and src not in seen:
            seen.append(src)
    appearances = [_appearance(sources[s], labels[s]) for s in seen if s in sources]
    dated = [a for a in appearances if "datePublished" in a]
    first = min(dated, key=lambda a: a["datePublished"]) if dated else (appearances[0] if appearances else None)
    reviewer = next((r.reviewer for r in [fact.review, *(d.review for d in fact.discrepancies)]
                     if r is not None and r.reviewer), None)
    author = {"@type": "Person", "name": reviewer} if reviewer else \
        {"@type": "Organization", "name": "checker (automated cross-referencing)"}
    claim = {"@type": "Claim", "appearance": appearances}
    if first:
        claim["firstAppearance"] = first
        if "datePublished" in first:
            claim["datePublished"] = first["datePublished"]
    item = {"@context": "https://schema.org", "@type": "ClaimReview", "identifier": fact.id,
            "url": f"report.html#{fact.id}", "claimReviewed": fact.summary, "itemReviewed": claim,
            "author": author, "reviewRating": {"@type": "Rating", "alternateName": rating_name(fact)}}
    if report.created:
        item["datePublished"] = report.created[:10]
    return item


def claim_reviews(report: Report) -> list[dict]:
    """ClaimReview items for the contested and corroborated facts, in report order."""
    labels = outlet_labels(report)
    sources = report.source_index()
    source_of = {c.id: c.source for c in report.claims}
    return [claim_review(f, report, labels, sources, source_of) for f in report.facts if f.status in REVIEWED]


def write_claimreview(report: Report, path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(claim_reviews(report), ensure_ascii=False, indent=1))
