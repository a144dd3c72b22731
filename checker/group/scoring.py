"""How alike two facts are when they are grouped into events outside any story.

The cosine of their centroids plus the IDF-weighted overlap of their terms, minus a penalty
when a time carried over from context disagrees (firmly disjoint times are never one event).
Claim pairs are scored by the fitted pair model instead (`checker.group.pair_features`,
`checker.group.pair_model`).
"""
from __future__ import annotations


import numpy as np

from checker.models import Claim
from checker.group.pair_features import term_idf, time_relation

__all__ = ["PairScorer", "time_relation"]


class PairScorer:
    """Scores pairs of (pseudo-)claims; knows the corpus' term weights (IDF). Scores are cached."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, settings):
        self.claims = claims
        self.vectors = vectors
        self.settings = settings
        self.idf = term_idf(claims)
        self.terms = [frozenset(c.terms) for c in claims]
        self.weight = [sum(self.idf.get(t, 1.0) for t in ts) for ts in self.terms]
        self._cache: dict[tuple[int, int], float] = {}

    def lexical_ij(self, i: int, j: int) -> float:
        """IDF-weighted overlap of terms: the mean of Jaccard and the overlap coefficient, so a
        short item contained in a long one still counts."""
        a, b = self.terms[i], self.terms[j]
        if not a or not b:
            return 0.0
        shared = sum(self.idf.get(t, 1.0) for t in a & b)
        if not shared:
            return 0.0
        union = self.weight[i] + self.weight[j] - shared
        return 0.5 * shared / union + 0.5 * shared / min(self.weight[i], self.weight[j])

    def score(self, i: int, j: int, cos: float | None = None) -> float:
        """Cosine + weighted term overlap − a penalty for a soft time conflict."""
        key = (i, j) if i < j else (j, i)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if cos is None:
            cos = float(self.vectors[i] @ self.vectors[j])
        s = cos + self.settings.event_lexical_weight * self.lexical_ij(i, j)
        if time_relation(self.claims[i].time, self.claims[j].time) == "soft_conflict":
            s -= self.settings.soft_time_penalty
        self._cache[key] = s
        return s
