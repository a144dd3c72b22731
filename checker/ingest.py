"""Files → `Source` records: find the articles, read them safely, attach metadata.

Every way an input can be unusable (missing, empty, binary, not UTF-8, too big, a
repeat of another file) raises an `InputError` with one line saying what to do.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pathlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.errors import InputError
from checker.metadata import SIDECAR_NAME, infer_metadata, read_sidecar
from checker.models import Source

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
MAX_BYTES = 5_000_000
_HTML_SNIFF = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<div[\s>]|<p[\s>]", re.I)


@dataclass
class IngestResult:
    """The sources read, and one-line warnings about what was skipped or guessed."""

    sources: list[Source]
    warnings: list[str] = field(default_factory=list)


def find_articles(paths: Iterable[str | pathlib.Path]) -> list[pathlib.Path]:
    """Expand folders into their article files (sorted); keep files as given, once each."""
    found: list[pathlib.Path] = []
    seen: set[pathlib.Path] = set()
    for raw in paths:
        path = pathlib.Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {raw}")
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise InputError(f"no articles in {raw}", hint="checker reads .txt, .md and .html files")
        elif path.suffix.lower() in ARTICLE_SUFFIXES or path.suffix == "":
            files = [path]
        else:
            raise InputError(f"{raw}: unsupported file type '{path.suffix}'",
                             hint="checker reads .txt, .md and .html files")
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                found.append(f)
    if not found:
        raise InputError("no input files given")
    return found


def read_text(path: pathlib.Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> tuple[str, bool]:
    """The file's text and whether it is HTML. Raises `InputError` for unusable files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: {len(data) / 1e6:.1f} MB is too big for one article",
                         hint=f"the limit is {max_bytes / 1e6:.0f} MB; split it or raise --max-bytes")
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise InputError(f"{path}: this is a binary file, not a text article")
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding} ({exc.__class__.__name__})") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            guess = _guess_encoding(data)
            raise InputError(f"{path}: not UTF-8 text (it looks like {guess})",
                             hint=f"convert it, or re-run with --encoding {guess}") from None
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in {".md", ".markdown"} and len(_HTML_SNIFF.findall(head)) >= 2)
    return text, is_html


def _control_ratio(data: bytes) -> float:
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(data))


def _guess_encoding(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            return {"cp1252": "cp1252", "latin_1": "latin-1", "iso8859_1": "latin-1"}.get(best.encoding, best.encoding)
    except Exception:  # the guess only words the message; never fail on it
        pass
    return "cp1252"


def html_to_text(html: str, path: pathlib.Path) -> tuple[str, dict[str, str]]:
    """Article text and metadata out of an HTML page, through trafilatura's extractor."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            with_metadata=True, favor_precision=True)
    if extracted is None:
        raise InputError(f"{path}: no article text found in this HTML page")
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (doc.get("text") or "").strip()
    if not text:
        raise InputError(f"{path}: no article text found in this HTML page")
    meta = {k: doc.get(k2) for k, k2 in (("title", "title"), ("outlet", "sitename"), ("url", "url"),
                                        ("published", "date")) if doc.get(k2)}
    return text + "\n", meta


def _source_ids(files: list[pathlib.Path]) -> list[str]:
    """File stems, made unique with the parent folder's name where two files share a stem."""
    stems = [f.stem for f in files]
    return [f"{f.parent.name}/{f.stem}" if stems.count(f.stem) > 1 else f.stem for f in files]


def _fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


@dataclass
class ReadJob:
    """One file to read, with what the driver already knows of it: its id and sidecar entry."""

    path: str
    id: str
    entry: dict = field(default_factory=dict)
    encoding: str | None = None
    max_bytes: int = MAX_BYTES


def read_source(job: ReadJob) -> Source | InputError:
    """Read one article into a `Source` with its metadata: the sidecar's, else what the text
    (or the HTML page) says. An unusable file comes back as the error, not raised, so a batch
    of files can be read anywhere and judged where the run is driven."""
    path = pathlib.Path(job.path)
    try:
        text, is_html = read_text(path, encoding=job.encoding, max_bytes=job.max_bytes)
        html_meta: dict[str, str] = {}
        if is_html:
            text, html_meta = html_to_text(text, path)
    except InputError as exc:
        return exc
    markup = "html" if is_html else "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    source = Source(id=job.id, path=str(path), text=text, markup=markup,
                    content_hash=hashlib.sha256(text.encode()).hexdigest()[:16])
    for key, value in job.entry.items():
        if key in ("outlet", "published", "url", "title") and value:
            setattr(source, key, value)
            source.metadata_origin[key] = "sidecar"
    guessed = {**infer_metadata(text), **html_meta}
    for key in ("outlet", "published", "url", "title"):
        value = guessed.get(key)
        if getattr(source, key) is None and value:
            if key == "published" and isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value[:10])
                except ValueError:
                    continue
            setattr(source, key, value)
            source.metadata_origin[key] = "inferred"
    return source


def read_jobs(paths: Iterable[str | pathlib.Path], *, encoding: str | None = None,
              meta_path: str | pathlib.Path | None = None, max_bytes: int = MAX_BYTES) -> list[ReadJob]:
    """The files to read, in order, each with its id and sidecar metadata entry."""
    files = find_articles(paths)
    sidecars: dict[pathlib.Path, dict] = {}
    explicit = read_sidecar(pathlib.Path(meta_path)) if meta_path else None
    jobs = []
    for path, sid in zip(files, _source_ids(files)):
        if explicit is not None:
            entry = explicit.get(path.name) or explicit.get(path.stem) or {}
        else:
            folder = path.parent.resolve()
            if folder not in sidecars:
                sidecars[folder] = read_sidecar(folder / SIDECAR_NAME) if (folder / SIDECAR_NAME).exists() else {}
            entry = sidecars[folder].get(path.name) or sidecars[folder].get(path.stem) or {}
        jobs.append(ReadJob(path=str(path), id=sid, entry=dict(entry), encoding=encoding, max_bytes=max_bytes))
    return jobs


def load_sources(paths: Iterable[str | pathlib.Path], *, encoding: str | None = None,
                 skip_bad: bool = False, meta_path: str | pathlib.Path | None = None,
                 max_bytes: int = MAX_BYTES,
                 reader: Callable[[list[ReadJob]], list[Source | InputError]] | None = None) -> IngestResult:
    """Read articles from files and folders into `Source` records with metadata.

    Metadata comes from a `sources.json` sidecar beside the files (or `meta_path`), else is
    inferred from the text, else left empty. With `skip_bad`, unusable files are skipped
    with a warning instead of stopping the run. `reader` reads a list of jobs elsewhere (the
    Ray engine); by default they are read here, one by one.
    """
    jobs = read_jobs(paths, encoding=encoding, meta_path=meta_path, max_bytes=max_bytes)
    read = reader(jobs) if reader is not None else [read_source(job) for job in jobs]
    result = IngestResult(sources=[])
    seen_text: dict[str, str] = {}
    for job, got in zip(jobs, read):
        if isinstance(got, Source):
            fp = _fingerprint(got.text)
            if fp in seen_text:
                got = InputError(f"{job.path}: repeats {seen_text[fp]} word for word",
                                 hint="a repeated article would count as a second outlet; remove one")
            else:
                seen_text[fp] = job.path
        if isinstance(got, InputError):
            if not skip_bad:
                raise got
            result.warnings.append(f"skipped {got.one_line()}")
            continue
        result.sources.append(got)
    if not result.sources:
        raise InputError("none of the input files could be read")
    return result
