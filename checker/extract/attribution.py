"""Who says what: speech frames in a parsed sentence, quoted words, and speakers.

A frame is a reporting verb ("said", "reported", "announced"), the speaker (its subject,
or the object of "according to", or the subject of "was quoted as saying by"), any
outlet or document it came through ("the ministry's readout said", "citing a US
official"), the time it was said ("said Thursday (13)") and the clauses it reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SPEECH_VERBS = {
    "say", "tell", "add", "announce", "report", "state", "claim", "note", "write", "explain", "insist", "argue",
    "warn", "confirm", "deny", "declare", "assert", "stress", "emphasize", "emphasise", "tweet", "testify",
    "acknowledge", "admit", "allege", "suggest", "comment", "remark", "predict", "reveal", "disclose", "indicate",
    "conclude", "mention", "reiterate", "maintain", "contend", "analyze", "analyse", "quote", "brief", "inform",
    "recount", "complain", "caution", "respond", "reply", "affirm", "observe", "agree", "continue", "retort",
    "imply", "ask", "post", "counter", "concede", "boast", "vow", "promise", "urge", "demand", "proclaim",
}
DOCUMENT_NOUNS = {"statement", "readout", "report", "communique", "release", "interview", "post", "tweet",
                  "briefing", "letter", "memo", "transcript", "speech", "remarks", "announcement", "notice",
                  "document", "filing", "data", "datum", "figures", "figure", "survey", "study", "poll"}
PERSON_NOUNS = {"official", "officials", "minister", "spokesman", "spokeswoman", "spokesperson", "president",
                "diplomat", "leader", "adviser", "advisor", "analyst", "expert", "source", "officer", "ambassador",
                "secretary", "chief", "general", "commander", "lawmaker", "senator", "envoy", "premier",
                "chancellor", "governor", "mayor", "director", "head", "representative", "rep", "publicist",
                "friend", "witness", "police", "spokesmen", "researcher", "professor", "scientist", "fellow",
                "consultant", "counterpart", "reporter", "correspondent", "editor", "lawyer", "attorney", "judge",
                "prosecutor", "actor", "actress", "singer", "star", "player", "coach", "manager", "executive", "ceo",
                "founder", "member", "people", "man", "woman", "resident", "victim", "survivor", "doctor"}
OUTLET_WORDS = re.compile(r"\b(times|post|news|agency|press|journal|reuters|bloomberg|afp|ap|xinhua|tass|ria|"
                          r"interfax|bbc|cnn|cnbc|nbc|abc|cbs|fox|guardian|telegraph|economist|herald|tribune|"
                          r"gazette|daily|wire|magazine|voice of america|al jazeera|politico|axios|yonhap|kyodo|"
                          r"nikkei|dpa|ansa|efe|sputnik)\b", re.I)
PRONOUNS = {"he", "she", "they", "it", "we", "i"}  # a speaker or subject that names no one by itself
PERSON_PRONOUNS = {"he", "she"}  # ... and the two that stand for one person
_QUOTE_PAIRS = [("“", "”"), ("«", "»"), ("„", "“")]


@dataclass
class Frame:
    """A reporting verb with its speaker, what it came through, its time and what it reports."""

    verb: object
    speaker: list = field(default_factory=list)
    via: list = field(default_factory=list)
    time_tokens: list = field(default_factory=list)
    content: list = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)


def _subtree_ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


_NP_CLAUSES = {"relcl", "acl", "appos", "advcl", "ccomp"}


def _np_tokens(tok) -> list:
    """The words of a noun phrase without its relative clauses and appositions."""
    cut = {t.i for c in tok.children if c.dep_ in _NP_CLAUSES for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in cut]
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks


def _date_children(verb, exclude: set[int]) -> list:
    """DATE tokens that hang off the reporting verb (not off what it reports)."""
    out = []
    for t in verb.subtree:
        if t.i in exclude or t.ent_type_ != "DATE":
            continue
        h = t
        while h.i != verb.i and h.i not in exclude and h.head.i != h.i and h.dep_ not in _NP_CLAUSES:
            h = h.head
        if h.i == verb.i:
            out.append(t)
    # A day in brackets right after the date: "said Thursday (13)".
    if out:
        doc = verb.doc
        j = out[-1].i + 1
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].like_num:
            out += [doc[j], doc[j + 1], doc[j + 2]]
    return out


def speaker_of_document(np_head) -> list:
    """'a statement from China's Defense Ministry' → the ministry; 'the ministry's readout' → the ministry."""
    if np_head.lemma_.lower() in DOCUMENT_NOUNS:
        for c in np_head.children:
            if c.dep_ == "poss":
                return [t for t in _np_tokens(c) if t.dep_ != "case"]
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return _np_tokens(objs[0])
    return speaker_tokens(np_head)


_NAMED = ("PERSON", "ORG")


def speaker_tokens(head) -> list:
    """The words that name a speaker: the name when a descriptor has one in apposition ("The judge,
    James E. Boasberg, said" → James E. Boasberg), and a name without the phrases after it ("Comey at
    the time said" → Comey)."""
    if head.ent_type_ not in _NAMED and head.pos_ != "PRON":
        named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ in _NAMED]
        if named:
            head = named[0]
    toks = _np_tokens(head)
    if head.ent_type_ == "PERSON":
        cut = {t.i for c in head.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
        toks = [t for t in toks if t.i not in cut]
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_quote):
        toks = toks[1:]
    return toks


def quoted_ids(sent) -> set[int]:
    """Indices of the sentence's tokens that lie inside quotation marks (spans found in its paragraph)."""
    spans = quote_spans(sent.doc.text)
    return {t.i for t in sent if any(a <= t.idx < b for a, b in spans)}


def _name_before(verb, exclude: set[int]) -> list:
    """A name right before a verb the parser left without a subject ("..., Alan Futerfas, said")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= verb.sent.start and (doc[j].is_punct or doc[j].pos_ == "ADV") and j not in exclude:
        j -= 1
    if j < verb.sent.start or j in exclude or doc[j].ent_type_ not in _NAMED:
        return []
    ent = next((e for e in doc.ents if e.start <= j < e.end), None)
    return list(ent) if ent is not None else []


def find_frames(sent) -> list[Frame]:
    """Speech frames of a sentence, outermost first, nested ones folded into one frame. A reporting
    verb inside quotation marks is part of what is quoted, not a frame ('"We said so," she added')."""
    frames: list[Frame] = []
    root = sent.root
    quoted = quoted_ids(sent)
    # "X said (that) C", "C, X said": the reporting verb heads the sentence.
    document_subject = any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in root.children)
    if root.i not in quoted and (root.lemma_.lower() in SPEECH_VERBS or root.lemma_.lower() == "quote" or (
            document_subject and root.lemma_.lower() in ("show", "find", "suggest", "indicate", "reveal"))):
        frame = _verb_frame(root, quoted)
        if frame:
            frames.append(frame)
    for tok in sent:
        low = tok.lower_
        # "according to X"
        if low == "according" and tok.dep_ == "prep" or (low == "according" and tok.head.i != tok.i):
            to = [c for c in tok.children if c.lower_ == "to"]
            objs = [o for o in to[0].children if o.dep_ == "pobj"] if to else []
            if objs:
                # "according to tax returns released Friday": the date is the document's, not the claim's
                frames.append(Frame(verb=tok, speaker=speaker_of_document(objs[0]),
                                    time_tokens=[t for t in tok.subtree if t.ent_type_ == "DATE"],
                                    tokens=_subtree_ids(tok), content=[tok.head] if tok.head.i != tok.i else []))
        # "..., as Bloomberg reported Sunday" / "..., it added in the statement published Sunday"
        elif tok.dep_ in ("advcl", "parataxis") and tok.lemma_.lower() in SPEECH_VERBS and tok.i != root.i:
            marks = [c for c in tok.children if c.dep_ == "mark"]
            if tok.dep_ == "parataxis" or (marks and marks[0].lower_ == "as"):
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and not [c for c in tok.children if c.dep_ == "ccomp"]:
                    own = {t.i for t in tok.subtree}
                    splits = {t.i for c in tok.children if c.dep_ in ("prep", "advcl") and c.lower_ in ("without", "despite")
                              for t in c.subtree}
                    frames.append(Frame(verb=tok, speaker=speaker_of_document(subj[0]),
                                        time_tokens=_date_children(tok, splits), tokens=own - splits,
                                        content=[tok.head]))
    # "The Post reported that C, according to people familiar with it": the people are the source,
    # the outlet what it came through.
    outlet = frames[0] if frames and frames[0].verb.i == root.i and frames[0].speaker else None
    if outlet is not None and speaker_kind(outlet.speaker, " ".join(t.text for t in outlet.speaker)) == "cited_outlet":
        inner = [f for f in frames[1:] if f.verb.lower_ == "according" and f.speaker]
        if inner:
            outlet.via, outlet.speaker = outlet.speaker, inner[0].speaker
    if not frames and quoted:
        frame = _quote_frame(sent, quoted)
        if frame:
            frames.append(frame)
    return frames


def _quote_frame(sent, quoted: set[int]) -> Frame | None:
    """The reporting clause next to a quotation, when the parser did not make the quotation its
    complement ('"Sorry to hear it," the group said', '"We view it as a victory," she told CNN',
    'X responded in a statement: "..."'): a reporting verb outside the quotation marks whose words
    run up to a quotation mark, heading its clause (the sentence's root, or hung off a quoted word)."""
    doc = sent.doc
    for verb in sent:
        if verb.i in quoted or verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.head.i != verb.i and verb.head.i not in quoted:
            continue
        lo = hi = verb.i
        while lo - 1 >= sent.start and lo - 1 not in quoted:
            lo -= 1
        while hi + 1 < sent.end and hi + 1 not in quoted:
            hi += 1
        marks = {k for k in (lo - 1, lo, hi, hi + 1) if sent.start <= k < sent.end and doc[k].is_quote}
        if not marks and not (lo - 1 in quoted or hi + 1 in quoted):
            continue
        run = set(range(lo, hi + 1))
        words = [t for t in sent if not t.is_punct]
        if sent.root.i not in quoted and 2 * sum(t.i in quoted for t in words) < len(words):
            continue  # a quoted phrase inside the outlet's own sentence: the clause stays whole
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in run]
        speaker = speaker_of_document(subj[0]) if subj else _name_before(verb, quoted)
        if not speaker:
            continue
        own = {t.i for t in verb.subtree if t.i in run} | {t.i for t in speaker} | {verb.i}
        content = [t for t in sent if t.i in quoted and (t.head.i == t.i or t.head.i not in quoted)]
        if sent.root.i in quoted:
            content = [sent.root]
        return Frame(verb=verb, speaker=speaker, time_tokens=_date_children(verb, quoted), content=content,
                     tokens=own)
    return None


def _verb_frame(verb, quoted: set[int] = frozenset()) -> Frame | None:
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    # "said July 13 that ...": the parser may hang the that-clause off the date.
    comps += [g for c in verb.children if c.ent_type_ == "DATE" for g in c.children
              if g.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or [
        c for a in verb.children if a.dep_ == "aux" for c in a.children if c.dep_ == "nsubj"]
    # Two subjects where the parser missed an apposition ("The bill's sponsor, Rep. X, argued"): the name.
    subj = sorted(subj, key=lambda c: c.ent_type_ not in _NAMED)
    if not comps and verb.lemma_.lower() != "quote":
        return None
    if verb.lemma_.lower() == "quote" and subj:
        # "Wang was quoted as saying by the ministry": speaker Wang, via the ministry.
        agent = [c for c in verb.subtree if c.dep_ == "agent"]
        via = [t for a in agent for o in a.children if o.dep_ == "pobj" for t in speaker_of_document(o)]
        content = [c for c in verb.children if c.dep_ == "ccomp"] + \
                  [c for t in verb.subtree if t.lemma_ == "say" for c in t.children if c.dep_ == "ccomp"]
        content_ids = {t.i for c in content for t in c.subtree}
        return Frame(verb=verb, speaker=speaker_tokens(subj[0]), via=via, content=content,
                     tokens={t.i for t in verb.subtree} - content_ids)
    content_ids = {t.i for c in comps for t in c.subtree}
    frame = Frame(verb=verb, speaker=speaker_of_document(subj[0]) if subj else _name_before(verb, content_ids),
                  time_tokens=_date_children(verb, content_ids), content=comps,
                  tokens={t.i for t in verb.subtree} - content_ids)
    # "Citing a senior US official, the Times said ...": the official is the speaker.
    for c in verb.children:
        if c.dep_ == "advcl" and c.lemma_ in ("cite", "quote"):
            objs = [o for o in c.children if o.dep_ == "dobj"]
            if objs:
                frame.via, frame.speaker = frame.speaker, _np_tokens(objs[0])
    # Nested: "Lavrov said C, the ministry's readout said" → Lavrov via the readout. A person who
    # reports what another said is the speaker ("Smith said Jones told them that ..."), and a
    # reporting verb inside the quotation is the quoted person's.
    if len(comps) == 1 and comps[0].lemma_.lower() in SPEECH_VERBS and comps[0].i not in quoted and any(
            c.dep_ == "ccomp" for c in comps[0].children) and any(c.dep_ == "nsubj" for c in comps[0].children) \
            and not _a_person(frame.speaker):
        inner = _verb_frame(comps[0], quoted)
        if inner and inner.speaker:
            inner.via = inner.via or frame.speaker
            inner.tokens |= frame.tokens
            inner.time_tokens = inner.time_tokens or frame.time_tokens
            return inner
    return frame


def _a_person(tokens: list) -> bool:
    """Whether a speaker's words name or describe a person (not a document, outlet or body)."""
    if not tokens:
        return False
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return True
    heads = [t for t in tokens if t.head not in tokens or t.head == t]
    return any(t.lemma_.lower() in PERSON_NOUNS or t.lower_ in PRONOUNS for t in heads)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside quotation marks, paired within one paragraph."""
    spans = []
    for open_q, close_q in _QUOTE_PAIRS[1:]:
        i = 0
        while (a := text.find(open_q, i)) >= 0:
            b = text.find(close_q, a + 1)
            if b < 0:
                break
            spans.append((a + 1, b))
            i = b + 1
    # Double quotation marks in one pass, so that typographic and straight marks mixed in one
    # quotation ('"It is true,” she said') pair up; a mark inside an open quotation that could open
    # one is a nested quotation's and is skipped. A quotation that goes on into the next paragraph
    # has no closing mark here: it runs to the paragraph's end.
    start = None
    for m in re.finditer(r'["“”]', text):
        ch, i = m.group(), m.start()
        if start is None:
            if ch != "”":
                start = i
        elif ch == "”" or ch == '"':
            spans.append((start + 1, i))
            start = None
    if start is not None:
        spans.append((start + 1, len(text.rstrip())))
    for m in re.finditer(r"(?<![\w’'])‘([^‘’]{2,200}?)’(?![\w])", text):
        spans.append((m.start(1), m.end(1)))
    spans = [(a, b) for a, b in spans if b > a and text[a:b].strip()]
    return sorted(set(spans))


def speaker_kind(tokens: list, text: str) -> str:
    """person | official | cited_outlet | unnamed, from the speaker's words and entity types."""
    ents = {t.ent_type_ for t in tokens}
    heads = {t.lemma_.lower() for t in tokens if t.dep_ in ("nsubj", "pobj", "ROOT", "dobj") or t.head not in tokens}
    if OUTLET_WORDS.search(text) and "PERSON" not in ents:
        return "cited_outlet"
    if "PERSON" in ents:
        return "person"
    if text.lower() in PRONOUNS:
        return "unnamed"
    if heads & PERSON_NOUNS:
        return "unnamed" if any(t.lower_ in ("a", "an", "another", "one") for t in tokens[:2]) else "official"
    return "official"
