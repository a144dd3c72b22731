"""Engines: where the heavy stages (reading, claim extraction, embedding) run.

In: read jobs, sources and texts, with the store as a cache. Out: the same sources, claims and
vectors whichever engine runs them: `local` (inline or one worker process per CPU) or `ray`
(Ray Data batch stages). Engines call the stages through their packages' interfaces.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Engine": "checker.engines.local",
    "LocalEngine": "checker.engines.local",
    "make_engine": "checker.engines.local",
    "extract_all": "checker.engines.local",
    "default_workers": "checker.engines.local",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Import an exported name's module on first use, so that importing the package stays cheap."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
