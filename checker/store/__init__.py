"""Store: the analysis in and out of SQLite, and the reviewers' decisions applied to it.

In: a `Report` to save, review entries to log. Out: the saved report, the caches (extraction,
embeddings), the previous fact ids, and `reviewed(report, entries)`: the report with the
decisions applied.
Modules: `database` (the SQLite store and its migrations), `review` (the review log).
"""
from __future__ import annotations

from checker.lazy import lazy_exports

_EXPORTS = {
    "Store": "checker.store.database",
    "reviewed": "checker.store.review",
    "apply_reviews": "checker.store.review",
    "new_entry": "checker.store.review",
    "default_reviewer": "checker.store.review",
}
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
