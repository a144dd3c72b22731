"""Token alignment: how much of each claim finds its words, in context, in the other."""
import numpy as np
import pytest

from checker.embed.embedder import FakeEmbedder, SentenceTransformerEmbedder, TokenVectors
from checker.group.pair_features import FEATURES, PairFeatures
from checker.group.token_alignment import alignment_rows, token_idf
from checker.models import Claim


def _claims(texts):
    return [Claim(id=f"c{i}", source=f"s{i}", start=0, end=len(t), sentence=(0, len(t)), text=t, standalone=t)
            for i, t in enumerate(texts)]


def test_shared_rare_words_align_more_than_shared_common_ones():
    texts = ["the court fined the airline", "the airline was fined by the court",
             "the court heard the case", "the weather was mild"]
    _, tokens = FakeEmbedder().embed_tokens(texts)
    rows = alignment_rows([(0, 1, 0.0), (0, 2, 0.0), (0, 3, 0.0)], tokens)
    assert rows[0, 0] > rows[1, 0] > rows[2, 0]
    assert all(row[1] <= row[0] <= row[2] for row in rows)  # F1 lies between its two directions


def test_a_short_claim_inside_a_long_one_is_covered_one_way():
    texts = ["the airline was fined", "the airline was fined and its chief resigned after a long inquiry"]
    _, tokens = FakeEmbedder().embed_tokens(texts)
    f1, low, high = alignment_rows([(0, 1, 0.0)], tokens)[0]
    assert high == pytest.approx(1.0, abs=1e-3) and low < 0.7


def test_rare_tokens_weigh_more():
    tokens = [TokenVectors(np.array(ids, dtype=np.int32), np.ones((len(ids), 2), dtype=np.float16))
              for ids in ([1, 2], [1, 3], [1])]
    idf = token_idf(tokens)
    assert idf[2] > idf[1] and idf[3] == idf[2]


def test_without_token_vectors_the_alignment_shifts_no_probability():
    """An embedder without token vectors: the alignment columns read as the model's training mean."""
    from checker.group.pair_model import load

    claims = _claims(["the court fined the airline", "the airline was fined"])
    vectors, tokens = FakeEmbedder().embed_tokens([c.text for c in claims])
    pair = [(0, 1, float(vectors[0] @ vectors[1]))]
    without, with_tokens = PairFeatures(claims, vectors).rows(pair), PairFeatures(claims, vectors, tokens).rows(pair)
    at = FEATURES.index("tokens_aligned")
    assert np.isnan(without[0, at:at + 3]).all() and np.isfinite(with_tokens).all()
    model = load()
    neutral = with_tokens.copy()
    neutral[0, at:at + 3] = [model.mean[model.features.index(f)] for f in FEATURES[at:at + 3]]
    assert model.probability(without)[0] == pytest.approx(model.probability(neutral)[0])


def test_texts_without_tokens_survive_the_store_and_the_wire(tmp_path):
    from checker.embed.embedder import embed_texts_and_tokens, pack_tokens, unpack_tokens
    from checker.store.database import Store

    texts = ["—", "the mayor opened the bridge", "。"]  # the fake embedder finds no word in two of them
    with Store(tmp_path / "s") as db:
        embed_texts_and_tokens(texts, FakeEmbedder(), db)
    with Store(tmp_path / "s") as db:
        _, tokens, misses = embed_texts_and_tokens(texts, FakeEmbedder(), db)
    assert misses == 0 and [len(t.ids) for t in tokens] == [0, 5, 0]
    back = unpack_tokens(pack_tokens(tokens))
    assert [len(t.ids) for t in back] == [0, 5, 0] and np.array_equal(back[1].vectors, tokens[1].vectors)
    rows = alignment_rows([(0, 1, 0.4), (1, 2, 0.5)], tokens)  # no tokens on one side: the cosine
    assert rows.tolist() == [[0.4] * 3, [0.5] * 3]


@pytest.mark.model
def test_real_model_aligns_a_paraphrase_above_a_claim_on_the_same_subject():
    texts = ["Nebraska and Oklahoma sued Colorado in the Supreme Court on Thursday.",
             "Two neighbouring states filed a lawsuit against Colorado at the Supreme Court.",
             "Colorado's attorney general said the lawsuit was without merit.",
             "Colorado voters approved recreational marijuana in 2012.",
             "Sheriffs in Nebraska say more marijuana is crossing the state line."]
    _, tokens = SentenceTransformerEmbedder().embed_tokens(texts)
    rows = alignment_rows([(0, 1, 0.0), (0, 2, 0.0), (0, 3, 0.0)], tokens)
    assert rows[0, 0] > rows[1, 0] and rows[0, 0] > rows[2, 0]
