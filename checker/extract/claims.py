"""Sources → atomic claims, each with its attribution, quotes, quantities, time and entities.

`extract_claims` runs boilerplate removal, spaCy, the clause splitter and the normalizers,
then the discourse passes in `checker.extract.context` (pronoun speakers, time carried from the
previous sentence). Claim ids are derived from the source, the claim's words and their
occurrence, so they survive reruns.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import NamedTuple

from checker.extract.attribution import Frame, find_frames, quote_spans, speaker_kind
from checker.extract.boilerplate import analyse_layout
from checker.extract.claim_parts import ENTITY_LABELS, claim_terms, hedged, standalone_text, subject_person
from checker.extract.clauses import Draft, polarity, split_sentence
from checker.extract.descriptions import title_descriptions
from checker.extract.context import carry_time, resolve_speakers, resolve_subject_pronouns
from checker.extract.markup import mask_markdown
from checker.models import Attribution, Claim, EntityMention, Quote, Source, TimeSpan
from checker.extract.sentences import Paragraph, parse_paragraphs
from checker.extract.normalize.entities import canonical, described_capitals
from checker.extract.normalize.quantities import extract_quantities, ordinals
from checker.extract.claim_time import claim_time, in_the_future
from checker.extract.normalize.time import bounded, resolve

_TRIM = {"and", "but", "yet", "so", "or", ",", ";", ":", "—", "–", "-", "(", ")"}


def claim_key(kind: str, text: str) -> str:
    """What a claim's id is made of besides its source and occurrence: its kind and its words,
    case and spacing folded. Occurrences are counted by this key, so two claims whose words
    differ only in case ('Republican party' / 'Republican Party') are occurrences 1 and 2."""
    return f"{kind}\x1f{' '.join(text.lower().split())}"


def claim_id(source_id: str, kind: str, text: str, occurrence: int) -> str:
    """A content-derived id: the same words in the same source get the same id on every run;
    `occurrence` counts the claims of the source with the same `claim_key`."""
    key = f"{source_id}\x1f{claim_key(kind, text)}\x1f{occurrence}"
    return "c" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:11]


def _segments(doc, ids: set[int], offset: int) -> list[tuple[int, int]]:
    toks = sorted(ids)
    while toks and doc[toks[0]].lower_ in _TRIM:
        toks.pop(0)
    def closes_bracket(k: int) -> bool:
        return doc[k].text == ")" and any(doc[j].text == "(" for j in toks)
    while toks and (doc[toks[-1]].lower_ in _TRIM or doc[toks[-1]].is_punct and doc[toks[-1]].text not in ".!?\"”’)") \
            and not closes_bracket(toks[-1]):
        toks.pop()
    if not toks:
        return []
    runs, start, prev = [], toks[0], toks[0]
    for t in toks[1:]:
        if t == prev + 1 or all(doc[k].is_punct or doc[k].is_space for k in range(prev + 1, t)):
            prev = t
            continue
        runs.append((start, prev))
        start = prev = t
    runs.append((start, prev))
    runs = [r for r in runs if any(not doc[k].is_punct for k in range(r[0], r[1] + 1))]
    return [(offset + doc[a].idx, offset + doc[b].idx + len(doc[b].text)) for a, b in runs]


def _words(draft: Draft, doc) -> str:
    return " ".join(doc[i].lower_ for i in sorted(draft.tokens))


def _attribution(frame: Frame | None, draft: Draft, doc, offset: int, published) -> Attribution:
    if frame is None or not frame.speaker:
        return Attribution()
    sp = frame.speaker
    text = doc[sp[0].i:sp[-1].i + 1].text
    via = doc[frame.via[0].i:frame.via[-1].i + 1].text if frame.via else None
    key = speaker_key(sp, text)
    time = None
    if frame.time_tokens:
        tt = [t for t in frame.time_tokens]
        time = resolve(doc[tt[0].i:tt[-1].i + 1].text, published)
    return Attribution(kind=speaker_kind(sp, text), speaker=text, speaker_key=key, verb=frame.verb.lemma_.lower(),
                       via=via, time=time, start=offset + sp[0].idx, end=offset + sp[-1].idx + len(sp[-1].text))


def speaker_key(tokens, text: str) -> str:
    """A speaker's canonical key: its person's name, else (a short phrase naming one) its organisation or place, else its text as an organisation."""
    persons = [t for t in tokens if t.ent_type_ == "PERSON"]
    if persons:
        return canonical(" ".join(t.text for t in persons), "PERSON")
    ents = [t for t in tokens if t.ent_type_ in ("ORG", "GPE", "NORP")]
    if ents and len(tokens) <= 3:
        return canonical(text, ents[0].ent_type_)
    return canonical(text, "ORG")


def _entities(doc, ids: set[int], offset: int, text_by_segment: list[tuple[int, str]]) -> list[EntityMention]:
    out = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS and ent.start in ids:
            out.append(EntityMention(text=ent.text, label=ent.label_, key=canonical(ent.text, ent.label_),
                                     start=offset + ent.start_char, end=offset + ent.end_char))
    for seg_start, seg_text in text_by_segment:
        for a, b, key in described_capitals(seg_text):
            out.append(EntityMention(text=seg_text[a:b], label="GPE", key=key, start=seg_start + a, end=seg_start + b))
    return out


def _draft_to_claim(source: Source, text_of_source: str, para: Paragraph, doc, sent, draft: Draft,
                    quotes: list[tuple[int, int]],
                    occurrences: dict[str, int], embedded_dates: set[int] = frozenset()) -> Claim | None:
    segments = _segments(doc, draft.tokens, para.start)
    if not segments:
        return None
    text = " … ".join(" ".join(text_of_source[a:b].split()) for a, b in segments)
    if sum(ch.isalpha() for ch in text) < 8:
        return None
    kind = {"embedded": "embedded_event", "statement": "statement", "headline": "headline",
            "appositive": "description"}.get(draft.role, "assertion")
    frame_time_ids = {t.i for t in draft.frame.time_tokens} if draft.frame else set()
    future = in_the_future(doc, draft.tokens, draft.head)
    attribution = _attribution(draft.frame, draft, doc, para.start, source.published)
    if kind == "statement":
        time = attribution.time
    else:
        time = claim_time(doc, draft.tokens, frame_time_ids | embedded_dates, source.published, future,
                      keep_related=embedded_dates)
    key = claim_key(kind, text)
    occurrences[key] = occurrences.get(key, 0) + 1
    claim_quotes = []
    for qa, qb in quotes:
        for a, b in segments:
            lo, hi = max(qa + para.start, a), min(qb + para.start, b)
            if hi - lo >= 2:
                claim_quotes.append(Quote(text=text_of_source[lo:hi], start=lo, end=hi))
    quantities = [] if kind == "statement" else extract_quantities(doc, draft.tokens, para.start)
    return Claim(
        id=claim_id(source.id, kind, text, occurrences[key]), source=source.id, start=segments[0][0],
        end=segments[-1][1], text=text, segments=segments,
        sentence=(para.start + sent.start_char, para.start + sent.end_char), kind=kind,
        standalone=standalone_text(doc, draft, attribution), attribution=attribution, quotes=claim_quotes,
        quantities=quantities, ordinals=ordinals(doc, draft.tokens), time=time,
        entities=_entities(doc, draft.tokens, para.start, [(a, text_of_source[a:b]) for a, b in segments]),
        predicate=polarity(draft.head)[0], negated=draft.negated, terms=claim_terms(doc, draft, attribution, kind),
        hedged=hedged(draft.head),
        subject=None if kind == "statement" else subject_person(doc, draft, attribution))


def _link_sentence(made: list[tuple[int, Draft, Claim]], published) -> None:
    """Within a sentence: coordinated and appended parts share the main clause's time; a
    main clause takes 'after X' / 'since X' from the subordinate clause that dates it."""
    by_index = {i: c for i, _, c in made}
    for _, draft, claim in made:
        parent = by_index.get(draft.parent) if draft.parent is not None else None
        if draft.relation and claim.time and parent is not None and parent.time is None:
            parent.time = bounded(claim.time, draft.relation, published).model_copy(update={"origin": "sentence"})
    for _, draft, claim in made:
        parent = by_index.get(draft.parent) if draft.parent is not None else None
        if claim.time is None and draft.role != "statement" and draft.relation is None \
                and parent is not None and parent.time is not None:
            claim.time = parent.time.model_copy(update={"origin": "sentence"})
    # What a clause says will happen happens after it was said (or published).
    for _, draft, claim in made:
        if claim.time is None and claim.kind in ("assertion", "headline") and in_the_future(draft.head.doc, draft.tokens, draft.head):
            anchor = claim.attribution.time.start if claim.attribution.time else published
            if anchor is not None:
                claim.time = TimeSpan(start=anchor, end=anchor + dt.timedelta(days=730), precision="range",
                                      text="(future tense)", origin="tense")


_ELLIPSIS = ("...", "…")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_BARE = {"nsubj", "nsubjpass", "expl", "punct", "aux", "auxpass", "advmod", "neg"}


def cut_off_fragment(sent, text_after: str) -> bool:
    """A sentence an excerpt cuts off with an ellipsis at the very end of the article ('To be
    sure, the massive price tag that comes with these...'), when what is left has no main clause
    of its own: no verb with its subject, a subordinate clause alone ('Even as the country
    wrestles with...'), or a subject and an auxiliary with nothing after it ('The vote ... has...').
    Such a stub states nothing checkable; a cut sentence that still says something is kept."""
    if text_after.strip() or not sent.text.rstrip().endswith(_ELLIPSIS):
        return False
    root = sent.root
    deps = {c.dep_ for c in root.children}
    finite = root.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in root.children)
    if not finite or not deps & {"nsubj", "nsubjpass", "expl"} or "mark" in deps:
        return True
    return deps <= _BARE


class Extraction(NamedTuple):
    """What extraction makes of a list of sources: their claims, in source order, and the
    sources laid out — copies of the sources given, with the body (the spans kept after
    boilerplate) and the removals filled in."""

    claims: list[Claim]
    sources: list[Source]


def extract_claims(sources: list[Source], *, progress: Callable[[int], None] | None = None,
                   n_process: int = 1, layout: bool = True) -> list[Claim]:
    """Atomic claims of every source, in source order; the sources are left as they were
    (`extract_claims_and_layout` also gives each source's body and removals)."""
    return extract_claims_and_layout(sources, progress=progress, n_process=n_process, layout=layout).claims


def extract_claims_and_layout(sources: list[Source], *, progress: Callable[[int], None] | None = None,
                              n_process: int = 1, layout: bool = True) -> Extraction:
    """Atomic claims of every source, in source order, and copies of the sources with their body
    and removals set. The sources given are not changed.

    Long (about 70 lines): it composes the extraction stages — layout, parsing every paragraph
    in one spaCy batch, clauses, attribution, context — over state they share (each source's
    paragraphs, offsets and the claims found so far).

    `progress` is called with the number of articles done, as they finish. With `layout=False` the whole text is
    one paragraph (for statements given directly, which have no page furniture).
    """
    paragraphs: list[Paragraph] = []
    texts = {s.id: mask_markdown(s.text) if s.markup == "markdown" else s.text for s in sources}
    laid_out: list[Source] = []
    for source in sources:
        text = texts[source.id]
        if layout:
            found = analyse_layout(text, outlet=source.outlet, title=source.title)
            source = source.model_copy(update={"body": found.body, "removed": found.removed})
            headings = sorted(found.headings)
        else:
            source, headings = source.model_copy(update={"body": [(0, len(text))]}), []
        laid_out.append(source)
        section = 0
        items = sorted([(a, b, False) for a, b in source.body] + [(a, b, True) for a, b in headings])
        for a, b, is_heading in items:
            section += is_heading
            paragraphs.append(Paragraph(source=source.id, start=a, text=text[a:b], section=section,
                                        heading=is_heading))
    by_id = {s.id: s for s in laid_out}
    claims: list[Claim] = []
    per_source: dict[str, list[tuple[int, Claim, Draft, int]]] = {}
    occurrences: dict[str, dict[str, int]] = {}
    sentence_no: dict[str, int] = {}
    described: set[tuple[str, str]] = set()  # a person's title is described once per article
    current = None
    for para, doc in parse_paragraphs(paragraphs, n_process=n_process):
        source = by_id[para.source]
        quotes = quote_spans(doc.text)
        sents = [doc[:]] if para.heading else doc.sents
        for sent in sents:
            if sent.text.rstrip().endswith("?"):
                continue
            if para.heading:
                if len(sent) < 4 or sent.text.rstrip().endswith(":"):
                    continue
            elif not any(t.pos_ in ("VERB", "AUX") for t in sent):
                continue
            if cut_off_fragment(sent, texts[source.id][para.start + sent.end_char:]):
                continue
            if para.heading and not any(t.pos_ == "VERB" for t in sent):
                # a headline the tagger reads as a row of nouns ('Nebraska and Oklahoma Sue Colorado
                # Over Marijuana Law') still states its story's lead: the whole line is one claim;
                # not a title that asks ('Allies or Foes? The Relationship Explored')
                if "?" in sent.text:
                    continue
                drafts = [Draft(tokens={t.i for t in sent}, head=sent.root, role="headline")]
            else:
                drafts = split_sentence(sent, find_frames(sent))
                for d in title_descriptions(sent, drafts):
                    seen = (source.id, _words(d, doc))
                    if seen not in described:
                        described.add(seen)
                        drafts.append(d)
            if para.heading:
                drafts = [d for d in drafts if d.role not in ("embedded", "statement")]
                for d in drafts:
                    d.role = "headline" if d.role == "main" else d.role
            made = []
            embedded_dates = {t for d in drafts if d.role == "embedded" for t in d.tokens if doc[t].ent_type_ == "DATE"}
            for i, draft in enumerate(drafts):
                own = embedded_dates if draft.role != "embedded" else set()
                claim = _draft_to_claim(source, texts[source.id], para, doc, sent, draft, quotes,
                                        occurrences.setdefault(source.id, {}), own)
                if claim is not None:
                    made.append((i, draft, claim))
            _link_sentence(made, source.published)
            n = sentence_no[source.id] = sentence_no.get(source.id, -1) + 1
            per_source.setdefault(source.id, []).extend((n, c, d, para.section) for _, d, c in made)
        if progress and para.source != current:
            if current is not None:
                progress(1)
            current = para.source
    if progress:
        progress(len(sources) - len({p.source for p in paragraphs}) + (1 if current is not None else 0))
    for source in laid_out:
        rows = per_source.get(source.id, [])
        resolve_speakers(rows, source)
        resolve_subject_pronouns(rows)
        carry_time(rows)
        claims += [row[1] for row in rows]
    return Extraction(claims, laid_out)
