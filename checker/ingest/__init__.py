"""Ingest: files in, `Source` records out.

In: paths of files or folders (.txt, .md, .html) and an optional `sources.json` sidecar.
Out: `Ingested` (the sources, each with its text decoded and its metadata read or inferred, and
a `FileRecord` per file given or found); binary, empty, undecodable, oversized and duplicate
files are refused in one line or, with `skip_bad`, skipped with a note.
Modules: `read` (finding and reading files), `metadata` (sidecar and inferred metadata),
`language` (encodings and language detection).
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "load_sources": "checker.ingest.read",
    "read_source": "checker.ingest.read",
    "ReadJob": "checker.ingest.read",
    "account_claims": "checker.ingest.read",
    "file_notes": "checker.ingest.read",
    "infer_metadata": "checker.ingest.metadata",
    "read_sidecar": "checker.ingest.metadata",
    "SIDECAR_NAME": "checker.ingest.metadata",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Import an exported name's module on first use, so that importing the package stays cheap."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
