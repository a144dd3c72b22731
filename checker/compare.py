"""`compare(a, b)`: the judge on two statements, for the CLI and for batch use.

Each statement is split into claims like an article sentence; claims of one are paired with
the most similar claims of the other, and each pair is judged. The relation is
`contradicts` when a judged pair differs, `corroborates` when the statements are about the
same thing and nothing differs, else `unrelated`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel

from checker.claims import extract_claims
from checker.embed import Embedder, SentenceTransformerEmbedder
from checker.group import GroupSettings, PairScorer
from checker.judge import compare_claims
from checker.models import Claim, Source

RELATED = 0.55


class Comparison(BaseModel):
    """The verdict on two statements."""

    id: str | None = None
    relation: str
    kind: str | None = None
    detail: str = ""
    score: float = 0.0


def _claims_of(texts: Sequence[str], published: dt.date | None) -> list[list[Claim]]:
    sources = [Source(id=f"s{i}", path="", text=t.strip() + ("" if t.strip()[-1:] in ".!?\"”" else "."),
                      published=published) for i, t in enumerate(texts)]
    claims = extract_claims(sources, layout=False)
    out: list[list[Claim]] = [[] for _ in texts]
    for c in claims:
        out[int(c.source[1:])].append(c)
    return out


def compare_many(pairs: Sequence[tuple[str, str, str]], *, embedder: Embedder | None = None,
                 published: dt.date | None = None) -> list[Comparison]:
    """Verdicts for (id, a, b) triples, in order; statements are parsed and embedded in batches."""
    embedder = embedder or SentenceTransformerEmbedder()
    texts = [t for _, a, b in pairs for t in (a, b)]
    per_text = _claims_of(texts, published)
    flat = [c for cs in per_text for c in cs]
    vectors = embedder.embed([c.standalone or c.text for c in flat])
    index = {id(c): n for n, c in enumerate(flat)}
    scorer = PairScorer(flat, vectors, GroupSettings())
    results = []
    for k, (pid, _, _) in enumerate(pairs):
        ca, cb = per_text[2 * k], per_text[2 * k + 1]
        results.append(_verdict(pid, ca, cb, scorer, index))
    return results


def _verdict(pid: str, ca: list[Claim], cb: list[Claim], scorer: PairScorer, index: dict[int, int]) -> Comparison:
    if not ca or not cb:
        return Comparison(id=pid, relation="unrelated", detail="no checkable claim in one of the statements")
    scored = sorted(((scorer.score(index[id(x)], index[id(y)]), x, y) for x in ca for y in cb), key=lambda t: -t[0])
    best = scored[0][0]
    if best < RELATED:
        return Comparison(id=pid, relation="unrelated", detail="the statements are not about the same thing",
                          score=round(best, 3))
    used_a, used_b = set(), set()
    partial = []
    for s, x, y in scored:
        if s < RELATED or x.id in used_a or y.id in used_b:
            continue
        used_a.add(x.id)
        used_b.add(y.id)
        rel = compare_claims(x, y)
        if rel.relation == "differs" and rel.kind == "number" and _numbers_stated_elsewhere(x, y, ca, cb):
            continue
        if rel.relation == "differs":
            return Comparison(id=pid, relation="contradicts", kind=rel.kind, detail=rel.detail, score=round(s, 3))
        if rel.relation == "partial":
            partial.append(rel.detail)
    return Comparison(id=pid, relation="corroborates", kind="partial" if partial else None,
                      detail="; ".join(partial) or "no difference in numbers, dates, quotes or negation",
                      score=round(best, 3))


def _numbers_stated_elsewhere(x: Claim, y: Claim, ca: list[Claim], cb: list[Claim]) -> bool:
    """Whether each side's numbers in the clash are stated somewhere in the other statement
    (a premise giving a rate in one sentence and the total in the next)."""
    from checker.judge import compare_numbers

    all_a = Claim(**{**x.model_dump(), "quantities": [q for c in ca for q in c.quantities]})
    all_b = Claim(**{**y.model_dump(), "quantities": [q for c in cb for q in c.quantities]})
    return compare_numbers(all_a, y) is None or compare_numbers(x, all_b) is None


def compare(a: str, b: str, *, embedder: Embedder | None = None, published: dt.date | None = None) -> Comparison:
    """The verdict on two statements: corroborates, contradicts or unrelated, with the reason."""
    return compare_many([("", a, b)], embedder=embedder, published=published)[0]
