"""Discourse passes over one source's claims, in reading order.

- A pronoun speaker ("he said") takes the nearest person mentioned before it: a named
  person or a person noun ("a senior US official"), up to three sentences back.
- A sentence that is all quotation with no reporting verb continues the previous speaker.
- A sentence with no time of its own takes the time of the sentence before it, at most two
  sentences on, unless that sentence was a flashback (past perfect, "previously").
"""
from __future__ import annotations

import re

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


_SUBJECT_PRONOUNS = {"he", "she"}


def resolve_subject_pronouns(rows: list[tuple[int, Claim, object, int]]) -> None:
    """'She checked in today' → 'Lindsay Lohan checked in today' in the text used for grouping,
    with the person's key among the claim's terms: the nearest person named before the pronoun,
    in its sentence or up to three sentences back."""
    from checker.normalize.entities import canonical

    persons: list[tuple[int, int, str]] = []   # (sentence no, token index, name)
    seen_docs: set[int] = set()
    for n, claim, draft, _ in rows:
        doc = draft.head.doc
        sent = draft.head.sent
        key = (id(doc), sent.start)
        if key not in seen_docs:
            seen_docs.add(key)
            persons += [(n, e.start, e.text) for e in doc.ents if e.label_ == "PERSON" and sent.start <= e.start < sent.end
                        and len(e.text.split()) >= 1]
        pron = next((draft.head.doc[i] for i in sorted(draft.tokens) if draft.head.doc[i].lower_ in _SUBJECT_PRONOUNS
                     and draft.head.doc[i].dep_ in ("nsubj", "nsubjpass")), None)
        if pron is None:
            continue
        before = [p for p in persons if p[0] < n or (p[0] == n and p[1] < pron.i)]
        before = [p for p in before if p[0] >= n - 3]
        if not before:
            continue
        name = max(before, key=lambda p: (p[0], p[1]))[2]
        full = max((p[2] for p in persons if p[2].split()[-1] == name.split()[-1]), key=len)
        claim.standalone = re.sub(rf"\b{pron.text}\b", full, claim.standalone, count=1)
        person_key = canonical(full, "PERSON")
        if person_key not in claim.terms:
            claim.terms = sorted([*claim.terms, person_key])


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
        dated = [c for c, d in items if c.time is not None and c.time.origin in ("explicit", "sentence")
                 and d.role in ("main", "conj", "headline")]
        if any(c.time is not None for c, _ in items) and not dated:
            last, age = None, 0  # dated only in a side clause ("who starred in the 1950s"): not the story's time
            continue
        if dated:
            if _background(items[0][1]):
                last, age = None, 0
            else:
                last, age = dated[0].time, 0
            continue
        if any(c.time is not None for c, _ in items) or any(
                t.ent_type_ == "DATE" for _, d in items for t in d.head.sent):
            continue  # a time of its own (a tense bound, or a date with nothing to resolve it against)
        if last is not None and age < 2:
            for c, _ in items:
                c.time = last.model_copy(update={"origin": "context"})
            age += 1
        else:
            last = None
