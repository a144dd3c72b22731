"""The seed figures the pipeline issue asks for, scored with the shared scorer (copied into
tests/data), on the real models. A plain sentence-transformers clustering scores pair_f1
0.41 and disc_recall 0.2 here; TF-IDF 0.41 and 0.0."""
import importlib.util
import json

import pytest

from tests.conftest import DATA

pytestmark = pytest.mark.model


def _scorer():
    spec = importlib.util.spec_from_file_location("score_seeds", DATA / "score_seeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(seeds_run):
    _, _, out = seeds_run
    return _scorer().score(str(out / "report.json"), str(DATA / "seeds_gold.json"))


def test_grouping_matches_the_answer_key(figures):
    assert figures["pair_f1"] >= 0.80, figures  # a general fitted model, not one tuned on the seeds
    assert figures["split_errors"] == [], figures


def test_real_discrepancies_are_found(figures):
    assert figures["disc_recall"] >= 0.8, figures


def test_no_false_alarm_and_no_furniture(figures):
    assert figures["trap_alarms"] == [], figures
    assert figures["noise_claims"] == [], figures


def test_report_json_follows_the_contract(seeds_run):
    _, _, out = seeds_run
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    text = {p.stem: p.read_text(encoding="utf-8") for p in (DATA.parent.parent / "seeds").glob("*.txt")}
    assert {s["id"] for s in data["sources"]} == set(text)
    for fact in data["facts"]:
        assert fact["event"] in {e["id"] for e in data["events"]}
        ids = {c["id"] for c in fact["claims"]}
        for c in fact["claims"]:
            words = " ".join(text[c["source"]][c["start"]:c["end"]].split())
            assert words.startswith(c["text"].split(" … ")[0])
        for d in fact["discrepancies"]:
            assert set(d["claims"]) <= ids and d["kind"] and d["detail"]
