"""Where the per-article work runs: here, in a pool of worker processes, or on Ray.

Claim extraction (boilerplate removal, spaCy, clause splitting, normalization) needs only
the article itself, so articles are cut into chunks and each chunk is extracted on its own:
inline for small inputs, in worker processes for large ones (each loads spaCy once), or as
Ray Data batch stages (`checker.ray_engine`). Results come back in input order, so every
engine yields the same claims.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from checker.claims import extract_claims
from checker.models import Claim, Removed, Source

PARALLEL_MIN_BYTES = 400_000   # below this, starting workers costs more than it saves
CHUNK_SOURCES = 24


def _extract_chunk(sources: list[Source]) -> tuple[list[Claim], list[tuple[list, list]]]:
    claims = extract_claims(sources)
    return claims, [(s.body, [r.model_dump() for r in s.removed]) for s in sources]


def _warm() -> None:
    from checker.nlp import load_nlp

    load_nlp()


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def extract_all(sources: list[Source], *, workers: int | None = None,
                progress: Callable[[int], None] | None = None) -> list[Claim]:
    """Claims of every source, in source order; sets each source's body and removals."""
    workers = default_workers() if workers is None else workers
    size = sum(len(s.text) for s in sources)
    if workers <= 1 or size < PARALLEL_MIN_BYTES or len(sources) < 2 * CHUNK_SOURCES:
        return extract_claims(sources, progress=progress)
    chunks = [sources[i:i + CHUNK_SOURCES] for i in range(0, len(sources), CHUNK_SOURCES)]
    # fork shares the loaded spaCy model with the workers; nothing has run on threads yet.
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    claims: list[Claim] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm) as pool:
        for chunk, (chunk_claims, layouts) in zip(chunks, pool.map(_extract_chunk, chunks)):
            for source, (body, removed) in zip(chunk, layouts):
                source.body = [tuple(b) for b in body]
                source.removed = [Removed(**r) for r in removed]
            claims += chunk_claims
            if progress:
                progress(len(chunk))
    return claims
