"""kill -9 in the middle of claim extraction, then the same command: the store opens, no review
decision is lost, and the run completes with the claims an uninterrupted run gives."""
import os
import signal
import subprocess
import sys
import time

from checker.pipeline import run
from checker.store.review import fact_anchor, new_entry, reviewed
from checker.store.database import Store
from tests.conftest import DATA, ROOT, SEEDS, write

# The child runs the pipeline one article per chunk, printing a line each time a chunk is
# saved to the store; the test kills it with SIGKILL once a few chunks are in.
CHILD = """
import sys
from checker.embed.embedder import FakeEmbedder
import checker.engines.local
from checker.pipeline import run

checker.engines.local.CHUNK_SOURCES = 1

class Tell:
    stage_name = ""
    def stage(self, name, total=None):
        self.stage_name = name
    def advance(self, n=1):
        if self.stage_name == "extracting claims":
            print("chunk", flush=True)
    def reuse(self, n):
        print("reused", n, flush=True)

run([sys.argv[1]], store=sys.argv[2], embedder=FakeEmbedder(), workers=1, progress=Tell())
print("done", flush=True)
"""


def _articles(folder, n):
    """n distinct articles: paragraphs of the seeds and of other test texts, each with its own figures."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "bad_input").glob("quoted_*.txt"))]
    for i in range(n):
        body = texts[i % len(texts)]
        extra = (f"Port officials said {i + 3} ships were delayed on Tuesday, and {2 * i + 5} flights were "
                 f"cancelled at the airport in district {i}.")
        write(folder / f"story_{i:02d}.txt", f"{extra}\n\n{body}\n\n{extra.replace('Tuesday', 'Wednesday')}\n")


def _child(folder, store):
    return subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(store)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_during_extraction_then_the_same_command(tmp_path, fake_embedder):
    folder, store = tmp_path / "in", tmp_path / "claims"
    _articles(folder, 4)
    first = run([folder], store=store, embedder=fake_embedder, workers=1)
    decided = new_entry("fact.confirm", "tester", claims=fact_anchor(first.facts[0]))
    with Store(store) as db:
        db.append_review(decided)
    _articles(folder, 16)  # the input grows; the next run extracts twelve articles anew

    child = _child(folder, store)
    chunks, deadline = 0, time.monotonic() + 240
    while chunks < 3 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        chunks += line.startswith("chunk")
    assert chunks == 3, child.stderr.read()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    with Store(store) as db:  # opens after the crash, the decision still there, in both copies
        assert [e.id for e in db.review_entries()] == [decided.id]
        assert decided.id in db.log_path.read_text(encoding="utf-8")
        assert db.load_report().claims == first.claims  # the last finished analysis is intact

    again = _child(folder, store)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    reused = int(next(line.split()[1] for line in out.splitlines() if line.startswith("reused")))
    assert reused >= 4 + 3  # the first run's articles and the chunks saved before the kill

    fresh = run([folder], store=None, embedder=fake_embedder, workers=1)
    with Store(store) as db:
        resumed, entries = db.load_report(), db.review_entries()
    assert [e.id for e in entries] == [decided.id]
    assert [c.model_dump() for c in resumed.claims] == [c.model_dump() for c in fresh.claims]
    assert [f.claims for f in resumed.facts] == [f.claims for f in fresh.facts]
    assert not reviewed(resumed, entries).orphaned_reviews  # the decision still applies
