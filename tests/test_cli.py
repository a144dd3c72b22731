"""The CLI end to end: run prints its summary; compare judges statements and pairs."""
import json
import subprocess
import sys

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.model


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, **kw)


def test_run_writes_reports_and_a_summary(tmp_path):
    proc = cli("run", str(SEEDS), "--out", str(tmp_path / "out"), "--store", str(tmp_path / "claims"))
    assert proc.returncode == 0, proc.stderr
    assert "5 sources" in proc.stdout and "contested" in proc.stdout and "report.html" in proc.stdout
    again = cli("report", "--store", str(tmp_path / "claims"), "--out", str(tmp_path / "again"))
    assert again.returncode == 0
    assert json.loads((tmp_path / "again" / "report.json").read_text())["facts"] == \
        json.loads((tmp_path / "out" / "report.json").read_text())["facts"]


def test_compare_two_statements():
    proc = cli("compare", "China sent five warships.", "China sent six warships.")
    assert proc.returncode == 0
    assert proc.stdout.startswith("contradicts (number)") and "5" in proc.stdout and "6" in proc.stdout


def test_compare_pairs_file(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps(p) for p in [
        {"id": "1", "a": "The crash killed 79 people.", "b": "The crash took the lives of 79 people."},
        {"id": "2", "a": "China sent five warships.", "b": "China sent six warships."},
        {"id": "3", "a": "China sent five warships.", "b": "The weather in Kyiv was warm and sunny."},
    ]))
    proc = cli("compare", "--pairs", str(pairs))
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["relation"] for r in rows] == ["corroborates", "contradicts", "unrelated"]
    assert set(rows[0]) == {"id", "relation", "kind", "detail"}
