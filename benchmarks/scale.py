"""checker at scale on ECB+: cost against the embedding floor, growth, memory, quality.

usage: python benchmarks/scale.py [--shared ../shared] [--fractions 4,2,1] [--quality] [--workers N]

The corpus is every ECB+ article (all 33 topics mixed, one run); fractions take every 4th
and every 2nd file. For each size, each in a fresh process:
- cold: `checker run` with an empty store (wall time, peak memory, time per stage);
- floor: embedding the same claims alone with the same model and batch size (every claim the
  run extracted, each distinct text once; the model is loaded before the clock starts);
- warm: `checker run` again on the same input and store.
Both runs write every report, as `checker run` does. "bound" is the cold/floor ratio no
schedule could beat with this much work: extraction's and the floor's CPU time spread over
every core, with nothing else counted.
Ratios are computed within this run: cold / floor, warm / cold, and time and memory growth
from one size to the next. Peak memory is the main process's; "+workers" adds the extraction
worker processes' peak (each at most the largest child's), an upper bound of the whole run. --quality also scores events with ../shared/eval/score_ecb.py:
the mixed full-corpus run, cut per topic, against one run per topic.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[1]

CHILD_RUN = textwrap.dedent("""
    import json, resource, sys, time
    t0 = time.perf_counter()
    from checker.pipeline import run
    from checker.report import write_reports
    def cpu():  # this process and its finished children (the extraction workers), in core-seconds
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    class Stages:
        def __init__(self): self.name, self.t, self.c, self.times, self.cpu = None, time.perf_counter(), cpu(), {}, {}
        def stage(self, name, total=None):
            now, c = time.perf_counter(), cpu()
            if self.name:
                self.times[self.name] = self.times.get(self.name, 0) + now - self.t
                self.cpu[self.name] = self.cpu.get(self.name, 0) + c - self.c
            self.name, self.t, self.c = name, now, c
        def advance(self, n=1): pass
    stages = Stages()
    workers = int(sys.argv[4]) if sys.argv[4] != "auto" else None
    report = run([sys.argv[1]], store=sys.argv[2], progress=stages, workers=workers)
    stages.stage("writing reports")                # as `checker run` does
    write_reports(report, sys.argv[3])
    stages.stage(None)
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "stages": stages.times, "stage_cpu": stages.cpu, "cpu": cpu(),
                      "claims": len(report.claims),
                      "facts": len(report.facts), "events": len(report.events),
                      "embedded": int(report.settings["embedded"]), "reused": int(report.settings["articles_reused"]),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
""")

CHILD_FLOOR = textwrap.dedent("""
    import json, sqlite3, sys, time
    from checker.embed.embedder import SentenceTransformerEmbedder
    db = sqlite3.connect(sys.argv[1])
    # every claim the run embedded: all extracted claims, also those later left out of facts
    texts = [c.get("standalone") or c["text"] for (d,) in db.execute("SELECT data FROM extractions")
             for c in json.loads(d)["claims"]]
    texts = sorted(set(texts), key=len)
    embedder = SentenceTransformerEmbedder()
    embedder.embed(texts[:8])                      # model loaded before the clock starts
    t, c = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), 1024):           # the batches the pipeline uses
        embedder.embed(texts[i:i + 1024])
    print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "texts": len(texts)}))
""")


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def workers_used(cold: dict) -> int:
    """Extraction worker processes alive beside the main one (0 when extraction ran inline)."""
    if cold["worker_peak_mb"] < 100:  # only short-lived helpers ran
        return 0
    from checker.engines.local import default_workers

    return default_workers()


def bound(cold: dict, floor: dict, cores: int) -> float:
    """The lowest cold/floor any schedule could reach with this work: claim extraction's CPU
    time plus the floor's, spread perfectly over every core, nothing else (no start-up,
    grouping, judging or reports), over the floor's time."""
    return (cold["stage_cpu"]["extracting claims"] + floor["cpu"]) / cores / floor["seconds"]


def corpus(ecb: pathlib.Path, folder: pathlib.Path, every: int) -> int:
    files = sorted((p for t in ecb.iterdir() if t.name.startswith("topic_") for p in (t / "docs").glob("*.txt")),
                   key=lambda p: p.name)[::every]
    folder.mkdir(parents=True)
    for f in files:
        (folder / f.name).symlink_to(f)
    return len(files)


def quality(shared: pathlib.Path, full_report: pathlib.Path, tmp: pathlib.Path, store: pathlib.Path, workers: str):
    spec = importlib.util.spec_from_file_location("score_ecb", shared / "eval" / "score_ecb.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    full = json.loads(full_report.read_text())
    mixed, alone = [], []
    for topic in sorted((shared / "dev" / "ecbplus").iterdir(), key=lambda p: int(p.name.split("_")[1])):
        docs = {p.stem for p in (topic / "docs").glob("*.txt")}
        cut = dict(full, facts=[dict(f, claims=[c for c in f["claims"] if c["source"] in docs]) for f in full["facts"]])
        cut["facts"] = [f for f in cut["facts"] if f["claims"]]
        path = tmp / f"{topic.name}.mixed.json"
        path.write_text(json.dumps(cut))
        mixed.append(scorer.score(path, topic))
        own = tmp / f"{topic.name}.alone"
        child(CHILD_RUN, str(topic / "docs"), str(store), str(own), workers)
        alone.append(scorer.score(own / "report.json", topic))
    mean = lambda rows, k: statistics.mean(r[k] for r in rows)  # noqa: E731
    print("\nevent grouping on ECB+, mean over 33 topics (score_ecb.py)")
    print(f"{'':32} {'pair F1':>8} {'B-cubed F1':>10}")
    print(f"{'all topics mixed in one run':32} {mean(mixed, 'pair_f1'):>8.3f} {mean(mixed, 'b3_f1'):>10.3f}")
    print(f"{'one run per topic':32} {mean(alone, 'pair_f1'):>8.3f} {mean(alone, 'b3_f1'):>10.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--fractions", default="4,2,1", help="every Nth article: 4 = a quarter")
    ap.add_argument("--workers", default="auto")
    ap.add_argument("--quality", action="store_true")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for every in (int(x) for x in args.fractions.split(",")):
            folder, store = tmp / f"corpus_{every}", tmp / f"store_{every}"
            articles = corpus(shared / "dev" / "ecbplus", folder, every)
            cold = child(CHILD_RUN, str(folder), str(store), str(tmp / f"out_{every}"), args.workers)
            floor = child(CHILD_FLOOR, str(store / "checker.db"))
            warm = child(CHILD_RUN, str(folder), str(store), str(tmp / f"warm_{every}"), args.workers)
            rows.append((every, articles, cold, floor, warm))
            print(f"1/{every}: {articles} articles, cold {cold['seconds']:.0f}s, floor {floor['seconds']:.0f}s, "
                  f"warm {warm['seconds']:.1f}s; stages " +
                  ", ".join(f"{k} {v:.1f}s" for k, v in cold["stages"].items()), flush=True)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"\n{'corpus':>7} {'articles':>8} {'claims':>7} {'cold':>7} {'floor':>7} {'cold/floor':>10} {'bound':>6} "
              f"{'warm':>6} {'warm/cold':>9} {'peak mem':>9} {'+workers':>9} {'time growth':>11} {'mem growth':>10}")
        prev = None
        for every, articles, cold, floor, warm in rows:
            growth = mgrowth = ""
            total_mb = cold["peak_mb"] + workers_used(cold) * cold["worker_peak_mb"]
            if prev:
                growth = f"{cold['seconds'] / prev[2]['seconds']:.2f}x"
                mgrowth = f"{total_mb / prev[3]:.2f}x"
            print(f"{'1/' + str(every) if every > 1 else 'all':>7} {articles:>8} {cold['claims']:>7} "
                  f"{cold['seconds']:>6.0f}s {floor['seconds']:>6.0f}s {cold['seconds'] / floor['seconds']:>9.2f}x "
                  f"{bound(cold, floor, cores):>5.2f}x "
                  f"{warm['seconds']:>5.1f}s {warm['seconds'] / cold['seconds']:>8.2f}x "
                  f"{cold['peak_mb'] / 1024:>7.2f}GiB {total_mb / 1024:>7.2f}GiB {growth:>11} {mgrowth:>10}")
            prev = (every, articles, cold, total_mb)
        if args.quality and rows[-1][0] == 1:
            quality(shared, tmp / "out_1" / "report.json", tmp, tmp / "store_1", args.workers)


if __name__ == "__main__":
    main()
