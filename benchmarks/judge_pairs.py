"""The judge on labelled sentence pairs: the project's own news pairs and pairs from the dev keys.

usage: python benchmarks/judge_pairs.py [--shared ../shared] [--show N] [--supports N]

- tests/data/news_pairs.jsonl: a, b, label in {corroborates, contradicts, unrelated}; prints accuracy
  and the confusion table.
- ../shared/gold/dev/*.json: each `discrepancies` a/b pair should be judged `contradicts`, each
  `traps` pair not; evidence pairs of one fact from two sources, both with stance `supports`,
  should be `corroborates` (at most --supports such pairs per fact). Each span is judged as the
  sentence it lies in, dated by its source's publication day.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import itertools
import json
import pathlib
import re
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) around text[start:end]: from the previous end of sentence or
    line to the next one."""
    left = max(text.rfind("\n", 0, start), *(m.end() - 1 for m in re.finditer(r"[.!?][”\"’]?\s", text[:start])), -1)
    m = re.search(r"[.!?][”\"’]?(?=\s|$)|\n", text[end:])
    right = end + (m.end() if m else len(text) - end)
    return " ".join(text[left + 1:right].split())


def dev_pairs(shared: pathlib.Path, per_fact: int) -> list[dict]:
    """Labelled pairs from the dev keys: discrepancy, trap and support pairs."""
    out = []
    for key in sorted((shared / "gold" / "dev").glob("*.json")):
        corpus, folder = key.stem.split("-", 1)
        story = shared / "dev" / "news" / corpus / folder
        meta = json.loads((story / "sources.json").read_text(encoding="utf-8"))
        texts = {p.stem: p.read_text(encoding="utf-8") for p in story.glob("*.txt")}
        day = {pathlib.Path(k).stem: v.get("published") for k, v in meta.items()}
        gold = json.loads(key.read_text(encoding="utf-8"))

        def span(e):
            return sentence_of(texts[e["source"]], e["start"], e["end"]), day.get(e["source"])

        for d in gold.get("discrepancies", []):
            out.append(dict(set="discrepancy", story=key.stem, id=d["id"], a=span(d["a"]), b=span(d["b"])))
        for t in gold.get("traps", []):
            out.append(dict(set="trap", story=key.stem, id=t["id"], a=span(t["a"]), b=span(t["b"])))
        for f in gold.get("facts", []):
            sup = [e for e in f["evidence"] if e.get("stance") == "supports"]
            cross = [(x, y) for x, y in itertools.combinations(sup, 2) if x["source"] != y["source"]]
            for x, y in cross[:per_fact]:
                out.append(dict(set="support", story=key.stem, id=f["id"], a=span(x), b=span(y)))
    return out


def judge(rows: list[tuple[str, str, str, str | None]]):
    """Verdicts for (id, a, b, published) rows, grouped by publication day."""
    from checker.compare import compare_many

    results = {}
    by_day = collections.defaultdict(list)
    for pid, a, b, day in rows:
        by_day[day].append((pid, a, b))
    for day, triples in by_day.items():
        published = dt.date.fromisoformat(day) if day else None
        for res in compare_many(triples, published=published):
            results[res.id] = res
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show", type=int, default=8)
    ap.add_argument("--supports", type=int, default=2, help="support pairs per fact")
    args = ap.parse_args()
    t0 = time.perf_counter()

    own = [json.loads(line) for line in open(ROOT / "tests" / "data" / "news_pairs.jsonl", encoding="utf-8")]
    res = judge([(f"own{i}", r["a"], r["b"], None) for i, r in enumerate(own)])
    right = [res[f"own{i}"].relation == r["label"] for i, r in enumerate(own)]
    table = collections.Counter((r["label"], res[f"own{i}"].relation) for i, r in enumerate(own))
    print(f"news pairs: {sum(right)}/{len(own)} right")
    for label in ("corroborates", "contradicts", "unrelated"):
        print(f"  {label:<13}" + "  ".join(f"{rel} {table[(label, rel)]}" for rel in
                                            ("corroborates", "contradicts", "unrelated")))
    wrong = [(r, res[f"own{i}"]) for i, r in enumerate(own) if not right[i]]
    for r, v in wrong[:args.show]:
        print(f"    want {r['label']}, got {v.relation} ({v.kind}): {v.detail[:90]}\n      A: {r['a']}\n      B: {r['b']}")

    shared = pathlib.Path(args.shared)
    if not (shared / "gold" / "dev").is_dir():
        print(f"no dev keys under {shared}")
        return
    pairs = dev_pairs(shared, args.supports)
    rows = []
    for n, p in enumerate(pairs):
        p["key"] = f"dev{n}"
        (a, da), (b, db) = p["a"], p["b"]
        rows.append((p["key"], a, b, da or db))
    res = judge(rows)
    for name, want in (("discrepancy", "contradicts"), ("trap", "contradicts"), ("support", "corroborates")):
        sel = [p for p in pairs if p["set"] == name]
        hit = [p for p in sel if res[p["key"]].relation == want]
        print(f"dev {name} pairs judged {want}: {len(hit)}/{len(sel)}")
        show = sel if name == "trap" else [p for p in sel if p not in hit]
        show = [p for p in show if (res[p["key"]].relation == want) == (name == "trap")]
        for p in show[:args.show]:
            v = res[p["key"]]
            print(f"    {p['story']}/{p['id']}: {v.relation} ({v.kind}) {v.detail[:100]}\n"
                  f"      A: {p['a'][0][:160]}\n      B: {p['b'][0][:160]}")
    print(f"({time.perf_counter() - t0:.0f}s)")


if __name__ == "__main__":
    main()
