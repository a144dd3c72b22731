"""What both review screens share: how a decision is announced, the help page, the state."""
from __future__ import annotations

from textual.message import Message
from textual.screen import Screen

from checker.tui.screens.dialogs import HelpScreen


class ReviewScreen(Screen):
    """A screen that shows the review state and announces the reviewer's decisions."""

    class Decided(Message):
        """The reviewer made a decision; the app logs it and refreshes every screen."""

        def __init__(self, action: str, fields: dict, done: str) -> None:
            super().__init__()
            self.action = action
            self.fields = fields
            self.done = done

    @property
    def state(self):
        return self.app.state

    def decide(self, action: str, done: str, **fields) -> None:
        self.post_message(self.Decided(action, fields, done))

    def refresh_from_state(self) -> None:
        """Show the state again after a decision or a reload."""

    def action_help(self) -> None:
        seen, rows = set(), []
        for binding in [*self.BINDINGS, *self.app.BINDINGS]:
            key = binding.key.split(",")[0]
            if binding.description and key not in seen:
                seen.add(key)
                rows.append((binding.key.replace(",", " / ").replace("question_mark", "?").replace("slash", "/"),
                             binding.description))
        rows += [("↑ / ↓ / PgUp / PgDn", "move the cursor (the highlighted row)"),
                 ("shift+tab", "previous table or box")]
        self.app.push_screen(HelpScreen(rows))
