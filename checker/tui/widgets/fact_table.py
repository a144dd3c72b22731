"""The facts table: one row per fact, one column per outlet — the report's matrix, alive."""
from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from checker.models import Fact
from checker.report.layout import title
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

    BATCH = 200  # rows added at a time: a store of thousands of facts opens and scrolls at once
    MAX_OUTLETS = 8  # columns of outlets; the others are counted in one column

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._outlets: list[str] = []
        self._others = False
        self._fact_width = 0
        self._state: ReviewState | None = None
        self._facts: list[Fact] = []
        self._added = 0

    def _update_dimensions(self, new_rows) -> None:
        """Every column here has a fixed width and every row one line, so the per-cell measuring
        DataTable does for new rows is skipped. Textual is pinned exactly; the pilot tests and
        benchmarks/review_startup.py check the table still lays out and scrolls."""
        rows = [self.rows[k] for k in new_rows if k in self.rows]
        if any(c.auto_width for c in self.columns.values()) or any(r.auto_height or r.label for r in rows):
            super()._update_dimensions(new_rows)
            return
        width = sum(c.get_render_width(self) for c in self.columns.values()) + self._row_label_column_width
        self.virtual_size = Size(width, self._total_row_height + (self.header_height if self.show_header else 0))

    def on_resize(self) -> None:
        if self._state is not None and self._fact_width != self._fitting_width(self._state):
            self.show(self._state, self._facts)

    def _columns(self, state: ReviewState) -> list[str]:
        """The outlets given a column: those stating the most facts, and the one filtered on."""
        shown = state.outlets[:self.MAX_OUTLETS]
        if state.filters.outlet and state.filters.outlet not in shown:
            # the outlet filtered on takes the last column, still in the one outlet order
            rank = {o: n for n, o in enumerate(state.outlets)}
            shown = sorted([*shown[:-1], state.filters.outlet], key=rank.__getitem__)
        return shown

    def _fitting_width(self, state: ReviewState) -> int:
        outlets = self._columns(state)
        outlet_widths = [max(3, min(12, len(_short(o)))) for o in outlets]
        others = 5 if len(state.outlets) > len(outlets) else 0
        fixed = 1 + sum(outlet_widths) + others + 3 + 22 + 2 * self.cell_padding * (len(outlet_widths) + 5) + 2
        return max(30, (self.size.width or 120) - fixed)

    def show(self, state: ReviewState, facts: list[Fact]) -> None:
        """Show these facts (the first batch now, more as the cursor nears the end); the cursor
        stays on the same fact when it is still listed."""
        current = self.highlighted_fact()
        self._state, self._facts = state, facts
        fact_width = self._fitting_width(state)
        columns = self._columns(state)
        if self._outlets != columns or not self.columns or self._fact_width != fact_width:
            self.clear(columns=True)
            self._outlets = columns
            self._others = len(state.outlets) > len(columns)
            self._fact_width = fact_width
            self.add_column(" ", key="status", width=1)
            self.add_column("fact", key="fact", width=fact_width)
            for n, outlet in enumerate(self._outlets):
                self.add_column(_short(outlet), key=f"o{n}", width=max(3, min(12, len(_short(outlet)))))
            if self._others:
                self.add_column("+", key="others", width=5)
            self.add_column("#", key="n", width=3)
            self.add_column("review", key="review", width=22)
        else:
            self.clear()
        self._added = 0
        position = next((n for n, f in enumerate(facts) if f.id == current), 0) if current else 0
        self.add_more(upto=position + self.BATCH)
        if current and current in self.rows:
            self.move_cursor(row=self.get_row_index(current))

    def add_more(self, upto: int | None = None) -> None:
        """Add the next batch of rows (or up to row `upto`)."""
        state, end = self._state, min(len(self._facts), upto or self._added + self.BATCH)
        widths = [max(3, min(12, len(_short(o)))) for o in self._outlets]
        for fact in self._facts[self._added:end]:
            glyph, style = STATUS_GLYPH[fact.status]
            summary = title(fact.summary, self._fact_width)
            # Cells are pre-cut and pre-padded: rendering them is then cheap, which paging needs.
            cells = [Text(glyph, style=style), Text(summary)]
            for outlet, width in zip(self._outlets, widths):
                g, st = STANCE_GLYPH[state.stance(fact, outlet)]
                cells.append(Text(g.center(width), style=st))
            if self._others:
                more = len(set(state.outlets_of(fact)) - set(self._outlets))
                cells.append(Text(f"+{more}".center(5) if more else "", style="cyan"))
            cells += [Text(str(len(fact.claims))), Text(state.review_state(fact)[:22], style="italic cyan")]
            self.add_row(*cells, key=fact.id)
        self._added = max(self._added, end)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self._added - 40 and self._added < len(self._facts):
            self.add_more()

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
