"""Claims → facts → events.

Candidates come from embedding neighbours (a claim is compared only with its k nearest
claims); a pair's score adds lexical overlap of content words and canonical entities, a
shared quotation and a shared number to the cosine. Time is a constraint: claims anchored
to disjoint times (each stated in its own sentence) are never one fact; times carried
over from a previous sentence only lower the score. Clusters grow by average linkage,
never across a blocked pair, never joining two clauses of one sentence. A claim that
matches nothing stays a single-source fact. Dated statements ("the ministry announced
on Sunday") join when their speakers match and what they announced landed in one fact.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from checker.judge import align_quantities, known_speaker, speakers_compatible
from checker.models import Claim, TimeSpan
from checker.normalize.entities import same_org, same_person

FIRM = ("explicit", "sentence", "tense")


@dataclass
class GroupSettings:
    """Thresholds of the grouping; defaults were tuned on the seeds and checked on ECB+."""

    neighbours: int = 15
    min_cosine: float = 0.3
    fact_link: float = 0.72
    fact_average: float = 0.66
    lexical_weight: float = 0.35
    soft_time_penalty: float = 0.2
    event_link: float = 0.45
    event_average: float = 0.35


def candidate_pairs(vectors: np.ndarray, k: int, min_cosine: float) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for i < j where j is among i's k nearest neighbours or the reverse."""
    n = len(vectors)
    if n < 2:
        return []
    k = min(k, n - 1)
    pairs: dict[tuple[int, int], float] = {}
    for lo in range(0, n, 2048):
        block = vectors[lo:lo + 2048] @ vectors.T
        for r in range(block.shape[0]):
            block[r, lo + r] = -1.0
        top = np.argpartition(-block, k, axis=1)[:, :k]
        for r, row in enumerate(top):
            i = lo + r
            for j in row:
                c = float(block[r, j])
                if c >= min_cosine:
                    pairs[(min(i, int(j)), max(i, int(j)))] = c
    return [(i, j, c) for (i, j), c in pairs.items()]


def time_relation(a: TimeSpan | None, b: TimeSpan | None) -> str:
    """none | compatible | conflict (both firm) | soft_conflict (one carried from context)."""
    if a is None or b is None:
        return "none"
    if a.overlaps(b):
        return "compatible"
    return "conflict" if a.origin in FIRM and b.origin in FIRM else "soft_conflict"


def _quote_match(a: Claim, b: Claim) -> bool:
    for qa in a.quotes:
        for qb in b.quotes:
            ta, tb = qa.text.strip(" ,.“”\"'").lower(), qb.text.strip(" ,.“”\"'").lower()
            if min(len(ta), len(tb)) >= 8 and fuzz.partial_ratio(ta, tb) >= 90:
                return True
    return False


def _number_match(a: Claim, b: Claim) -> bool:
    return any(qa.value == qb.value and (qa.counted == qb.counted or qa.unit and qa.unit == qb.unit)
               for qa in a.quantities for qb in b.quantities)


def _rank_vs_count(a: Claim, b: Claim) -> bool:
    return bool(a.ordinals) and not b.ordinals and any(q.kind == "count" for q in b.quantities) \
        and not any(q.kind == "count" for q in a.quantities)


def _count_vs_mention(a: Claim, b: Claim) -> bool:
    """`a` counts something (six exercises) that `b` only mentions, with no count of its own."""
    counted = {q.counted for q in a.quantities if q.kind == "count" and q.qualifier != "part" and q.counted}
    mine = {q.counted for q in b.quantities if q.kind == "count" and q.counted}
    return bool(counted & set(b.terms)) and not (counted & mine) and not any(q.kind == "count" for q in b.quantities)


class PairScorer:
    """Scores claim pairs; knows the corpus' term weights (IDF)."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, settings: GroupSettings):
        self.claims = claims
        self.vectors = vectors
        self.settings = settings
        df = Counter(t for c in claims for t in set(c.terms))
        n = max(1, len(claims))
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}

    def lexical(self, a: Claim, b: Claim) -> float:
        """IDF-weighted overlap of terms: the mean of Jaccard and the overlap coefficient, so a
        short claim contained in a long one still counts."""
        sa, sb = set(a.terms), set(b.terms)
        if not sa or not sb:
            return 0.0
        w = self.idf.get
        shared = sum(w(t, 1.0) for t in sa & sb)
        union = sum(w(t, 1.0) for t in sa | sb)
        smaller = min(sum(w(t, 1.0) for t in sa), sum(w(t, 1.0) for t in sb))
        return 0.5 * shared / union + 0.5 * shared / smaller

    def blocked(self, i: int, j: int) -> bool:
        a, b = self.claims[i], self.claims[j]
        if a.source == b.source and a.sentence == b.sentence:
            return True
        if a.source != b.source and "headline" in (a.kind, b.kind):
            return True  # a headline sums up its own article; matching it across outlets glues unlike facts
        return time_relation(a.time, b.time) == "conflict"

    def score(self, i: int, j: int, cos: float | None = None) -> float:
        a, b = self.claims[i], self.claims[j]
        if cos is None:
            cos = float(self.vectors[i] @ self.vectors[j])
        s = cos + self.settings.lexical_weight * self.lexical(a, b)
        if _quote_match(a, b):
            s += 0.15
        if _number_match(a, b):
            s += 0.05
        elif a.quantities and b.quantities:
            aligned = align_quantities(a.quantities, b.quantities)
            if any(len(x) >= 2 for x, _ in aligned):
                s += 0.35  # a parallel list of counts ("4 Chinese + 4 Russian" / "2 Chinese + 2 Russian")
            elif aligned:
                s += 0.1
        if set(a.ordinals) & set(b.ordinals):
            s += 0.05
        if time_relation(a.time, b.time) == "soft_conflict":
            s -= self.settings.soft_time_penalty
        if known_speaker(a) and known_speaker(b) and not speakers_compatible(a, b):
            s -= 0.1  # two people's statements are two facts, unless their words match
        if _rank_vs_count(a, b) or _rank_vs_count(b, a):
            s -= 0.15  # "their first exercise" is not "six exercises"
        if _count_vs_mention(a, b) or _count_vs_mention(b, a):
            s -= 0.15  # "six exercises last year" is not "bombers conducted exercises in May"
        return s


def average_linkage(n: int, edges: list[tuple[int, int, float]], link: float, average: float,
                    score: Callable[[int, int], float], blocked: Callable[[int, int], bool]) -> list[list[int]]:
    """Clusters of 0..n-1: merge along edges (best first) when no pair across is blocked and
    the mean score across the two clusters stays at or above `average`."""
    parent = list(range(n))
    members = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, s in sorted(edges, key=lambda e: -e[2]):
        if s < link:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = members[ri], members[rj]
        if any(blocked(x, y) for x in a for y in b):
            continue
        mean = sum(score(x, y) for x in a for y in b) / (len(a) * len(b))
        if mean < average:
            continue
        parent[rj] = ri
        members[ri] = a + b
        del members[rj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def group_facts(claims: list[Claim], vectors: np.ndarray, settings: GroupSettings | None = None) -> list[list[int]]:
    """Facts as lists of claim indices. Statement claims join only through what they announced."""
    settings = settings or GroupSettings()
    scorer = PairScorer(claims, vectors, settings)
    content = [i for i, c in enumerate(claims) if c.kind != "statement"]
    sub = vectors[content] if content else vectors[:0]
    edges = []
    for a, b, cos in candidate_pairs(sub, settings.neighbours, settings.min_cosine):
        i, j = content[a], content[b]
        if not scorer.blocked(i, j):
            edges.append((i, j, scorer.score(i, j, cos)))
    clusters = average_linkage(len(claims), edges, settings.fact_link, settings.fact_average,
                               scorer.score, scorer.blocked)
    clusters = [c for c in clusters if not (len(c) == 1 and claims[c[0]].kind == "statement")]
    return _join_statements(claims, clusters)


def _same_speaker(a: Claim, b: Claim) -> bool:
    sa, sb = a.attribution, b.attribution
    if not sa.speaker or not sb.speaker:
        return False
    if sa.kind == "person" and sb.kind == "person":
        return same_person(sa.speaker, sb.speaker)
    if sa.speaker_key and sa.speaker_key == sb.speaker_key:
        return True
    return same_org(sa.speaker, sb.speaker) or same_person(sa.speaker, sb.speaker)


def _join_statements(claims: list[Claim], clusters: list[list[int]]) -> list[list[int]]:
    """Dated statements of one speaker whose reported claims share a fact become one fact."""
    fact_of = {i: n for n, members in enumerate(clusters) for i in members}
    statements = [i for i, c in enumerate(claims) if c.kind == "statement"]
    reported: dict[int, set[int]] = {}
    for s in statements:
        st = claims[s]
        reported[s] = {fact_of[i] for i, c in enumerate(claims) if i in fact_of and c.kind != "statement"
                       and c.source == st.source and c.sentence == st.sentence}
    joined: list[list[int]] = []
    used: set[int] = set()
    for x in statements:
        if x in used:
            continue
        group = [x]
        for y in statements:
            if y != x and y not in used and claims[y].source != claims[x].source and reported[x] & reported[y] \
                    and _same_speaker(claims[x], claims[y]):
                group.append(y)
        if len({claims[i].source for i in group}) > 1:
            used.update(group)
            joined.append(sorted(group))
    return clusters + joined


def group_events(facts: list, fact_members: list[list[int]], claims: list[Claim], vectors: np.ndarray,
                 settings: GroupSettings | None = None) -> list[list[int]]:
    """Events as lists of fact indices: facts about one happening, from their claims' centroids,
    shared terms and compatible times (firmly disjoint times never share an event)."""
    settings = settings or GroupSettings()
    n = len(facts)
    if n == 0:
        return []
    centroids = np.stack([vectors[m].mean(axis=0) for m in fact_members])
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = centroids / np.where(norms == 0, 1, norms)
    pseudo = [Claim(id=f.id, source="", start=0, end=0, text="", sentence=(0, 0), time=f.time,
                    terms=sorted({t for i in m for t in claims[i].terms})) for f, m in zip(facts, fact_members)]
    scorer = PairScorer(pseudo, centroids, settings)

    def blocked(i: int, j: int) -> bool:
        return time_relation(pseudo[i].time, pseudo[j].time) == "conflict"

    edges = [(i, j, scorer.score(i, j, c)) for i, j, c in candidate_pairs(centroids, settings.neighbours,
                                                                          settings.min_cosine) if not blocked(i, j)]
    return average_linkage(n, edges, settings.event_link, settings.event_average, scorer.score, blocked)
