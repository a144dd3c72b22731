"""Grouping and verdicts on the keyed dev stories: checker beside the two baselines, same scorer.

usage: python benchmarks/news_dev.py [--shared ../shared] [--quick] [--keys DIR ...] [--stories a,b]
                                     [--cv] [--out benchmarks/out/news_dev]

Runs checker on every story that has an answer key (../shared/gold/dev, and any --keys folder), in
one process with the models loaded once, scores each report with ../shared/eval/score.py and prints
micro-averaged figures over the stories: pair recall / precision / F1, discrepancy recall, trap
alarms, split errors, noise claims, and where the discrepancies checker raises land in the keys
(disc_precision: of those raised on keyed claims, the share the key has as discrepancies).
Beside them, on the same stories, the TF-IDF sentence baseline (eval/naive_report.py) and plain
MiniLM clustering (eval/st_report.py).

--cv scores every story with a pair model fitted without that story (leave-one-story-out over all
the keys given): the figure to quote for anything fitted. Without it the shipped model is used,
which was fitted on these very stories. --quick prints checker's figures only (shipped model), as
one JSON object on the last line.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.pair_data import load_module, story_folder  # noqa: E402


def raised_discrepancies(report_path: str, key_path: str, scorer) -> dict:
    """Where the discrepancies a report raises land in the key: on a key's discrepancy, on one of
    its traps (consistent pairs), across two different gold facts (false by the key: two
    propositions), within one gold fact but not keyed as differing, or on claims the key does not
    mention. The scorer reads recall only; this reads how many raised are right."""
    report = json.loads(pathlib.Path(report_path).read_text(encoding="utf-8"))
    gold = json.loads(pathlib.Path(key_path).read_text(encoding="utf-8"))
    claims = {c["id"]: c for f in report.get("facts", []) for c in f.get("claims", [])}
    spans = [(f["id"], e) for f in gold["facts"] for e in f["evidence"]]

    def on(pairs, a, b):
        return any(scorer.covers(a, p["a"]) and scorer.covers(b, p["b"]) or
                   scorer.covers(a, p["b"]) and scorer.covers(b, p["a"]) for p in pairs)

    out = dict.fromkeys(("raised", "on_key", "on_trap", "across_facts", "within_fact", "unkeyed"), 0)
    for fact in report.get("facts", []):
        for d in fact.get("discrepancies", []) or []:
            ids = [i["id"] if isinstance(i, dict) else i for i in d.get("claims") or d.get("between") or []]
            if len(ids) < 2 or not all(i in claims for i in ids[:2]):
                continue
            a, b = claims[ids[0]], claims[ids[1]]
            ga = {fid for fid, e in spans if scorer.covers(a, e)}
            gb = {fid for fid, e in spans if scorer.covers(b, e)}
            out["raised"] += 1
            where = ("on_key" if on(gold["discrepancies"], a, b) else "on_trap" if on(gold["traps"], a, b)
                     else "within_fact" if ga & gb else "across_facts" if ga and gb else "unkeyed")
            out[where] += 1
    return out


def micro(results: list[dict]) -> dict:
    """Micro-averaged figures over stories, from each score's raw counts."""
    total = {k: sum(r["counts"][k] for r in results) for k in results[0]["counts"]} if results else {}
    raised = {k: sum(r.get("raised", {}).get(k, 0) for r in results) for k in
              ("raised", "on_key", "on_trap", "across_facts", "within_fact", "unkeyed")}
    rec = total.get("pair_hit", 0) / total["pair_total"] if total.get("pair_total") else 0.0
    prec = total.get("prec_good", 0) / total["prec_seen"] if total.get("prec_seen") else 0.0
    f1 = 2 * rec * prec / (rec + prec) if rec + prec else 0.0
    return {
        "stories": len(results),
        "pair_recall": round(rec, 3), "pair_precision": round(prec, 3), "pair_f1": round(f1, 3),
        "disc_recall": round(total["disc_found"] / total["disc_total"], 3) if total.get("disc_total") else None,
        "disc_found": total.get("disc_found", 0), "disc_total": total.get("disc_total", 0),
        "trap_alarms": sum(len(r["trap_alarms"]) for r in results),
        "split_errors": sum(len(r["split_errors"]) for r in results),
        "noise_claims": sum(len(r["noise_claims"]) for r in results),
        # of the discrepancies raised on claims the key mentions, the share that the key has
        "disc_precision": round(raised["on_key"] / (raised["raised"] - raised["unkeyed"]), 3)
        if raised["raised"] > raised["unkeyed"] else None,
        "disc_raised": raised,
    }


def run_checker(stories, out: pathlib.Path, scorer, models: dict | None = None) -> list[dict]:
    """Score checker on each (key, folder); `models` maps a story to the pair model to use."""
    from checker.embed.embedder import SentenceTransformerEmbedder
    from checker.pipeline import run
    from checker.report.json_report import write_json
    from checker.settings import Settings

    embedder = SentenceTransformerEmbedder()
    results = []
    for key, folder in stories:
        settings = Settings(pair_model=models[key.stem]) if models else None
        report = run([folder], store=out / "store", embedder=embedder, settings=settings)
        path = out / f"{key.stem}.checker.json"
        write_json(report, path)
        results.append(scorer.score(str(path), str(key)) | {"raised": raised_discrepancies(str(path), str(key), scorer)})
    return results


def run_baseline(script: pathlib.Path, stories, out: pathlib.Path, scorer) -> list[dict]:
    results = []
    for key, folder in stories:
        path = out / f"{key.stem}.{script.stem}.json"
        subprocess.run([sys.executable, str(script), str(folder), str(path)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results.append(scorer.score(str(path), str(key)) | {"raised": raised_discrepancies(str(path), str(key), scorer)})
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keys", action="append", default=[], help="another folder of answer keys")
    ap.add_argument("--stories", default="", help="comma-separated key stems to run (default: all)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    scorer = load_module(shared / "eval" / "score.py", "score")
    keys = sorted((shared / "gold" / "dev").glob("*-*.json"))
    for folder in args.keys:
        keys += sorted(pathlib.Path(folder).glob("*-*.json"))
    if args.stories:
        wanted = set(args.stories.split(","))
        keys = [k for k in keys if k.stem in wanted]
    stories = [(k, story_folder(k, shared)) for k in keys if story_folder(k, shared).is_dir()]
    out = pathlib.Path(args.out) if args.out else pathlib.Path(tempfile.mkdtemp(prefix="news_dev_"))
    out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    models = None
    if args.cv:
        from training.pair_data import leave_one_out_models
        models = leave_one_out_models([k for k, _ in stories], shared)
    ours = run_checker(stories, out, scorer, models)
    figures = micro(ours) | {"seconds": round(time.perf_counter() - started, 1)}
    if args.quick:
        print(json.dumps(figures))
        return
    print(f"{'story':28} {'pairs F1':>8} {'R':>6} {'P':>6} {'disc':>6} {'traps':>5} {'splits':>6}")
    for (key, _), r in zip(stories, ours):
        disc = "-" if r["disc_recall"] is None else f"{r['disc_recall']:.2f}"
        print(f"{key.stem:28} {r['pair_f1']:8.3f} {r['pair_recall']:6.3f} {r['pair_precision']:6.3f} {disc:>6} "
              f"{len(r['trap_alarms']):5} {len(r['split_errors']):6}")
    rows = {"checker" + (" (cv by story)" if args.cv else ""): figures}
    rows["TF-IDF baseline"] = micro(run_baseline(shared / "eval" / "naive_report.py", stories, out, scorer))
    rows["MiniLM clustering"] = micro(run_baseline(shared / "eval" / "st_report.py", stories, out, scorer))
    print()
    print(f"micro-averaged over {len(stories)} stories")
    cols = ("pair_f1", "pair_recall", "pair_precision", "disc_recall", "disc_precision", "trap_alarms", "split_errors",
            "noise_claims")
    print(f"{'':22}" + "".join(f"{c:>15}" for c in cols))
    for name, r in rows.items():
        print(f"{name:22}" + "".join(f"{'-' if r[c] is None else r[c]!s:>15}" for c in cols))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
