"""Extract: `Source` records in, atomic `Claim` records out.

In: sources (text and metadata). Out: claims with offsets into the source text, attribution
(who says it), time spans, quantities, entities and quotes; with `extract_claims_and_layout`, also
copies of the sources with their body (the spans kept after boilerplate) and removals set. The
sources given are never changed.
Modules: `sentences` (spaCy), `boilerplate`, `markup`, `clauses` (splitting sentences into
clauses), `attribution` (speakers), `context` (pronouns and times carried across sentences),
`claims` (composes them), and `normalize/` (times, quantities, entities).
"""
from __future__ import annotations

from checker.lazy import lazy_exports

_EXPORTS = {
    "extract_claims": "checker.extract.claims",
    "extract_claims_and_layout": "checker.extract.claims",
    "Extraction": "checker.extract.claims",
    "claim_id": "checker.extract.claims",
    "claim_key": "checker.extract.claims",
    "load_nlp": "checker.extract.sentences",
    "mask_markdown": "checker.extract.markup",
}
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
