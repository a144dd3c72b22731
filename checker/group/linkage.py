"""Average-linkage clustering over a sparse graph of candidate pairs, with constraints.

Each cluster keeps what a merge needs, so a merge costs O(neighbouring clusters), not
O(|A|·|B|): the sum of its members' vectors (the mean cosine between two clusters is the dot
product of their sums over |A|·|B|), the summed scores and cosines of candidate edges to each
neighbouring cluster, its firm-time window, the sentences and sources it holds.

The mean score between clusters counts each candidate pair with its full score and every
other pair with its cosine. A merge is refused when it would put firmly disjoint times
together, two clauses of one sentence, a headline with another outlet's claims, or claims
about two different people ('Miller scored eight points', 'Jones had 11 points') when
neither side names the other's person. For facts, an edge within one article starts a merge
only at a higher score than an edge between two outlets: an article's two claims that merely
look alike join one fact when another outlet's claims link them (an article's two positions side
by side look alike: 'some officers saw more marijuana', 'some saw no increase'), while an article
repeating itself (the same quotation printed twice) is still one fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import DisjointSet


@dataclass
class Node:
    """What the constraints know of one item to cluster."""

    start: int | None = None      # firm time as day ordinals (None: no firm time)
    end: int | None = None
    sentence: tuple | None = None  # (source, sentence start): two clauses of one sentence never merge
    source: str | None = None
    headline: bool = False
    subject: int | None = None     # the person the item is about (an id), if it names one
    mentions: frozenset = frozenset()  # every person it names (ids), its subject included


@dataclass
class _Cluster:
    members: list[int]
    vsum: np.ndarray
    lo: int | None
    hi: int | None
    sentences: set = field(default_factory=set)
    sources: set = field(default_factory=set)
    headline_source: str | None = None
    subjects: set = field(default_factory=set)
    mentions: set = field(default_factory=set)
    adj: dict[int, list[float]] = field(default_factory=dict)  # root → [score sum, cosine sum, edges]


def _compatible(a: _Cluster, b: _Cluster) -> bool:
    if a.lo is not None and b.lo is not None and (a.hi < b.lo or b.hi < a.lo):
        return False
    if a.sentences & b.sentences:
        return False
    for x, y in ((a, b), (b, a)):
        if x.headline_source is not None and (y.sources - {x.headline_source}):
            return False
    return all(sa == sb or sa in b.mentions or sb in a.mentions for sa in a.subjects for sb in b.subjects)


def average_linkage(nodes: list[Node], vectors: np.ndarray, edges: list[tuple[int, int, float, float]],
                    link: float, average: float, missing: float | None = None,
                    within_source_link: float | None = None) -> list[list[int]]:
    """Clusters of node indices: merge along edges (i, j, score, cosine), best first, when the
    constraints allow it and the mean score across the two clusters stays at or above `average`.
    A pair with no edge counts with its cosine, or with `missing` when given (a probability
    model's scores are not on the cosine's scale). An edge between two nodes of one source starts
    a merge only when its score reaches `within_source_link` (None: `link`, as any edge); it
    counts in the means either way."""
    clusters: dict[int, _Cluster] = {}
    for i, n in enumerate(nodes):
        clusters[i] = _Cluster(members=[i], vsum=np.array(vectors[i], dtype=np.float64), lo=n.start, hi=n.end,
                               sentences={n.sentence} if n.sentence else set(),
                               sources={n.source} if n.source is not None else set(),
                               headline_source=n.source if n.headline else None,
                               subjects={n.subject} if n.subject is not None else set(), mentions=set(n.mentions))
    for i, j, score, cos in edges:
        for x, y in ((i, j), (j, i)):
            acc = clusters[x].adj.setdefault(y, [0.0, 0.0, 0])
            acc[0] += score
            acc[1] += cos
            acc[2] += 1
    joined = DisjointSet(range(len(nodes)))
    key = {i: i for i in range(len(nodes))}  # the set's root -> the cluster's key (its first node to merge into)

    def find(x: int) -> int:
        return key[joined[x]]

    for i, j, score, _ in sorted(edges, key=lambda e: -e[2]):
        if score < link:
            break
        if within_source_link is not None and score < within_source_link and nodes[i].source == nodes[j].source:
            continue
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = clusters[ri], clusters[rj]
        if not _compatible(a, b):
            continue
        s_sum, c_sum, n_edges = a.adj.get(rj, (0.0, 0.0, 0))
        pairs = len(a.members) * len(b.members)
        rest = float(a.vsum @ b.vsum) - c_sum if missing is None else missing * (pairs - n_edges)
        mean = (s_sum + rest) / pairs
        if mean < average:
            continue
        _merge(clusters, ri, rj)
        joined.merge(ri, rj)
        key[joined[ri]] = ri
    return sorted((sorted(c.members) for c in clusters.values()), key=lambda m: m[0])


def _merge(clusters: dict[int, _Cluster], ri: int, rj: int) -> None:
    a, b = clusters[ri], clusters.pop(rj)
    a.members += b.members
    a.vsum += b.vsum
    if b.lo is not None:
        a.lo = b.lo if a.lo is None else max(a.lo, b.lo)
        a.hi = b.hi if a.hi is None else min(a.hi, b.hi)
    a.sentences |= b.sentences
    a.sources |= b.sources
    a.headline_source = a.headline_source or b.headline_source
    a.subjects |= b.subjects
    a.mentions |= b.mentions
    a.adj.pop(rj, None)
    for other, acc in b.adj.items():
        if other == ri:
            continue
        mine = a.adj.setdefault(other, [0.0, 0.0, 0])
        for k in range(3):
            mine[k] += acc[k]
        theirs = clusters[other].adj  # each side keeps its own copy of the sums
        moved = theirs.pop(rj)
        into = theirs.setdefault(ri, [0.0, 0.0, 0])
        for k in range(3):
            into[k] += moved[k]
