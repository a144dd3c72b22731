"""Discourse passes over one source's claims, in reading order.

- A pronoun speaker ("he said") takes the nearest person mentioned before it: a named
  person or a person noun ("a senior US official"), up to three sentences back.
- A sentence that is all quotation with no reporting verb continues the previous speaker.
- A sentence with no time of its own takes the time of the sentence before it, at most two
  sentences on, unless that sentence was a flashback (past perfect, "previously").
"""
from __future__ import annotations

from checker.attribution import PERSON_NOUNS, speaker_kind
from checker.models import Attribution, Claim, Source

_BACKGROUND = {"previously", "earlier", "formerly", "once", "originally", "historically"}


def _person_mentions(draft) -> list:
    """Person mentions in the sentence of `draft`, as token lists, in order."""
    doc = draft.head.doc
    sent = draft.head.sent
    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and sent.start <= ent.start < sent.end:
            out.append((ent.start, list(ent)))
    for tok in sent:
        if tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_NOUNS and tok.dep_ != "compound":
            np = [t for t in tok.subtree if t.i <= tok.i]
            if not any(t.ent_type_ == "PERSON" for t in np):
                out.append((np[0].i, np))
    return [toks for _, toks in sorted(out, key=lambda x: x[0])]


def resolve_speakers(rows: list[tuple[int, Claim, object, int]], source: Source) -> None:
    """Resolve pronoun speakers and carry speakers into quotation-only sentences."""
    by_sentence: dict[int, list[tuple[Claim, object]]] = {}
    for n, claim, draft, _ in rows:
        by_sentence.setdefault(n, []).append((claim, draft))
    for n, claim, draft, _ in rows:
        att = claim.attribution
        if att.speaker and att.speaker.lower() in ("he", "she"):
            for back in range(n - 1, max(-1, n - 4), -1):
                mentions = [m for _, d in by_sentence.get(back, [])[:1] for m in _person_mentions(d)]
                if mentions:
                    toks = mentions[-1]
                    text = " ".join(t.text for t in toks)
                    from checker.claims import _speaker_key  # local: avoids an import cycle

                    claim.attribution = att.model_copy(update={"speaker": text, "speaker_key": _speaker_key(toks, text),
                                                               "kind": speaker_kind(toks, text)})
                    break
        elif att.kind == "outlet" and claim.quotes and claim.kind == "assertion":
            quoted = sum(q.end - q.start for q in claim.quotes)
            if quoted >= 0.8 * len(claim.text):
                prev = by_sentence.get(n - 1, [])
                speakers = [c.attribution for c, _ in prev if c.attribution.kind != "outlet" and c.quotes]
                if speakers:
                    claim.attribution = Attribution(**{**speakers[-1].model_dump(), "time": None})


def _background(draft) -> bool:
    sent = draft.head.sent
    if any(t.lower_ in _BACKGROUND for t in sent):
        return True
    return any(t.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_ == "aux" for c in t.children) for t in sent)


def carry_time(rows: list[tuple[int, Claim, object, int]]) -> None:
    """Give undated claims the time of the sentence before (see the module's docstring).
    A heading between paragraphs starts a new section, and nothing is carried across it."""
    last, age, section = None, 0, 0
    sentences: dict[int, list[tuple[Claim, object]]] = {}
    sections: dict[int, int] = {}
    for n, claim, draft, sec in rows:
        sentences.setdefault(n, []).append((claim, draft))
        sections[n] = sec
    for n in sorted(sentences):
        if sections[n] != section:
            last, age, section = None, 0, sections[n]
        items = [(c, d) for c, d in sentences[n] if c.kind == "assertion"]
        if not items:
            continue
        if any(c.kind != "assertion" and c.time is not None and c.time.origin == "explicit" for c, _ in sentences[n]) \
                and not any(c.time is not None for c, _ in items):
            last, age = None, 0  # dates of other events (a meeting named in passing): nothing to carry
            continue
        dated = [c for c, _ in items if c.time is not None and c.time.origin in ("explicit", "sentence")]
        if dated:
            if _background(items[0][1]):
                last, age = None, 0
            else:
                last, age = dated[0].time, 0
            continue
        if any(c.time is not None for c, _ in items):
            continue  # a tense bound of its own: nothing carried in, nothing carried on
        if last is not None and age < 2:
            for c, _ in items:
                c.time = last.model_copy(update={"origin": "context"})
            age += 1
        else:
            last = None
