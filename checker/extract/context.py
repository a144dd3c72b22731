"""Discourse passes over one source's claims, in reading order.

- A pronoun speaker ("he said") takes the nearest person mentioned before it: a named
  person or a person noun ("a senior US official"), up to three sentences back.
- A sentence that is all quotation with no reporting verb continues the previous speaker.
- A sentence with no time of its own takes the time of the sentence before it, at most two
  sentences on, unless that sentence was a flashback (past perfect, "previously").
"""
from __future__ import annotations

import re

from checker.extract.attribution import (DOCUMENT_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS, PRONOUNS, SPEECH_VERBS, quoted_ids,
                                         speaker_kind, speaker_of_document, speaker_tokens)
from checker.models import Attribution, Claim, Source

_BACKGROUND = {"previously", "earlier", "formerly", "once", "originally", "historically"}


_BODY_NOUNS = {"house", "department", "ministry", "committee", "party", "office", "court", "council", "agency",
               "administration", "campaign", "government", "university", "institute", "center", "centre", "union",
               "association", "commission", "board", "group", "foundation", "company", "bank", "service", "police"}
_DEFINITE = {"the", "that", "this", "these", "those"}
# Title abbreviations, so that "Gov. Rick Perry" is known to be a governor.
_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                  "sec": "secretary", "pres": "president", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant",
                  "adm": "admiral", "capt": "captain", "atty": "attorney", "supt": "superintendent"}


def _attribution(toks: list, verb: str | None = None, base: Attribution | None = None) -> Attribution:
    """An attribution to the person or body named by `toks` (tokens of one sentence)."""
    from checker.extract.claims import speaker_key  # local: avoids an import cycle

    text = " ".join(t.text for t in toks)
    update = {"speaker": text, "speaker_key": speaker_key(toks, text), "kind": speaker_kind(toks, text)}
    if base is not None and base.kind != "outlet":
        return base.model_copy(update=update)
    return Attribution(verb=verb, **update)


def _quoted(draft) -> set[int]:
    """Token indices inside quotation marks in the sentence of `draft` (the last sentence's kept;
    the Doc itself is held, so that a new Doc at the same address is not mistaken for it)."""
    sent = draft.head.sent
    cache = _quoted.cache
    if cache.get("doc") is not sent.doc or cache.get("start") != sent.start:
        _quoted.cache = cache = {"doc": sent.doc, "start": sent.start, "ids": quoted_ids(sent)}
    return cache["ids"]


_quoted.cache = {}


def _is_person(att: Attribution) -> bool:
    """Whether an attribution's speaker is a person (named, or a person noun such as 'an aide')."""
    if att.kind == "outlet" or not att.speaker or att.speaker.lower() in PRONOUNS:
        return False
    if (att.speaker_key or "").startswith("person:"):
        return True
    words = att.speaker.split()
    if words[-1].lower().rstrip("s") in {w.rstrip("s") for w in PERSON_NOUNS}:
        return True
    # A short name the entity recogniser did not call a person ("Carney"), unless it names a body.
    if att.kind == "cited_outlet" or (att.speaker_key or "").startswith("country:"):
        return False
    return _name_like(words)


def _name_like(words: list[str]) -> bool:
    """A short capitalised name that does not name a body (a person the recogniser missed)."""
    from checker.extract.normalize.entities import country_of

    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        w.lower() in _BODY_NOUNS for w in words) and country_of(" ".join(words)) is None


def _main_subject(items) -> list:
    """The subject of a sentence's first clause when it names a person or a body, as tokens; a
    proper noun the recogniser left untyped counts when it reads as a name ('Pelosi, who is
    expected to ..., intends ...')."""
    for _, draft in items[:1]:
        head = draft.head
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and draft.subject:
            inside = {t.i for t in draft.subject}
            subj = next((t for t in draft.subject if t.head.i not in inside), None)
        if subj is None or subj.i in _quoted(draft):
            continue
        if subj.ent_type_ in ("PERSON", "ORG"):
            return speaker_tokens(subj)
        if subj.tag_ == "NNP" and not subj.ent_type_:
            name = speaker_tokens(subj)
            if _name_like([t.text for t in name]):
                return name
    return []


def _person_mentions(draft) -> list:
    """Persons mentioned outside quotation marks in the sentence of `draft`, as token lists, in
    order; a person noun in apposition to a name ('Jim Lee, a spokesman') counts as the name."""
    doc = draft.head.doc
    sent = draft.head.sent
    quoted = _quoted(draft)
    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and sent.start <= ent.start < sent.end and ent.start not in quoted:
            out.append((ent.start, [t for t in ent if t.dep_ != "case"] or list(ent)))
    for tok in sent:
        if tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_NOUNS and tok.dep_ != "compound" and tok.i not in quoted:
            np = [t for t in tok.subtree if t.i <= tok.i]
            if tok.dep_ == "appos" or any(t.ent_type_ == "PERSON" for t in np):
                continue
            out.append((np[0].i, np))
    return [toks for _, toks in sorted(out, key=lambda x: x[0])]


def _antecedent(by_sentence, n: int, person: bool) -> list | Attribution | None:
    """Who a pronoun speaker or a bare quotation in sentence `n` refers to: the speaker of the
    sentence before (someone goes on speaking), else that sentence's subject, else (for a
    pronoun) the nearest person named outside quotation marks up to three sentences back."""
    prev = by_sentence.get(n - 1, [])
    spoken = [c.attribution for c, _ in prev if c.attribution.kind != "outlet" and c.attribution.speaker
              and c.attribution.speaker.lower() not in PRONOUNS and c.kind == "assertion"]
    if person:
        spoken = [a for a in spoken if _is_person(a)]
    if spoken:
        return spoken[0]
    subject = _main_subject(prev)
    if subject and not any(t.ent_type_ for t in subject) and not _named_person(by_sentence, n, subject):
        subject = []  # a name the recogniser left untyped ('Obamacare is failing') is no antecedent
    if subject and (not person or any(t.ent_type_ == "PERSON" for t in subject)
                    or _name_like([t.text for t in subject])):
        return subject
    if not person:
        return None
    for back in range(n - 1, max(-1, n - 4), -1):
        mentions = [m for _, d in by_sentence.get(back, [])[:1] for m in _person_mentions(d)]
        named = [m for m in mentions if any(t.ent_type_ == "PERSON" for t in m)] or mentions
        # The person the sentence is about ("Mr. Hutchinson's views began to change ... at Sears")
        # over one named later in it.
        subject = {t.i for _, d in by_sentence.get(back, [])[:1] for c in d.head.children
                   if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        named = [m for m in named if m[0].i in subject] or named
        if named:
            return named[-1]
    return None


def _named_person(by_sentence, n: int, name: list) -> bool:
    """Whether the article names `name` (tokens) as a person before sentence `n`: an untyped
    'Pelosi' after 'House Speaker-to-be Nancy Pelosi'."""
    last = name[-1].text.lower()
    return any(e.label == "PERSON" and e.text.lower().split()[-1:] == [last]
               for k, rows in by_sentence.items() if k < n for c, _ in rows for e in c.entities)


def _descriptions(ent) -> set[str]:
    """Words that describe an entity where it is named: its own words, its compounds and titles,
    the phrase it is in apposition to and the appositions it has ('the Center for X, a group')."""
    words = {t.lemma_.lower().rstrip(".") for t in ent}
    root = ent.root
    around = [t for c in root.children if c.dep_ in ("appos", "compound", "amod") for t in c.subtree]
    if root.dep_ == "appos":
        around += [root.head] + [t for c in root.head.children if c.dep_ in ("compound", "amod") for t in c.subtree]
    words |= {t.lemma_.lower().rstrip(".") for t in around}
    return words | {_ABBREVIATIONS[w] for w in words if w in _ABBREVIATIONS}


_CONTINUING = {"continue", "add"}


def _descriptor_antecedent(by_sentence, n: int, draft, att: Attribution) -> list | Attribution | None:
    """'That committee said', 'the congressman said': the person or body named before whose
    description has that noun ('the House Ethics Committee', 'Congressman Grimm'), up to three
    sentences back."""
    words = att.speaker.split()
    if len(words) > 4 or words[0].lower() not in _DEFINITE:
        return None
    head = words[-1].lower()
    for back in range(n, max(-1, n - 4), -1):
        for _, d in by_sentence.get(back, [])[:1]:
            sent = d.head.sent
            quoted = _quoted(d)
            ents = [e for e in sent.ents if e.label_ in ("PERSON", "ORG") and e.start not in quoted
                    and (back < n or e.end <= draft.head.i)]
            for ent in reversed(ents):
                if head in _descriptions(ent) and ent.text.lower() != att.speaker.lower():
                    return list(ent)
    # '"...," says Perry. "...," the Texas governor continues.': one who goes on speaking is the
    # speaker of the sentence before.
    if att.verb in _CONTINUING:
        spoken = [c.attribution for c, _ in by_sentence.get(n - 1, []) if c.attribution.kind != "outlet"
                  and c.attribution.speaker and c.attribution.speaker.split()[0].lower() not in _DEFINITE]
        if spoken:
            return spoken[0]
    return None


def _bare_frame(items, quoted_before: bool):
    """'Durbin said.' after a quotation the sentence splitter cut off: (speaker tokens, verb)."""
    if not quoted_before or len(items) != 1:
        return None
    claim, draft = items[0]
    head = draft.head
    words = [t for t in head.sent if not t.is_punct]
    if claim.attribution.kind != "outlet" or len(words) > 8 or head.lemma_.lower() not in SPEECH_VERBS \
            or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (speaker_tokens(subj), head.lemma_.lower()) if subj is not None else None


def _inner_frame(claim: Claim, draft):
    """A reporting verb heading the clause a claim comes from, when the sentence's frame did not
    cover it ('..., while a spokeswoman said that ...', '..., saying that ...', 'X, which said ...',
    'issued a statement saying ...'): (speaker tokens, verb), the speaker being the verb's subject,
    the noun its relative clause hangs off, or the subject of the clause it depends on."""
    quoted = _quoted(draft)
    head = draft.head
    verb = None
    if head.lemma_.lower() in SPEECH_VERBS and head.i not in quoted and (
            claim.quotes or any(c.dep_ == "ccomp" for c in head.children)):
        verb = head
    elif head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS and head.head.i not in quoted \
            and head.head.i in draft.tokens:
        verb = head.head
    elif claim.quotes:
        inside = {i for i in draft.tokens if i in quoted}
        doc = head.doc
        verbs = [doc[i] for i in draft.tokens if doc[i].lemma_.lower() in SPEECH_VERBS and i not in quoted
                 and doc[i].pos_ == "VERB" and inside & {t.i for t in doc[i].subtree}]
        verb = max(verbs, key=lambda v: v.i) if verbs else None
    if verb is None:
        return None
    tok = verb
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted), None)
        if subj is not None:
            if subj.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
                break
            return speaker_tokens(subj), verb.lemma_.lower()
        if tok.dep_ not in ("advcl", "xcomp", "conj", "acl", "relcl") or tok.head.i == tok.i:
            return None
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
            break
        tok = tok.head
    else:
        return None
    noun = tok.head
    if tok.dep_ == "relcl":
        if noun.dep_ == "appos":
            noun = noun.head
        return speaker_tokens(noun), verb.lemma_.lower()
    # "released a statement from her doctor declaring ...": the one the document is from.
    if noun.lemma_.lower() in DOCUMENT_NOUNS and any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("from", "by") for c in noun.children):
        author = speaker_of_document(noun)
        if author and not (len(author) == 1 and author[0].pos_ == "PRON"):  # "its statement": the owner
            return author, verb.lemma_.lower()
    # "issued a statement saying ...": the subject of the verb the document is the object of.
    owner = noun.head if noun.dep_ in ("dobj", "pobj") else None
    while owner is not None and owner.pos_ == "ADP":
        owner = owner.head
    subj = next((c for c in owner.children if c.dep_ == "nsubj"), None) if owner is not None else None
    return (speaker_tokens(subj), verb.lemma_.lower()) if subj is not None else None


def resolve_speakers(rows: list[tuple[int, Claim, object, int]], source: Source) -> None:
    """Speakers across sentences, in reading order: a reporting verb heading a claim's own clause;
    a bare 'X said.' giving the quotation before it its speaker; 'he said' and a quotation with no
    reporting verb taking the speaker from the sentence before (see `_antecedent`); 'the
    committee said' taking the body or person named before (see `_descriptor_antecedent`)."""
    by_sentence: dict[int, list[tuple[Claim, object]]] = {}
    for n, claim, draft, _ in rows:
        by_sentence.setdefault(n, []).append((claim, draft))
    for n in sorted(by_sentence):
        items = by_sentence[n]
        prev = by_sentence.get(n - 1, [])
        bare = _bare_frame(items, any(c.quotes for c, _ in prev))
        if bare is not None:
            for c, _ in prev:
                if c.quotes and c.attribution.kind == "outlet":
                    c.attribution = _attribution(bare[0], bare[1])
        for claim, draft in items:
            if claim.attribution.kind == "outlet" and claim.kind == "assertion":
                inner = _inner_frame(claim, draft)
                if inner is not None and inner[0]:
                    claim.attribution = _attribution(inner[0], inner[1])
    for n in sorted(by_sentence):
        for claim, draft in by_sentence[n]:
            att = claim.attribution
            if att.speaker and att.speaker.lower() in PERSON_PRONOUNS:
                found = _antecedent(by_sentence, n, person=True)
            elif att.kind != "outlet" and att.speaker:
                found = _descriptor_antecedent(by_sentence, n, draft, att)
            elif att.kind == "outlet" and claim.quotes and claim.kind == "assertion" and \
                    sum(q.end - q.start for q in claim.quotes) >= 0.8 * len(claim.text):
                found = _antecedent(by_sentence, n, person=False)
            else:
                continue
            if isinstance(found, Attribution):
                claim.attribution = Attribution(**{**found.model_dump(), "time": att.time if att.kind != "outlet" else None})
            elif found:
                claim.attribution = _attribution(found, att.verb, att)



def resolve_subject_pronouns(rows: list[tuple[int, Claim, object, int]]) -> None:
    """'She checked in today' → 'Lindsay Lohan checked in today' in the text used for grouping,
    with the person's key among the claim's terms: the nearest person named before the pronoun,
    in its sentence or up to three sentences back."""
    from checker.extract.normalize.entities import canonical

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
        pron = next((draft.head.doc[i] for i in sorted(draft.tokens) if draft.head.doc[i].lower_ in PERSON_PRONOUNS
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
        dated = [c for c, d in items if c.time is not None and c.time.dated
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
