"""When a claim happened, from the dates in its clause (and the tense when it has none).

A clause's own dates bound it; a date that describes a participant ('the actress who starred in
the 1950s', 'the 2019 runner-up Maria Okafor'), marks the point a change is measured from ('down
from 6.1% in March') or dates the release of what the clause reports ('accounts released Tuesday
show …') does not. 'that March' names a month already mentioned, so it is not resolved against
the publication date.
"""
from __future__ import annotations

from checker.extract.normalize.time import bounded, intersect, resolve
from checker.models import TimeSpan

_RELATION_WORDS = {"since": "since", "after": "after", "following": "after", "before": "before",
                   "until": "before", "prior": "before", "ahead": "before", "back": "since"}  # "going back to 2007"
_ANAPHORIC = {"that", "those"}  # 'that March', 'those days': a time named before, not this year's


def in_the_future(doc, ids: set[int], head) -> bool:
    """Whether the clause speaks of what is still to happen ("will take place", "is expected to")."""
    h = head
    while h.dep_ == "conj" and h.head.i != h.i:
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in h.children):
            return True
        h = h.head
    for c in h.children:
        if c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo"):
            return True
        if c.dep_ == "xcomp" and (
                h.lemma_ in ("expect", "set", "schedule", "slate") and any(a.dep_ == "auxpass" for a in h.children)
                or h.lemma_ in ("plan", "intend", "aim") and h.tag_ in ("VBZ", "VBP")):
            return True
    if h.dep_ == "ROOT" and h.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children):
        return True  # headline style: "Ellen DeGeneres To Host 86th Oscars"
    return any(doc[i].lower_ in ("upcoming", "forthcoming") for i in ids)


def told_in_the_past(tok) -> bool:
    """Whether the verb a date hangs from tells of the past ("fired in February", "has been
    closed since May", "was signed on Jan. 3"): the simple past, or a perfect or passive whose
    auxiliary is. Not a verb with a modal ("would step down in February"), a date on a noun ("has
    scheduled a meeting on Oct. 26": the meeting's date) or a deadline or target ("extended the
    pause through Jan. 31", "set the vote for May 4"), which may lie ahead."""
    verb = tok.head
    if tok.dep_ == "pobj":
        if verb.lower_ in ("for", "through", "until", "till", "by", "to"):
            return False
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if verb.tag_ == "VBD" and not auxes:
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxes)


def claim_time(doc, ids: set[int], skip: set[int], published, future: bool,
               keep_related: set[int] = frozenset()) -> TimeSpan | None:
    """The claim's time from its dates; `skip` dates are not its own, except those in
    `keep_related` that bound it through "since", "after" or "before"."""
    dates = [ent for ent in doc.ents if ent.label_ == "DATE" and ent.start in ids
             and not _describes_a_participant(ent.root, ids) and not _baseline(ent)]
    content = [ent for ent in dates if _in_reported_content(ent.root, ids)]
    if content:
        dates = content  # 'documents released on Friday show she paid … since 2007': the payment's time, not the release's
    spans = []
    for ent in dates:
        rel = _relation(doc, ent, ids)
        if ent.start in skip and ent.start not in keep_related:
            continue
        text = ent.text
        if ent.start > 0 and doc[ent.start - 1].lower_ in _ANAPHORIC:
            text = f"{doc[ent.start - 1].lower_} {text}"  # 'that March': the tagger leaves 'that' out
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("to", "through", "until", "-", "–") \
                and ent.end + 1 in ids and doc[ent.end + 1].shape_ == "dddd" and not doc[ent.end + 1].ent_type_:
            text = f"{text} to {doc[ent.end + 1].text}"  # 'from 2007 to 2014': the tagger may tag only 2007
        resolved = resolve(text, published,
                           tense="future" if future else "past" if told_in_the_past(ent.root) else None)
        if resolved is None:
            continue
        if ent.start in keep_related and not rel:
            rel = "since"  # a clause about a dated event named in passing speaks of that time or later
        spans.append(bounded(resolved, rel, published) if rel else resolved)
    return intersect(spans)


def _baseline(ent) -> bool:
    """A date that dates the point a change is measured from, not the claim: 'down from 5.2% in
    August', 'up from a year ago', '4,901 more than in 2019', 'compared with 2019'."""
    h = ent.root
    if h.dep_ in ("pobj", "pcomp") and h.head.lower_ in ("in", "on", "at") and h.head.head.lower_ in ("from", "than"):
        return True
    if h.dep_ in ("pobj", "pcomp") and h.head.lower_ == "than":
        return True
    if h.dep_ in ("pobj", "pcomp") and h.head.lower_ in ("with", "to") and h.head.head.lower_ in ("compared", "compare"):
        return True
    return h.dep_ in ("pobj", "pcomp") and h.head.lower_ == "from" \
        and any(t.lower_ in ("ago", "earlier", "before") for t in ent)


def _in_reported_content(tok, ids: set[int]) -> bool:
    """Whether a date lies in a clause the claim reports ('the returns show that they paid … in
    2014'), below the claim's own verb."""
    h = tok
    while h.head.i != h.i and h.head.i in ids:
        if h.dep_ == "ccomp":
            return True
        h = h.head
    return False


def _describes_a_participant(tok, ids: set[int]) -> bool:
    """A date inside a relative clause or apposition on a noun ("the actress who starred in the
    1950s", "Comeaux, 49,") describes that participant, not when the claim happened; a date in
    what such a clause reports ("a list of speeches showing that she earned $10 million in 2013")
    is the time of the reported content, which the claim states."""
    h = tok
    while h.head.i != h.i and h.head.i in ids:
        if h.dep_ == "ccomp":
            return False
        if h.dep_ in ("relcl", "acl", "appos") and h.head.pos_ in ("NOUN", "PROPN"):
            return True
        if h.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod") and _names_a_person(h.head):
            return True  # "Trump's 2016 opponent Hillary Clinton": when she was his opponent
        h = h.head
    return False


def _names_a_person(noun) -> bool:
    """Whether a noun is, or is in apposition to, a person's name ('opponent Hillary Clinton')."""
    return noun.ent_type_ == "PERSON" or any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"
                                             for c in noun.children)


def _relation(doc, ent, ids: set[int]) -> str | None:
    """'since', 'after' or 'before' when the date is the object of such a preposition within the
    claim ("since the February 2022 invasion", "prior to May 24"), else None."""
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    prev2 = doc[ent.start - 2].lower_ if ent.start > 1 else ""
    if prev in _RELATION_WORDS and ent.start - 1 in ids:
        return _RELATION_WORDS[prev]
    if prev == "to" and prev2 in _RELATION_WORDS and ent.start - 2 in ids:
        return _RELATION_WORDS[prev2]
    h = ent.root
    for _ in range(3):
        if h.head.i == h.i or h.head.i not in ids:
            return None
        if h.dep_ == "pobj" and h.head.lower_ in _RELATION_WORDS:
            return _RELATION_WORDS[h.head.lower_]
        if h.dep_ == "pobj" and h.head.lower_ in ("of", "to") and h.head.head.lower_ in _RELATION_WORDS \
                and h.head.head.i in ids:  # "ahead of the 2022 elections", "prior to the vote in May"
            return _RELATION_WORDS[h.head.head.lower_]
        if h.head.pos_ not in ("NOUN", "PROPN", "ADP"):
            return None
        h = h.head
    return None
