"""The review log: decisions apply to the report, undo, survive a crash and a rerun."""
import os
import signal
import subprocess
import sys

import pytest

from checker.pipeline import run
from checker.store.review import SETTLED, apply_reviews, effective, last_undoable, new_entry
from checker.store.database import Store


@pytest.fixture
def base(tmp_path, seeds_copy, fake_embedder):
    report = run([seeds_copy], store=tmp_path / "claims", embedder=fake_embedder)
    return report, tmp_path / "claims", seeds_copy


def _multi(report):
    return next(f for f in report.facts if len({c[:3] for c in f.claims}) and len(f.claims) >= 2
                and len({report.claim_index()[c].source for c in f.claims}) >= 2)


def test_rejecting_every_discrepancy_clears_a_contested_fact(base):
    report, _, _ = base
    fact = next(f for f in report.facts if f.status == "contested" and
                len({report.claim_index()[c].source for c in f.claims}) > 1)
    entries = [new_entry("discrepancy.not_real", "ann", claims=list(d.claims), kind=d.kind, note="different scope")
               for d in fact.discrepancies]
    out = apply_reviews(report, entries)
    after = next(f for f in out.facts if f.id == fact.id)
    assert after.status == "contested" and after.review.state == SETTLED  # left for the reviewer to set
    assert all(d.review.state == "not real" and d.review.note == "different scope" for d in after.discrepancies)


def test_grouping_changes_move_detach_merge_split(base):
    report, _, _ = base
    claims = report.claim_index()
    fact = _multi(report)
    other = next(f for f in report.facts if f.id != fact.id and len(f.claims) == 1)
    moved = fact.claims[-1]
    out = apply_reviews(report, [new_entry("claim.move", "ann", claims=[moved], other=other.claims)])
    home = next(f for f in out.facts if moved in f.claims)
    assert set(home.claims) == {moved, *other.claims} and home.reviewed_grouping
    out = apply_reviews(report, [new_entry("claim.detach", "ann", claims=[moved])])
    assert next(f for f in out.facts if moved in f.claims).claims == [moved]
    out = apply_reviews(report, [new_entry("fact.merge", "ann", claims=fact.claims, other=other.claims)])
    assert any(set(f.claims) == set(fact.claims) | set(other.claims) for f in out.facts)
    out = apply_reviews(report, [new_entry("fact.split", "ann", claims=[moved])])
    assert [moved] in [f.claims for f in out.facts] and len(out.facts) == len(report.facts) + 1
    assert len(out.claims) == len(report.claims) == sum(len(f.claims) for f in out.facts)
    assert {claims[c].id for f in out.facts for c in f.claims} == set(claims)


def test_undo_is_a_new_entry_that_cancels_the_last_decision(base):
    report, _, _ = base
    fact = report.facts[0]
    first = new_entry("fact.status", "ann", claims=fact.claims, value="contested")
    second = new_entry("fact.confirm", "ann", claims=fact.claims)
    undo = new_entry("undo", "ann", undoes=second.id)
    assert last_undoable([first, second]) == second
    assert effective([first, second, undo]) == [first]
    out = apply_reviews(report, [first, second, undo])
    assert out.facts[0].review.state == "status set to contested" and out.facts[0].status == "contested"


def test_decision_survives_a_kill_minus_nine(tmp_path):
    store = tmp_path / "claims"
    code = (
        "import os, signal\n"
        "from checker.store.database import Store\n"
        "from checker.store.review import new_entry\n"
        f"s = Store({str(store)!r})\n"
        "s.append_review(new_entry('fact.note', 'ann', claims=['c1'], note='seen'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    with Store(store) as db:
        entries = db.review_entries()
    assert [(e.action, e.note) for e in entries] == [("fact.note", "seen")]


def test_the_jsonl_mirror_rebuilds_a_lost_database(tmp_path):
    store = tmp_path / "claims"
    with Store(store) as db:
        db.append_review(new_entry("fact.note", "ann", claims=["c1"], note="kept"))
    os.remove(store / "checker.db")
    with Store(store) as db:
        assert [e.note for e in db.review_entries()] == ["kept"]


def test_rerun_keeps_decisions_and_reports_orphans(base, fake_embedder):
    report, store, seeds = base
    fact = _multi(report)
    dropped_source = report.claim_index()[fact.claims[0]].source
    keep = next(f for f in report.facts if all(report.claim_index()[c].source != dropped_source for c in f.claims))
    with Store(store) as db:
        db.append_review(new_entry("fact.note", "ann", claims=keep.claims, note="still here"))
        db.append_review(new_entry("fact.note", "ann", claims=[fact.claims[0]], note="will be orphaned"))
    again = run([seeds], store=store, embedder=fake_embedder)
    assert any(n.note == "still here" for f in again.facts for n in f.notes)
    assert again.orphaned_reviews == []
    (seeds / f"{dropped_source}.txt").unlink()
    smaller = run([seeds], store=store, embedder=fake_embedder)
    assert [e.note for e in smaller.orphaned_reviews] == ["will be orphaned"]
    assert any("no longer apply" in n for n in smaller.notes)
    assert any(n.note == "still here" for f in smaller.facts for n in f.notes)
