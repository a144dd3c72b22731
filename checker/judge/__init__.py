"""Judge: pairs of claims in, relations out; clusters of claims in, `Fact` verdicts out.

In: claims (and, for a fact, its member claims, the sources and the vectors). Out: the relation
of two claims (numbers, dates, quotations, speakers, negation) and each fact's discrepancies,
status and outlet stances; `independence` folds wire copies and cited outlets into the voices a
fact counts.
Modules: `relations` (two claims compared), `frames`, `quotes`, `lexicon`, `verdicts` (facts
built and judged), `independence` (copies and cited outlets).
"""
from __future__ import annotations

from checker.lazy import lazy_exports

_EXPORTS = {
    "compare_claims": "checker.judge.relations",
    "compare_numbers": "checker.judge.relations",
    "build_fact": "checker.judge.verdicts",
    "build_facts": "checker.judge.verdicts",
    "build_events": "checker.judge.verdicts",
    "facts_with_events": "checker.judge.verdicts",
    "keep_fact_ids": "checker.judge.verdicts",
    "apply_independence": "checker.judge.independence",
    "find_copies": "checker.judge.independence",
}
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
