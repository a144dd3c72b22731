"""How alike two claims are: the score that decides whether they state one fact.

The cosine of their embeddings, plus the IDF-weighted overlap of their content words and
canonical entities, plus a shared quotation, a shared number or aligned counts, a shared
rank; minus a time carried over from context that disagrees, two different known speakers,
a rank against a count, a count against a mere mention. Per-claim features are computed once.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
from rapidfuzz import fuzz

from checker.judge import align_quantities, known_speaker, same_speaker_text
from checker.models import Claim, TimeSpan

FIRM = ("explicit", "sentence", "tense")


def time_relation(a: TimeSpan | None, b: TimeSpan | None) -> str:
    """none | compatible | conflict (both firm) | soft_conflict (one carried from context)."""
    if a is None or b is None:
        return "none"
    if a.overlaps(b):
        return "compatible"
    return "conflict" if a.origin in FIRM and b.origin in FIRM else "soft_conflict"


def _quote_texts(c: Claim) -> list[str]:
    return [t for t in (q.text.strip(" ,.“”\"'").lower() for q in c.quotes) if len(t) >= 8]


def _counted(c: Claim) -> frozenset[str]:
    return frozenset(q.counted for q in c.quantities if q.kind == "count" and q.qualifier != "part" and q.counted)


class PairScorer:
    """Scores claim pairs; knows the corpus' term weights (IDF). Scores are cached."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, settings):
        self.claims = claims
        self.vectors = vectors
        self.settings = settings
        df = Counter(t for c in claims for t in set(c.terms))
        n = max(1, len(claims))
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        self.terms = [frozenset(c.terms) for c in claims]
        self.weight = [sum(self.idf.get(t, 1.0) for t in ts) for ts in self.terms]
        self.quotes = [_quote_texts(c) for c in claims]
        self.counted = [_counted(c) for c in claims]
        self.counts = [any(q.kind == "count" for q in c.quantities) for c in claims]
        self.speaker = [c.attribution.speaker if known_speaker(c) else None for c in claims]
        self._cache: dict[tuple[int, int], float] = {}

    def lexical_ij(self, i: int, j: int) -> float:
        """IDF-weighted overlap of terms: the mean of Jaccard and the overlap coefficient, so a
        short claim contained in a long one still counts."""
        a, b = self.terms[i], self.terms[j]
        if not a or not b:
            return 0.0
        shared = sum(self.idf.get(t, 1.0) for t in a & b)
        if not shared:
            return 0.0
        union = self.weight[i] + self.weight[j] - shared
        return 0.5 * shared / union + 0.5 * shared / min(self.weight[i], self.weight[j])

    def lexical(self, a: Claim, b: Claim) -> float:
        return self.lexical_ij(self.claims.index(a), self.claims.index(b))

    def blocked(self, i: int, j: int) -> bool:
        a, b = self.claims[i], self.claims[j]
        if a.source == b.source and a.sentence == b.sentence:
            return True
        if a.source != b.source and "headline" in (a.kind, b.kind):
            return True  # a headline sums up its own article; matching it across outlets glues unlike facts
        return time_relation(a.time, b.time) == "conflict"

    def score(self, i: int, j: int, cos: float | None = None) -> float:
        key = (i, j) if i < j else (j, i)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if cos is None:
            cos = float(self.vectors[i] @ self.vectors[j])
        s = cos + self.settings.event_lexical_weight * self.lexical_ij(i, j) + self._adjustments(i, j)
        self._cache[key] = s
        return s

    def _adjustments(self, i: int, j: int) -> float:
        a, b = self.claims[i], self.claims[j]
        s = 0.0
        if self.quotes[i] and self.quotes[j] and any(
                fuzz.partial_ratio(x, y) >= 90 for x in self.quotes[i] for y in self.quotes[j]):
            s += 0.15
        if a.quantities and b.quantities:
            if any(qa.value == qb.value and (qa.counted == qb.counted or qa.unit and qa.unit == qb.unit)
                   for qa in a.quantities for qb in b.quantities):
                s += 0.05
            else:
                aligned = align_quantities(a.quantities, b.quantities)
                if any(len(x) >= 2 for x, _ in aligned):
                    s += 0.35  # a parallel list of counts ("4 Chinese + 4 Russian" / "2 Chinese + 2 Russian")
                elif aligned:
                    s += 0.1
        if a.ordinals and b.ordinals and set(a.ordinals) & set(b.ordinals):
            s += 0.05
        if (a.time is not None and b.time is not None and time_relation(a.time, b.time) == "soft_conflict"):
            s -= self.settings.soft_time_penalty
        if self.speaker[i] and self.speaker[j] and not same_speaker_text(
                self.speaker[i], a.attribution.speaker_key or "", self.speaker[j], b.attribution.speaker_key or ""):
            s -= 0.1  # two people's statements are two facts, unless their words match
        if (a.ordinals and not b.ordinals and self.counts[j] and not self.counts[i]) or \
                (b.ordinals and not a.ordinals and self.counts[i] and not self.counts[j]):
            s -= 0.15  # "their first exercise" is not "six exercises"
        if self._count_vs_mention(i, j) or self._count_vs_mention(j, i):
            s -= 0.15  # "six exercises last year" is not "bombers conducted exercises in May"
        return s

    def _count_vs_mention(self, i: int, j: int) -> bool:
        """Claim i counts something (six exercises) that claim j only mentions, with no count."""
        counted = self.counted[i]
        return bool(counted) and not self.counts[j] and bool(counted & self.terms[j])
