"""The fact screen: each outlet's claim with who says it and when, the values that differ
highlighted, the discrepancies explained, and every decision on them."""
from __future__ import annotations

from typing import get_args

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label, Static

from checker.extract.markup import mask_markdown
from checker.models import Claim, DiscrepancyKind, Fact
from checker.store.review import ADDED, SETTLED, STATUSES
from checker.tui.screens.base import ReviewScreen
from checker.tui.screens.dialogs import ChoiceDialog, NoteDialog, PickFactDialog

REVIEW_STYLE = {"real": "bold red", "not real": "green", ADDED: "bold red"}
KINDS = get_args(DiscrepancyKind)


class FactScreen(ReviewScreen):
    """One fact in detail. It follows its claims, so it stays on the fact after regrouping."""

    AUTO_FOCUS = "#claims"
    BINDINGS = [
        Binding("escape,backspace", "back", "Back"),
        Binding("r", "verdict('real')", "Real"),
        Binding("f", "verdict('not_real')", "Not real"),
        Binding("x", "confirm", "Confirm"),
        Binding("t", "status", "Status"),
        Binding("n", "note", "Note"),
        Binding("m", "move", "Move claim"),
        Binding("d", "detach", "Detach claim", show=False),
        Binding("M", "merge", "Merge fact", show=False),
        Binding("space", "mark", "Mark for split", show=False),
        Binding("s", "split", "Split marked", show=False),
        Binding("a", "add_discrepancy", "Add discrepancy"),
        Binding("p", "context", "Paragraph"),
        Binding("tab", "focus_next", "Next table", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, claim_ids: list[str]) -> None:
        super().__init__()
        self.claim_ids = list(claim_ids)
        self.marked: set[str] = set()
        self.fact: Fact | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="fact-head")
        yield Label("Discrepancies", classes="section", id="disc-label")
        yield DataTable(id="discrepancies", cursor_type="row", zebra_stripes=True)
        yield Label("Claims", classes="section")
        yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield Static("", id="context")
        yield Footer()

    def on_mount(self) -> None:
        d = self.query_one("#discrepancies", DataTable)
        for label, key, width in (("kind", "kind", 11), ("between", "between", 26), ("what differs", "detail", 60),
                                  ("review", "review", 24)):
            d.add_column(label, key=key, width=width)
        c = self.query_one("#claims", DataTable)
        for label, key, width in (("", "mark", 1), ("outlet", "outlet", 14), ("claim", "claim", 62),
                                  ("who says it", "who", 22), ("when", "when", 18)):
            c.add_column(label, key=key, width=width)
        self.refresh_from_state()
        c.focus()

    def refresh_from_state(self) -> None:
        fact = self.state.find_fact(self.claim_ids)
        if fact is None:
            self.app.pop_screen()
            return
        self.fact = fact
        self.claim_ids = list(fact.claims)
        st = self.state
        review = ""
        if fact.review and fact.review.state == SETTLED:
            review = " · [b]every discrepancy found not real: the status is yours to set (t) or confirm (x)[/b]"
        elif fact.review:
            review = f" · reviewed: [b]{fact.review.state}[/b] by {fact.review.reviewer}"
        head = [f"[b]{_esc(fact.summary)}[/b]",
                f"{fact.status} · {len(st.outlets_of(fact))} outlet(s): {', '.join(st.outlets_of(fact))}{review}"
                + (" · regrouped by a reviewer" if fact.reviewed_grouping else "")]
        head += [f"[i]note by {n.reviewer}:[/i] {_esc(n.note or '')}" for n in fact.notes]
        self.query_one("#fact-head", Static).update("\n".join(head))
        d = self.query_one("#discrepancies", DataTable)
        keep = d.cursor_row
        d.clear()
        rank = {o: n for n, o in enumerate(st.outlets)}
        for disc in fact.discrepancies:
            # the two outlets in the one outlet order, as in the columns and the claims below
            a, b = sorted((st.claims[c] for c in disc.claims), key=lambda c: rank.get(st.labels[c.source], 0))
            between = f"within {st.labels[a.source]}" if disc.internal else f"{st.labels[a.source]} / {st.labels[b.source]}"
            rv = disc.review
            if rv and rv.state == ADDED:
                review = Text(f"added by {rv.reviewer}", style=REVIEW_STYLE[ADDED])
            else:
                review = Text(f"{rv.state}" + (f": {rv.note}" if rv and rv.note else ""),
                              style=REVIEW_STYLE.get(rv.state, "")) if rv else Text("unchecked", style="dim")
            d.add_row(disc.kind, between, Text(disc.detail), review, key=disc.id, height=None)
        d.display = bool(fact.discrepancies)
        self.query_one("#disc-label").display = bool(fact.discrepancies)
        if fact.discrepancies:
            d.move_cursor(row=min(keep, len(fact.discrepancies) - 1))
        c = self.query_one("#claims", DataTable)
        keep = c.cursor_row
        c.clear()
        for cid in st.claims_in_outlet_order(fact):
            claim = st.claims[cid]
            c.add_row("•" if cid in self.marked else "", st.labels[claim.source], self._claim_text(fact, claim),
                      _who(claim), _when(claim), key=cid, height=None)
        c.move_cursor(row=min(keep, max(0, len(fact.claims) - 1)))
        self._show_context()

    def _claim_text(self, fact: Fact, claim: Claim) -> Text:
        source = self.state.sources[claim.source]
        text = mask_markdown(source.text) if source.markup == "markdown" else source.text
        marks = self.state.differing_spans(fact, claim)
        out = Text()
        for n, (a, b) in enumerate(claim.segments or [(claim.start, claim.end)]):
            if n:
                out.append(" … ", style="dim")
            pos = a
            for x, y in marks:
                x, y = max(x, a), min(y, b)
                if x >= y or x < pos:
                    continue
                out.append(text[pos:x])
                out.append(text[x:y], style="bold black on yellow")
                pos = y
            out.append(text[pos:b])
        return out

    def _claim(self) -> Claim | None:
        c = self.query_one("#claims", DataTable)
        if not c.row_count:
            return None
        return self.state.claims[c.coordinate_to_cell_key(c.cursor_coordinate).row_key.value]

    def _discrepancy(self):
        if not self.fact or not self.fact.discrepancies:
            return None
        d = self.query_one("#discrepancies", DataTable)
        return self.fact.discrepancies[min(d.cursor_row, len(self.fact.discrepancies) - 1)]

    # -- looking --------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_context(self) -> None:
        box = self.query_one("#context", Static)
        box.toggle_class("visible")
        self._show_context()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "claims":
            self._show_context()

    def _show_context(self) -> None:
        box = self.query_one("#context", Static)
        claim = self._claim()
        if claim is None or not box.has_class("visible"):
            return
        box.update(f"[b]{self.state.labels[claim.source]}[/b], the paragraph:\n{_esc(self.state.paragraph(claim))}")

    # -- deciding -------------------------------------------------------------------------
    def action_verdict(self, which: str) -> None:
        disc = self._discrepancy()
        if disc is None:
            self.notify("this fact has no discrepancy to check", severity="warning")
            return
        label = "real" if which == "real" else "not real"

        def written(note: str | None) -> None:
            if note is not None:
                self.decide(f"discrepancy.{which}", f"discrepancy marked {label}", claims=list(disc.claims),
                            kind=disc.kind, note=note or None)
        self.app.push_screen(NoteDialog(f"Mark the {disc.kind} discrepancy {label} — why? (optional)"), written)

    def action_add_discrepancy(self) -> None:
        """A discrepancy checker missed: the claim under the cursor and another of this fact,
        a kind and a note. It reaches the reports and claimreview.jsonld like any other."""
        claim = self._claim()
        if claim is None or len(self.fact.claims) < 2:
            self.notify("a discrepancy needs two claims of this fact", severity="warning")
            return
        others = [(c, f"{self.state.labels[self.state.claims[c].source]}: {self.state.claims[c].text}")
                  for c in self.state.claims_in_outlet_order(self.fact) if c != claim.id]

        def picked(other: str | None) -> None:
            if not other:
                return

            def kind_chosen(kind: str | None) -> None:
                if not kind:
                    return

                def written(note: str | None) -> None:
                    if note:
                        self.decide("discrepancy.add", f"{kind} discrepancy added", claims=[claim.id, other],
                                    kind=kind, note=note)
                self.app.push_screen(NoteDialog(f"What differs ({kind})? The note is shown as the detail",
                                                optional=False), written)
            self.app.push_screen(ChoiceDialog("Kind of discrepancy", list(KINDS)), kind_chosen)
        self.app.push_screen(PickFactDialog(f"“{claim.text[:50]}” differs from:", others), picked)

    def action_confirm(self) -> None:
        if self.fact:
            self.decide("fact.confirm", "fact confirmed", claims=list(self.fact.claims))

    def action_status(self) -> None:
        fact = self.fact

        def chosen(status: str | None) -> None:
            if status and fact:
                self.decide("fact.status", f"status set to {status}", claims=list(fact.claims), value=status)
        self.app.push_screen(ChoiceDialog("Set the fact's status", list(STATUSES)), chosen)

    def action_note(self) -> None:
        fact = self.fact

        def written(note: str | None) -> None:
            if note and fact:
                self.decide("fact.note", "note added", claims=list(fact.claims), note=note)
        self.app.push_screen(NoteDialog("Note on this fact", optional=False), written)

    def action_move(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        others = [(f.id, f.summary) for f in self.state.report.facts if f.id != self.fact.id]

        def picked(other: str | None) -> None:
            if other:
                self.claim_ids = [c for c in self.claim_ids if c != claim.id] or self.claim_ids
                self.decide("claim.move", "claim moved", claims=[claim.id], other=list(self.state.facts[other].claims))
        self.app.push_screen(PickFactDialog(f"Move “{claim.text[:50]}” to:", others), picked)

    def action_detach(self) -> None:
        claim = self._claim()
        if claim is None or len(self.fact.claims) < 2:
            self.notify("a fact of one claim has nothing to detach from", severity="warning")
            return
        self.claim_ids = [c for c in self.claim_ids if c != claim.id]
        self.decide("claim.detach", "claim detached into a fact of its own", claims=[claim.id])

    def action_merge(self) -> None:
        fact = self.fact
        others = [(f.id, f.summary) for f in self.state.report.facts if f.id != fact.id]

        def picked(other: str | None) -> None:
            if other:
                self.decide("fact.merge", "facts merged", claims=list(fact.claims),
                            other=list(self.state.facts[other].claims))
        self.app.push_screen(PickFactDialog("Merge this fact with:", others), picked)

    def action_mark(self) -> None:
        claim = self._claim()
        if claim:
            self.marked ^= {claim.id}
            self.refresh_from_state()

    def action_split(self) -> None:
        marked = [c for c in self.fact.claims if c in self.marked] if self.fact else []
        if not marked or len(marked) == len(self.fact.claims):
            self.notify("mark some, not all, claims with space first", severity="warning")
            return
        self.marked.clear()
        self.claim_ids = [c for c in self.claim_ids if c not in marked]
        self.decide("fact.split", f"{len(marked)} claim(s) split off into a new fact", claims=marked)


def _esc(text: str) -> str:
    return text.replace("[", r"\[")


def _who(claim: Claim) -> str:
    a = claim.attribution
    if a.kind == "outlet" or not a.speaker:
        return "the outlet"
    return a.speaker + (f" (via {a.via})" if a.via else "")


def _when(claim: Claim) -> str:
    if claim.kind == "statement" and claim.attribution.time:
        return f"said {claim.attribution.time.describe()}"
    if claim.time and claim.time.dated:
        return claim.time.describe()
    return ""
