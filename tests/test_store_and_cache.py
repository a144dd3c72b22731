"""The claim store keeps the analysis and the embedding cache; reruns reuse both."""
import numpy as np
import pytest

from checker.embed.embedder import SentenceTransformerEmbedder, embed_texts
from checker.pipeline import run
from checker.store.database import Store


def test_only_cache_misses_are_embedded(tmp_path, fake_embedder):
    with Store(tmp_path / "s") as db:
        v1, misses1 = embed_texts(["a b c", "d e f", "a b c"], fake_embedder, db)
        v2, misses2 = embed_texts(["a b c", "g h i"], fake_embedder, db)
        assert (misses1, misses2) == (2, 1)
        assert np.allclose(v1[0], v2[0]) and db.cache_size() == 3


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path, seeds_copy, fake_embedder):
    report = run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder)
    with Store(tmp_path / "s") as db:
        with pytest.raises(RuntimeError):
            with db.transaction():
                db.db.execute("DELETE FROM facts")
                raise RuntimeError("crash mid-write")
        assert len(db.load_report().facts) == len(report.facts)


def test_rerun_keeps_ids_and_embeds_nothing_new(tmp_path, seeds_copy, fake_embedder):
    first = run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder)
    second = run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder)
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    assert [f.id for f in first.facts] == [f.id for f in second.facts]
    assert second.settings["embedded"] == "0"
    with Store(tmp_path / "s") as db:
        loaded = db.load_report()
    assert loaded.model_dump() == second.model_dump()


@pytest.mark.model
def test_real_model_vectors_are_normalized_and_meaningful():
    e = SentenceTransformerEmbedder()
    v = e.embed(["China sent five warships.", "China sent six warships.", "The weather in Kyiv is warm."])
    assert v.shape == (3, 384) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)
    assert v[0] @ v[1] > 0.8 > v[0] @ v[2]
