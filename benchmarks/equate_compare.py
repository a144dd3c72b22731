"""`checker compare` on EQUATE numeric paraphrase pairs (NewsNLI, RTE_Quant).

usage: python benchmarks/equate_compare.py [--shared ../shared] [--show N]

An entailment pair ("79 fatalities" / "took the lives of 79") must never be called a
contradiction. Prints, per set and label, how often each relation was given, the false
contradiction rate on entailment pairs, and the pairs behind any such false alarm.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    from checker.compare import compare_many

    for name in ("NewsNLI", "RTE_Quant"):
        rows = [json.loads(line) for line in open(pathlib.Path(args.shared) / "dev" / "equate" / f"{name}.jsonl",
                                                  encoding="utf-8")]
        t0 = time.perf_counter()
        results = compare_many([(r["id"], r["premise"], r["hypothesis"]) for r in rows])
        seconds = time.perf_counter() - t0
        table = collections.Counter((r["label"], res.relation) for r, res in zip(rows, results))
        labels = sorted({r["label"] for r in rows})
        print(f"\n{name}: {len(rows)} pairs in {seconds:.0f}s")
        for label in labels:
            n = sum(v for (lab, _), v in table.items() if lab == label)
            dist = ", ".join(f"{rel} {table[(label, rel)]}" for rel in ("corroborates", "contradicts", "unrelated"))
            print(f"  {label:<11} {n:4}  {dist}")
        entail = [(r, res) for r, res in zip(rows, results) if r["label"] == "entailment"]
        false = [(r, res) for r, res in entail if res.relation == "contradicts"]
        print(f"  false contradictions on entailment pairs: {len(false)}/{len(entail)} = "
              f"{len(false) / max(1, len(entail)):.1%}")
        for r, res in false[: args.show]:
            print(f"    [{res.kind}] {res.detail}\n      P: {r['premise'][:150]}\n      H: {r['hypothesis'][:150]}")


if __name__ == "__main__":
    main()
