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


def test_a_rerun_reads_the_scored_pairs_and_a_changed_setting_scores_them_again(tmp_path, seeds_copy,
                                                                                 fake_embedder, monkeypatch):
    import checker.pipeline as pipeline
    from checker.settings import Settings

    first = run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder)
    scored = []
    monkeypatch.setattr(pipeline, "fact_edges", lambda *a, **k: scored.append(1) or [])
    second = run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder)
    assert scored == [] and [f.claims for f in second.facts] == [f.claims for f in first.facts]
    run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder, settings=Settings(min_cosine=0.5))
    assert scored == [1]


@pytest.mark.model
def test_real_model_vectors_are_normalized_and_meaningful():
    e = SentenceTransformerEmbedder()
    v = e.embed(["China sent five warships.", "China sent six warships.", "The weather in Kyiv is warm."])
    assert v.shape == (3, 384) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)
    assert v[0] @ v[1] > 0.8 > v[0] @ v[2]


def test_token_vectors_are_cached_beside_sentence_vectors(tmp_path, fake_embedder):
    from checker.embed.embedder import embed_texts_and_tokens

    texts = ["the mayor opened the bridge", "a storm closed the port"]
    with Store(tmp_path / "s") as db:
        v1, t1, misses1 = embed_texts_and_tokens(texts, fake_embedder, db)
    with Store(tmp_path / "s") as db:  # reopened: read back from disk
        v2, t2, misses2 = embed_texts_and_tokens(texts[::-1], fake_embedder, db)
    assert (misses1, misses2) == (2, 0)
    assert [len(t.ids) for t in t1] == [5, 5] and t2[0].vectors.dtype == np.float16
    assert np.array_equal(t1[0].ids, t2[1].ids) and np.allclose(t1[0].vectors, t2[1].vectors)
    assert np.allclose(v1[0], v2[1])


def test_a_store_without_token_vectors_embeds_again_once(tmp_path, fake_embedder):
    """A store written before token vectors were kept has sentence vectors only."""
    from checker.embed.embedder import embed_texts_and_tokens

    with Store(tmp_path / "s") as db:
        embed_texts(["the mayor opened the bridge"], fake_embedder, db)
        _, tokens, misses = embed_texts_and_tokens(["the mayor opened the bridge"], fake_embedder, db)
        _, _, again = embed_texts_and_tokens(["the mayor opened the bridge"], fake_embedder, db)
    assert (misses, again, len(tokens[0].ids)) == (1, 0, 5)


@pytest.mark.model
def test_real_model_gives_token_vectors_from_the_same_pass():
    e = SentenceTransformerEmbedder()
    texts = ["Two states sued Colorado over its marijuana law.", "Rain is expected on Sunday."]
    vectors, tokens = e.embed_tokens(texts)
    assert np.allclose(vectors, e.embed(texts), atol=1e-5)
    assert all(len(t.ids) == len(t.vectors) >= 5 for t in tokens)
    assert np.allclose(np.linalg.norm(tokens[0].vectors.astype(np.float32), axis=1), 1.0, atol=1e-2)
