"""Claims → facts → events.

Candidates come from embedding neighbours (a claim is compared only with its k nearest
claims). Each candidate pair gets a probability of stating one fact from the fitted pair
model (`checker.group.pair_model`, over `checker.group.pair_features`); clusters grow by average linkage
over those probabilities, a merge started by a pair from two articles or by a near copy within one
article (other pairs within an article count in the means), never across firmly disjoint times, never joining two clauses of one
sentence, never joining claims about two different people. A claim that matches nothing stays
a single-source fact. Dated statements ("the ministry announced on Sunday") join when their
speakers match and what they announced landed in one fact. Facts are grouped into events in
`checker.group.events` (`group_events` is still importable from here).
"""
from __future__ import annotations

import numpy as np

from checker.group.linkage import Node, average_linkage
from checker.models import Claim, TimeSpan
from checker.embed.embedder import TokenVectors
from checker.embed.neighbours import candidate_pairs
from checker.extract.normalize.entities import person_ids, same_org, same_person
from checker.group.pair_features import PairFeatures
from checker.group.pair_model import PairModel, load
from checker.group.scoring import PairScorer, time_relation
from checker.settings import Settings

GroupSettings = Settings  # the name earlier versions exported

__all__ = ["GroupSettings", "PairScorer", "candidate_pairs", "group_facts", "time_relation",
           "average_linkage", "node_of", "claim_candidates", "fact_edges", "link_facts"]


def node_of(time: TimeSpan | None, source: str | None = None, sentence: tuple | None = None,
            headline: bool = False, subject: int | None = None, mentions: frozenset = frozenset(),
            slack: int | None = 0, widen_below: int | None = 28) -> Node:
    """The constraints' view of a claim or fact: its firm time (a span shorter than `widen_below`
    days widened by `slack` days on both sides; `slack` None: no time constraint;
    `widen_below` None: every span widened), sentence, source, headline flag, the person it is
    about and the persons it names."""
    firm = time is not None and time.firm and slack is not None
    if firm and widen_below is not None and (time.end - time.start).days >= widen_below:
        slack = 0  # the slack absorbs days of reporting jitter; 2013 and 2014 stay apart
    return Node(start=time.start.toordinal() - slack if firm else None,
                end=time.end.toordinal() + slack if firm else None,
                sentence=sentence, source=source, headline=headline, subject=subject, mentions=mentions)


def _persons(claims: list[Claim]) -> tuple[list[int | None], list[frozenset]]:
    """Each claim's subject person and the persons it names, as ids one person's names share."""
    named = [[e.text for e in c.entities if e.label == "PERSON"] for c in claims]
    ids = person_ids([c.subject for c in claims if c.subject] + [n for names in named for n in names])
    subjects = [ids[c.subject] if c.subject else None for c in claims]
    mentions = [frozenset({ids[n] for n in names} | ({s} if s is not None else set()))
                for names, s in zip(named, subjects)]
    return subjects, mentions


class _Blocks:
    """What keeps two claims from being candidates, read once per claim: two clauses of one
    sentence, firm times disjoint even when widened by `slack` (the window the linkage keeps
    apart, `node_of`), or a description of a person with what someone said (an outlet's 'Lavrov
    is Russia's foreign minister' is never one fact with Lavrov's words)."""

    def __init__(self, claims: list[Claim], slack: int | None = 0, widen_below: int | None = 28):
        self.sentence = [(c.source, c.sentence) for c in claims]
        nodes = [node_of(c.time, slack=slack, widen_below=widen_below) for c in claims]
        self.window = [(n.start, n.end) if n.start is not None else None for n in nodes]
        self.described = [c.kind == "description" for c in claims]
        self.voiced = [c.kind != "description" and c.attribution.kind not in (None, "outlet") for c in claims]

    def blocked(self, i: int, j: int) -> bool:
        if self.sentence[i] == self.sentence[j]:
            return True
        if (self.described[i] and self.voiced[j]) or (self.described[j] and self.voiced[i]):
            return True
        wi, wj = self.window[i], self.window[j]
        return wi is not None and wj is not None and (wi[1] < wj[0] or wj[1] < wi[0])


def _blocked(a: Claim, b: Claim, slack: int | None = 0) -> bool:
    """Whether two claims may not be candidates (`_Blocks`)."""
    return _Blocks([a, b], slack).blocked(0, 1)


def claim_candidates(claims: list[Claim], vectors: np.ndarray,
                     settings: Settings | None = None) -> list[tuple[int, int, float]]:
    """The claim pairs the pair model scores, as (i, j, cosine): nearest neighbours, not two
    clauses of one sentence, not firmly disjoint times; dated statements take no part (they join
    through what they announced)."""
    settings = settings or Settings()
    content = [i for i, c in enumerate(claims) if c.kind != "statement"]
    sub = vectors[content] if content else vectors[:0]
    pairs = [(content[a], content[b], cos) for a, b, cos in candidate_pairs(sub, settings.neighbours,
                                                                           settings.min_cosine)]
    blocks = _Blocks(claims, settings.fact_time_slack_days, settings.fact_time_slack_widens_below_days)
    return [(i, j, cos) for i, j, cos in pairs if not blocks.blocked(i, j)]


def fact_edges(claims: list[Claim], vectors: np.ndarray, settings: Settings | None = None,
               model: PairModel | None = None, tokens: list[TokenVectors] | None = None
               ) -> list[tuple[int, int, float, float]]:
    """Candidate pairs of claims as (i, j, probability of one fact, cosine); `tokens`, each
    claim's token vectors, when the embedder gave them."""
    settings = settings or Settings()
    model = model or load(settings.pair_model)
    pairs = claim_candidates(claims, vectors, settings)
    if not pairs:
        return []
    features = PairFeatures(claims, vectors, tokens, settings.token_alignment_dims)
    probability = model.probability(features.rows(pairs))
    return [(i, j, float(p), cos) for (i, j, cos), p in zip(pairs, probability)]


def link_facts(claims: list[Claim], vectors: np.ndarray, edges: list[tuple[int, int, float, float]],
               settings: Settings | None = None) -> list[list[int]]:
    """Facts as lists of claim indices, by constrained average linkage over `edges`."""
    settings = (settings or Settings()).resolved()
    subjects, mentions = _persons(claims)
    nodes = [node_of(c.time, c.source, (c.source, c.sentence), False, subjects[i], mentions[i],
                     settings.fact_time_slack_days, settings.fact_time_slack_widens_below_days)
             for i, c in enumerate(claims)]
    clusters = average_linkage(nodes, vectors, edges, settings.fact_link, settings.fact_average, missing=0.0,
                               within_source_link=settings.fact_link_within_source)
    clusters = [c for c in clusters if not (len(c) == 1 and claims[c[0]].kind == "statement")]
    return _join_statements(claims, clusters)


def group_facts(claims: list[Claim], vectors: np.ndarray, settings: Settings | None = None,
                model: PairModel | None = None, tokens: list[TokenVectors] | None = None) -> list[list[int]]:
    """Facts as lists of claim indices. Statement claims join only through what they announced."""
    return link_facts(claims, vectors, fact_edges(claims, vectors, settings, model, tokens), settings)


def _same_speaker(a: Claim, b: Claim) -> bool:
    sa, sb = a.attribution, b.attribution
    if not sa.speaker or not sb.speaker:
        return False
    if sa.kind == "person" and sb.kind == "person":
        return same_person(sa.speaker, sb.speaker)
    if sa.speaker_key and sa.speaker_key == sb.speaker_key:
        return True
    return same_org(sa.speaker, sb.speaker) or same_person(sa.speaker, sb.speaker)


def _join_statements(claims: list[Claim], clusters: list[list[int]]) -> list[list[int]]:
    """Dated statements of one speaker whose reported claims share a fact become one fact."""
    fact_of = {i: n for n, members in enumerate(clusters) for i in members}
    by_sentence: dict[tuple, set[int]] = {}
    for i, c in enumerate(claims):
        if i in fact_of and c.kind not in ("statement", "description"):  # not the speaker's description
            by_sentence.setdefault((c.source, c.sentence), set()).add(fact_of[i])
    statements = [i for i, c in enumerate(claims) if c.kind == "statement"]
    reported = {s: by_sentence.get((claims[s].source, claims[s].sentence), set()) for s in statements}
    reporting: dict[int, list[int]] = {}  # fact → the statements whose sentence reports it
    for s in statements:
        for f in reported[s]:
            reporting.setdefault(f, []).append(s)
    joined: list[list[int]] = []
    used: set[int] = set()
    for x in statements:
        if x in used:
            continue
        group = [x]
        candidates = sorted({y for f in reported[x] for y in reporting[f]})
        for y in candidates:
            if y != x and y not in used and claims[y].source != claims[x].source \
                    and _same_speaker(claims[x], claims[y]):
                group.append(y)
        if len({claims[i].source for i in group}) > 1:
            used.update(group)
            joined.append(sorted(group))
    return clusters + joined


def __getattr__(name: str):
    """`group_events`, which moved to `checker.group.events` (imported on use: that module imports this one)."""
    if name == "group_events":
        from checker.group.events import group_events

        return group_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
