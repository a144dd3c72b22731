"""Sentences → clause drafts: split where a sentence states independently checkable things.

Splits, on spaCy's dependency parse: coordinated clauses and verb phrases joined by
"and"/"but" (not "or": "either endorse or condemn" is one claim), subordinate clauses with
their own subject ("after X entered ...", "although none ..."), participle clauses after
a comma (", prompting South Korea to ...", ", with Japan ... scrambling ..."),
non-restrictive relative clauses (", where both took part ..."), sentence appositives
(", a move China has not condemned"), descriptions of a named subject ("Huckabee, a former
Baptist minister, ..." → Huckabee is a former Baptist minister), "without ...ing" and
"despite ..." phrases.
Conditionals ("if ...") are never split off: their parts are not asserted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.extract.attribution import SPEECH_VERBS, Frame

SPLIT_MARKS = {"after", "before", "while", "although", "though", "whereas", "because", "since", "when", "until",
               "once", "as", "even"}
TEMPORAL_ONLY = {"since", "after", "before", "until", "once", "when"}
TIME_MARKS = {"after": "after", "since": "since", "before": "before", "until": "before", "once": "after"}
NEGATIVE_VERBS = {"refuse", "deny", "fail", "decline", "reject", "avoid", "neglect"}
EVENT_NOUNS = {
    "invasion", "meeting", "visit", "attack", "talks", "summit", "election", "war", "offensive", "exercise",
    "drill", "patrol", "flight", "trip", "conference", "strike", "bombing", "shooting", "earthquake", "vote",
    "referendum", "launch", "test", "crash", "arrest", "speech", "announcement", "agreement", "deal", "treaty",
    "ceremony", "protest", "raid", "annexation", "coup", "assassination", "explosion", "fire", "storm", "hurricane",
    "flood", "inauguration", "trial", "hearing", "verdict", "sentencing", "call", "interview", "negotiation",
    "deployment", "operation", "maneuver", "manoeuvre", "incursion", "intrusion", "clash", "battle", "ceasefire",
    "truce", "withdrawal", "blockade", "parade", "celebration", "funeral", "wedding", "robbery", "murder",
    "killing", "death", "resignation", "appointment", "release", "rally", "march", "session", "tour", "opening",
    "collision", "outbreak", "eruption", "landslide", "shutdown", "merger", "acquisition", "takeover", "ipo",
}


@dataclass
class Draft:
    """A claim in the making: its tokens, how it hangs off its sentence, what it inherits."""

    tokens: set[int]
    head: object
    role: str = "main"               # main | conj | subordinate | participle | relative | appositive | without | embedded | statement
    relation: str | None = None       # after | since | before: how its time bounds the parent's
    parent: int | None = None         # index of the draft it was split from
    subject: list = field(default_factory=list)
    negated: bool = False
    frame: Frame | None = None
    frame_tokens: set[int] = field(default_factory=set)
    repaired_subject: int | None = None


def _ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


def _has_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in tok.children)


def _subject(tok) -> list:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return list(c.subtree)
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
        return _subject(tok.head)
    return []


def _comma_before(tok) -> bool:
    i = tok.left_edge.i
    return i > 0 and tok.doc[i - 1].text in (",", "—", "–", ";", "(")


_NEGATIVE_PRONOUNS = {"nobody", "nothing", "none", "no-one"}  # "nobody is above the law", as "no one is"


def polarity(head) -> tuple[str, bool]:
    """The effective predicate and whether it is negated: "has not condemned" → (condemn,
    True); "refused to condemn" → (condemn, True); "provided no details" → (provide, True);
    "nobody is above the law", "no longer accepts" → negated; "rejected the deal" → (reject, False)."""
    negated = any(c.dep_ == "neg" for c in head.children) or any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and (c.lower_ in _NEGATIVE_PRONOUNS or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in head.children) or any(  # "no longer accepts"
        c.dep_ == "advmod" and c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children) for c in head.children)
    lemma = head.lemma_.lower()
    if lemma == "be":  # "it is (not) a moral one": the predicate is what it is said to be
        comp = [c for c in head.children if c.dep_ in ("attr", "acomp")]
        if comp:
            mod = [m.lemma_.lower() for m in comp[0].children if m.dep_ == "amod"]
            lemma = "be " + (mod[0] if mod and comp[0].lemma_.lower() in ("one", "thing") else comp[0].lemma_.lower())
    if lemma == "have" and not negated:  # "had to apologize" says that they apologized ("did not have to pay" does not)
        comp = [c for c in head.children if c.dep_ == "xcomp" and any(d.dep_ == "aux" and d.lower_ == "to"
                                                                       for d in c.children)]
        if comp:
            return polarity(comp[0])
    if lemma in NEGATIVE_VERBS:
        comp = [c for c in head.children if c.dep_ == "xcomp"]
        if comp:
            inner, inner_neg = polarity(comp[0])
            return inner, (not inner_neg) != negated
    h = head
    while h.dep_ in ("xcomp", "conj") and h.head.i != h.i:
        if h.dep_ == "conj" and not _negation_spreads(h):
            break
        h = h.head
        if any(c.dep_ == "neg" for c in h.children) or h.lemma_.lower() in NEGATIVE_VERBS and h.head.i != h.i:
            negated = not negated
            break
    return lemma, negated


def _negation_spreads(conj) -> bool:
    """Whether a negation on the first of two coordinated verbs covers the second: "did not
    eat or drink" yes; "never recovered and died", "was not sure, but it appeared" no."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
        return False
    ccs = [c for c in (*conj.head.children, *conj.children) if c.dep_ == "cc" and c.i < conj.i]
    return bool(ccs) and ccs[-1].lower_ in ("or", "nor")


def _is_negated(head) -> bool:
    return polarity(head)[1]


def _split_kind(tok, sent_ids: set[int]) -> tuple[str, str | None] | None:
    """Whether `tok` starts a clause of its own, as (role, time relation)."""
    dep, pos = tok.dep_, tok.pos_
    if tok.i not in sent_ids:
        return None
    if dep == "conj" and pos in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX"):
        ccs = [c for c in tok.head.children if c.dep_ == "cc" and tok.head.i < c.i < tok.i]
        if ccs and ccs[-1].lower_ not in ("and", "but", "yet", "so"):
            return None
        if tok.head.dep_ == "xcomp" or (tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children)
                                        and tok.head.tag_ == "VB"):
            return None
        if tok.head.dep_ == "pcomp" and not _has_subject(tok):
            return None  # "with Texas picking up two seats and California losing one": one phrase
        return "conj", None
    if dep == "advcl" and pos in ("VERB", "AUX"):
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        if marks:
            if marks[0] in SPLIT_MARKS and _has_subject(tok):
                if marks[0] == "as" and tok.lemma_.lower() in SPEECH_VERBS:
                    return None
                if marks[0] in TEMPORAL_ONLY and not any(t.ent_type_ == "DATE" for t in tok.subtree):
                    return None  # "since the war began": background to the main clause, not a claim
                if marks[0] == "since" and not _comma_before(tok):
                    return None  # "closer since X": when the state began; ", since X" gives a reason
                return "subordinate", TIME_MARKS.get(marks[0])
            return None
        if tok.tag_ in ("VBG", "VBN") and (_comma_before(tok) or _with_before(tok)):
            return "participle", None
        return None
    if dep == "relcl" and _comma_before(tok) and tok.left_edge.lower_ in ("which", "who", "where", "whom", "whose", "when"):
        return "relative", None
    if dep == "relcl" and tok.head.dep_ in ("npadvmod", "appos") and tok.head.head.pos_ in ("VERB", "AUX"):
        return "relative", None
    if dep == "appos" and pos == "NOUN" and tok.head.pos_ == "PROPN" and _comma_before(tok) \
            and tok.head.i < tok.i:
        return "appositive", None
    if dep in ("prep", "advcl") and tok.lower_ == "without" and any(c.tag_ == "VBG" for c in tok.children):
        return "without", None
    if dep == "prep" and tok.lower_ == "despite" and len(list(tok.subtree)) >= 6 and any(
            t.pos_ == "VERB" for t in tok.subtree if t.i != tok.i):
        return "despite", None
    if dep == "parataxis" and pos in ("VERB", "AUX") and tok.lemma_.lower() not in SPEECH_VERBS and _has_subject(tok):
        return "conj", None
    return None


def _with_before(tok) -> bool:
    """'..., with Japan and South Korea both scrambling ...' (spaCy hangs 'with' off the verb)."""
    doc = tok.doc
    for c in tok.head.children:
        if c.lower_ == "with" and c.i < tok.i and _comma_before(c):
            return True
    return tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].lower_ == "with"


def _extend_left(tok, sent_ids: set[int]) -> set[int]:
    """A participle clause takes the siblings between its comma and itself ('with Japan ...')."""
    ids = _ids(tok)
    i = tok.left_edge.i - 1
    doc = tok.doc
    while i in sent_ids and doc[i].text not in (",", ";", "—"):
        h = doc[i]
        while h.head.i != h.i and h.head.i != tok.head.i and h.head.i in sent_ids:
            h = h.head
        if h.head.i != tok.head.i:
            break
        ids |= _ids(h)
        i = min(ids) - 1
    return ids


def split_sentence(sent, frames: list[Frame]) -> list[Draft]:
    """Clause drafts of one sentence: the main clause(s) and the parts split off them.

    Long (about 65 lines): one walk over the parse, each splitting rule reading and extending the
    same drafts and the tokens already assigned to one."""
    sent_ids = {t.i for t in sent}
    frame = frames[0] if frames else None
    if frame and frame.content and frame.verb.lower_ != "according":
        heads = frame.content
    else:
        heads = [sent.root]
    drafts: list[Draft] = []
    assigned: set[int] = set()
    for h in heads:
        ids = (_ids(h) & sent_ids) - assigned
        if frame and frame.verb.lower_ == "according":
            ids -= frame.tokens
        for f in frames[1:] if frame and frame.verb.lower_ != "according" else frames:
            if f.verb.lower_ != "according":
                ids -= f.tokens
        drafts.append(Draft(tokens=ids, head=h, role="main", subject=_subject(h), negated=_is_negated(h), frame=frame))
        assigned |= ids
    # The reporting words are searched for split points too ("said Li, who is on a list ...").
    rest = sent_ids - assigned
    frame_draft = None
    if rest and frame is not None:
        frame_draft = len(drafts)
        drafts.append(Draft(tokens=set(rest), head=frame.verb, role="frame", frame=frame))
    hypothetical = {t.i for tok in sent if tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children) for t in tok.subtree}
    i = 0
    while i < len(drafts):
        d = drafts[i]
        for tok in sorted((t for t in (d.head.doc[j] for j in d.tokens)), key=lambda t: t.i):
            if tok.i == d.head.i or tok.i not in d.tokens or tok.i in hypothetical:
                continue
            kind = _split_kind(tok, sent_ids)
            if kind is None:
                continue
            role, rel = kind
            ids = (_extend_left(tok, sent_ids) if role == "participle" else _ids(tok)) & d.tokens
            if len(ids) < 3 or len(d.tokens - ids) < 2:
                continue
            d.tokens -= ids
            subject = _subject(tok) if role in ("conj", "subordinate") else list(d.subject)
            own_frame = frame
            if role == "relative":
                subject = list(tok.head.subtree)[: max(1, tok.left_edge.i - tok.head.left_edge.i)]
            if role == "appositive":
                subject = [t for t in tok.head.subtree if t.i < tok.left_edge.i and not t.is_punct]
                if frame is not None and tok.head.i in frame.tokens:
                    own_frame = None  # "Smith, a retired general, said": the outlet describes the speaker
            drafts.append(Draft(tokens=ids, head=tok, role=role, relation=rel, parent=i, subject=subject,
                                negated=role == "without" or _is_negated(tok), frame=own_frame))
        i += 1
    _repair_subjects(drafts)
    if frame_draft is not None:
        drafts[frame_draft].tokens = set()
        for d in drafts:
            if d.parent == frame_draft:
                d.parent = None
    # Attribution and connective tokens left over go to the nearest clause.
    leftover = sorted(sent_ids - set().union(*(d.tokens for d in drafts)))
    frame_ids = set().union(*(f.tokens for f in frames)) if frames else set()
    for j in leftover:
        k = _nearest(drafts, j, skip_descriptions=j in frame_ids)
        drafts[k].tokens.add(j)
        if j in frame_ids:
            drafts[k].frame_tokens.add(j)
    kept = [d for d in drafts if any(sent.doc[t].is_alpha for t in d.tokens)]
    renumber = {id(d): n for n, d in enumerate(kept)}
    for d in kept:
        d.parent = renumber.get(id(drafts[d.parent])) if d.parent is not None else None
    drafts = kept
    return drafts + embedded_events(sent, drafts) + statement_drafts(frames, drafts)


def _repair_subjects(drafts: list[Draft]) -> None:
    """A finite clause the parser left without a subject takes the noun phrase right before it,
    when the parser had tacked that phrase onto another clause as a conjunct ("said A had X
    and a March meeting ... had injected ..." → the meeting injected)."""
    for d in drafts:
        h = d.head
        if h.dep_ not in ("ccomp", "ROOT") or h.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in h.children):
            continue
        if not any(c.dep_ == "aux" for c in h.children) and h.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        doc = h.doc
        i = h.left_edge.i - 1
        while i >= 0 and (doc[i].is_punct or doc[i].dep_ in ("aux", "auxpass")):
            i -= 1
        if i < 0:
            continue
        node, np_head = doc[i], None
        while True:
            if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN"):
                np_head = node  # the outermost conjunct on the way up is the phrase to move
            if node.head.i == node.i or node.head.pos_ not in ("NOUN", "PROPN", "ADP") or node.head.i > h.i:
                break
            node = node.head
        if np_head is None:
            continue
        owner = next((o for o in drafts if o is not d and np_head.i in o.tokens), None)
        if owner is None:
            continue
        moved = {t.i for t in np_head.subtree} | {c.i for c in np_head.head.children
                                                   if c.dep_ == "cc" and c.i < np_head.i}
        owner.tokens -= moved
        d.tokens |= moved
        d.subject = [t for t in np_head.subtree]
        d.repaired_subject = np_head.i


def _nearest(drafts: list[Draft], j: int, skip_descriptions: bool = False) -> int:
    """The clause a stray token joins: the closest one; leading tokens join the one that follows.
    Reporting words (`skip_descriptions`) never join a description of the speaker."""
    def distance(k: int) -> tuple[int, int, int]:
        toks = drafts[k].tokens
        if not toks:
            return (1, 10**9, k)
        return (int(skip_descriptions and drafts[k].role == "appositive"), min(abs(j - t) for t in toks),
                0 if min(toks) > j else 1)
    return min(range(len(drafts)), key=distance)


def embedded_events(sent, drafts: list[Draft]) -> list[Draft]:
    """Dated events named inside a clause ('the February 2022 invasion of Ukraine', 'a March
    meeting between Putin and Xi') become claims of their own, overlapping their clause."""
    out = []
    doc = sent.doc
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in EVENT_NOUNS or tok.dep_ == "compound":
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")}
        if dets & {"such", "these", "those", "other", "similar", "any", "no"} or (
                tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.children)):
            continue  # generic or anaphoric ("such patrols"): not one dated event
        parent = next((n for n, d in enumerate(drafts) if tok.i in d.tokens), None)
        ids = _ids(tok) & (drafts[parent].tokens if parent is not None else set())
        if not ids:
            continue
        end = max(ids)
        dates = [t for t in doc[min(ids):end + 1] if t.ent_type_ == "DATE" and t.i in ids]
        # a date right after the phrase: "invasion of Ukraine on February 24", "... last month"
        j = end + 1
        if not dates and j < sent.end and doc[j].lower_ in ("on", "in", "last", "this", "earlier") or (
                j < sent.end and doc[j].ent_type_ == "DATE"):
            k = j + (1 if doc[j].lower_ in ("on", "in") else 0)
            while k < sent.end and doc[k].ent_type_ == "DATE":
                dates.append(doc[k])
                ids.add(k)
                k += 1
            if dates and doc[j].lower_ in ("on", "in"):
                ids.add(j)
        repaired = any(d.repaired_subject == tok.i for d in drafts)
        if not dates or len(ids) < 3 or not (repaired or _adjunct_event(tok)):
            continue
        subject = []
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ not in _TEMPORAL_PREPS and prep.i > 0 and doc[prep.i - 1].text == "," \
                and parent is not None:
            subject = drafts[parent].subject  # "Xi, in a meeting with Putin last month, ...": Xi met Putin
        out.append(Draft(tokens=ids, head=tok, role="embedded", parent=parent, subject=subject))
    return out


_TEMPORAL_PREPS = {"since", "after", "following", "before", "prior", "ahead", "during", "until", "amid"}


def _adjunct_event(noun) -> bool:
    """Whether an event phrase is a separate event and not what its clause is about: inside a
    temporal phrase ("since the February 2022 invasion"), a phrase set off by commas ("Xi, in a
    meeting with Putin last month, ..."), or the subject of another predicate ("a March meeting
    ... had injected momentum"). "carried out a joint air patrol last month" is about the patrol."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return noun.head.lemma_ not in ("take", "happen", "occur", "begin", "start", "end", "be")
    if noun.dep_ == "pobj":
        prep = noun.head
        if prep.lower_ in _TEMPORAL_PREPS or prep.head.lower_ in _TEMPORAL_PREPS:
            return True
        i = prep.i
        return i > 0 and noun.doc[i - 1].text in (",", "(", "—")
    return noun.dep_ == "conj" and _adjunct_event(noun.head)


def statement_drafts(frames: list[Frame], drafts: list[Draft]) -> list[Draft]:
    """A dated act of saying ('the ministry announced this Sunday (16)') is itself checkable."""
    out = []
    for f in frames:
        if f.time_tokens and f.speaker:
            ids = {t.i for t in f.speaker} | {f.verb.i} | {t.i for t in f.time_tokens}
            ids |= {t.i for t in f.verb.children if t.dep_ in ("aux", "auxpass", "neg")}
            parent = next((n for n, d in enumerate(drafts) if f.verb.i in d.tokens), None)
            out.append(Draft(tokens=ids, head=f.verb, role="statement", parent=parent, frame=f))
    return out
