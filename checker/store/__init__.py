"""Store: the analysis in and out of SQLite, and the reviewers' decisions applied to it.

In: a `Report` to save, review entries to log. Out: the saved report, the caches (extraction,
embeddings), the previous fact ids, and `reviewed(report, entries)`: the report with the
decisions applied.
Modules: `database` (the SQLite store and its migrations), `review` (the review log).
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Store": "checker.store.database",
    "reviewed": "checker.store.review",
    "apply_reviews": "checker.store.review",
    "new_entry": "checker.store.review",
    "default_reviewer": "checker.store.review",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Import an exported name's module on first use, so that importing the package stays cheap."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
