"""Text → body paragraphs: drop what is not the article before any claim is made.

Works on plain text, line by line, with general signals only: a photo credit closing a
line, a line repeated on the page, a line with no sentence punctuation (headings,
breadcrumbs, bylines, category labels), a URL, a question to the reader, a lead-in that
introduces only furniture, a tail that starts at a section marker ("Related", "You may
also like") and is made of short teaser blocks, a dateline or the outlet's own name
glued to the start of a paragraph. Every removal keeps its reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.models import Removed

SECTION_MARKERS = {
    "related", "related articles", "related stories", "related coverage", "related people", "you may also like",
    "you might also like", "read more", "read next", "more from", "recommended", "recommended for you",
    "trending", "most read", "most popular", "popular", "more stories", "also read", "see also", "about",
    "about us", "comments", "comment", "in this article", "more on this story", "latest news", "top stories",
    "editor's picks", "what to read next", "sponsored", "sponsored content", "advertisement", "share",
    "share this article", "follow us", "tags", "topics", "newsletter", "sign up", "subscribe",
}
_CREDIT_WORDS = r"photo|photos|image|images|picture|credit|file|getty|afp|reuters|ap|epa|xinhua|pool|handout|" \
                r"courtesy|shutterstock|video|screenshot|screengrab"
_CREDIT_TAIL = re.compile(rf"(\((?:[^()]*\b(?:{_CREDIT_WORDS})\b[^()]*)\)|\[[^\[\]]{{2,80}}\])\s*$", re.I)
_CREDIT_HEAD = re.compile(rf"^\s*(?:{_CREDIT_WORDS})\s*(?:credit)?\s*:", re.I)
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
# "MOSCOW (Reuters) -", "WASHINGTON —"; a place in title case only with the agency in brackets
# ("Denver (AP) –"), so a sentence opening "Obama – " keeps its subject.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .'-]{2,30})?\s*(?:\([^)]{2,40}\))?"
                       r"|[A-Z][\w.'-]+(?:[ ,]+[A-Z][\w.'-]+){0,3}\s*\((?![RDI]-)[^)]{2,40}\))\s*[-—–]{1,2}\s+")
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by|words by)\s+[A-Z]", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_BREADCRUMB = re.compile(r"^[^.!?]{1,80}(?:\s[/|>»›]\s[^.!?]{1,40}){2,}$")
_PROSE_WORDS = 8


@dataclass
class Block:
    """A line of the source with its extent and what it was judged to be."""

    start: int
    end: int
    text: str
    kind: str = "body"
    reason: str = ""


@dataclass
class Layout:
    """The article's body paragraphs, its headings, and what was removed."""

    body: list[tuple[int, int]]
    headings: list[tuple[int, int]]
    removed: list[Removed]


def _lines(text: str) -> list[Block]:
    blocks, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            blocks.append(Block(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return blocks


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9' ]+", " ", s.lower().replace("’", "'")).strip()


def _marker(s: str) -> bool:
    return " ".join(_norm(s).split()) in SECTION_MARKERS


def _is_prose(b: Block) -> bool:
    return b.kind == "body" and len(b.text.split()) >= _PROSE_WORDS and bool(_SENTENCE_END.search(b.text))


def _classify(b: Block, outlet: str | None) -> tuple[str, str]:
    s = b.text
    words = s.split()
    if _URL.match(s):
        return "furniture", "a URL"
    if (_CREDIT_TAIL.search(s) or _CREDIT_HEAD.match(s)) and len(words) <= 60:
        return "caption", "a photo caption (ends with a credit)"
    if _BREADCRUMB.match(s):
        return "furniture", "a breadcrumb"
    if _BYLINE.match(s) and len(words) <= 10:
        return "furniture", "a byline"
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.9:
        return "furniture", "an all-capitals label or link"
    if s.endswith("?") and len(words) <= 12:
        return "furniture", "a question to the reader"
    if not _SENTENCE_END.search(s):
        if len(words) <= 4:
            return "furniture", "a label with no sentence"
        return "heading", "a heading (no sentence punctuation)"
    if outlet and len(words) <= 25 and outlet.lower() in s.lower() and re.search(
            r"\b(website|site|app|subscribe|follow|newsletter|download|accessed|podcast)\b", s, re.I):
        return "furniture", "the outlet promoting itself"
    return "body", ""


def analyse_layout(text: str, *, outlet: str | None = None, title: str | None = None) -> Layout:
    """Split `text` into body paragraphs and headings; everything else is removed with a reason.

    Long (about 65 lines): a sequence of passes over the page's lines, each commented, each
    reading what the earlier ones decided (repeats, repeated headlines, the teaser tail, lead-ins,
    trailing labels); their order is the rule, so they stay in one place."""
    blocks = _lines(text)
    for b in blocks:
        b.kind, b.reason = _classify(b, outlet)

    # A line printed twice is page furniture (a caption shown twice, a repeated standfirst);
    # keep the first copy of a real paragraph, drop every copy of a short one. The page's first
    # line printed again is its title shown twice (as a page title and as the headline): the
    # first copy stays, as the headline.
    counts: dict[str, list[Block]] = {}
    for b in blocks:
        counts.setdefault(_norm(b.text), []).append(b)
    for same in counts.values():
        if len(same) > 1:
            short = not _is_prose(same[0]) or len(same[0].text.split()) < 30
            title = same[0] is blocks[0] and same[0].kind == "heading"
            for b in (same if short and not title else same[1:]):
                b.kind, b.reason = "furniture", "a line repeated on the page"

    # A heading whose words reappear inside the body is a repeated headline or standfirst.
    body_text = _norm(" ".join(b.text for b in blocks if b.kind == "body"))
    for b in blocks:
        if b.kind == "heading" and len(_norm(b.text)) > 20 and _norm(b.text) in body_text:
            b.kind, b.reason = "furniture", "a headline repeated in the body"

    # Tail: from a section marker on, when what follows is mostly teaser furniture.
    prose_seen = 0
    for i, b in enumerate(blocks):
        if _is_prose(b):
            prose_seen += 1
        if prose_seen >= 2 and _marker(b.text):
            rest = blocks[i + 1:]
            non_prose = sum(1 for r in rest if not _is_prose(r))
            if not rest or non_prose / len(rest) >= 0.4:
                for r in blocks[i:]:
                    r.kind, r.reason = "furniture", f"after the '{b.text}' section marker (teasers, widgets)"
                break
        elif _marker(b.text) and b.kind != "furniture":
            b.kind, b.reason = "furniture", "a section marker"

    # A lead-in ending with ':' that introduces only furniture up to the end of the page.
    for i, b in enumerate(blocks):
        if b.kind == "body" and b.text.endswith(":") and all(r.kind != "body" for r in blocks[i + 1:]):
            b.kind, b.reason = "furniture", "a lead-in to site links"
    for i, b in enumerate(blocks):
        if b.kind == "body" and b.text.endswith(":") and all(not _is_prose(r) for r in blocks[i + 1:]):
            b.kind, b.reason = "furniture", "a lead-in to site links"

    # Headings after the article's last paragraph are page furniture ("Comment Policy ...").
    last_body = max((i for i, b in enumerate(blocks) if b.kind == "body"), default=-1)
    for b in blocks[last_body + 1:]:
        if b.kind == "heading":
            b.kind, b.reason = "furniture", "a label after the end of the article"
    removed: list[Removed] = []
    body: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    for b in blocks:
        if b.kind == "body":
            start = b.start + _prefix_length(b.text, outlet)
            if start > b.start:
                removed.append(Removed(start=b.start, end=start, reason="a dateline or the outlet's name"))
            body.append((start, b.end))
        elif b.kind == "heading":
            headings.append((b.start, b.end))
        else:
            removed.append(Removed(start=b.start, end=b.end, reason=b.reason))
    return Layout(body=body, headings=headings, removed=removed)


def _prefix_length(s: str, outlet: str | None) -> int:
    """Characters of a dateline ("MOSCOW (Reuters) -") or an outlet's name glued to the paragraph."""
    m = _DATELINE.match(s)
    if m:
        return m.end()
    if outlet:
        name = outlet.split("(")[0].strip()
        if name and s.startswith(name + " ") and len(s) > len(name) + 1 and s[len(name) + 1].isupper():
            return len(name) + 1
    return 0
