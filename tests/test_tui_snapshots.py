"""Snapshots of the two review screens (textual pinned to 8.2.8 in pyproject.toml).

Update after a deliberate change with: pytest tests/test_tui_snapshots.py --snapshot-update
"""
from checker.tui.app import build_app
from tests.test_tui import loaded, prepared_store, store  # noqa: F401  (fixtures)


def test_facts_screen(snap_compare, store):  # noqa: F811
    assert snap_compare(build_app(store, "ann"), terminal_size=(130, 34), run_before=loaded)


def test_fact_screen_with_a_discrepancy(snap_compare, store):  # noqa: F811
    async def open_contested(pilot):
        await loaded(pilot)
        await pilot.press("c", "enter")
        await pilot.pause()

    assert snap_compare(build_app(store, "ann"), terminal_size=(130, 34), run_before=open_contested)


def test_help_screen_lists_every_key(snap_compare, store):  # noqa: F811
    async def open_help(pilot):
        await loaded(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(build_app(store, "ann"), terminal_size=(130, 40), run_before=open_help)
