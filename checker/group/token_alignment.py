"""How well two claims' words align, token by token, in the embedding model's context.

Each token of one claim is matched to the most alike token of the other (the cosine of their
contextual vectors) and the matches are averaged, weighted by how rare each token is among the
run's claims (BERTScore's greedy matching with IDF weights). Mean-pooled sentence vectors blur
the words a fact turns on; the alignment keeps them: "Nebraska and Oklahoma filed a lawsuit"
aligns with "the two states sued" word for word, while "the lawsuit was brought by attorneys
general" matches it only on "lawsuit". The fitted pair model weighs the figures
(`checker.group.pair_features`); nothing here decides.

The token vectors are first projected on the main directions of the run's own tokens (an SVD of
an even sample of them): a third of the dimensions keeps what tells this run's words apart, and
the matching costs a third (cross-validated on the keyed stories: the same or better than all
384 dimensions; `Settings.token_alignment_dims`).
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from checker.embed.embedder import TokenVectors

SVD_SAMPLE = 20_000  # tokens the projection is fitted on (an even sample: the same tokens, the same basis)


def token_idf(tokens: list[TokenVectors]) -> dict[int, float]:
    """Each token id's inverse document frequency over the claims (a claim's tokens are one document)."""
    df = Counter(t for tv in tokens for t in set(tv.ids.tolist()))
    n = max(1, len(tokens))
    return {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}


def projected(tokens: list[TokenVectors], dims: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Every claim's token vectors in one float32 array, projected on the `dims` main directions of
    these tokens and L2-normalized again (None: as they are), and where each claim's rows start."""
    lengths = np.array([len(tv.ids) for tv in tokens], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    width = next((tv.vectors.shape[1] for tv in tokens if len(tv.ids)), 0)
    basis = None
    if dims is not None and starts[-1] and dims < width:
        step = -(-int(starts[-1]) // SVD_SAMPLE)  # at most SVD_SAMPLE tokens
        every = np.arange(0, int(starts[-1]), step)  # every step-th token of the run, claim by claim
        owner = np.searchsorted(starts, every, side="right") - 1
        sample = np.stack([tokens[c].vectors[k - starts[c]] for c, k in zip(owner.tolist(), every.tolist())]
                          ).astype(np.float32)
        # the right singular vectors of the sample, as the eigenvectors of its Gram matrix (cheaper)
        values, vectors = np.linalg.eigh(sample.T.astype(np.float64) @ sample)
        basis = vectors[:, ::-1][:, :dims].astype(np.float32)
    out = np.empty((int(starts[-1]), width if basis is None else basis.shape[1]), dtype=np.float32)
    for first in range(0, len(tokens), 2048):  # a block at a time: never every token in float32 at full width
        block = [tv.vectors for tv in tokens[first:first + 2048] if len(tv.ids)]
        if block:
            rows = np.concatenate(block).astype(np.float32)
            rows = rows if basis is None else rows @ basis
            rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
            out[starts[first]:starts[min(first + 2048, len(tokens))]] = rows
    return out, starts


def alignment_rows(pairs: list[tuple[int, int, float]], tokens: list[TokenVectors],
                   dims: int | None = 128) -> np.ndarray:
    """For each pair (i, j, cosine): the IDF-weighted alignment F1, the lower and the higher of its
    two directions (how much of i finds a match in j, and of j in i; each at least 0). A claim
    without tokens aligns at its pair's cosine."""
    out = np.zeros((len(pairs), 3), dtype=np.float64)
    if not pairs:
        return out
    idf = token_idf(tokens)
    flat, starts = projected(tokens, dims)
    weight = np.array([idf[t] for tv in tokens for t in tv.ids.tolist()], dtype=np.float32)
    ends = np.array([(i, j) for i, j, _ in pairs], dtype=np.int64)
    both = (starts[ends + 1] > starts[ends]).all(axis=1)  # both claims have tokens
    out[~both] = np.array([cos for _, _, cos in pairs])[~both, None]
    pair_rows = np.flatnonzero(both)
    pair_rows = pair_rows[np.argsort(ends[pair_rows, 0], kind="stable")]  # grouped by their first claim
    pair_rows = np.column_stack([pair_rows, ends[pair_rows]])                # (row, i, j)
    firsts, group_starts = np.unique(pair_rows[:, 1], return_index=True)
    mine_found = np.zeros(len(pair_rows))
    theirs_found = np.zeros(len(pair_rows))
    sizes_all = starts[pair_rows[:, 2] + 1] - starts[pair_rows[:, 2]]
    for i, lo, hi in zip(firsts.tolist(), group_starts.tolist(), [*group_starts[1:].tolist(), len(pair_rows)]):
        others = pair_rows[lo:hi, 2]
        sizes = sizes_all[lo:hi]
        bounds = np.cumsum(sizes) - sizes
        index = np.repeat(starts[others] - bounds, sizes) + np.arange(int(sizes.sum()))  # the partners' rows
        sims = flat[starts[i]:starts[i + 1]] @ flat[index].T
        mine = weight[starts[i]:starts[i + 1]]
        theirs = weight[index]
        mine_found[lo:hi] = mine @ np.maximum.reduceat(sims, bounds, axis=1) / mine.sum()  # how much of i each covers
        theirs_found[lo:hi] = np.add.reduceat(sims.max(axis=0) * theirs, bounds) / np.add.reduceat(theirs, bounds)
    mine_found, theirs_found = np.maximum(mine_found, 0.0), np.maximum(theirs_found, 0.0)  # no match < none
    total = mine_found + theirs_found
    f1 = np.divide(2 * mine_found * theirs_found, total, out=np.zeros_like(total), where=total > 0)
    out[pair_rows[:, 0]] = np.column_stack([f1, np.minimum(mine_found, theirs_found),
                                            np.maximum(mine_found, theirs_found)])
    return out
