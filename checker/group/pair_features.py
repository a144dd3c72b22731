"""What a fitted pair model sees of two claims: a row of numbers per candidate pair.

Per-claim parts (terms and their corpus weights, entity keys by kind, quotations, counted
things, the sentence's place in its article, the person a claim is about) are computed once;
a pair's row is then cheap. The features are general: embedding likeness and how the pair
ranks among each claim's matches in the other article, shared words weighted by rarity,
shared people / organisations / places, shared quotation words, numbers that align, how the
two times relate, same article, headline and lead positions, the same predicate, the same
or another speaker or subject, and how well the two claims' tokens align in the embedding
model's context (`checker.group.token_alignment`). Which of them matter, and how much, is fitted
(`checker.group.pair_model`), never set by hand.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
from rapidfuzz import fuzz

from checker.embed.embedder import TokenVectors
from checker.group.token_alignment import alignment_rows
from checker.judge.figures import align_quantities
from checker.judge.relations import known_speaker, same_speaker_text
from checker.models import Claim, TimeSpan
from checker.extract.normalize.entities import person_ids

_PLACE = ("country:", "place:")

FEATURES = (
    "cosine", "cosine_gap_a", "cosine_gap_b", "mutual_best", "rank_a", "rank_b",
    "lexical", "lexical_containment", "shared_rare_terms",
    "persons_shared", "persons_clash", "orgs_shared", "places_shared", "places_clash",
    "quote_words", "numbers_same", "numbers_aligned", "numbers_unmatched",
    "time_compatible", "time_soft_conflict", "time_missing",
    "same_source", "headline_any", "headline_both", "lead_both", "lead_any",
    "predicate_same", "speaker_same", "speaker_clash", "subject_same", "subject_clash",
    "length_ratio", "short_claim", "cosine_x_lexical", "cosine_x_cross_source",
    "sentence_cosine", "sentence_lexical", "sentence_containment", "position_gap",
    "tokens_aligned", "tokens_aligned_min", "tokens_aligned_max",
)
_LOOPED = (  # what `PairFeatures._row` computes pair by pair; the rest is computed for all pairs at once
    "lexical", "lexical_containment", "shared_rare_terms",
    "persons_shared", "persons_clash", "orgs_shared", "places_shared", "places_clash",
    "quote_words", "numbers_same", "numbers_aligned", "numbers_unmatched",
    "time_compatible", "time_soft_conflict", "time_missing",
    "predicate_same", "speaker_same", "speaker_clash", "subject_same", "subject_clash",
    "sentence_lexical", "sentence_containment",
)


def term_idf(claims: list[Claim]) -> dict[str, float]:
    """Each term's inverse document frequency over `claims` (a claim's terms are one document);
    a term the corpus does not hold weighs 1.0 where it is looked up."""
    df = Counter(t for c in claims for t in set(c.terms))
    n = max(1, len(claims))
    return {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}


def time_relation(a: TimeSpan | None, b: TimeSpan | None) -> str:
    """none | compatible | conflict (both firm) | soft_conflict (one carried from context)."""
    if a is None or b is None:
        return "none"
    if a.overlaps(b):
        return "compatible"
    return "conflict" if a.firm and b.firm else "soft_conflict"


def _quote_words(c: Claim) -> frozenset[str]:
    return frozenset(w for q in c.quotes for w in q.text.lower().split() if len(w) > 3)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class PairFeatures:
    """Feature rows for pairs of `claims` (vectors L2-normalized, row i for claim i; `tokens`,
    each claim's token vectors, when the embedder gave them: without, the alignment columns are
    NaN, which the pair model reads as its training mean, so they shift no probability)."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, tokens: list[TokenVectors] | None = None,
                 token_dims: int | None = 128):
        self.claims = claims
        self.vectors = vectors
        self.tokens = tokens
        self.token_dims = token_dims  # `Settings.token_alignment_dims`
        n = max(1, len(claims))
        self.idf = term_idf(claims)
        self.rare = math.log((n + 1) / 2.5)  # a term in at most two claims
        self.terms = [frozenset(c.terms) for c in claims]
        self.weight = [sum(self.idf.get(t, 1.0) for t in ts) for ts in self.terms]
        keys = [frozenset(e.key for e in c.entities) for c in claims]
        self.persons = [frozenset(k for k in ks if k.startswith("person:")) for ks in keys]
        self.orgs = [frozenset(k for k in ks if k.startswith("org:")) for ks in keys]
        self.places = [frozenset(k for k in ks if k.startswith(_PLACE)) for ks in keys]
        self.quotes = [_quote_words(c) for c in claims]
        self.speaker = [c.attribution.speaker if known_speaker(c) else None for c in claims]
        ids = person_ids([c.subject for c in claims if c.subject])
        self.subject = [ids[c.subject] if c.subject else None for c in claims]
        self._speakers: dict[tuple[str, ...], bool] = {}
        sources = {s: n for n, s in enumerate(dict.fromkeys(c.source for c in claims))}
        self.source_id = np.array([sources[c.source] for c in claims], dtype=np.int64)
        self.is_headline = np.array([c.kind == "headline" for c in claims], dtype=bool)
        self.position_of = np.array(self._sentence_positions(), dtype=np.int64)
        self.term_count = np.array([len(ts) for ts in self.terms], dtype=np.int64)
        self._sentence_context()

    def _same_speaker(self, *speakers: str) -> bool:
        """`same_speaker_text`, asked once per pair of speakers (a run has few, and many pairs)."""
        known = self._speakers.get(speakers)
        if known is None:
            known = self._speakers[speakers] = same_speaker_text(*speakers)
        return known

    def _sentence_positions(self) -> list[int]:
        """Each claim's sentence number in its article (0: the first sentence or the headline)."""
        starts: dict[str, set[int]] = {}
        for c in self.claims:
            starts.setdefault(c.source, set()).add(c.sentence[0])
        order = {s: {x: k for k, x in enumerate(sorted(v))} for s, v in starts.items()}
        return [order[c.source][c.sentence[0]] for c in self.claims]

    def _sentence_context(self) -> None:
        """Each claim's whole sentence: the mean vector and the terms of all its sentence's claims
        (a clause like 'Both these releases come' is matched by what its sentence says)."""
        members: dict[tuple, list[int]] = {}
        for i, c in enumerate(self.claims):
            members.setdefault((c.source, c.sentence), []).append(i)
        self.sentence_vector = np.zeros_like(self.vectors, dtype=np.float64)
        self.sentence_terms: list[frozenset] = [frozenset()] * len(self.claims)
        self.sentence_weight = [0.0] * len(self.claims)
        for idx in members.values():
            v = self.vectors[idx].sum(axis=0)
            v = v / (np.linalg.norm(v) or 1.0)
            terms = frozenset().union(*(self.terms[i] for i in idx))
            weight = sum(self.idf.get(t, 1.0) for t in terms)
            for i in idx:
                self.sentence_vector[i] = v
                self.sentence_terms[i] = terms
                self.sentence_weight[i] = weight

    def _sentence_lexical(self, i: int, j: int) -> tuple[float, float]:
        shared = self.sentence_terms[i] & self.sentence_terms[j]
        if not shared:
            return 0.0, 0.0
        w = sum(self.idf.get(t, 1.0) for t in shared)
        union = self.sentence_weight[i] + self.sentence_weight[j] - w
        return w / union, w / max(1e-9, min(self.sentence_weight[i], self.sentence_weight[j]))

    def lexical(self, i: int, j: int) -> tuple[float, float, float]:
        """IDF-weighted overlap of terms: Jaccard, containment (overlap / smaller), rare terms shared."""
        a, b = self.terms[i], self.terms[j]
        shared = a & b
        if not shared:
            return 0.0, 0.0, 0.0
        w = sum(self.idf.get(t, 1.0) for t in shared)
        union = self.weight[i] + self.weight[j] - w
        rare = sum(1 for t in shared if self.idf.get(t, 0.0) >= self.rare)
        return w / union, w / max(1e-9, min(self.weight[i], self.weight[j])), min(rare, 5) / 5

    def rows(self, pairs: list[tuple[int, int, float]]) -> np.ndarray:
        """One feature row per (i, j, cosine), columns in `FEATURES` order."""
        out = np.zeros((len(pairs), len(FEATURES)), dtype=np.float64)
        if not pairs:
            return out
        looped = np.empty((len(pairs), len(_LOOPED)), dtype=np.float64)  # row by row: no list of lists
        for r, (i, j, _) in enumerate(pairs):
            looped[r] = self._row(i, j)
        out[:, [FEATURES.index(f) for f in _LOOPED]] = looped
        del looped  # a large run's alignment needs the room
        i, j = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
        cos = np.array([p[2] for p in pairs], dtype=np.float64)
        column = {f: out[:, k] for k, f in enumerate(FEATURES)}
        column["cosine"][:] = cos
        gap_a, gap_b, rank_a, rank_b = self._best_matches(i, j, cos)
        column["cosine_gap_a"][:], column["cosine_gap_b"][:] = gap_a, gap_b
        column["mutual_best"][:] = (gap_a <= 1e-9) & (gap_b <= 1e-9)
        column["rank_a"][:], column["rank_b"][:] = np.minimum(rank_a, 10) / 10, np.minimum(rank_b, 10) / 10
        cross = (self.source_id[i] != self.source_id[j]).astype(np.float64)
        column["same_source"][:] = 1.0 - cross
        heads = self.is_headline[i].astype(int) + self.is_headline[j]
        column["headline_any"][:], column["headline_both"][:] = heads >= 1, heads == 2
        lead = (self.position_of[i] <= 2).astype(int) + (self.position_of[j] <= 2)
        column["lead_both"][:], column["lead_any"][:] = lead == 2, lead >= 1
        na, nb = self.term_count[i], self.term_count[j]
        column["length_ratio"][:] = np.minimum(na, nb) / np.maximum(1, np.maximum(na, nb))
        column["short_claim"][:] = np.minimum(na, nb) <= 3
        column["cosine_x_lexical"][:] = cos * column["lexical_containment"]
        column["cosine_x_cross_source"][:] = cos * cross
        for first in range(0, len(pairs), 8192):  # in blocks: two gathered vector blocks stay small
            block = slice(first, first + 8192)
            column["sentence_cosine"][block] = np.einsum("ij,ij->i", self.sentence_vector[i[block]],
                                                         self.sentence_vector[j[block]])
        column["position_gap"][:] = np.minimum(np.abs(self.position_of[i] - self.position_of[j]), 20) / 20
        aligned = FEATURES.index("tokens_aligned")
        out[:, aligned:aligned + 3] = alignment_rows(pairs, self.tokens, self.token_dims) \
            if self.tokens is not None else np.nan
        return out

    def _best_matches(self, i: np.ndarray, j: np.ndarray, cos: np.ndarray):
        """For each pair: how far its cosine lies below each claim's best candidate in the other
        claim's article (gap a: i's best there, gap b: j's), and its rank among each claim's
        candidates (0: the closest; ties by the later claim first)."""
        n = len(i)
        me, other, c = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([cos, cos])
        order = np.lexsort((-other, -c, me))  # by claim, then closest first
        first = np.r_[0, np.flatnonzero(np.diff(me[order])) + 1]
        rank = np.empty(2 * n, dtype=np.int64)
        rank[order] = np.arange(2 * n) - np.repeat(first, np.diff(np.r_[first, 2 * n]))
        _, group = np.unique(me * (int(self.source_id.max()) + 1) + self.source_id[other], return_inverse=True)
        best = np.full(group.max() + 1, -np.inf)
        np.maximum.at(best, group, c)
        gap = best[group] - c
        return gap[:n], gap[n:], rank[:n], rank[n:]

    def _row(self, i: int, j: int) -> list[float]:
        """The features that need each claim's sets and objects, in `_LOOPED` order (the rest are
        computed for all pairs at once in `rows`)."""
        a, b = self.claims[i], self.claims[j]
        lex, contain, rare = self.lexical(i, j)
        pa, pb = self.persons[i], self.persons[j]
        la, lb = self.places[i], self.places[j]
        numbers_same = numbers_aligned = numbers_unmatched = 0.0
        if a.quantities and b.quantities:
            if any(qa.value == qb.value for qa in a.quantities for qb in b.quantities):
                numbers_same = 1.0
            aligned = align_quantities(a.quantities, b.quantities)
            numbers_aligned = min(len(aligned), 2) / 2
            numbers_unmatched = 0.0 if (aligned or numbers_same) else 1.0
        rel = time_relation(a.time, b.time)
        sa, sb = self.speaker[i], self.speaker[j]
        speaker_same = speaker_clash = 0.0
        if sa and sb:
            if self._same_speaker(sa, a.attribution.speaker_key or "", sb, b.attribution.speaker_key or ""):
                speaker_same = 1.0
            else:
                speaker_clash = 1.0
        ua, ub = self.subject[i], self.subject[j]
        quote_words = _jaccard(self.quotes[i], self.quotes[j])
        if quote_words == 0.0 and self.quotes[i] and self.quotes[j]:
            quote_words = 0.5 * (fuzz.token_set_ratio(" ".join(self.quotes[i]), " ".join(self.quotes[j])) >= 90)
        return [
            lex, contain, rare,
            _jaccard(pa, pb), bool(pa) and bool(pb) and not pa & pb, _jaccard(self.orgs[i], self.orgs[j]),
            _jaccard(la, lb), bool(la) and bool(lb) and not la & lb,
            quote_words, numbers_same, numbers_aligned, numbers_unmatched,
            rel == "compatible", rel == "soft_conflict", rel == "none",
            bool(a.predicate) and a.predicate == b.predicate, speaker_same, speaker_clash,
            ua is not None and ua == ub, ua is not None and ub is not None and ua != ub,
            *self._sentence_lexical(i, j),
        ]
