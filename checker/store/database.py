"""The claim store: one SQLite database in the store folder (claims/ by default).

Holds the last run's sources, claims, facts, events and discrepancies, the embedding cache
(float32 blobs keyed by a hash of model and text, and beside them each text's token vectors in
float16) and the review log. A run replaces the
analysis in one transaction and keeps the cache and the review log. The schema changes
through numbered migrations recorded in `PRAGMA user_version`.
"""
from __future__ import annotations

import json
import os
import pathlib
import sqlite3
from collections.abc import Sequence

from checker.errors import StoreError
from checker.models import Claim, Event, Fact, FileRecord, Report, ReviewEntry, Source

DB_NAME = "checker.db"

MIGRATIONS = [
    # 1: the analysis, the embedding cache
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE sources (id TEXT PRIMARY KEY, ord INTEGER, path TEXT, outlet TEXT, published TEXT, url TEXT,
                          title TEXT, content_hash TEXT, data TEXT NOT NULL);
    CREATE TABLE claims (id TEXT PRIMARY KEY, ord INTEGER, source TEXT, start INTEGER, "end" INTEGER, kind TEXT,
                         text TEXT, data TEXT NOT NULL);
    CREATE TABLE facts (id TEXT PRIMARY KEY, ord INTEGER, event TEXT, status TEXT, summary TEXT, data TEXT NOT NULL);
    CREATE TABLE fact_claims (claim_id TEXT PRIMARY KEY, fact_id TEXT NOT NULL);
    CREATE INDEX fact_claims_fact ON fact_claims (fact_id);
    CREATE TABLE events (id TEXT PRIMARY KEY, ord INTEGER, summary TEXT, data TEXT NOT NULL);
    CREATE TABLE discrepancies (id TEXT PRIMARY KEY, fact_id TEXT, kind TEXT, claim_a TEXT, claim_b TEXT,
                                detail TEXT);
    CREATE TABLE embeddings (key TEXT PRIMARY KEY, model TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL);
    CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, finished TEXT, args TEXT, counts TEXT);
    """,
    # 2: the review log (append-only; mirrored to review.jsonl)
    """
    CREATE TABLE review_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, at TEXT NOT NULL,
                             reviewer TEXT, action TEXT NOT NULL, data TEXT NOT NULL);
    """,
    # 3: each article's extracted claims, keyed by its text, metadata and the extractor's version
    """
    CREATE TABLE extractions (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    """,
    # 4: each text's token vectors (float16) beside its sentence vector, keyed alike
    """
    CREATE TABLE token_vectors (key TEXT PRIMARY KEY, data BLOB NOT NULL);
    """,
    # 5: the last run's scored candidate pairs, keyed by its claims, settings, pair model and code
    """
    CREATE TABLE fact_edges (key TEXT PRIMARY KEY, data BLOB NOT NULL);
    """,
]
LOG_NAME = "review.jsonl"


class Store:
    """A claim store folder; use as a context manager or call `close()`."""

    def __init__(self, folder: str | pathlib.Path, *, readonly: bool = False):
        self.folder = pathlib.Path(folder)
        self.path = self.folder / DB_NAME
        if readonly and not self.path.exists():
            raise StoreError(f"no claim store in {self.folder}", hint="run `checker run` first")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")  # a committed review decision survives a crash
            self.db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable claim store ({exc})") from None
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the claim store in {self.folder}: {exc}") from None
        self._migrate()
        if not readonly or self.log_path.exists():
            self._reconcile_log()

    @property
    def log_path(self) -> pathlib.Path:
        return self.folder / LOG_NAME

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(f"the claim store in {self.folder} was made by a newer checker",
                                 hint="upgrade checker")
            for n in range(version, len(MIGRATIONS)):
                self._apply(n)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable claim store ({exc})") from None

    def _apply(self, n: int) -> None:
        with self.transaction():
            for statement in MIGRATIONS[n].split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version={n + 1}")

    # -- the review log -----------------------------------------------------------------
    def append_review(self, entry: ReviewEntry) -> None:
        """Write one decision: into the database and the JSONL mirror, synced, before returning."""
        line = entry.model_dump_json() + "\n"
        with self.transaction():
            self.db.execute("INSERT INTO review_log (id, at, reviewer, action, data) VALUES (?, ?, ?, ?, ?)",
                            (entry.id, entry.at, entry.reviewer, entry.action, entry.model_dump_json()))
            self._append_lines([line])

    def review_entries(self) -> list[ReviewEntry]:
        """Every decision ever logged, oldest first (undone ones included: see `undoes`)."""
        return [ReviewEntry.model_validate_json(d) for (d,) in self.db.execute("SELECT data FROM review_log ORDER BY seq")]

    def _append_lines(self, lines: list[str]) -> None:
        try:
            with open(self.log_path, "a", encoding="utf-8") as fh:
                fh.writelines(lines)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(f"cannot write the review log {self.log_path}: {exc.strerror or exc}") from None

    def _reconcile_log(self) -> None:
        """Bring the database and the JSONL mirror to the same entries (either may be ahead after
        a crash, or the database may be new beside a committed review.jsonl)."""
        mirrored: list[ReviewEntry] = []
        if self.log_path.exists():
            for n, line in enumerate(self.log_path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    mirrored.append(ReviewEntry.model_validate_json(line))
                except ValueError:
                    raise StoreError(f"{self.log_path}, line {n}: not a review entry",
                                     hint="the log is append-only; fix or remove that line") from None
        known = {e.id for e in self.review_entries()}
        missing_in_db = [e for e in mirrored if e.id not in known]
        if missing_in_db:
            with self.transaction():
                self.db.executemany("INSERT INTO review_log (id, at, reviewer, action, data) VALUES (?, ?, ?, ?, ?)",
                                    [(e.id, e.at, e.reviewer, e.action, e.model_dump_json()) for e in missing_in_db])
        in_file = {e.id for e in mirrored}
        missing_in_file = [e for e in self.review_entries() if e.id not in in_file]
        if missing_in_file:
            self._append_lines([e.model_dump_json() + "\n" for e in missing_in_file])

    # -- the extraction cache ---------------------------------------------------------
    def _by_keys(self, table: str, columns: str, keys: Sequence[str]):
        """Rows (key, *columns) of a cache table for these keys, asked 500 at a time (SQLite's
        limit on parameters)."""
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})", chunk)

    def get_extractions(self, keys: Sequence[str]) -> dict[str, str]:
        """Stored extraction results (JSON text) for these keys."""
        return dict(self._by_keys("extractions", "data", keys))

    def put_extractions(self, items: dict[str, str]) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO extractions (key, data) VALUES (?, ?)", list(items.items()))

    # -- the embedding cache -------------------------------------------------------------
    def get_vectors(self, keys: Sequence[str]) -> dict:
        import numpy as np  # only the embedding cache needs it; the review UI starts without

        return {key: np.frombuffer(blob, dtype=np.float32, count=dim)
                for key, dim, blob in self._by_keys("embeddings", "dim, vector", keys)}

    def put_vectors(self, model_id: str, items: dict) -> None:
        import numpy as np

        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO embeddings (key, model, dim, vector) VALUES (?, ?, ?, ?)",
                                [(k, model_id, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
                                 for k, v in items.items()])

    def get_tokens(self, keys: Sequence[str]) -> dict:
        """Stored token vectors (`TokenVectors`) for these keys."""
        from checker.embed.embedder import unpack_tokens

        return {key: unpack_tokens(data)[0] for key, data in self._by_keys("token_vectors", "data", keys)}

    def put_tokens(self, items: dict) -> None:
        """Keep token vectors (`TokenVectors`) under their texts' keys."""
        from checker.embed.embedder import pack_tokens

        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO token_vectors (key, data) VALUES (?, ?)",
                                [(k, pack_tokens([tv])) for k, tv in items.items()])

    def get_fact_edges(self, key: str) -> list[tuple[int, int, float, float]] | None:
        """The scored candidate pairs kept under `key`, or None."""
        import numpy as np

        row = self.db.execute("SELECT data FROM fact_edges WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        table = np.frombuffer(row[0], dtype=np.float64).reshape(-1, 4)
        return [(int(i), int(j), float(p), float(c)) for i, j, p, c in table]

    def put_fact_edges(self, key: str, edges: list[tuple[int, int, float, float]]) -> None:
        """Keep a run's scored candidate pairs under `key`, in place of any earlier run's."""
        import numpy as np

        data = np.array(edges, dtype=np.float64).reshape(-1, 4).tobytes()
        with self.transaction():
            self.db.execute("DELETE FROM fact_edges")
            self.db.execute("INSERT INTO fact_edges (key, data) VALUES (?, ?)", (key, data))

    def cache_size(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]

    # -- the analysis --------------------------------------------------------------------
    def transaction(self):
        return _Transaction(self.db)

    def save_report(self, report: Report, *, args: dict | None = None, started: str = "") -> None:
        """Replace the stored analysis with `report`, atomically. Two records with one id (which
        extraction never makes) leave the store as it was and say which id, in one line."""
        try:
            self._save_report(report, args=args, started=started)
        except sqlite3.IntegrityError as exc:
            table = str(exc).rsplit(" ", 1)[-1].split(".")[0]
            ids = [r.id for r in {"sources": report.sources, "claims": report.claims, "facts": report.facts,
                                  "events": report.events}.get(table, [])]
            twice = next((i for i in ids if ids.count(i) > 1), "?") if len(ids) < 50_000 else "?"
            raise StoreError(f"cannot save the analysis: two {table} share the id {twice} ({exc})",
                             hint="please report this as a bug; the store keeps its previous analysis") from None

    def _save_report(self, report: Report, *, args: dict | None, started: str) -> None:
        with self.transaction():
            for table in ("sources", "claims", "facts", "fact_claims", "events", "discrepancies"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(s.id, n, s.path, s.outlet, s.published.isoformat() if s.published else None, s.url, s.title,
                  s.content_hash, s.model_dump_json()) for n, s in enumerate(report.sources)])
            self.db.executemany(
                'INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                [(c.id, n, c.source, c.start, c.end, c.kind, c.text, c.model_dump_json())
                 for n, c in enumerate(report.claims)])
            self.db.executemany(
                "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)",
                [(f.id, n, f.event, f.status, f.summary, f.model_dump_json()) for n, f in enumerate(report.facts)])
            self.db.executemany("INSERT INTO fact_claims VALUES (?, ?)",
                                [(cid, f.id) for f in report.facts for cid in f.claims])
            self.db.executemany("INSERT INTO events VALUES (?, ?, ?, ?)",
                                [(e.id, n, e.summary, e.model_dump_json()) for n, e in enumerate(report.events)])
            self.db.executemany("INSERT INTO discrepancies VALUES (?, ?, ?, ?, ?, ?)",
                                [(d.id, f.id, d.kind, d.claims[0], d.claims[1], d.detail)
                                 for f in report.facts for d in f.discrepancies])
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('report', ?)",
                            (json.dumps({"created": report.created, "settings": report.settings,
                                         "notes": report.notes,
                                         "files": [f.model_dump() for f in report.files],
                                         "unmatched_metadata": report.unmatched_metadata}),))
            self.db.execute("INSERT INTO runs (started, finished, args, counts) VALUES (?, datetime('now'), ?, ?)",
                            (started, json.dumps(args or {}), json.dumps(report.counts())))

    def fact_of_claims(self) -> dict[str, str]:
        """The last run's grouping: claim id → fact id."""
        return dict(self.db.execute("SELECT claim_id, fact_id FROM fact_claims").fetchall())

    def has_report(self) -> bool:
        return self.db.execute("SELECT COUNT(*) FROM meta WHERE key = 'report'").fetchone()[0] > 0

    def load_report(self) -> Report:
        """The stored analysis as a `Report` (as the last run left it)."""
        if not self.has_report():
            raise StoreError(f"the claim store in {self.folder} holds no analysis yet", hint="run `checker run` first")
        meta = json.loads(self.db.execute("SELECT value FROM meta WHERE key = 'report'").fetchone()[0])
        sources = [Source.model_validate_json(d) for (d,) in self.db.execute("SELECT data FROM sources ORDER BY ord")]
        claims = [Claim.model_validate_json(d) for (d,) in self.db.execute("SELECT data FROM claims ORDER BY ord")]
        facts = [Fact.model_validate_json(d) for (d,) in self.db.execute("SELECT data FROM facts ORDER BY ord")]
        events = [Event.model_validate_json(d) for (d,) in self.db.execute("SELECT data FROM events ORDER BY ord")]
        return Report(sources=sources, claims=claims, facts=facts, events=events, created=meta.get("created", ""),
                      settings=meta.get("settings", {}), notes=meta.get("notes", []),
                      files=[FileRecord.model_validate(f) for f in meta.get("files", [])],
                      unmatched_metadata=meta.get("unmatched_metadata", []))


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
