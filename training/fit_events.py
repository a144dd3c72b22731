"""Choose the story thresholds (articles → stories → events) by leave-one-topic-out on ECB+.

usage: python training/fit_events.py [--shared ../shared] [--topics 1,2,3]

Each ECB+ topic (1–35 as shipped in ../shared/dev/ecbplus) is read, its claims extracted,
embedded and grouped into facts once (cached in benchmarks/out/ecb/store). Stage 1: for every
point of a grid over the story thresholds (link, average, lexical weight, lead length, flashback
days), events are built and scored with ../shared/eval/score_ecb.py. Stage 2: at each story point
some fold chose, a grid over the thresholds of facts outside a story (event link, average,
lexical weight, soft-time penalty). Each topic is scored at the point best on the *other* topics:
the mean of those held-out figures is what to quote. The point best over all topics is printed as the values for checker/settings.py.
"""
from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import statistics
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.pair_data import SHARED, ecb_topics, load_module  # noqa: E402

LINKS = (0.5, 0.55, 0.6, 0.65, 0.7)
AVERAGES = (0.45, 0.5, 0.55, 0.6)
LEXICAL = (0.25, 0.5, 0.75)
LEADS = (4, 6, 9)
FLASHBACK_DAYS = (30, 60, 120)
NAMES = ("story_link", "story_average", "story_lexical_weight", "story_lead", "story_flashback_days")
EVENT_LINKS = (0.35, 0.45, 0.55)
EVENT_AVERAGES = (0.25, 0.35, 0.45)
EVENT_LEXICAL = (0.2, 0.35, 0.5)
SOFT_TIME_PENALTIES = (0.1, 0.2, 0.3)
EVENT_NAMES = ("event_link", "event_average", "event_lexical_weight", "soft_time_penalty")


def topic_inputs(docs: pathlib.Path, embedder, store: pathlib.Path):
    """Sources, claims, vectors, facts and their members for one topic, as a run makes them."""
    from checker.embed.embedder import embed_texts_and_tokens
    from checker.engines.local import extract_all, make_engine
    from checker.judge.verdicts import build_facts
    from checker.group.facts import group_facts
    from checker.ingest.read import load_sources
    from checker.store.database import Store

    sources = load_sources([docs]).sources
    with Store(store) as db:
        claims, sources, _ = extract_all(sources, engine=make_engine("local"), cache=db)
        vectors, tokens, _ = embed_texts_and_tokens([c.standalone or c.text for c in claims], embedder, db)
    facts = build_facts(group_facts(claims, vectors, tokens=tokens), claims, sources, vectors)
    index = {c.id: i for i, c in enumerate(claims)}
    members = [[index[cid] for cid in f.claims] for f in facts]
    return sources, claims, vectors, facts, members


def events_report(claims, facts, groups) -> dict:
    """The report.json contract as score_ecb.py reads it: facts with claims and their event."""
    event_of = {k: f"e{n}" for n, g in enumerate(groups) for k in g}
    by_id = {c.id: c for c in claims}
    return {"facts": [{"id": f.id, "event": event_of.get(k),
                       "claims": [{"id": cid, "source": by_id[cid].source, "start": by_id[cid].start,
                                   "end": by_id[cid].end} for cid in f.claims]}
                      for k, f in enumerate(facts)]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(SHARED))
    ap.add_argument("--topics", default="")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    scorer = load_module(shared / "eval" / "score_ecb.py", "score_ecb")
    topics = ecb_topics(shared, args.topics)

    from checker.embed.embedder import SentenceTransformerEmbedder
    from checker.settings import Settings
    from checker.group.events import group_events_by_story

    embedder = SentenceTransformerEmbedder()
    grid = [p for p in itertools.product(LINKS, AVERAGES, LEXICAL, LEADS, FLASHBACK_DAYS) if p[1] <= p[0]]
    event_grid = [p for p in itertools.product(EVENT_LINKS, EVENT_AVERAGES, EVENT_LEXICAL, SOFT_TIME_PENALTIES)
                  if p[1] <= p[0]]
    inputs = {topic.name: (topic, topic_inputs(topic / "docs", embedder, ROOT / "benchmarks" / "out" / "ecb" / "store"))
              for topic in topics}
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="events_"))

    def score(name: str, values: dict) -> dict:
        topic, (sources, claims, vectors, facts, members) = inputs[name]
        groups = group_events_by_story(facts, members, claims, vectors, sources, settings=Settings(**values))
        path = tmp / f"{name}.json"
        path.write_text(json.dumps(events_report(claims, facts, groups)))
        return scorer.score(path, topic)

    # Stage 1, the story thresholds; stage 2, the thresholds of facts outside a story, at each
    # story point some held-out fold chose. Each topic is scored at the point best on the others.
    stage1 = {name: {p: score(name, dict(zip(NAMES, p))) for p in grid} for name in inputs}
    names = list(inputs)

    current = Settings()
    now1 = tuple(getattr(current, n) for n in NAMES)
    now2 = tuple(getattr(current, n) for n in EVENT_NAMES)

    def best(table, points, among):
        """The point with the best summed F1 over `among`; on a tie the current settings' point, so a
        flat grid changes nothing."""
        def key(p):
            story, event = (p, None) if p in grid else p
            return (sum(table[n][p]["pair_f1"] + table[n][p]["b3_f1"] for n in among),
                    story == now1 and event in (None, now2), p)
        return max(points, key=key)

    chosen1 = {name: best(stage1, grid, [n for n in names if n != name]) for name in names}
    overall1 = best(stage1, grid, names)
    stage2 = {name: {} for name in names}
    for p in set(chosen1.values()) | {overall1}:
        for e in event_grid:
            values = {**dict(zip(NAMES, p)), **dict(zip(EVENT_NAMES, e))}
            for name in names:
                stage2[name][(p, e)] = score(name, values)
    held = {"pair_f1": [], "b3_f1": []}
    for name in names:
        others = [n for n in names if n != name]
        e = best(stage2, [(chosen1[name], e) for e in event_grid], others)
        for k in held:
            held[k].append(stage2[name][e][k])
    final = best(stage2, [(overall1, e) for e in event_grid], names)
    now = {name: score(name, {n: getattr(current, n) for n in NAMES + EVENT_NAMES}) for name in names}
    print(f"leave-one-topic-out over {len(names)} topics: pair F1 {statistics.mean(held['pair_f1']):.3f}, "
          f"B3 F1 {statistics.mean(held['b3_f1']):.3f}")
    print(f"current settings: pair F1 {statistics.mean(r['pair_f1'] for r in now.values()):.3f}, "
          f"B3 F1 {statistics.mean(r['b3_f1'] for r in now.values()):.3f}")
    print(f"best on all topics: {dict(zip(NAMES + EVENT_NAMES, final[0] + final[1]))}: pair F1 "
          f"{statistics.mean(stage2[n][final]['pair_f1'] for n in names):.3f}, "
          f"B3 F1 {statistics.mean(stage2[n][final]['b3_f1'] for n in names):.3f}")


if __name__ == "__main__":
    main()
