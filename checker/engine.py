"""Where the per-article work runs: here, in a pool of worker processes, or on Ray; and what
of it the store already has.

Claim extraction (boilerplate removal, spaCy, clause splitting, normalization) needs only
the article itself. Each article's result is kept in the store under a hash of its text, its
metadata and the extractor's version, so a rerun extracts only new or changed articles and
an interrupted run resumes where it stopped. Misses are cut into chunks, extracted inline
for small inputs or in worker processes for large ones (each loads spaCy once), and saved
chunk by chunk. Results come back in input order, so every engine yields the same claims.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from checker.claims import extract_claims
from checker.models import Claim, Removed, Source

EXTRACTOR_VERSION = "2026-11-23.1"  # bump when extraction changes what it produces
PARALLEL_MIN_BYTES = 400_000        # below this, starting workers costs more than it saves
CHUNK_SOURCES = 24


def extraction_key(source: Source) -> str:
    """What an article's extraction depends on: its text, metadata and the extractor."""
    meta = f"{source.id}|{source.outlet}|{source.published}|{source.title}|{source.markup}|{EXTRACTOR_VERSION}"
    return hashlib.sha256(f"{meta}\x1f{source.text}".encode()).hexdigest()


def _pack(source: Source, claims: list[Claim]) -> str:
    return json.dumps({"body": source.body, "removed": [r.model_dump() for r in source.removed],
                       "claims": [c.model_dump(mode="json") for c in claims]})


def _unpack(source: Source, data: str) -> list[Claim]:
    raw = json.loads(data)
    source.body = [tuple(b) for b in raw["body"]]
    source.removed = [Removed(**r) for r in raw["removed"]]
    return [Claim.model_validate(c) for c in raw["claims"]]


def _extract_chunk(sources: list[Source]) -> list[str]:
    claims = extract_claims(sources)
    by_source: dict[str, list[Claim]] = {s.id: [] for s in sources}
    for c in claims:
        by_source[c.source].append(c)
    return [_pack(s, by_source[s.id]) for s in sources]


def _warm() -> None:
    from checker.nlp import load_nlp

    load_nlp()


def default_workers() -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, 8))


def extract_all(sources: list[Source], *, workers: int | None = None, cache=None,
                progress: Callable[[int], None] | None = None) -> tuple[list[Claim], int]:
    """Claims of every source, in source order (sets each source's body and removals), and how
    many sources came from the cache. `cache` is the claim store, or None."""
    keys = [extraction_key(s) for s in sources]
    stored = cache.get_extractions(keys) if cache is not None else {}
    results: dict[str, list[Claim]] = {}
    for source, key in zip(sources, keys):
        if key in stored:
            results[source.id] = _unpack(source, stored[key])
    if progress and results:
        progress(len(results))
    todo = [(s, k) for s, k in zip(sources, keys) if s.id not in results]
    chunks = [todo[i:i + CHUNK_SOURCES] for i in range(0, len(todo), CHUNK_SOURCES)]
    workers = default_workers() if workers is None else workers
    parallel = workers > 1 and len(chunks) > 1 and sum(len(s.text) for s, _ in todo) >= PARALLEL_MIN_BYTES

    def keep(chunk: list[tuple[Source, str]], packed: list[str]) -> None:
        for (source, _), data in zip(chunk, packed):
            results[source.id] = _unpack(source, data)
        if cache is not None:
            cache.put_extractions({key: data for (_, key), data in zip(chunk, packed)})
        if progress:
            progress(len(chunk))

    if parallel:
        # fork shares the loaded spaCy model with the workers; nothing has run on threads yet.
        context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm) as pool:
            try:
                for chunk, packed in zip(chunks, pool.map(_extract_chunk, [[s for s, _ in c] for c in chunks])):
                    keep(chunk, packed)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    else:
        for chunk in chunks:
            keep(chunk, _extract_chunk([s for s, _ in chunk]))
    return [c for s in sources for c in results[s.id]], len(stored)
