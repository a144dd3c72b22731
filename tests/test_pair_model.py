"""The fitted pair model: shipped, loadable without scikit-learn, and it tells one fact from two."""
import datetime as dt
import json

import numpy as np
import pytest

from checker.extract.claims import extract_claims
from checker.embed.embedder import SentenceTransformerEmbedder, embed_texts_and_tokens
from checker.group.facts import fact_edges, group_facts
from checker.models import Source
from checker.group.pair_features import FEATURES, PairFeatures
from checker.group.pair_model import SHIPPED, PairModel, fit, load
from checker.settings import Settings


def _claims(articles):
    sources = [Source(id=f"s{i}", path="", text=t, outlet=f"Outlet {i}", published=dt.date.fromisoformat(p))
               for i, (t, p) in enumerate(articles)]
    return extract_claims(sources, layout=False)


def test_the_shipped_model_carries_its_thresholds_and_cross_validated_figures():
    model = load()
    assert set(model.features) <= set(FEATURES)
    assert 0 < model.meta["fact_link"] < 1 and 0 <= model.meta["fact_average"] <= model.meta["fact_link"]
    assert model.meta["cv_dev_keys"]["pair_f1"] > 0
    settings = Settings().resolved()
    assert (settings.fact_link, settings.fact_average) == (model.meta["fact_link"], model.meta["fact_average"])
    assert model.meta["fact_link"] <= settings.fact_link_within_source == model.meta["fact_link_within_source"]
    assert settings.fact_time_slack_days == model.meta["fact_time_slack_days"]  # the candidates it was fitted on
    assert settings.token_alignment_dims == model.meta["token_alignment_dims"]  # the alignment it was fitted on
    assert PairModel.from_json(SHIPPED.read_text()).to_json() == SHIPPED.read_text()


def test_a_model_from_another_version_is_refused_in_one_line(tmp_path):
    raw = json.loads(SHIPPED.read_text())
    raw["features"][0] = "a_feature_nobody_computes"
    with pytest.raises(ValueError, match="a_feature_nobody_computes"):
        PairModel.from_json(json.dumps(raw))


def test_fitting_on_a_small_slice_learns_which_way_a_feature_points():
    rng = np.random.default_rng(0)
    rows = rng.random((400, len(FEATURES)))
    labels = (rows[:, FEATURES.index("lexical")] > 0.5).astype(int)
    model = fit(rows, labels)
    weights = dict(zip(model.features, model.coef))
    assert weights["lexical"] == max(weights.values())
    high, low = rows.copy()[:1], rows.copy()[:1]
    high[0, FEATURES.index("lexical")], low[0, FEATURES.index("lexical")] = 0.95, 0.05
    assert model.probability(high)[0] > 0.8 > 0.2 > model.probability(low)[0]


@pytest.mark.model
def test_the_shipped_model_scores_known_pairs():
    claims = _claims([
        ("The city council voted on Monday to close the Riverside library by March.", "2024-02-06"),
        ("On Monday the council voted to shut Riverside's library in March.", "2024-02-06"),
        ("A new bakery opened near the harbour, selling sourdough loaves.", "2024-02-06"),
    ])
    vectors, tokens, _ = embed_texts_and_tokens([c.standalone or c.text for c in claims], SentenceTransformerEmbedder())
    edges = {(claims[i].source, claims[j].source): p for i, j, p, _ in fact_edges(claims, vectors, tokens=tokens)}
    assert edges[("s0", "s1")] > 0.5
    assert edges.get(("s0", "s2"), 0.0) < edges[("s0", "s1")] and edges.get(("s1", "s2"), 0.0) < 0.5
    facts = [{claims[i].source for i in f} for f in group_facts(claims, vectors, tokens=tokens)]
    assert {"s0", "s1"} in facts and all("s2" not in f or f == {"s2"} for f in facts)


def test_features_are_computed_for_every_candidate(fake_embedder):
    claims = _claims([("The mayor said the bridge will reopen on Friday.", "2024-05-01"),
                      ("The bridge reopens Friday, the mayor said.", "2024-05-01")])
    vectors, tokens, _ = embed_texts_and_tokens([c.standalone for c in claims], fake_embedder)
    rows = PairFeatures(claims, vectors, tokens).rows([(0, 1, float(vectors[0] @ vectors[1]))])
    assert rows.shape == (1, len(FEATURES)) and np.isfinite(rows).all()
    assert rows[0, FEATURES.index("same_source")] == 0.0
