"""Embed: texts in, unit vectors out; and the nearest-neighbour candidates among them.

In: claim texts, an `Embedder` and the store (its embedding cache). Out: a float32 matrix, one
row per text, computing only what the cache misses; `candidate_pairs` gives each vector's
nearest neighbours (faiss).
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Embedder": "checker.embed.embedder",
    "SentenceTransformerEmbedder": "checker.embed.embedder",
    "FakeEmbedder": "checker.embed.embedder",
    "embed_texts": "checker.embed.embedder",
    "embed_in_batches": "checker.embed.embedder",
    "candidate_pairs": "checker.embed.neighbours",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Import an exported name's module on first use, so that importing the package stays cheap."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
