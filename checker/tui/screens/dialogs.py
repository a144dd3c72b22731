"""Small modal dialogs: a note, a choice from a list, picking another fact, the help page."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option


class NoteDialog(ModalScreen[str | None]):
    """Ask for a note; Enter saves (an empty note is allowed when `optional`), Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, *, optional: bool = True, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.optional = optional
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.value, placeholder="note (Enter to save" + (", may be empty" if self.optional else "")
                        + "; Esc to cancel)", id="note")

    @on(Input.Submitted, "#note")
    def _save(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text and not self.optional:
            self.notify("a note cannot be empty", severity="warning")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a few values with the arrow keys and Enter."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(c, id=c) for c in self.choices], id="choices")

    @on(OptionList.OptionSelected, "#choices")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickFactDialog(ModalScreen[str | None]):
    """Choose another fact: type to narrow the list, arrows and Enter to pick."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("down", "focus_list", show=False)]

    def __init__(self, title: str, facts: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.facts = facts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(placeholder="type to narrow the list", id="pick-filter")
            yield OptionList(*self._options(""), id="pick-list")

    def _options(self, needle: str) -> list[Option]:
        needle = needle.lower()
        return [Option(label[:110], id=fid) for fid, label in self.facts if needle in label.lower()][:300]

    @on(Input.Changed, "#pick-filter")
    def _narrow(self, event: Input.Changed) -> None:
        options = self.query_one("#pick-list", OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))

    @on(Input.Submitted, "#pick-filter")
    def _first(self) -> None:
        options = self.query_one("#pick-list", OptionList)
        if options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted or 0).id)

    @on(OptionList.OptionSelected, "#pick-list")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_focus_list(self) -> None:
        self.query_one("#pick-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


GLYPHS = """[b]Status[/b]  [green]✔[/] corroborated (2+ independent outlets)  [bold red]✖[/] contested  [dim]●[/] single-source
[b]Outlets[/b] [green]✔[/] states it  [yellow]≈[/] agrees at another precision  [bold red]✖[/] differs  [dim]·[/] silent
Every decision is saved at once to the claim store's review log (append-only); undo adds an entry."""


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, and what the table's marks mean."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self.bindings_list = bindings

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.bindings_list), default=10)
        keys = "\n".join(f"[b]{k:>{width}}[/b]  {d}" for k, d in self.bindings_list)
        with Vertical(classes="dialog wide"):
            yield Label("Keys", classes="dialog-title")
            yield Static(keys)
            yield Static(GLYPHS, classes="legend")

    def action_close(self) -> None:
        self.dismiss(None)
