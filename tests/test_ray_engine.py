"""`--engine ray`: the same store and report as the local engine, and a clear message without Ray."""
import json
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from checker.embed.embedder import unpack_tokens
from tests.conftest import ROOT, SEEDS

# What a run writes about itself (when, with which engine) may differ; the analysis may not.
RUN_TABLES = {"meta", "runs", "sqlite_sequence"}


def _tables(db_path):
    db = sqlite3.connect(db_path)
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    out = {n: sorted(map(repr, db.execute(f"SELECT * FROM {n}"))) for n in names
           if n not in RUN_TABLES and n not in ("embeddings", "token_vectors", "fact_edges")}
    out["embeddings"] = {key: (model, np.frombuffer(blob, dtype=np.float32))
                         for key, model, _, blob in db.execute("SELECT * FROM embeddings")}
    out["token_vectors"] = {key: (tv.ids.tolist(), tv.vectors.astype(np.float32).ravel()) for key, data
                            in db.execute("SELECT * FROM token_vectors") for tv in unpack_tokens(data)}
    out["fact_edges"] = {key: ("pairs", np.frombuffer(blob, dtype=np.float64))
                         for key, blob in db.execute("SELECT * FROM fact_edges")}
    db.close()
    return out


def _same_vectors(a, b, atol=1e-5):
    """Same texts, same model, vectors equal to float noise: torch's last bits can differ
    between processes (the CPU, its threads, the batch); on one machine 12 of the seeds'
    204 vectors differed by 1e-7 between a Ray actor and the local run."""
    return a.keys() == b.keys() and all(a[k][0] == b[k][0] and np.allclose(a[k][1], b[k][1], atol=atol) for k in a)


def _same_token_vectors(a, b):
    """As `_same_vectors`, at float16's precision (a last-bit difference rounds to 1e-3)."""
    return _same_vectors(a, b, atol=2e-3)


def _report(path):
    data = json.loads(path.read_text())
    data.pop("created", None)
    data.get("settings", {}).pop("engine", None)  # the one setting that differs by design
    return data


@pytest.mark.model
def test_ray_engine_gives_the_local_engines_store_and_report(seeds_run, tmp_path):
    _, local_store, local_out = seeds_run
    out = subprocess.run([sys.executable, "-m", "checker.cli", "run", str(SEEDS), "--engine", "ray",
                          "--workers", "2", "--store", str(tmp_path / "claims"), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stderr.strip() == "", out.stderr[-2000:]  # Ray's own notes and warnings stay off the terminal
    ray_tables, local_tables = _tables(tmp_path / "claims" / "checker.db"), _tables(local_store / "checker.db")
    assert set(ray_tables) == set(local_tables)
    for name in local_tables:
        same = {"embeddings": _same_vectors, "token_vectors": _same_token_vectors,
                "fact_edges": _same_vectors}.get(name, lambda a, b: a == b)  # probabilities of those vectors
        assert same(ray_tables[name], local_tables[name]), f"table {name} differs between engines"
    assert len(ray_tables["claims"]) > 100 and len(ray_tables["embeddings"]) > 100
    assert ray_tables["token_vectors"].keys() == ray_tables["embeddings"].keys()
    assert _report(tmp_path / "out" / "report.json") == _report(local_out / "report.json")
    assert (tmp_path / "out" / "report.md").read_text() == (local_out / "report.md").read_text()


BLOCK_RAY = """
import sys
sys.modules["ray"] = None          # as if Ray were not installed
from checker.cli import main
main(["run", sys.argv[1], "--engine", "ray", "--store", sys.argv[2], "--out", sys.argv[3]])
"""


def test_engine_ray_without_ray_says_how_to_install(tmp_path):
    out = subprocess.run([sys.executable, "-c", BLOCK_RAY, str(SEEDS), str(tmp_path / "c"), str(tmp_path / "o")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    assert "needs Ray" in lines[0] and "pip install 'checker[ray]'" in lines[0]
    assert not (tmp_path / "c").exists()  # nothing started, nothing half-written
