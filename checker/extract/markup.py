"""Markdown → the same text with its markup blanked out, character for character.

Offsets must index the file as read, so Markdown syntax is replaced by spaces of the same
length instead of being removed: headings' #, emphasis markers, link targets, images, code
fences, list and quote markers, inline HTML. The words stay where they are.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\n]*)\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\n]+>")
_HTML = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINE_PREFIX = re.compile(r"^(\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+))", re.M)
_SETEXT = re.compile(r"^\s{0,3}(=+|-{3,}|\*{3,}|_{3,})\s*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def mask_markdown(text: str) -> str:
    """Markdown text with every markup character replaced by a space (same length)."""
    out = _FENCE.sub(_blank, text)
    out = _IMAGE.sub(_blank, out)
    out = _LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), out)
    out = _REF_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), out)
    out = _REF_DEF.sub(_blank, out)
    out = _AUTOLINK.sub(_blank, out)
    out = _HTML.sub(_blank, out)
    out = _SETEXT.sub(_blank, out)
    out = _LINE_PREFIX.sub(lambda m: " " * len(m.group(1)), out)
    for _ in range(2):  # nested emphasis: **_word_**
        out = _EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), out)
    assert len(out) == len(text)
    return out
