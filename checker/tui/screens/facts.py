"""The facts screen: every fact, filterable and searchable, with each outlet's stance."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static

from checker.store.review import STATUSES
from checker.tui.screens.base import ReviewScreen
from checker.tui.screens.dialogs import ChoiceDialog, NoteDialog, PickFactDialog
from checker.tui.state import SORTS
from checker.tui.widgets.fact_table import FactTable


class FactsScreen(ReviewScreen):
    """The table of facts (the report's fact × outlet matrix) and the decisions on a whole fact."""

    AUTO_FOCUS = "#facts"
    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("slash", "search", "Search"),
        Binding("c", "only('contested')", "Contested"),
        Binding("s", "only('single-source')", "Single-source", show=False),
        Binding("u", "unreviewed", "Unreviewed"),
        Binding("o", "outlet", "Outlet", show=False),
        Binding("a", "show_all", "All", show=False),
        Binding("S", "sort", "Sort", show=False),
        Binding("x", "confirm", "Confirm"),
        Binding("t", "status", "Status"),
        Binding("n", "note", "Note"),
        Binding("m", "merge", "Merge", show=False),
        Binding("tab", "focus_next", "Next widget", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="filters")
        yield Input(placeholder="search facts and claims (Enter to keep, Esc to clear)", id="search")
        yield Static("loading the claim store…", id="loading")
        yield FactTable(id="facts")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FactTable).display = False
        self.refresh_from_state()

    def refresh_from_state(self) -> None:
        if self.app.state is None:
            return
        self.query_one("#loading").display = False
        table = self.query_one(FactTable)
        table.display = True
        facts = self.state.visible()
        table.show(self.state, facts)
        total = len(self.state.report.facts)
        orphans = len(self.state.report.orphaned_reviews)
        self.query_one("#filters", Static).update(
            f"{len(facts)} of {total} facts · {self.state.filters.describe()} · reviewer: {self.state.reviewer}"
            + (f" · [b]{orphans} decision(s) no longer apply[/b]" if orphans else ""))
        self.sub_title = self.state.store_dir.name
        if not self.query_one("#search", Input).has_class("visible"):
            table.focus()

    def _fact(self):
        fid = self.query_one(FactTable).highlighted_fact()
        return self.state.facts.get(fid) if fid else None

    # -- looking --------------------------------------------------------------------------
    @on(FactTable.Opened)
    def _open(self, event: FactTable.Opened) -> None:
        from checker.tui.screens.fact import FactScreen

        self.app.push_screen(FactScreen(self.state.facts[event.fact_id].claims))

    def action_open(self) -> None:
        fact = self._fact()
        if fact:
            self.post_message(FactTable.Opened(fact.id))

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("visible")
        box.focus()

    @on(Input.Changed, "#search")
    def _searching(self, event: Input.Changed) -> None:
        self.state.filters.search = event.value
        self.refresh_from_state()

    @on(Input.Submitted, "#search")
    def _searched(self) -> None:
        self.query_one(FactTable).focus()

    def key_escape(self) -> None:
        box = self.query_one("#search", Input)
        if box.has_focus or box.value:
            box.value = ""
            box.remove_class("visible")
            self.state.filters.search = ""
            self.refresh_from_state()
            self.query_one(FactTable).focus()

    def action_only(self, status: str) -> None:
        f = self.state.filters
        f.status = None if f.status == status else status
        self.refresh_from_state()

    def action_unreviewed(self) -> None:
        self.state.filters.unreviewed = not self.state.filters.unreviewed
        self.refresh_from_state()

    def action_outlet(self) -> None:
        outlets = [None, *self.state.outlets]
        f = self.state.filters
        f.outlet = outlets[(outlets.index(f.outlet) + 1) % len(outlets)]
        self.refresh_from_state()

    def action_show_all(self) -> None:
        f = self.state.filters
        f.status, f.unreviewed, f.outlet, f.search = None, False, None, ""
        self.query_one("#search", Input).value = ""
        self.refresh_from_state()

    def action_sort(self) -> None:
        f = self.state.filters
        f.sort = SORTS[(SORTS.index(f.sort) + 1) % len(SORTS)]
        self.refresh_from_state()

    # -- deciding -------------------------------------------------------------------------
    def action_confirm(self) -> None:
        fact = self._fact()
        if fact:
            self.decide("fact.confirm", "fact confirmed", claims=list(fact.claims))

    def action_status(self) -> None:
        fact = self._fact()
        if fact is None:
            return

        def chosen(status: str | None) -> None:
            if status:
                self.decide("fact.status", f"status set to {status}", claims=list(fact.claims), value=status)
        self.app.push_screen(ChoiceDialog(f"Status of: {fact.summary[:60]}", list(STATUSES)), chosen)

    def action_note(self) -> None:
        fact = self._fact()
        if fact is None:
            return

        def written(note: str | None) -> None:
            if note:
                self.decide("fact.note", "note added", claims=list(fact.claims), note=note)
        self.app.push_screen(NoteDialog(f"Note on: {fact.summary[:60]}", optional=False), written)

    def action_merge(self) -> None:
        fact = self._fact()
        if fact is None:
            return
        others = [(f.id, f.summary) for f in self.state.report.facts if f.id != fact.id]

        def picked(other: str | None) -> None:
            if other:
                self.decide("fact.merge", "facts merged", claims=list(fact.claims),
                            other=list(self.state.facts[other].claims))
        self.app.push_screen(PickFactDialog(f"Merge “{fact.summary[:50]}” with:", others), picked)
