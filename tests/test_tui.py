"""The review UI driven by its keys (App.run_test): what the store holds and what the screen shows."""
import shutil

import pytest
from textual.widgets import DataTable, Input

from checker.pipeline import run
from checker.store.database import Store
from checker.tui.app import ReviewApp, build_app
from checker.tui.screens.fact import FactScreen
from checker.tui.widgets.fact_table import FactTable


@pytest.fixture(scope="session")
def prepared_store(tmp_path_factory):
    from checker.embed.embedder import FakeEmbedder
    from tests.conftest import SEEDS

    base = tmp_path_factory.mktemp("tui")
    run([SEEDS], store=base / "claims", embedder=FakeEmbedder())
    return base / "claims"


@pytest.fixture
def store(prepared_store, tmp_path):
    dst = tmp_path / "claims"
    shutil.copytree(prepared_store, dst)
    return dst


def log(store):
    with Store(store) as db:
        return db.review_entries()


async def loaded(pilot):
    for _ in range(200):
        if pilot.app.state is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def open_first(pilot, status="contested"):
    """Filter the facts to `status` and open the first one."""
    await pilot.press({"contested": "c", "single-source": "s"}[status])
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FactScreen)
    return pilot.app.screen


def plain(text: str) -> str:
    """A stretch of a summary the pilot can type (letters, digits, spaces: no curly quotes)."""
    import re

    found = re.search(r"[A-Za-z0-9 ]{12,30}", text)
    return found.group(0) if found else text[:30]


def table(app) -> FactTable:
    return app.screen.query_one(FactTable)


async def test_filters_search_and_sort_narrow_the_table(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        total = table(app).row_count
        await pilot.press("c")
        assert 0 < table(app).row_count < total
        assert all(app.state.facts[k.value].status == "contested" for k in table(app).rows)
        await pilot.press("a", "s")
        assert all(app.state.facts[k.value].status == "single-source" for k in table(app).rows)
        await pilot.press("a", "o")
        outlet = app.state.filters.outlet
        assert outlet and all(outlet in app.state.outlets_of(app.state.facts[k.value]) for k in table(app).rows)
        await pilot.press("a", "slash", *"warplanes")
        assert 0 < table(app).row_count < total
        await pilot.press("enter", "escape")
        assert table(app).row_count == total
        first = next(iter(table(app).rows)).value
        assert app.state.filters.sort == "contested first" and app.state.facts[first].status == "contested"
        await pilot.press("S")
        assert app.state.filters.sort == "reading order"
        assert next(iter(table(app).rows)).value == app.state.report.facts[0].id
        await pilot.press("u", "x")
        await pilot.pause()
        assert table(app).row_count == total - 1          # the confirmed fact left "unreviewed"


async def test_confirm_status_note_merge_on_the_facts_screen(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        fact = app.state.facts[table(app).highlighted_fact()]  # the cursor starts on the first row
        await pilot.press("x")
        await pilot.press("t", "down", "enter")          # second status in the list: contested
        await pilot.press("n", *"checked against the wire copy", "enter")
        await pilot.pause()
        entries = log(store)
        assert [e.action for e in entries] == ["fact.confirm", "fact.status", "fact.note"]
        assert entries[1].value == "contested" and entries[2].note == "checked against the wire copy"
        shown = app.state.find_fact(fact.claims)
        assert shown.status == "contested" and shown.notes[0].note == "checked against the wire copy"
        assert "→ contested" in str(table(app).get_row(shown.id)[-1])
        other = next(f for f in app.state.report.facts if f.id != shown.id)
        await pilot.press("m", *other.summary[:25], "enter")
        await pilot.pause()
        merged = app.state.find_fact(fact.claims)
        assert set(other.claims) <= set(merged.claims) and log(store)[-1].action == "fact.merge"


async def test_undo_cancels_the_last_decision_with_a_new_entry(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        await pilot.press("ctrl+z")
        await pilot.pause()
        entries = log(store)
        assert [e.action for e in entries] == ["fact.confirm", "undo"] and entries[1].undoes == entries[0].id
        assert app.state.report.facts[0].review is None


async def test_discrepancy_verdicts_with_a_note(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        screen = await open_first(pilot)
        disc = screen.fact.discrepancies[0]
        await pilot.press("f", *"different scopes", "enter")
        await pilot.pause()
        assert log(store)[-1].action == "discrepancy.not_real" and set(log(store)[-1].claims) == set(disc.claims)
        review = app.state.find_fact(screen.claim_ids).discrepancies[0].review
        assert (review.state, review.note, review.reviewer) == ("not real", "different scopes", "ann")
        cells = screen.query_one("#discrepancies", DataTable).get_row_at(0)
        assert "not real: different scopes" in str(cells[-1])
        await pilot.press("r", "enter")                 # real, without a note
        await pilot.pause()
        assert log(store)[-1].action == "discrepancy.real" and log(store)[-1].note is None


async def test_move_detach_split_and_merge_a_claim(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        screen = await open_first(pilot)
        before = list(screen.fact.claims)
        await pilot.press("d")
        await pilot.pause()
        assert log(store)[-1].action == "claim.detach" and len(screen.fact.claims) == len(before) - 1
        detached = log(store)[-1].claims[0]
        assert app.state.find_fact([detached]).claims == [detached]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert sorted(app.state.find_fact(before).claims) == sorted(before)
        target = next(f for f in app.state.report.facts if f.id != screen.fact.id and len(f.claims) == 1)
        await pilot.press("m", *plain(target.summary), "enter")
        await pilot.pause()
        entry = log(store)[-1]
        assert entry.action == "claim.move" and entry.other == target.claims
        assert entry.claims[0] in app.state.find_fact(target.claims).claims
        big = max(app.state.report.facts, key=lambda f: len(f.claims))
        await pilot.press("escape", "a", "slash", *plain(big.summary), "enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.fact.id == big.id and len(screen.fact.claims) >= 2
        await pilot.press("space", "s")
        await pilot.pause()
        assert log(store)[-1].action == "fact.split"
        split = log(store)[-1].claims
        assert app.state.find_fact(split).claims == split
        await pilot.press("M", *plain(app.state.find_fact(split).summary), "enter")
        await pilot.pause()
        assert log(store)[-1].action == "fact.merge" and set(split) <= set(screen.fact.claims)


async def test_paragraph_context_help_and_back(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        screen = await open_first(pilot)
        await pilot.press("p")
        context = screen.query_one("#context")
        assert context.has_class("visible") and screen.state.labels[screen._claim().source] in str(context.render())
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape", "escape")
        assert type(app.screen).__name__ == "FactsScreen"


async def test_messages_announce_loading_and_saving(store):
    seen = []
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40), message_hook=seen.append) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
    names = [type(m).__name__ for m in seen]
    assert "Loaded" in names and "Decided" in names and "Saved" in names
    saved = next(m for m in seen if isinstance(m, ReviewApp.Saved))
    assert saved.entry.action == "fact.confirm"


async def test_search_box_takes_letters_without_triggering_keys(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"xtnq")
        assert app.screen.query_one("#search", Input).value == "xtnq" and log(store) == []


KILL_AFTER_DECISION = """
import asyncio, os, signal, sys
from checker.tui.app import build_app
from tests.test_tui import loaded

async def main():
    app = build_app(sys.argv[1], "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("c", "enter")
        await pilot.pause()
        await pilot.press("f", *"not the same scope", "enter")
        await pilot.pause()
        os.kill(os.getpid(), signal.SIGKILL)   # no clean exit, no flush, no atexit

asyncio.run(main())
"""


async def test_a_decision_survives_killing_the_app(store):
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    proc = subprocess.run([sys.executable, "-c", KILL_AFTER_DECISION, str(store)], cwd=ROOT, capture_output=True,
                          timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    app = build_app(store, "bob")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        reviewed = [d for f in app.state.report.facts for d in f.discrepancies if d.review]
        assert [(d.review.state, d.review.note, d.review.reviewer) for d in reviewed] == \
            [("not real", "not the same scope", "ann")]
        fact = next(f for f in app.state.report.facts if any(d.review for d in f.discrepancies))
        await app.push_screen(FactScreen(fact.claims))
        await pilot.pause()
        assert "not real: not the same scope" in str(app.screen.query_one("#discrepancies", DataTable).get_row_at(0)[-1])


async def test_status_confirm_and_note_on_the_fact_screen(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        screen = await open_first(pilot)
        await pilot.press("t", "enter")                  # first status in the list: corroborated
        await pilot.press("x")
        await pilot.press("n", *"two outlets, one scope", "enter")
        await pilot.pause()
        assert [e.action for e in log(store)] == ["fact.status", "fact.confirm", "fact.note"]
        fact = app.state.find_fact(screen.claim_ids)
        assert fact.status == "corroborated" and fact.review.state == "confirmed"
        head = str(screen.query_one("#fact-head").render())
        assert "two outlets, one scope" in head and "confirmed" in head


async def test_a_reviewer_adds_a_discrepancy_checker_missed(store, tmp_path):
    """`a` on the fact screen: the other claim, a kind, a note; the fact turns contested and the
    discrepancy reaches report.md and claimreview.jsonld."""
    import json

    from checker.report import write_reports

    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        fact = next(f for f in app.state.report.facts if f.status == "corroborated")
        await app.push_screen(FactScreen(fact.claims))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")                        # the first other claim
        await pilot.pause()
        await pilot.press("enter")                        # the first kind: number
        await pilot.press(*"crowd size differs", "enter")
        await pilot.pause()
        entry = log(store)[-1]
        assert entry.action == "discrepancy.add" and entry.kind == "number" and len(set(entry.claims)) == 2
        after = app.state.find_fact(fact.claims)
        assert after.status == "contested" and after.id == fact.id
        added = after.discrepancies[-1]
        assert added.detail == "crowd size differs" and added.review.reviewer == "ann"
        assert "crowd size differs" in str(app.screen.query_one("#discrepancies", DataTable).get_row_at(
            len(after.discrepancies) - 1)[2])
        paths = write_reports(app.state.report, tmp_path / "out")
    assert "crowd size differs" in paths["md"].read_text(encoding="utf-8")
    items = {i["identifier"]: i for i in json.loads(paths["claimreview"].read_text(encoding="utf-8"))}
    assert items[fact.id]["author"] == {"@type": "Person", "name": "ann"}
    assert items[fact.id]["reviewRating"]["alternateName"].endswith("number")


async def test_settling_the_only_discrepancy_leaves_the_status_to_the_reviewer(store):
    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        fact = next(f for f in app.state.report.facts if f.status == "contested" and len(f.discrepancies) == 1)
        await app.push_screen(FactScreen(fact.claims))
        await pilot.pause()
        await pilot.press("f", "enter")
        await pilot.pause()
        after = app.state.find_fact(fact.claims)
        assert after.status == "contested" and app.state.settled_waiting(fact.claims)
        assert "yours to set" in str(app.screen.query_one("#fact-head").render())
        assert any("until you set its status" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert "status to confirm" in str(table(app).get_row(after.id)[-1])


async def test_help_lists_every_key_and_the_outlet_order_is_one(store):
    from checker.tui.screens.dialogs import HelpScreen

    app = build_app(store, "ann")
    async with app.run_test(size=(150, 40)) as pilot:
        await loaded(pilot)
        fact = max(app.state.report.facts, key=lambda f: len(app.state.outlets_of(f)))
        rank = {o: n for n, o in enumerate(app.state.outlets)}
        assert [rank[o] for o in app.state.outlets_of(fact)] == sorted(rank[o] for o in app.state.outlets_of(fact))
        await app.push_screen(FactScreen(fact.claims))
        await pilot.pause()
        claims = app.screen.query_one("#claims", DataTable)
        shown = [str(claims.get_row_at(n)[1]) for n in range(claims.row_count)]
        assert [rank[o] for o in shown] == sorted(rank[o] for o in shown)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [k for k, _ in app.screen.bindings_list]
        for key in ("r", "f", "a", "t", "x", "n", "m", "d", "M", "space", "s", "p", "tab", "shift+tab", "?"):
            assert key in keys, key


def test_a_fact_keeps_its_id_while_it_keeps_most_of_its_claims(store):
    """Links to a fact (report.html#<id>) survive a regroup: detaching or splitting off a
    minority of its claims, or merging another fact into it, leaves its id."""
    from checker.store.review import apply_reviews, new_entry
    from checker.tui.state import ReviewState

    base = ReviewState.load(store, "ann").base
    big = max(base.facts, key=lambda f: len(f.claims))
    small = next(f for f in base.facts if len(f.claims) == 1)
    assert len(big.claims) >= 3
    for entry in (new_entry("claim.detach", "ann", claims=[big.claims[0]]),
                  new_entry("fact.split", "ann", claims=big.claims[-1:]),
                  new_entry("fact.split", "ann", claims=[min(big.claims)]),  # its hash named the fact
                  new_entry("fact.merge", "ann", claims=big.claims, other=small.claims)):
        out = apply_reviews(base, [entry])
        kept = next(f for f in out.facts if len(set(big.claims) & set(f.claims)) * 2 > len(big.claims))
        assert kept.id == big.id and kept.reviewed_grouping
        assert len({f.id for f in out.facts}) == len(out.facts)  # no id given twice
