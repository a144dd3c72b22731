"""The review app and the one factory that builds it, for the CLI and for the tests."""
from __future__ import annotations

import pathlib

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from checker.tui.screens.base import ReviewScreen
from checker.tui.screens.facts import FactsScreen
from checker.tui.state import ReviewState


class ReviewApp(App):
    """Review the facts of a claim store: settle discrepancies, fix grouping, keep the work."""

    CSS_PATH = "checker.tcss"
    TITLE = "checker review"
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("ctrl+z,U", "undo", "Undo")]

    class Loaded(Message):
        """The store is loaded and shown."""

    class Saved(Message):
        """A decision is in the review log on disk."""

        def __init__(self, entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, store: pathlib.Path, reviewer: str) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.state: ReviewState | None = None

    SMALL_STORE_BYTES = 8_000_000

    def on_mount(self) -> None:
        db = self.store / "checker.db"
        if db.exists() and db.stat().st_size < self.SMALL_STORE_BYTES:
            # A small store loads in tens of milliseconds: show it in the very first frame.
            try:
                self.state = ReviewState.load(self.store, self.reviewer)
            except Exception as exc:  # shown, not raised
                self.exit(message=f"checker: error: {exc}")
                return
            self.push_screen(FactsScreen())
            self.post_message(self.Loaded())
        else:
            self.push_screen(FactsScreen())
            self.load_store()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_store(self) -> None:
        """Load the store in a worker thread so the screen stays responsive on a large store."""
        try:
            state = ReviewState.load(self.store, self.reviewer)
        except Exception as exc:  # shown, not raised: the app must not die with a traceback
            self.call_from_thread(self.exit, message=f"checker: error: {exc}")
            return
        self.call_from_thread(self._loaded, state)

    def _loaded(self, state: ReviewState) -> None:
        self.state = state
        self._refresh_screens()
        self.post_message(self.Loaded())

    def _refresh_screens(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.refresh_from_state()

    @on(ReviewScreen.Decided)
    def _decided(self, event: ReviewScreen.Decided) -> None:
        if self.state is None:
            return
        entry = self.state.decide(event.action, **event.fields)
        self._refresh_screens()
        self.notify(f"Saved: {event.done}", timeout=3)
        if entry.action == "discrepancy.not_real" and self.state.settled_waiting(entry.claims):
            status = self.state.find_fact(entry.claims).status
            self.notify(f"No discrepancy stands: the fact stays {status} until you set its status (t) "
                        "or confirm it (x)", timeout=8)
        self.post_message(self.Saved(entry))

    def action_undo(self) -> None:
        if self.state is None:
            return
        undone = self.state.undo()
        if undone is None:
            self.notify("nothing to undo", severity="warning")
            return
        self._refresh_screens()
        self.notify(f"Undone: {undone.action.replace('.', ' ').replace('_', ' ')}", timeout=3)
        self.post_message(self.Saved(self.state.entries[-1]))


def build_app(store: str | pathlib.Path = "claims", reviewer: str | None = None) -> ReviewApp:
    """The review app on a claim store; the CLI and the tests both build it here."""
    from checker.store.review import default_reviewer

    return ReviewApp(pathlib.Path(store), reviewer or default_reviewer())
