"""Clusters of claims → `Fact` records with verdicts, status and each outlet's stance.

Every pair of claims in a fact is judged, those of one source too: one outlet printing the
same quotation for two speakers, or the same statement twice with another value, is an
internal discrepancy; two different statements of one article are not. A fact is contested when a
discrepancy stands, corroborated when two or more outlets state it, else single-source.
"""
from __future__ import annotations

import hashlib
import itertools

from checker.judge import frames
from checker.judge.relations import compare_claims
from checker.judge.quotes import norm_quote, speakers_compatible, wording_similarity
from checker.models import STANCE_RANK, Claim, Discrepancy, Event, Fact, Source
from checker.extract.normalize.time import intersect
from checker.outlets import outlet_key

def _hash(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:11]


def fact_id(claim_ids: list[str]) -> str:
    """Stable while the fact keeps its first claim (ids sort content-derived claim ids)."""
    return _hash("f", min(claim_ids))


def keep_fact_ids(facts: list[Fact], previous: dict[str, str]) -> list[Fact]:
    """Facts that keep the id of the previous run's fact they mostly continue: a fact takes an
    earlier fact's id when more than half of its claims were that fact's and it holds more than
    half of that fact's claims (so a fact that gains or loses a few claims in a regroup keeps
    its id, and links to it keep working). `previous` maps claim id → earlier fact id."""
    sizes: dict[str, int] = {}
    for fid in previous.values():
        sizes[fid] = sizes.get(fid, 0) + 1
    # An earlier id that is another fact's own id now (that fact holds the earlier fact's first
    # claim) stays with that fact: two facts never share an id.
    own = {f.id: n for n, f in enumerate(facts)}
    taken: set[str] = set()
    kept = {}
    for n, f in enumerate(facts):
        counts: dict[str, int] = {}
        for cid in f.claims:
            if cid in previous:
                counts[previous[cid]] = counts.get(previous[cid], 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        if best and 2 * best[1] > len(f.claims) and 2 * best[1] > sizes[best[0]] and best[0] not in taken \
                and own.get(best[0], n) == n:
            taken.add(best[0])
            kept[n] = best[0]
    return [f.model_copy(update={"id": kept[n]}) if n in kept and kept[n] != f.id else f for n, f in enumerate(facts)]


def _summary(members: list[int], claims: list[Claim], vectors=None) -> str:
    """The text of the claim most like the others, else the first in reading order.

    Likeness is the mean cosine to the other members, rounded: the model's last bits vary
    with the CPU and the batch, and a two-claim fact is always a tie, so the rounding and
    the reading-order tie-break keep the summary the same on every machine."""
    if len(members) == 1 or vectors is None:
        return _said(claims[members[0]])
    sub = vectors[members]
    likeness = ((sub @ sub.T).sum(axis=1) - (sub * sub).sum(axis=1)) / (len(members) - 1)
    best = max(range(len(members)), key=lambda i: (round(float(likeness[i]), 3), -members[i]))
    return _said(claims[members[best]])


def _said(claim: Claim) -> str:
    """A claim's words as a fact's summary; a description as the statement it makes ('Former
    Arkansas Gov. Mike Huckabee' → 'Mike Huckabee is Former Arkansas Gov.')."""
    return claim.standalone if claim.kind == "description" and claim.standalone else claim.text


def _quote_likeness(a: Claim, b: Claim) -> float:
    return max((wording_similarity(norm_quote(x.text), norm_quote(y.text)) for x in a.quotes for y in b.quotes),
               default=0.0)


def restated(a: Claim, b: Claim, rel) -> bool:
    """Whether two claims of one article give the same statement or quotation twice, so that a
    difference between them is a discrepancy: one quotation given to two speakers, the same
    quotation worded two ways, or the same statement with another value. Two different
    quotations of one speaker, or a bill's amount and an overall total, are two statements."""
    if rel.kind == "attribution":
        return True
    if rel.kind == "quote":
        return _quote_likeness(a, b) >= 85
    if (a.attribution.kind == "outlet") != (b.attribution.kind == "outlet") or not speakers_compatible(a, b):
        return False  # someone's figure as reported, then the article's own: two voices, two statements
    return min(frames.covered(a, b)[0], frames.covered(b, a)[0]) >= 0.8


def _quoted_faithfully_elsewhere(a: Claim, b: Claim, members: list[Claim], judged: dict) -> str:
    """Why `a`'s quotation is not a misquote of `b`'s, when `a`'s article also quotes `b`'s words
    as `b` gives them in another claim, closer to `b` than `a` is: `a` is another utterance
    of the speaker (an article quoting a remark and, later, the speaker's answer to a follow-up
    question), not `b`'s words changed. '' when there is no such claim."""
    likeness = _quote_likeness(a, b)
    for other in members:
        if other.id in (a.id, b.id) or other.source != a.source or not other.quotes:
            continue
        rel = judged.get((other.id, b.id)) or judged.get((b.id, other.id))
        if rel is not None and rel.relation != "differs" and _quote_likeness(other, b) > likeness:
            return (f"two utterances, not one quoted two ways: the article quoting “{_first_quote(a)}” "
                    f"also gives “{_first_quote(other)}”, as the other outlet does")
    return ""


def _first_quote(c: Claim) -> str:
    return c.quotes[0].text.strip(" ,.")[:80]


def build_fact(members: list[int], claims: list[Claim], sources: dict[str, Source], vectors=None) -> Fact:
    """One fact from claim indices: pairwise verdicts, discrepancies, status, stances."""
    ids = [claims[i].id for i in members]
    fid = fact_id(ids)
    fact = Fact(id=fid, claims=ids, summary=_summary(members, claims, vectors))
    member_claims = [claims[i] for i in members]
    stance: dict[str, str] = {}
    judged = {(a.id, b.id): compare_claims(a, b) for a, b in itertools.combinations(member_claims, 2)}
    for a, b in itertools.combinations(member_claims, 2):
        rel = judged[(a.id, b.id)]
        if rel.relation == "differs" and a.source == b.source and not restated(a, b, rel):
            rel = rel.model_copy(update={"relation": "partial", "kind": None,
                                         "detail": f"two statements of one article, not one stated twice ({rel.detail})"})
        elif rel.kind == "quote" and a.source != b.source:
            faithful = _quoted_faithfully_elsewhere(a, b, member_claims, judged) \
                or _quoted_faithfully_elsewhere(b, a, member_claims, judged)
            if faithful:
                rel = rel.model_copy(update={"relation": "partial", "kind": None, "detail": faithful})
        fact.relations.append(rel)
        if rel.relation == "differs":
            fact.discrepancies.append(Discrepancy(id=_hash("d", fid, a.id, b.id, rel.kind or ""), kind=rel.kind,
                                                  claims=(a.id, b.id), detail=rel.detail,
                                                  internal=a.source == b.source))
        if a.source != b.source:
            for c in (a, b):
                if STANCE_RANK[rel.relation] > STANCE_RANK.get(stance.get(c.source, "silent"), 0):
                    stance[c.source] = rel.relation
    for c in member_claims:
        stance.setdefault(c.source, "corroborates")
    for d in fact.discrepancies:
        if d.internal:
            stance[member_claims[[c.id for c in member_claims].index(d.claims[0])].source] = "differs"
    fact.stances = stance
    outlets = {outlet_key(sources[c.source]) for c in member_claims if c.source in sources}
    if fact.discrepancies:
        fact.status = "contested"
    elif len(outlets) >= 2:
        fact.status = "corroborated"
    else:
        fact.status = "single-source"
    fact.time = intersect([c.time for c in member_claims if c.time is not None and c.time.origin != "context"])
    return fact


def build_facts(clusters: list[list[int]], claims: list[Claim], sources: list[Source], vectors=None) -> list[Fact]:
    """Facts in reading order of their first claim."""
    by_id = {s.id: s for s in sources}
    order = {s.id: n for n, s in enumerate(sources)}
    facts = [build_fact(m, claims, by_id, vectors) for m in clusters]
    first = {f.id: min((order.get(claims[i].source, 0), claims[i].start) for i in m) for f, m in zip(facts, clusters)}
    return sorted(facts, key=lambda f: first[f.id])


def build_events(fact_groups: list[list[int]], facts: list[Fact]) -> list[Event]:
    """Events from groups of fact indices; each event lists its facts' ids. The facts are not
    changed: `facts_with_events` gives copies that know their event."""
    events = []
    for members in fact_groups:
        ids = [facts[i].id for i in members]
        events.append(Event(id=_hash("e", min(ids)), facts=ids, summary=facts[members[0]].summary,
                            time=intersect([facts[i].time for i in members if facts[i].time is not None])))
    return events


def facts_with_events(facts: list[Fact], events: list[Event]) -> list[Fact]:
    """Copies of `facts`, each with the id of the event that lists it (a fact no event lists
    keeps the event it had)."""
    event_of = {fid: event.id for event in events for fid in event.facts}
    return [f.model_copy(update={"event": event_of[f.id]}) if f.id in event_of else f.model_copy() for f in facts]
