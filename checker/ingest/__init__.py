"""Ingest: files in, `Source` records out.

In: paths of files or folders (.txt, .md, .html) and an optional `sources.json` sidecar.
Out: `Ingested` (the sources, each with its text decoded and its metadata read or inferred, and
a `FileRecord` per file given or found); binary, empty, undecodable, oversized and duplicate
files are refused in one line or, with `skip_bad`, skipped with a note.
Modules: `read` (finding and reading files), `metadata` (sidecar and inferred metadata),
`language` (encodings and language detection).
"""
from __future__ import annotations

from checker.lazy import lazy_exports

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
__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
