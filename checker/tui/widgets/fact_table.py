"""The facts table: one row per fact, one column per outlet — the report's matrix, alive."""
from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from checker.models import Fact
from checker.tui.state import ReviewState

STATUS_GLYPH = {"corroborated": ("✔", "green"), "contested": ("✖", "bold red"), "single-source": ("●", "dim")}
STANCE_GLYPH = {"corroborates": ("✔", "green"), "partial": ("≈", "yellow"), "differs": ("✖", "bold red"),
                "silent": ("·", "dim")}


class FactTable(DataTable):
    """Facts with their status, summary, each outlet's stance, claim count and review state."""

    class Opened(Message):
        """The reviewer asked to open a fact (Enter on its row)."""

        def __init__(self, fact_id: str) -> None:
            super().__init__()
            self.fact_id = fact_id

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._outlets: list[str] = []
        self._fact_width = 0
        self._shown: tuple | None = None

    def _update_dimensions(self, new_rows) -> None:
        """Every column here has a fixed width and every row one line, so the per-cell measuring
        DataTable does for new rows (seconds for thousands of facts) is skipped. Textual is
        pinned exactly; tests/test_tui.py checks the table still lays out and scrolls."""
        rows = [self.rows[k] for k in new_rows if k in self.rows]
        if any(c.auto_width for c in self.columns.values()) or any(r.auto_height or r.label for r in rows):
            super()._update_dimensions(new_rows)
            return
        width = sum(c.get_render_width(self) for c in self.columns.values()) + self._row_label_column_width
        self.virtual_size = Size(width, self._total_row_height + (self.header_height if self.show_header else 0))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, state: ReviewState, facts: list[Fact]) -> None:
        """Fill the table (keeps the cursor on the same fact when it is still listed)."""
        self._shown = (state, facts)
        current = self.highlighted_fact()
        outlet_widths = [max(3, min(12, len(_short(o)))) for o in state.outlets]
        fixed = 1 + sum(outlet_widths) + 3 + 22 + 2 * self.cell_padding * (len(outlet_widths) + 4) + 2
        fact_width = max(30, (self.size.width or 120) - fixed)
        if self._outlets != state.outlets or not self.columns or self._fact_width != fact_width:
            self.clear(columns=True)
            self._outlets = list(state.outlets)
            self._fact_width = fact_width
            self.add_column(" ", key="status", width=1)
            self.add_column("fact", key="fact", width=fact_width)
            for n, (outlet, width) in enumerate(zip(self._outlets, outlet_widths)):
                self.add_column(_short(outlet), key=f"o{n}", width=width)
            self.add_column("#", key="n", width=3)
            self.add_column("review", key="review", width=22)
        else:
            self.clear()
        for fact in facts:
            glyph, style = STATUS_GLYPH[fact.status]
            cells = [Text(glyph, style=style), Text(fact.summary[:200], no_wrap=True, overflow="ellipsis")]
            for outlet in self._outlets:
                g, st = STANCE_GLYPH[state.stance(fact, outlet)]
                cells.append(Text(g, style=st, justify="center"))
            cells += [str(len(fact.claims)), Text(state.review_state(fact), style="italic cyan")]
            self.add_row(*cells, key=fact.id)
        if current and current in self.rows:
            self.move_cursor(row=self.get_row_index(current))

    def highlighted_fact(self) -> str | None:
        if not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:  # an empty or just-cleared table has no cell under the cursor
            return None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Opened(event.row_key.value))


def _short(outlet: str) -> str:
    """A column header: the outlet's name without parentheses, cut to fit."""
    name = outlet.split("(")[0].strip() or outlet
    return name if len(name) <= 12 else name[:11] + "…"
