"""Group: claims and their vectors in, clusters of claims (facts) and of facts (events) out.

In: claims, their vectors (and token vectors) and the settings. Out: lists of claim indices, one
per fact (`group_facts`), and lists of fact indices, one per event (`group_events_by_story`).
Modules: `pair_features` (a candidate pair's features), `token_alignment` (how the two claims'
tokens align in context), `pair_model` (the fitted logistic
regression, `pair_model.json`), `linkage` (average linkage under constraints), `facts` (claims
into facts), `scoring` and `events` (facts into stories and events).
"""
from __future__ import annotations

from checker.lazy import lazy_exports

_EXPORTS = {
    "group_facts": "checker.group.facts",
    "claim_candidates": "checker.group.facts",
    "fact_edges": "checker.group.facts",
    "link_facts": "checker.group.facts",
    "group_events_by_story": "checker.group.events",
    "group_events": "checker.group.events",
    "document_stories": "checker.group.events",
    "PairModel": "checker.group.pair_model",
    "load": "checker.group.pair_model",
    "fit": "checker.group.pair_model",
    "PairFeatures": "checker.group.pair_features",
    "FEATURES": "checker.group.pair_features",
}
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
