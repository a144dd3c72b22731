"""Embed: texts in, unit vectors out; and the nearest-neighbour candidates among them.

In: claim texts, an `Embedder` and the store (its embedding cache). Out: a float32 matrix, one
row per text, computing only what the cache misses (`embed_texts_and_tokens` also gives each
text's token vectors from the same model pass, for `checker.group.token_alignment`);
`candidate_pairs` gives each vector's nearest neighbours (faiss).
"""
from __future__ import annotations

from checker.lazy import lazy_exports

_EXPORTS = {
    "Embedder": "checker.embed.embedder",
    "SentenceTransformerEmbedder": "checker.embed.embedder",
    "FakeEmbedder": "checker.embed.embedder",
    "embed_texts": "checker.embed.embedder",
    "embed_texts_and_tokens": "checker.embed.embedder",
    "TokenVectors": "checker.embed.embedder",
    "pack_tokens": "checker.embed.embedder",
    "unpack_tokens": "checker.embed.embedder",
    "embed_in_batches": "checker.embed.embedder",
    "candidate_pairs": "checker.embed.neighbours",
}
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
