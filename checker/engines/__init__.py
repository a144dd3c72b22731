"""Engines: where the heavy stages (reading, claim extraction, embedding) run.

In: read jobs, sources and texts, with the store as a cache. Out: the same sources, claims and
vectors whichever engine runs them: `local` (inline or one worker process per CPU) or `ray`
(Ray Data batch stages). Engines call the stages through their packages' interfaces.
"""
from __future__ import annotations

from checker.lazy import lazy_exports

_EXPORTS = {
    "Engine": "checker.engines.local",
    "LocalEngine": "checker.engines.local",
    "make_engine": "checker.engines.local",
    "extract_all": "checker.engines.local",
    "default_workers": "checker.engines.local",
}
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
