"""What a claim says, read off its clause draft: its content terms, its text as a sentence of its
own (for embedding), the person it is about, and whether it is only a possibility."""
from __future__ import annotations

import re

from checker.extract.attribution import PRONOUNS
from checker.extract.clauses import Draft
from checker.extract.normalize.entities import canonical
from checker.models import Attribution

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_LIGHT_VERBS = {"be", "have", "do", "make", "take", "get", "go", "come", "say", "tell", "add", "report"}


def claim_terms(doc, draft: Draft, attribution: Attribution, kind: str) -> list[str]:
    """Content lemmas and canonical entity keys: what a claim is about, for lexical overlap."""
    if kind == "statement":
        return [attribution.speaker_key] if attribution.speaker_key else []
    ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    out = set()
    for i in draft.tokens:
        tok = doc[i]
        if i in ents and ents[i].label_ in ENTITY_LABELS:
            ent = ents[i]
            out.add(canonical(ent.text, ent.label_))
            iso_key = canonical(ent.text, "NORP") if ent.label_ == "GPE" else None
            if iso_key and iso_key.startswith("country:"):
                out.add(iso_key)
        elif i not in ents and tok.pos_ in _CONTENT_POS and not tok.is_stop and tok.lemma_.lower() not in _LIGHT_VERBS and len(tok.text) > 1:
            out.add(tok.lemma_.lower())
    return sorted(out)




def standalone_text(doc, draft: Draft, attribution: Attribution) -> str:
    """The claim's content as a sentence of its own, for embedding: attribution words left out,
    the subject it shares with its clause put back, a pronoun subject replaced by the speaker."""
    ids = sorted(draft.tokens - draft.frame_tokens) or sorted(draft.tokens)
    words = []
    for i in ids:
        tok = doc[i]
        if tok.lower_ in PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass") and attribution.speaker \
                and attribution.kind != "outlet" and attribution.speaker.lower() not in PRONOUNS:
            words.append(attribution.speaker)
        else:
            words.append(tok.text)
    text = " ".join(words)
    absolute = any(doc[i].lower_ == "with" and any(c.dep_ == "pobj" for c in doc[i].children) for i in ids[:2])
    if draft.role == "appositive":  # the description as a statement about the named subject
        subject = {t.i for t in draft.subject}
        text = " ".join(t.text for t in draft.subject) + " is " + " ".join(doc[i].text for i in ids if i not in subject)
    elif draft.subject and not absolute and not any(t.i in draft.tokens for t in draft.subject):
        text = " ".join(t.text for t in draft.subject) + " " + text
    return re.sub(r",(\s*,)+", ",", text).strip(" ,;")


def hedged(head) -> bool:
    """A possibility ('could cut emissions') or a counterfactual ('would not have placed him on
    injured reserve if …'): what might be, or would have been, not what is said to be."""
    aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
    return bool(aux & {"could", "might", "may"}) or (bool(aux & {"would", "should"}) and "have" in aux
                                                      and head.tag_ == "VBN")


def subject_person(doc, draft: Draft, attribution: Attribution) -> str | None:
    """The person a claim is about when its grammatical subject names one ('Ty Lawson added
    16 points': the subject's head word lies inside a PERSON entity), or is 'I' in the words
    of a named person ('"I'm not worried," Smith said')."""
    subj = next((c for c in draft.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and draft.subject:
        inside = {t.i for t in draft.subject}
        subj = next((t for t in draft.subject if t.head.i not in inside), None)
    if subj is not None and subj.lower_ == "i" and attribution.kind == "person" and attribution.speaker \
            and attribution.speaker.lower() not in PRONOUNS:
        return attribution.speaker
    if subj is None or subj.ent_type_ != "PERSON":
        return None
    return next((e.text for e in doc.ents if e.start <= subj.i < e.end), None)
