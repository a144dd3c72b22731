"""Snapshots of the review screens (textual pinned to 8.2.8 in pyproject.toml), on a claim store
built from the committed fixture analysis (tests/fixture_store.py), not from a live extraction
of the seeds: a change to extraction or grouping does not force re-recording them.

Update after a deliberate change to the UI with: pytest tests/test_tui_snapshots.py --snapshot-update
"""
import pytest

from checker.tui.app import build_app
from tests.fixture_store import fixture_store
from tests.test_tui import loaded


@pytest.fixture
def store(tmp_path):
    return fixture_store(tmp_path / "claims")


def test_facts_screen(snap_compare, store):
    assert snap_compare(build_app(store, "ann"), terminal_size=(130, 34), run_before=loaded)


def test_fact_screen_with_a_discrepancy(snap_compare, store):
    async def open_contested(pilot):
        await loaded(pilot)
        await pilot.press("c", "enter")
        await pilot.pause()

    assert snap_compare(build_app(store, "ann"), terminal_size=(130, 34), run_before=open_contested)


def test_help_screen_lists_every_key(snap_compare, store):
    async def open_help(pilot):
        await loaded(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(build_app(store, "ann"), terminal_size=(130, 40), run_before=open_help)
