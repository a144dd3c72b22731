"""`compare(a, b)`: the judge on two statements, for the CLI and for batch use.

Each statement is split into claims like an article sentence; claims of one are paired with
the claims of the other that share most of what they assert (terms, predicate, quotations),
and each pair is judged. The relation is `contradicts` when a judged pair differs within one
proposition, `corroborates` when what one statement asserts is found in the other (kind
`partial` when it is at another precision), else `unrelated` — which includes a pair on the
same topic that asserts something else. No embedding model is loaded unless one is passed:
the pairing is lexical, so the first answer comes as soon as spaCy is loaded.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel

from checker.judge import frames
from checker.extract.claims import extract_claims
from checker.judge.relations import compare_claims, compare_numbers
from checker.models import Claim, Source

RELATED = 0.34  # share of one claim's terms found in the other, below which two claims are not paired


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


def relatedness(x: Claim, y: Claim) -> float:
    """0-1: how much the two claims share of what they assert."""
    share = frames.coverage(x, y)[0]
    if frames.predicates_match(x, y):
        share += 0.15
    if x.quotes and y.quotes and frames.quotes_overlap(x, y):
        share += 0.3
    if "statement" in (x.kind, y.kind) and x.kind != y.kind:
        share -= 0.3  # a speech frame is paired with a speech frame
    return share


def compare_many(pairs: Sequence[tuple[str, str, str]], *, embedder=None,
                 published: dt.date | None = None) -> list[Comparison]:
    """Verdicts for (id, a, b) triples, in order; statements are parsed in one batch.

    Relative dates ('on Monday') are read against `published`, by default today. With an
    `embedder`, the cosine of the claims' vectors is added to their lexical relatedness."""
    texts = [t for _, a, b in pairs for t in (a, b)]
    per_text = _claims_of(texts, published or dt.date.today())
    cosine = None
    if embedder is not None:
        flat = [c for cs in per_text for c in cs]
        vectors = embedder.embed([c.standalone or c.text for c in flat]) if flat else None
        index = {id(c): n for n, c in enumerate(flat)}
        cosine = lambda x, y: float(vectors[index[id(x)]] @ vectors[index[id(y)]])  # noqa: E731
    results = []
    for k, (pid, _, _) in enumerate(pairs):
        results.append(_verdict(pid, per_text[2 * k], per_text[2 * k + 1], cosine))
    return results


def _verdict(pid: str, ca: list[Claim], cb: list[Claim], cosine) -> Comparison:
    if not ca or not cb:
        return Comparison(id=pid, relation="unrelated", detail="no checkable claim in one of the statements")

    def score(x, y):
        s = relatedness(x, y)
        return max(s, cosine(x, y) - 0.25) if cosine else s

    scored = sorted(((score(x, y), x, y) for x in ca for y in cb), key=lambda t: -t[0])
    best = scored[0][0]
    if best < RELATED:
        return Comparison(id=pid, relation="unrelated", detail="the statements are not about the same thing",
                          score=round(best, 3))
    used_a, used_b = set(), set()
    partial, agree, topic = [], [], []
    for s, x, y in scored:
        if s < RELATED or x.id in used_a or y.id in used_b:
            continue
        rel = compare_claims(x, y)
        if rel.relation == "differs" and rel.kind == "number" and compare_numbers(x, y) \
                and _numbers_stated_elsewhere(x, y, ca, cb):
            continue
        if rel.relation == "differs":
            return Comparison(id=pid, relation="contradicts", kind=rel.kind, detail=rel.detail, score=round(s, 3))
        if rel.relation == "partial" and "asserts something else" in rel.detail:
            topic.append(rel.detail)
            continue
        used_a.add(x.id)
        used_b.add(y.id)
        (partial if rel.relation == "partial" else agree).append(rel.detail)
    if not agree and not partial:
        whole = _stated_by_whole(ca, cb) or _stated_by_whole(cb, ca)
        if whole:
            return Comparison(id=pid, relation="corroborates", detail=whole, score=round(best, 3))
        return Comparison(id=pid, relation="unrelated", detail=topic[0] if topic else "no claim of one is in the other",
                          score=round(best, 3))
    return Comparison(id=pid, relation="corroborates", kind="partial" if partial and not agree else None,
                      detail="; ".join(dict.fromkeys(agree + partial)), score=round(best, 3))


def _stated_by_whole(ca: list[Claim], cb: list[Claim]) -> str | None:
    """A claim of b whose terms and figure are all found across a's claims taken together
    ('The country has 4.4 million people' after a sentence on Singapore / '4.4 million people
    live in Singapore')."""
    whole = ca[0].model_copy(update={"terms": [t for c in ca for t in c.terms]})
    figures = {(q.value, q.kind) for c in ca for q in c.quantities}
    for y in cb:
        share, matched = frames.covered(y, whole)
        if share >= 0.7 and y.quantities and all((q.value, q.kind) in figures for q in y.quantities):
            return "both state " + ", ".join(matched + [q.describe() for q in y.quantities])
    return None


def _numbers_stated_elsewhere(x: Claim, y: Claim, ca: list[Claim], cb: list[Claim]) -> bool:
    """Whether each side's numbers in the clash are stated somewhere in the other statement
    (a premise giving a rate in one sentence and the total in the next)."""
    all_a = Claim(**{**x.model_dump(), "quantities": [q for c in ca for q in c.quantities]})
    all_b = Claim(**{**y.model_dump(), "quantities": [q for c in cb for q in c.quantities]})
    return compare_numbers(all_a, y) is None or compare_numbers(x, all_b) is None


def compare(a: str, b: str, *, embedder=None, published: dt.date | None = None) -> Comparison:
    """The verdict on two statements: corroborates, contradicts or unrelated, with the reason."""
    return compare_many([("", a, b)], embedder=embedder, published=published)[0]
