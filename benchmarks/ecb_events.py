"""Event grouping on ECB+: checker vs the naive TF-IDF baseline, per topic, same scorer.

usage: python benchmarks/ecb_events.py [--shared ../shared] [--topics 1,2,3] [--out benchmarks/out/ecb]

Runs checker on each topic's documents (each topic mixes two similar but different events),
writes report.json, runs ../shared/eval/naive_report.py on the same folder, scores both with
../shared/eval/score_ecb.py and prints per-topic and mean pairwise F1 and B-cubed F1 side by
side, with the ratio checker / baseline.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.pair_data import ecb_topics, load_module  # noqa: E402




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--topics", default="")
    ap.add_argument("--out", default="benchmarks/out/ecb")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    scorer = load_module(shared / "eval" / "score_ecb.py", "score_ecb")
    topics = ecb_topics(shared, args.topics)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from checker.embed.embedder import SentenceTransformerEmbedder
    from checker.pipeline import run
    from checker.report.json_report import write_json

    embedder = SentenceTransformerEmbedder()
    rows = []
    started = time.perf_counter()
    for topic in topics:
        t0 = time.perf_counter()
        report = run([topic / "docs"], store=out / "store", embedder=embedder)
        ours = out / f"{topic.name}.checker.json"
        write_json(report, ours)
        seconds = time.perf_counter() - t0
        naive = out / f"{topic.name}.naive.json"
        subprocess.run([sys.executable, str(shared / "eval" / "naive_report.py"), str(topic / "docs"), str(naive)],
                       check=True)
        a, b = scorer.score(ours, topic), scorer.score(naive, topic)
        rows.append((topic.name, a, b, seconds))
        print(f"{topic.name:9} checker pair_f1={a['pair_f1']:.3f} b3_f1={a['b3_f1']:.3f} | "
              f"naive pair_f1={b['pair_f1']:.3f} b3_f1={b['b3_f1']:.3f} | {seconds:5.1f}s", flush=True)
    mean = lambda k, i: statistics.mean(r[i][k] for r in rows)  # noqa: E731
    print()
    print(f"{'mean over':9} {len(rows)} topics      checker    naive    checker/naive")
    for k in ("pair_p", "pair_r", "pair_f1", "b3_p", "b3_r", "b3_f1"):
        ratio = mean(k, 1) / mean(k, 2) if mean(k, 2) else float("inf")
        print(f"{k:>22}      {mean(k, 1):.3f}     {mean(k, 2):.3f}    {ratio:.2f}x")
    print(f"{'time':>22}      {time.perf_counter() - started:.0f}s")
    (out / "summary.json").write_text(json.dumps([{"topic": r[0], "checker": r[1], "naive": r[2]} for r in rows],
                                                 indent=1))


if __name__ == "__main__":
    main()
