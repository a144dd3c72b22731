"""Candidate pairs: each vector's nearest neighbours, from faiss.

Small sets are searched exactly (a flat inner-product index); above `EXACT_UP_TO` vectors an
HNSW graph finds neighbours approximately (99 % of the exact ones on claim vectors), so the
cost grows as n log n instead of n². Vectors are L2-normalized, so inner product = cosine.
"""
from __future__ import annotations

import numpy as np

EXACT_UP_TO = 4096


def candidate_pairs(vectors: np.ndarray, k: int, min_cosine: float) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for i < j where j is among i's k nearest neighbours or the reverse."""
    import faiss

    n = len(vectors)
    if n < 2:
        return []
    k = min(k + 1, n)  # each vector finds itself first
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if n <= EXACT_UP_TO:
        index = faiss.IndexFlatIP(x.shape[1])
    else:
        index = faiss.IndexHNSWFlat(x.shape[1], 16, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    index.add(x)
    if n > EXACT_UP_TO:
        index.hnsw.efSearch = max(64, 2 * k)
    sims, ids = index.search(x, k)
    pairs: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j, c in zip(ids[i], sims[i]):
            j = int(j)
            if j < 0 or j == i or c < min_cosine:
                continue
            key = (i, j) if i < j else (j, i)
            pairs[key] = float(c)
    return [(i, j, c) for (i, j), c in pairs.items()]
