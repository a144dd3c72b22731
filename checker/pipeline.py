"""`run(paths) -> Report`: composes the stages, and nothing else."""
from __future__ import annotations

import datetime as dt
import os
import pathlib
import threading
from collections.abc import Iterable
from contextlib import nullcontext
from typing import Protocol

from checker.judge.independence import apply_independence
from checker.engines.local import Engine, code_fingerprint, extract_all, make_engine
from checker.embed.embedder import Embedder, SentenceTransformerEmbedder, embed_texts_and_tokens
from checker.judge.verdicts import build_events, build_facts, facts_with_events, keep_fact_ids
from checker.group.facts import fact_edges, link_facts
from checker.ingest.read import account_claims, file_notes, load_sources
from checker.models import Report
from checker.outlets import outlet_key
from checker.store.review import reviewed
from checker.settings import Settings
from checker.store.database import Store
from checker.group.events import group_events_by_story


class Progress(Protocol):
    """What a front end implements to show progress: one stage at a time."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    # optional: def reuse(self, n: int) -> None — n items of the stage came from the store


class _Silent:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


def _now() -> str:
    """When the run started; SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes it, so
    `make demo` rewrites the committed showcase byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    return moment.isoformat(timespec="seconds")


class _ModelLoad:
    """The embedding model loaded in a thread while claims are extracted, from the first finished
    chunk on: by then the extraction's worker processes are forked (a fork after a thread has
    started loading torch could hang them). Only where the model runs here (`Engine.embeds_here`); a
    failure to load is left to the embedding stage, which says what is missing."""

    def __init__(self, embedder):
        self.preload = getattr(embedder, "preload", None)
        self.thread: threading.Thread | None = None

    def after(self, advance):
        def advanced(n: int = 1) -> None:
            if self.preload is not None and self.thread is None:
                self.thread = threading.Thread(target=self._load, daemon=True, name="model-load")
                self.thread.start()
            advance(n)
        return advanced

    def _load(self) -> None:
        try:
            self.preload()
        except Exception:  # noqa: BLE001 - the embedding stage loads again and reports the error
            pass

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()


def _scored_pairs(claims, vectors, tokens, settings: Settings, model_id: str, db) -> list:
    """The candidate pairs with the pair model's probabilities (`fact_edges`); a rerun on the same
    claims with the same settings, pair model and code reads them from the store instead."""
    import hashlib

    from checker.group.pair_model import load

    used = {n: getattr(settings, n) for n in ("neighbours", "min_cosine", "fact_time_slack_days",
                                              "fact_time_slack_widens_below_days", "token_alignment_dims")}
    # the grouping code and what the features and the neighbours compute with
    code = code_fingerprint(("checker.group.facts",), ("numpy", "scipy", "rapidfuzz"))
    digest = hashlib.sha256("\x1f".join([code, model_id, str(used),
                                           str(tokens is not None), load(settings.pair_model).to_json(),
                                           *(c.model_dump_json() for c in claims)]).encode())
    key = digest.hexdigest()
    edges = db.get_fact_edges(key) if db is not None else None
    if edges is None:
        edges = fact_edges(claims, vectors, settings, tokens=tokens)
        if db is not None:
            db.put_fact_edges(key, edges)
    return edges


def run(paths: Iterable[str | pathlib.Path], *, store: str | pathlib.Path | None = "claims",
        embedder: Embedder | None = None, settings: Settings | None = None, progress: Progress | None = None,
        encoding: str | None = None, skip_bad: bool = False, meta: str | None = None,
        workers: int | None = None, engine: str | Engine = "local") -> Report:
    """Read articles, extract claims, group them into facts and events, judge each fact.

    The analysis is saved to the claim store in `store` (None: keep nothing), whose embedding
    cache also spares recomputing vectors and claims the store already has. `engine` runs the
    heavy stages (reading, claim extraction, embedding): "local" (`workers` processes extract
    claims from a large input in parallel, default one per CPU) or "ray" (Ray Data batch
    stages; `workers` actors per stage), or an `Engine` object."""
    paths = list(paths)
    progress = progress or _Silent()
    settings = (settings or Settings()).resolved()
    started = _now()
    embedder = embedder or SentenceTransformerEmbedder()
    if isinstance(engine, str):
        engine = make_engine(engine, workers=workers)
    progress.stage("reading articles")
    ingested = load_sources(paths, encoding=encoding, skip_bad=skip_bad, meta_path=meta, reader=engine.read)
    sources = ingested.sources
    with (Store(store) if store is not None else nullcontext()) as db:
        progress.stage("extracting claims", total=len(sources))
        reuse = getattr(progress, "reuse", progress.advance)  # what the store had: done, not speed
        loading = _ModelLoad(embedder if getattr(engine, "embeds_here", False) else None)
        claims, sources, reused = extract_all(sources, engine=engine, cache=db, progress=loading.after(progress.advance),
                                              reused=reuse)  # sources now with their body and removals
        loading.join()
        progress.stage("embedding claims", total=len(claims))
        vectors, tokens, misses = embed_texts_and_tokens([c.standalone or c.text for c in claims], embedder, db,
                                                         progress=progress.advance, engine=engine, reused=reuse)
        progress.stage("grouping claims into facts")
        edges = _scored_pairs(claims, vectors, tokens, settings, embedder.model_id, db)
        clusters = link_facts(claims, vectors, edges, settings)
        progress.stage("judging facts", total=len(clusters))
        facts = build_facts(clusters, claims, sources, vectors)
        if db is not None:
            facts = keep_fact_ids(facts, db.fact_of_claims())  # a regrouped fact keeps its id
        facts = apply_independence(facts, claims, sources)  # wire copies, cited outlets
        index = {c.id: i for i, c in enumerate(claims)}
        members = [[index[cid] for cid in f.claims] for f in facts]
        progress.stage("grouping facts into events")
        events = build_events(group_events_by_story(facts, members, claims, vectors, sources,
                                                    settings=settings), facts)
        facts = facts_with_events(facts, events)
        in_facts = {cid for f in facts for cid in f.claims}
        claims = [c for c in claims if c.id in in_facts]  # dated statements that joined nothing
        account_claims(ingested.files, sources, claims)
        notes = file_notes(ingested.files, ingested.unmatched_metadata)
        if len({outlet_key(s) for s in sources}) < 2:
            notes.append("only one outlet: there is nothing to cross-reference; every fact is single-source")
        report = Report(sources=sources, claims=claims, facts=facts, events=events, created=started,
                        settings={"embedder": embedder.model_id, "embedded": str(misses), "engine": engine.name,
                                  "articles_reused": str(reused)} | settings.recorded(), notes=notes,
                        files=ingested.files, unmatched_metadata=ingested.unmatched_metadata)
        if db is not None:
            progress.stage("saving to the claim store")
            db.save_report(report, args={"paths": [str(p) for p in paths]}, started=started)
            report = reviewed(report, db.review_entries())
    return report
