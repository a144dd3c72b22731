"""The review UI's start-up and scrolling, on the seeds and on a store of thousands of facts.

usage: python benchmarks/review_startup.py [--copies 30]

Each figure is measured in a fresh interpreter and printed beside a baseline measured in
the same run: a bare Textual app showing a DataTable of the same number of plain rows.
- first frame: from interpreter start to the first frame that shows the facts table
  (for a large store the app first shows a 'loading' line while a worker reads the store);
- page down: mean time per PageDown keypress over the whole table.
A store of N copies of the seeds' analysis (fake embedder) stands in for a large store.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[1]

PROBE = textwrap.dedent("""
    import json, sys, time
    t0 = time.perf_counter()
    from textual.widgets import DataTable
    mode, store, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "checker":
        from checker.tui.app import build_app
        app = build_app(store, "bench")
    else:
        from textual.app import App
        class Bare(App):
            def compose(self):
                yield DataTable(cursor_type="row")
            def on_mount(self):
                t = self.query_one(DataTable)
                t.add_columns(*[f"c{i}" for i in range(10)])
                for r in range(int(store)):
                    t.add_row(*[f"cell {r} {i}" for i in range(10)])
        app = Bare()
    marks = {}
    def table():
        try:
            return app.screen.query_one(DataTable)
        except Exception:
            return None
    original = type(app)._display
    def display(self, screen, renderable):
        original(self, screen, renderable)
        t = table()
        marks.setdefault("frame", time.perf_counter())
        if t is not None and t.row_count and t.display:
            marks.setdefault("table", time.perf_counter())
    type(app)._display = display
    async def pilot_run(pilot):
        while "table" not in marks:
            await pilot.pause(0.01)
        t = table()
        t.focus()
        start = time.perf_counter()
        for _ in range(pages):
            await pilot.press("pagedown")
        await pilot.pause()
        marks["pages"] = (time.perf_counter() - start) / max(1, pages)
        marks["rows"] = len(app.state.report.facts) if mode == "checker" else t.row_count
        app.exit()
    app.run(headless=True, size=(150, 40), auto_pilot=pilot_run)
    print(json.dumps({"first_frame": marks["frame"] - t0, "table": marks["table"] - t0, "page": marks["pages"],
                      "rows": marks["rows"]}))
""")


def probe(mode: str, store: str, pages: int) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, mode, store, str(pages)], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def big_store(folder: pathlib.Path, copies: int) -> pathlib.Path:
    """A store holding `copies` copies of the seeds' analysis, under new source and claim ids."""
    from checker.embed.embedder import FakeEmbedder
    from checker.pipeline import run
    from checker.store.database import Store

    base = run([ROOT / "seeds"], store=None, embedder=FakeEmbedder())
    sources, claims, facts, events = [], [], [], []
    for k in range(copies):
        tag = f"~{k}"
        sources += [s.model_copy(update={"id": s.id + tag}) for s in base.sources]
        claims += [c.model_copy(update={"id": c.id + tag, "source": c.source + tag}) for c in base.claims]
        facts += [f.model_copy(update={"id": f.id + tag, "event": (f.event or "") + tag,
                                       "claims": [c + tag for c in f.claims],
                                       "stances": {s + tag: v for s, v in f.stances.items()},
                                       "discrepancies": [d.model_copy(update={"id": d.id + tag,
                                                                                 "claims": (d.claims[0] + tag,
                                                                                            d.claims[1] + tag)})
                                                         for d in f.discrepancies]}) for f in base.facts]
        events += [e.model_copy(update={"id": e.id + tag, "facts": [x + tag for x in e.facts]}) for e in base.events]
    report = base.model_copy(update={"sources": sources, "claims": claims, "facts": facts, "events": events})
    with Store(folder) as db:
        db.save_report(report)
    return folder


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=30)
    args = ap.parse_args()
    from checker.embed.embedder import FakeEmbedder
    from checker.pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        small = pathlib.Path(tmp) / "seeds"
        run([ROOT / "seeds"], store=small, embedder=FakeEmbedder())
        large = big_store(pathlib.Path(tmp) / "large", args.copies)
        rows = []
        for name, store in (("seeds", small), (f"{args.copies} x seeds", large)):
            ours = probe("checker", str(store), 40)
            bare = probe("bare", str(ours["rows"]), 40)
            rows.append((name, ours, bare))
        size = (large / "checker.db").stat().st_size / 1e6
    print(f"{'store':<14} {'facts':>6}  {'first frame':>11} {'table shown':>11} {'page down':>9}   "
          f"{'bare DataTable: table shown':>27} {'page down':>9}   ratios")
    for name, ours, bare in rows:
        print(f"{name:<14} {ours['rows']:>6}  {ours['first_frame']:>10.2f}s {ours['table']:>10.2f}s "
              f"{ours['page'] * 1000:>7.1f}ms   {bare['table']:>26.2f}s {bare['page'] * 1000:>7.1f}ms   "
              f"shown {ours['table'] / bare['table']:.2f}x, page {ours['page'] / bare['page']:.2f}x")
    print(f"(the large store's database: {size:.1f} MB, read by a worker thread)")


if __name__ == "__main__":
    main()
