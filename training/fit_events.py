"""Choose the story thresholds (articles → stories → events) by leave-one-topic-out on ECB+.

usage: python training/fit_events.py [--shared ../shared] [--topics 1,2,3]

Each ECB+ topic (1–35 as shipped in ../shared/dev/ecbplus) is read, its claims extracted,
embedded and grouped into facts once (cached in benchmarks/out/ecb/store). Then for every
(story_link, story_average) on a grid, events are built and scored with
../shared/eval/score_ecb.py. For each topic, the grid point that is best on the *other* topics
scores it: the mean of those held-out figures is what to quote. The point best over all topics
is printed as the values for checker/settings.py.
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
    grid = [(link, avg) for link, avg in itertools.product(LINKS, AVERAGES) if avg <= link]
    scores: dict[str, dict[tuple, dict]] = {}
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="events_"))
    for topic in topics:
        sources, claims, vectors, facts, members = topic_inputs(topic / "docs", embedder,
                                                               ROOT / "benchmarks" / "out" / "ecb" / "store")
        scores[topic.name] = {}
        for link, avg in grid:
            settings = Settings(story_link=link, story_average=avg)
            groups = group_events_by_story(facts, members, claims, vectors, sources, settings=settings)
            path = tmp / f"{topic.name}.json"
            path.write_text(json.dumps(events_report(claims, facts, groups)))
            scores[topic.name][(link, avg)] = scorer.score(path, topic)
        print(topic.name, "done", flush=True)

    def mean(point, names, key):
        return statistics.mean(scores[n][point][key] for n in names)

    held = {"pair_f1": [], "b3_f1": []}
    for name in scores:
        others = [n for n in scores if n != name]
        point = max(grid, key=lambda p: (mean(p, others, "pair_f1") + mean(p, others, "b3_f1"), p))
        for k in held:
            held[k].append(scores[name][point][k])
    default = (Settings().story_link, Settings().story_average)
    best = max(grid, key=lambda p: (mean(p, scores, "pair_f1") + mean(p, scores, "b3_f1"), p))
    print(f"leave-one-topic-out over {len(scores)} topics: pair F1 {statistics.mean(held['pair_f1']):.3f}, "
          f"B3 F1 {statistics.mean(held['b3_f1']):.3f}")
    print(f"current settings {default}: pair F1 {mean(default, scores, 'pair_f1'):.3f}, "
          f"B3 F1 {mean(default, scores, 'b3_f1'):.3f}" if default in grid else f"current settings {default}")
    print(f"best on all topics: story_link={best[0]} story_average={best[1]}: pair F1 "
          f"{mean(best, scores, 'pair_f1'):.3f}, B3 F1 {mean(best, scores, 'b3_f1'):.3f}")


if __name__ == "__main__":
    main()
