"""An interrupted run resumes without redoing finished work; a rerun reuses everything."""
import subprocess
import sys

import pytest

from checker.pipeline import run
from tests.conftest import ROOT


class StopAfter:
    """A progress display whose user presses Ctrl-C after `n` articles are extracted."""

    def __init__(self, n: int):
        self.n, self.seen, self.stage_name = n, 0, ""

    def stage(self, name, total=None):
        self.stage_name = name

    def advance(self, k=1):
        if self.stage_name == "extracting claims":
            self.seen += k
            if self.seen >= self.n:
                raise KeyboardInterrupt


def test_interrupted_run_resumes_where_it_stopped(tmp_path, seeds_copy, fake_embedder, monkeypatch):
    monkeypatch.setattr("checker.engines.local.CHUNK_SOURCES", 1)
    with pytest.raises(KeyboardInterrupt):
        run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder, progress=StopAfter(2), workers=1)
    resumed = run([seeds_copy], store=tmp_path / "s", embedder=fake_embedder, workers=1)
    fresh = run([seeds_copy], store=None, embedder=fake_embedder, workers=1)
    assert resumed.settings["articles_reused"] == "2"
    assert [c.id for c in resumed.claims] == [c.id for c in fresh.claims]
    assert [f.id for f in resumed.facts] == [f.id for f in fresh.facts]


WARM = """
import sys
from checker.embed.embedder import FakeEmbedder
from checker.pipeline import run
report = run([sys.argv[1]], store=sys.argv[2], embedder=FakeEmbedder())
print(report.settings["articles_reused"], report.settings["embedded"], "spacy" in sys.modules, "torch" in sys.modules)
"""


def test_a_rerun_loads_no_model_and_redoes_nothing(tmp_path, seeds_copy):
    args = [sys.executable, "-c", WARM, str(seeds_copy), str(tmp_path / "s")]
    cold = subprocess.run(args, capture_output=True, text=True, cwd=ROOT).stdout.split()
    warm = subprocess.run(args, capture_output=True, text=True, cwd=ROOT).stdout.split()
    assert cold[:3] == ["0", cold[1], "True"] and int(cold[1]) > 100
    assert warm == ["5", "0", "False", "False"]
