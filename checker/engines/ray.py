"""The Ray engine: reading, claim extraction and embedding as Ray Data batch stages.

Each stage is a dataset of the work the store does not already have, transformed with
`map_batches`: reading by stateless tasks, extraction and embedding by a pool of actors that
load spaCy or the embedding model once each and then take batch after batch. The driver
keeps everything else (the store, grouping, judging, reports), which needs every claim at
once and is cheap next to these stages. The functions each stage runs are the local
engine's, so both engines produce the same claims, vectors, store and reports.

`pip install 'checker[ray]'`. Without an address, a local Ray instance is started on this
machine's CPUs; `RAY_ADDRESS` (or `address=`) joins an existing cluster, whose workers
need checker and its models installed.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator

import numpy as np

from checker.embed import pack_tokens, unpack_tokens
from checker.engines.local import extract_chunk, warm_worker, default_workers
from checker.errors import CheckerError, InputError
from checker.ingest import ReadJob, read_source
from checker.models import Source

INSTALL_HINT = "pip install 'checker[ray]' (or: .venv/bin/pip install 'ray[data]'), or use --engine local"


@contextlib.contextmanager
def _native_stderr_to(sink):
    """Point file descriptor 2 at `sink` for a while: Ray's C++ core and the processes it
    starts (which inherit the descriptor) write notes about their internals there, not to
    the user's terminal. Python's own stderr (our progress and errors) is flushed around it."""
    sys.stderr.flush()
    saved = os.dup(2)
    os.dup2(sink.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _ray():
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")  # only fatal native errors reach stderr
    try:
        import ray
        import ray.data
    except ImportError:
        raise CheckerError("the ray engine needs Ray, which is not installed", hint=INSTALL_HINT) from None
    return ray


def _read_batch(batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Ray task: read a batch of files; each row comes back as a Source (JSON) or an error."""
    out_source, out_error = [], []
    for job in batch["job"]:
        got = read_source(job)
        out_source.append(got.model_dump_json() if isinstance(got, Source) else "")
        out_error.append(got.one_line() if isinstance(got, InputError) else "")
    return {"i": batch["i"], "source": np.array(out_source, dtype=object), "error": np.array(out_error, dtype=object)}


class _Extractor:
    """Ray actor: loads spaCy once, then extracts the claims of chunk after chunk of articles."""

    def __init__(self):
        warm_worker()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        packed = [json.dumps(extract_chunk([Source.model_validate_json(s) for s in json.loads(chunk)]))
                  for chunk in batch["chunk"]]
        return {"n": batch["n"], "packed": np.array(packed, dtype=object)}


class _Embedder:
    """Ray actor: loads the embedding model once, then embeds batch after batch of texts."""

    def __init__(self, embedder, tokens: bool = False):
        self.embedder = embedder
        self.tokens = tokens
        self.embedder.embed(["load the model now, not in the first batch"])

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors, packed = [], []
        for texts in batch["texts"]:
            if self.tokens:
                vecs, token_vectors = self.embedder.embed_tokens(json.loads(texts))
                packed.append(pack_tokens(token_vectors))
            else:
                vecs = self.embedder.embed(json.loads(texts))
            vectors.append(vecs.astype(np.float32).tobytes())
        out = {"n": batch["n"], "vectors": np.array(vectors, dtype=object)}
        if self.tokens:
            out["tokens"] = np.array(packed, dtype=object)
        return out


class RayEngine:
    """Runs the heavy stages on Ray: a local instance, or the cluster at `address`."""

    name = "ray"
    embeds_here = False  # the model runs in Ray's workers

    def __init__(self, workers: int | None = None, address: str | None = None):
        ray = _ray()
        if not ray.is_initialized():
            address = address or os.environ.get("RAY_ADDRESS")
            try:
                with tempfile.TemporaryFile() as sink, _native_stderr_to(sink):
                    ray.init(address=address, num_cpus=None if address else (workers or default_workers()),
                             include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                             configure_logging=True)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise CheckerError(f"could not start or reach Ray: {str(exc).splitlines()[0]}",
                                   hint="check RAY_ADDRESS, or use --engine local") from None
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False   # checker shows its own progress
        context.print_on_execution_start = False
        context.enable_auto_log_stats = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        warnings.filterwarnings("ignore", category=UserWarning, module=r"ray\.")  # advice on tuning Ray
        self.ray = ray
        self.workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))

    def _actors(self, items: int) -> object:
        return self.ray.data.ActorPoolStrategy(size=max(1, min(self.workers, items)))

    def _dataset(self, rows: list[dict]):
        # one block per row, so the rows spread over every actor instead of queueing for one
        return self.ray.data.from_items(rows, override_num_blocks=max(1, len(rows)))

    def read(self, jobs: list[ReadJob]) -> list[Source | InputError]:
        rows = [{"i": i, "job": job} for i, job in enumerate(jobs)]  # kept as Python objects
        ds = self.ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows) // 64, 4 * self.workers))) \
            .map_batches(_read_batch, batch_size=64, batch_format="numpy")
        out: list[Source | InputError | None] = [None] * len(jobs)
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for i, source, error in zip(batch["i"], batch["source"], batch["error"]):
                out[int(i)] = InputError(error) if error else Source.model_validate_json(source)
        return out

    # One row is one chunk or batch exactly as the local engine cuts it: the model's numbers
    # depend (in the last bits) on which texts share a batch, so both engines batch alike.
    def extract(self, chunks: list[list[Source]]) -> Iterator[tuple[int, list[str]]]:
        if not chunks:
            return
        rows = [{"n": n, "chunk": json.dumps([s.model_dump_json() for s in chunk])} for n, chunk in enumerate(chunks)]
        ds = self._dataset(rows).map_batches(_Extractor, batch_size=1, batch_format="numpy",
                                             compute=self._actors(len(rows)))
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for n, packed in zip(batch["n"], batch["packed"]):
                yield int(n), json.loads(packed)

    def embed(self, embedder, texts: list[str], batch_size: int, tokens: bool = False) -> Iterator[tuple]:
        if not texts:
            return
        starts = range(0, len(texts), batch_size)
        rows = [{"n": i, "texts": json.dumps(texts[i:i + batch_size])} for i in starts]
        ds = self._dataset(rows).map_batches(_Embedder, batch_size=1, batch_format="numpy",
                                             compute=self._actors(len(rows)),
                                             fn_constructor_kwargs={"embedder": embedder, "tokens": tokens})
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for k, (i, raw) in enumerate(zip(batch["n"], batch["vectors"])):
                i = int(i)
                positions = list(range(i, min(i + batch_size, len(texts))))
                vectors = np.frombuffer(raw, dtype=np.float32).reshape(len(positions), -1)
                if tokens:
                    yield positions, vectors, unpack_tokens(batch["tokens"][k])
                else:
                    yield positions, vectors
