"""Source metadata: the `sources.json` sidecar, and what can be inferred from the text.

The sidecar sits in the input folder and maps a file name (or its stem) to its metadata:

    {"a.txt": {"outlet": "Press TV", "published": "2022-05-24", "url": null, "title": "..."}}

Any other keys (a "note", say) are kept out of the analysis. Inference looks for a
dateline or a "date 2022-08-18" stamp (with "5 days ago" counted back from it), an
article URL on its own line, the site's name in a footer or a promo line, and a headline.
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

from checker.errors import MetadataError
from checker.months import MONTHS

SIDECAR_NAME = "sources.json"
FIELDS = ("outlet", "published", "url", "title")

_MONTHS = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))  # as written: "May", "Sept"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WRITTEN = re.compile(rf"\b(?:({_MONTHS})\.? (\d{{1,2}}),? (\d{{4}})|(\d{{1,2}}) ({_MONTHS})\.? (\d{{4}}))\b")
_AGO = re.compile(r"\b(\d+|an?|one)\s+(minute|hour|day|week|month)s?\s+ago\b", re.I)
_URL_LINE = re.compile(r"^\s*(https?://[^\s]+)\s*$")
_PROMO_FROM = re.compile(r"\b(?:read more|more|stories|news) from (?:the )?([A-Z][\w.&' -]{2,40}?)\s*$", re.I)
_SITE_OF = re.compile(r"\b([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})[’']s (?:website|site|app)\b")


def read_sidecar(path: pathlib.Path) -> dict[str, dict]:
    """Read and check a metadata sidecar. Raises `MetadataError` with the reason in one line."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MetadataError(f"{path}: metadata file not found") from None
    except UnicodeDecodeError:
        raise MetadataError(f"{path}: metadata file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if isinstance(raw, dict) and isinstance(raw.get("sources"), (dict, list)):
        raw = raw["sources"]
    if isinstance(raw, list):
        try:
            raw = {item["file"]: item for item in raw}
        except (TypeError, KeyError):
            raise MetadataError(f"{path}: a list of sources needs a \"file\" in each entry") from None
    if not isinstance(raw, dict):
        raise MetadataError(f"{path}: expected an object mapping file names to metadata")
    out: dict[str, dict] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            raise MetadataError(f"{path}: the entry for '{name}' is not an object")
        clean: dict = {}
        for key in FIELDS:
            value = entry.get(key)
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                raise MetadataError(f"{path}: '{name}' {key} must be text, not {type(value).__name__}")
            if key == "published":
                try:
                    clean[key] = dt.date.fromisoformat(value.strip()[:10])
                except ValueError:
                    raise MetadataError(f"{path}: '{name}' published '{value}' is not a date",
                                        hint="use YYYY-MM-DD") from None
            else:
                clean[key] = value.strip()
        out[name] = clean
    return out


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _written_date(m: re.Match) -> dt.date | None:
    month_name, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    try:
        month = dt.datetime.strptime(month_name[:3], "%b").month
    except ValueError:
        return None
    return _date(year, str(month), day)


def infer_published(lines: list[str]) -> dt.date | None:
    """A publication date from the first lines: a stamp, then "N days ago" counted back."""
    stamp = None
    for line in lines:
        # A date line, not a date inside a sentence ("born April 22, 1923"): the date fills most
        # of the line, or a label such as "Published" or "date" introduces it.
        m = _ISO.search(line) or _WRITTEN.search(line)
        if not m:
            continue
        rest = (line[:m.start()] + line[m.end():]).strip()
        labelled = re.match(r"^(?:date|published|posted|updated|first published|last updated)\b", line.strip(), re.I)
        if not labelled and len(rest.split()) > 5:
            continue
        stamp = _date(*m.groups()) if m.re is _ISO else _written_date(m)
        if stamp:
            break
    if stamp is None:
        return None
    for line in lines:
        m = _AGO.search(line)
        if m and len(line.split()) <= 6:
            n = 1 if m.group(1).lower() in ("a", "an", "one") else int(m.group(1))
            unit = m.group(2).lower()
            days = {"minute": 0, "hour": 0, "day": n, "week": 7 * n, "month": 30 * n}[unit]
            return stamp - dt.timedelta(days=days)
    return stamp


def infer_outlet(lines: list[str]) -> str | None:
    """The outlet's name where the page names itself: a promo line, "X's website", a footer URL."""
    for line in reversed(lines):
        m = _PROMO_FROM.search(line.strip())
        if m and line.strip().isupper():
            return m.group(1).strip().title()
    for line in lines:
        m = _SITE_OF.search(line)
        if m:
            return m.group(1)
    stripped = {line.strip().lower(): line.strip() for line in lines if 0 < len(line.strip()) <= 40}
    for line in reversed(lines):
        m = _URL_LINE.match(line)
        if m:
            host = re.sub(r"^https?://(www\.)?", "", m.group(1)).split("/")[0]
            core = host.rsplit(".", 1)[0]
            if core in stripped:
                return stripped[core]
    return None


def infer_metadata(text: str) -> dict:
    """Metadata fields the text itself gives away; missing ones are left out."""
    lines = text.splitlines()
    head = [line for line in lines[:15] if line.strip()]
    meta: dict = {}
    published = infer_published(head)
    if published:
        meta["published"] = published
    outlet = infer_outlet(lines)
    if outlet:
        meta["outlet"] = outlet
    for line in head[:3]:
        m = _URL_LINE.match(line)
        if m:
            meta["url"] = m.group(1)
            break
    for line in head[:6]:
        s = line.strip()
        words = s.split()
        if 4 <= len(words) <= 20 and not _URL_LINE.match(s) and s[-1] not in ".:" and not _ISO.search(s) \
                and not re.search(r"\s[/|>»›]\s", s):
            meta["title"] = s
            break
    return meta
