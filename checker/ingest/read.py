"""Files → `Source` records: find the articles, read them safely, attach metadata.

Every way an input can be unusable (missing, empty, binary, undecodable, too big) gives an
`InputError` with one line saying what to do. Every file given or found ends with a
`FileRecord`: read, or set aside and why (another format, a repeat of another file, not in
English, skipped as unreadable), so nothing is dropped in silence.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import pathlib
import re
from collections.abc import Callable, Iterable
from collections import Counter
from dataclasses import dataclass, field

from checker.errors import InputError
from checker.ingest.language import decode_western, detect_language, guess_encoding
from checker.ingest.metadata import SIDECAR_NAME, infer_metadata, read_sidecar
from checker.models import Claim, FileRecord, Source

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
MAX_BYTES = 5_000_000
_HTML_SNIFF = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<div[\s>]|<p[\s>]", re.I)


@dataclass
class IngestResult:
    """The sources read, what became of every file, sidecar keys matching no file, and
    one-line warnings."""

    sources: list[Source]
    warnings: list[str] = field(default_factory=list)
    files: list[FileRecord] = field(default_factory=list)
    unmatched_metadata: list[str] = field(default_factory=list)


_FORMATS = "checker reads .txt, .md and .html files"


def _is_article(path: pathlib.Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES or path.suffix == ""


def _not_read(entry: pathlib.Path) -> FileRecord:
    """Why an entry of a folder is not read as an article."""
    if entry.name == SIDECAR_NAME:
        return FileRecord(path=str(entry), status="metadata", reason="the folder's metadata sidecar")
    if entry.is_dir():
        return FileRecord(path=str(entry), status="skipped", reason="a sub-folder: checker does not look inside it")
    if not entry.exists():
        return FileRecord(path=str(entry), status="skipped", reason="a link to a file that does not exist")
    if entry.name.startswith("."):
        return FileRecord(path=str(entry), status="skipped", reason="a hidden file")
    kind = entry.suffix.lower() or "no extension"
    return FileRecord(path=str(entry), status="skipped", reason=f"not an article format ({kind}; {_FORMATS})")


def find_articles(paths: Iterable[str | pathlib.Path], *, skipped: list[FileRecord] | None = None,
                  skip_bad: bool = False) -> list[pathlib.Path]:
    """Expand folders into their article files (sorted); keep files as given, once each. What a
    folder holds besides articles is added to `skipped` with the reason; a file given by name
    in another format stops the run unless `skip_bad`."""
    found: list[pathlib.Path] = []
    seen: set[pathlib.Path] = set()
    skipped = [] if skipped is None else skipped
    for raw in paths:
        path = pathlib.Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {raw}")
        if path.is_dir():
            entries = sorted(path.iterdir())
            files = [p for p in entries if p.is_file() and not p.name.startswith(".") and p.name != SIDECAR_NAME
                     and p.suffix.lower() in ARTICLE_SUFFIXES]
            chosen = set(files)
            others = [_not_read(p) for p in entries if p not in chosen]
            if not files:
                what = f" (only {len(others)} other entries, e.g. {pathlib.Path(others[0].path).name})" if others else ""
                raise InputError(f"no articles in {raw}{what}", hint=_FORMATS)
            skipped.extend(others)
        elif _is_article(path):
            files = [path]
        elif skip_bad:
            skipped.append(_not_read(path))
            continue
        else:
            raise InputError(f"{raw}: unsupported file type '{path.suffix}'", hint=_FORMATS)
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                found.append(f)
    if not found:
        raise InputError("no input files given" if not skipped else
                         f"none of the {len(skipped)} files given is an article", hint=_FORMATS)
    return found



def read_text(path: pathlib.Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> tuple[str, bool]:
    """The file's text and whether it is HTML. Raises `InputError` for unusable files."""
    text, is_html, _ = read_text_as(path, encoding=encoding, max_bytes=max_bytes)
    return text, is_html


def read_text_as(path: pathlib.Path, *, encoding: str | None = None,
                 max_bytes: int = MAX_BYTES) -> tuple[str, bool, str]:
    """The file's text, whether it is HTML, and the encoding it was read in: UTF-8 (or a
    UTF-16 file with its byte-order mark), else cp1252 / Latin-1 when that decoding reads as
    Western text. Raises `InputError` for unusable files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: {len(data) / 1e6:.1f} MB is too big for one article",
                         hint=f"the limit is {max_bytes / 1e6:g} MB; split it into its articles")
    if not encoding and data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    if not data.strip() or (encoding == "utf-16" and not data.decode("utf-16", "replace").strip()):
        raise InputError(f"{path}: the file is empty")
    head = data[:8192]
    if encoding != "utf-16" and (b"\x00" in head or _control_ratio(head) > 0.05):
        raise InputError(f"{path}: this is a binary file, not a text article")
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding} ({exc.__class__.__name__})") from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            western = decode_western(data)
            if western is None:
                guess = guess_encoding(data)
                where = f"byte {exc.start} is not UTF-8"
                raise InputError(f"{path}: not UTF-8 text ({where}" + (f"; it looks like {guess})" if guess else ")"),
                                 hint=f"re-run with --encoding {guess}" if guess else "convert it to UTF-8") from None
            text, encoding = western
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in {".md", ".markdown"} and len(_HTML_SNIFF.findall(head)) >= 2)
    return text, is_html, encoding


def _control_ratio(data: bytes) -> float:
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(data))


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
    """File stems, made unique with the parent folder's name where two files share a stem, then
    with the whole name ('a.txt' beside 'a.md'), then with a number: two sources never share an
    id, so neither do their claims."""
    ids = [f.stem for f in files]
    for widen in (lambda f: f"{f.parent.name}/{f.stem}", lambda f: f"{f.parent.name}/{f.name}"):
        counts = Counter(ids)
        ids = [widen(f) if counts[i] > 1 else i for f, i in zip(files, ids)]
    seen: Counter = Counter()
    unique = []
    for i in ids:
        seen[i] += 1
        unique.append(i if seen[i] == 1 else f"{i}#{seen[i]}")
    return unique


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
        text, is_html, encoding = read_text_as(path, encoding=job.encoding, max_bytes=job.max_bytes)
        html_meta: dict[str, str] = {}
        if is_html:
            text, html_meta = html_to_text(text, path)
    except InputError as exc:
        return exc
    markup = "html" if is_html else "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    source = Source(id=job.id, path=str(path), text=text, markup=markup, encoding=encoding,
                    content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16])
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


@dataclass
class Plan:
    """The files to read, each with its id and sidecar entry; what was found and not read;
    the sidecar keys that match no file."""

    jobs: list[ReadJob]
    skipped: list[FileRecord]
    unmatched: list[str]


def plan_reading(paths: Iterable[str | pathlib.Path], *, encoding: str | None = None,
                 meta_path: str | pathlib.Path | None = None, max_bytes: int = MAX_BYTES,
                 skip_bad: bool = False) -> Plan:
    """Find the files, give each its id and metadata entry, and note sidecar keys naming no file."""
    skipped: list[FileRecord] = []
    files = find_articles(paths, skipped=skipped, skip_bad=skip_bad)
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
    unmatched = []
    given = {n for f in files for n in (f.name, f.stem)}
    for sidecar, keys in ([(pathlib.Path(meta_path), explicit)] if explicit is not None else
                          [(folder / SIDECAR_NAME, entries) for folder, entries in sidecars.items()]):
        here = {n for f in sidecar.parent.iterdir() for n in (f.name, f.stem)} if sidecar.parent.is_dir() else set()
        unmatched += [f"{sidecar}: '{key}' matches no file" for key in keys if key not in given | here]
    return Plan(jobs=jobs, skipped=skipped, unmatched=unmatched)


def read_jobs(paths: Iterable[str | pathlib.Path], *, encoding: str | None = None,
              meta_path: str | pathlib.Path | None = None, max_bytes: int = MAX_BYTES) -> list[ReadJob]:
    """The files to read, in order, each with its id and sidecar metadata entry."""
    return plan_reading(paths, encoding=encoding, meta_path=meta_path, max_bytes=max_bytes).jobs


def _reason(error: InputError, path: str) -> str:
    line = error.one_line()
    return line[len(path) + 2:] if line.startswith(f"{path}: ") else line


def load_sources(paths: Iterable[str | pathlib.Path], *, encoding: str | None = None,
                 skip_bad: bool = False, meta_path: str | pathlib.Path | None = None,
                 max_bytes: int = MAX_BYTES,
                 reader: Callable[[list[ReadJob]], list[Source | InputError]] | None = None) -> IngestResult:
    """Read articles from files and folders into `Source` records with metadata.

    Metadata comes from a `sources.json` sidecar beside the files (or `meta_path`), else is
    inferred from the text, else left empty. A file repeating an earlier one word for word,
    or written in another language than English, is set aside and the run goes on; files of
    other formats in a folder are skipped. An unreadable file stops the run, or with
    `skip_bad` is skipped. Each file's fate is in `files`. `reader` reads a list of jobs
    elsewhere (the Ray engine); by default they are read here, one by one.
    """
    plan = plan_reading(paths, encoding=encoding, meta_path=meta_path, max_bytes=max_bytes, skip_bad=skip_bad)
    jobs = plan.jobs
    read = reader(jobs) if reader is not None else [read_source(job) for job in jobs]
    result = IngestResult(sources=[], unmatched_metadata=plan.unmatched)
    records: list[FileRecord] = []
    seen_text: dict[str, str] = {}
    for job, got in zip(jobs, read):
        if isinstance(got, InputError):
            if not skip_bad:
                raise got.__class__(str(got), hint=(got.hint + "; " if got.hint else "")
                                    + "or --skip-bad to skip unreadable files") if len(jobs) > 1 else got
            records.append(FileRecord(path=job.path, status="skipped", reason=_reason(got, job.path)))
            continue
        fp = _fingerprint(got.text)
        if fp in seen_text:
            records.append(FileRecord(path=job.path, status="duplicate", duplicate_of=seen_text[fp],
                                      reason=f"repeats {seen_text[fp]} word for word"))
            continue
        seen_text[fp] = job.path
        language = detect_language(got.text)
        if language is not None:
            records.append(FileRecord(path=job.path, status="not English", language=language[0],
                                      reason=f"written in {language[1]} ({language[0]}); checker reads English"))
            continue
        reason = "" if got.encoding == "utf-8" else f"read as {got.encoding}: it is not UTF-8"
        records.append(FileRecord(path=job.path, status="read", source=got.id, reason=reason))
        result.sources.append(got)
    result.files = records + plan.skipped
    result.warnings = file_notes(result.files, result.unmatched_metadata)
    if not result.sources:
        raise InputError(f"none of the input files could be read as an English article ({_tally(result.files)})",
                         hint="; ".join(f"{pathlib.Path(r.path).name}: {r.reason}" for r in result.files[:3]))
    return result


def _tally(files: list[FileRecord]) -> str:
    counts = Counter(r.status for r in files)
    return ", ".join(f"{n} {status}" for status, n in counts.items())


_VERB = {"no claims": "no claims found in", "duplicate": "set aside", "not English": "set aside",
         "skipped": "skipped", "read": ""}


def file_notes(files: list[FileRecord], unmatched: list[str], *, per_kind: int = 5) -> list[str]:
    """One line per file not simply read (a count and an example past `per_kind` of a kind),
    and per sidecar key matching no file."""
    notes: list[str] = []
    for status in ("skipped", "duplicate", "not English", "no claims", "read"):
        these = [r for r in files if r.status == status and (status != "read" or r.reason)]
        lines = [f"{_VERB[status]} {r.path}: {r.reason}".lstrip() for r in these]
        if len(lines) > per_kind:
            lines = lines[:per_kind - 1] + [f"… and {len(lines) - per_kind + 1} more {status} files "
                                            "(each one is listed in report.json, under files)"]
        notes += lines
    if len(unmatched) > per_kind:
        unmatched = unmatched[:per_kind - 1] + [f"… and {len(unmatched) - per_kind + 1} more metadata keys "
                                                "matching no file (in report.json, unmatched_metadata)"]
    return notes + unmatched


def account_claims(files: list[FileRecord], sources: list[Source], claims: list[Claim]) -> None:
    """Mark the files whose article gave no claim, with the likeliest reason."""
    counted = Counter(c.source for c in claims)
    by_id = {s.id: s for s in sources}
    for record in files:
        if record.status == "read" and record.source in by_id and not counted[record.source]:
            record.status = "no claims"
            record.reason = _why_no_claims(by_id[record.source])


def _why_no_claims(source: Source) -> str:
    kept = sum(b - a for a, b in source.body) if source.body else len(source.text)
    words = len(source.text.split())
    sentences = len(re.findall(r"[.!?][\"'’”)]*(?:\s|$)", source.text))
    if source.body and kept == 0 or source.removed and kept < 0.1 * len(source.text):
        return "all of its text looked like page furniture (menus, bylines, footers)"
    if words < 30 or sentences < 2:
        return f"it holds only a headline or a fragment ({words} words, {sentences} full sentences)"
    return "none of its sentences states a checkable fact"
