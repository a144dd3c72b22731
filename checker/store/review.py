"""Review decisions: making log entries, undo, and applying the log to a report.

The log is append-only: an undo is a new entry that cancels an earlier one. Applying the
log replays grouping changes first (move a claim, detach it, merge two facts, split one),
re-judges only the facts whose claims changed, then attaches verdicts on discrepancies,
status overrides, confirmations and notes. Every target is a set of claim ids, which are
content-derived, so a decision finds its fact again after a rerun; one whose claims are
gone is kept in the log and reported as orphaned.
"""
from __future__ import annotations

import datetime as dt
import getpass
import uuid
from collections import Counter

from checker.judge.independence import apply_independence
from checker.models import STANCE_RANK, Discrepancy, Fact, Report, Review, ReviewEntry

GROUPING = {"claim.move", "claim.detach", "fact.merge", "fact.split"}
STATUSES = ("corroborated", "contested", "single-source")
ADDED = "real (added by a reviewer)"  # the review state of a discrepancy a reviewer added
SETTLED = "to confirm: every discrepancy was found not real; the status stays until a reviewer sets it"
ACTIONS = {"discrepancy.real", "discrepancy.not_real", "discrepancy.add", "fact.status", "fact.confirm", "fact.note", "undo", *GROUPING}


def default_reviewer() -> str:
    """The OS user, as the reviewer's name when none is given."""
    try:
        return getpass.getuser()
    except Exception:  # no user database (some containers): still a usable name
        return "reviewer"


def new_entry(action: str, reviewer: str, **fields) -> ReviewEntry:
    """A log entry stamped with a fresh id and the current time (UTC)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown review action {action!r}")
    return ReviewEntry(id=uuid.uuid4().hex[:16], at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                       reviewer=reviewer, action=action, **fields)


def effective(entries: list[ReviewEntry]) -> list[ReviewEntry]:
    """The decisions in force: undo entries removed, with what they undid."""
    undone = {e.undoes for e in entries if e.action == "undo"}
    return [e for e in entries if e.action != "undo" and e.id not in undone]


def last_undoable(entries: list[ReviewEntry]) -> ReviewEntry | None:
    """The most recent decision still in force, or None."""
    live = effective(entries)
    return live[-1] if live else None


def _fact_of(claims: list[str], membership: dict[str, str]) -> str | None:
    """The group holding most of `claims` (ties: the first listed), or None if none survive."""
    groups = [membership[c] for c in claims if c in membership]
    if not groups:
        return None
    counts = Counter(groups)
    return max(counts, key=lambda g: (counts[g], -groups.index(g)))


def apply_reviews(report: Report, entries: list[ReviewEntry]) -> Report:
    """A copy of `report` in its reviewed state; orphaned decisions listed in `orphaned_reviews`.

    Long (about 100 lines): the decisions replayed in log order against one evolving grouping
    (claim -> fact), then the verdict decisions on the regrouped facts; each action is a short
    branch over that shared state."""
    live = effective(entries)
    if any(e.action in GROUPING for e in live):
        from checker.judge.verdicts import build_fact  # the judge: only when a reviewer regrouped claims
    claims = report.claims
    index = {c.id: i for i, c in enumerate(claims)}
    membership = {cid: f.id for f in report.facts for cid in f.claims}
    first_fact = dict(membership)
    original = {f.id: f for f in report.facts}
    orphans: list[ReviewEntry] = []
    touched: set[str] = set()
    for e in live:
        if e.action not in GROUPING:
            continue
        if e.action in ("claim.move", "claim.detach"):
            cid = e.claims[0] if e.claims else None
            target = _fact_of(e.other, membership) if e.action == "claim.move" else f"new:{e.id}"
            if cid not in membership or target is None:
                orphans.append(e)
                continue
            touched |= {membership[cid], target}
            membership[cid] = target
        elif e.action == "fact.merge":
            a, b = _fact_of(e.claims, membership), _fact_of(e.other, membership)
            if a is None or b is None:
                orphans.append(e)
                continue
            for cid, g in membership.items():
                if g == b:
                    membership[cid] = a
            touched.add(a)
        elif e.action == "fact.split":
            present = [c for c in e.claims if c in membership]
            if not present:
                orphans.append(e)
                continue
            touched |= {membership[c] for c in present}
            for c in present:
                membership[c] = f"split:{e.id}"
            touched.add(f"split:{e.id}")
    groups: dict[str, list[str]] = {}
    for cid, g in membership.items():
        groups.setdefault(g, []).append(cid)
    sources = report.source_index()
    facts: list[Fact] = []
    for g, members in groups.items():
        if g in original and g not in touched:
            facts.append(original[g].model_copy(deep=True))
            continue
        members.sort(key=lambda c: index[c])
        fact = build_fact([index[c] for c in members], claims, sources)
        olds = Counter(original[first_fact[c]].event for c in members if original[first_fact[c]].event)
        fact.event = olds.most_common(1)[0][0] if olds else None
        fact.reviewed_grouping = True
        apply_independence([fact], claims, report.sources, detect=False)
        facts.append(fact)
    _keep_ids(facts, original, first_fact)
    order = {f.id: n for n, f in enumerate(report.facts)}
    facts.sort(key=lambda f: min(order[first_fact[c]] for c in f.claims))
    by_id = {f.id: f for f in facts}
    fact_membership = {cid: f.id for f in facts for cid in f.claims}
    for e in live:
        if e.action in GROUPING:
            continue
        who = dict(reviewer=e.reviewer, at=e.at, note=e.note)
        if e.action == "discrepancy.add":
            if not _add_discrepancy(e, facts, fact_membership, claims, index, who):
                orphans.append(e)
            continue
        if e.action.startswith("discrepancy."):
            pair = set(e.claims)
            hit = [d for f in facts for d in f.discrepancies if set(d.claims) == pair and (not e.kind or d.kind == e.kind)]
            if not hit:
                orphans.append(e)
                continue
            for d in hit:
                d.review = Review(state="real" if e.action == "discrepancy.real" else "not real", **who)
            continue
        fid = _fact_of(e.claims, fact_membership)
        if fid is None:
            orphans.append(e)
            continue
        fact = by_id[fid]
        if e.action == "fact.status":
            fact.review = Review(state=f"status set to {e.value}", **who)
            fact.status = e.value
        elif e.action == "fact.confirm":
            fact.review = Review(state="confirmed", **who)
        elif e.action == "fact.note":
            fact.notes.append(Review(state="note", **who))
    for fact in facts:
        _restance(fact, claims, index)
        # Every discrepancy found not real: the status is the reviewer's call, not silently changed.
        if fact.review is None and fact.discrepancies and all(d.review and d.review.state == "not real"
                                                               for d in fact.discrepancies):
            fact.review = Review(state=SETTLED)
    events = [ev.model_copy(update={"facts": [f.id for f in facts if f.event == ev.id]}) for ev in report.events]
    return report.model_copy(update={"facts": facts, "events": [ev for ev in events if ev.facts],
                                     "orphaned_reviews": orphans})


def _add_discrepancy(e: ReviewEntry, facts: list[Fact], membership: dict[str, str], claims, index, who) -> bool:
    """A discrepancy checker missed, added by a reviewer between two claims of one fact: the
    fact is contested (unless a reviewer set its status) and both outlets differ on it."""
    import hashlib

    if len(e.claims) != 2 or any(c not in membership for c in e.claims) or \
            membership[e.claims[0]] != membership[e.claims[1]]:
        return False
    fact = next(f for f in facts if f.id == membership[e.claims[0]])
    a, b = (claims[index[c]] for c in e.claims)
    did = "d" + hashlib.sha1("\x1f".join([*e.claims, e.kind or "", e.id]).encode()).hexdigest()[:11]
    fact.discrepancies.append(Discrepancy(id=did, kind=e.kind or "entity", claims=(a.id, b.id),
                                          detail=e.note or "added by a reviewer", internal=a.source == b.source,
                                          review=Review(state=ADDED, **who)))
    fact.stances[a.source] = fact.stances[b.source] = "differs"
    if not (fact.review and fact.review.state.startswith("status set to")):
        fact.status = "contested"
    return True


def _keep_ids(facts: list[Fact], original: dict[str, Fact], first_fact: dict[str, str]) -> None:
    """A regrouped fact keeps the id of the fact it holds most claims of, while it holds more
    than half of that fact's claims, so links to a fact survive a move, a split or a merge.
    A regrouped fact that keeps no id gets one from all its claims, never an id in use."""
    import hashlib

    taken = {f.id for f in facts if not f.reviewed_grouping}
    regrouped = [f for f in facts if f.reviewed_grouping]
    wants = []
    for fact in regrouped:
        for old, n in Counter(first_fact[c] for c in fact.claims).items():
            if n * 2 > len(original[old].claims):
                wants.append((-n, old, fact))
    kept = set()
    for _, old, fact in sorted(wants, key=lambda w: w[:2]):
        if old not in taken and id(fact) not in kept:
            fact.id = old
            taken.add(old)
            kept.add(id(fact))
    for fact in regrouped:
        if id(fact) not in kept:
            if fact.id in taken or fact.id in original:
                # salted: a one-claim fact's plain hash is the id of the fact it came from
                fact.id = "f" + hashlib.sha1("\x1f".join(["regrouped", *sorted(fact.claims)]).encode()).hexdigest()[:11]
            taken.add(fact.id)


def _restance(fact: Fact, claims, index) -> None:
    """Each outlet's stance again, with discrepancies a reviewer found not real set aside."""
    rejected = {frozenset(d.claims) for d in fact.discrepancies if d.review and d.review.state == "not real"}
    if not rejected:
        return
    stance: dict[str, str] = {}
    for rel in fact.relations:
        a, b = claims[index[rel.a]], claims[index[rel.b]]
        verdict = "corroborates" if frozenset((rel.a, rel.b)) in rejected else rel.relation
        if a.source != b.source or verdict == "differs":
            for c in (a, b):
                if STANCE_RANK[verdict] > STANCE_RANK[stance.get(c.source, "silent")]:
                    stance[c.source] = verdict
    for cid in fact.claims:
        stance.setdefault(claims[index[cid]].source, "corroborates")
    for d in fact.discrepancies:  # those still standing, a reviewer's own included
        if frozenset(d.claims) not in rejected and all(c in index for c in d.claims):
            for c in d.claims:
                stance[claims[index[c]].source] = "differs"
    fact.stances = stance


def reviewed(report: Report, entries: list[ReviewEntry]) -> Report:
    """The report with the review log applied, and a note on decisions that no longer apply."""
    if not entries:
        return report
    out = apply_reviews(report, entries)
    if out.orphaned_reviews:
        out.notes = [*out.notes, f"{len(out.orphaned_reviews)} review decision(s) no longer apply: their claims are "
                                 "gone from this input (kept in the review log)"]
    return out


def fact_anchor(fact: Fact) -> list[str]:
    """The claim ids that identify a fact in a log entry."""
    return list(fact.claims)


__all__ = ["apply_reviews", "reviewed", "new_entry", "effective", "last_undoable", "default_reviewer", "fact_anchor",
           "STATUSES"]
