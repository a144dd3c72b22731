"""report.md: the report as Markdown a forge renders. A summary (sources, counts, the outlet ×
outlet agreement map as agreement.svg beside it), then the events, each with the facts several
outlets state — contested first — and last the facts only one outlet states, by outlet."""
from __future__ import annotations

from checker.models import Claim, Report
from checker.report.labels import outlet_labels
from checker.report.layout import EventView, FactView, event_views, fact_views, title
from checker.report.tables import ReportTables

GLYPH = {"corroborates": "✔", "partial": "≈", "differs": "✖", "silent": "·"}
STATUS = {"corroborated": "✔ corroborated", "contested": "✖ contested", "single-source": "● single-source"}
SVG_NAME = "agreement.svg"


def counted(stances) -> str:
    """Stances of outlets without a column, as glyphs with counts: '✔3 ✖1', or '·'."""
    parts = [f"{GLYPH[st]}{stances[st]}" for st in ("corroborates", "partial", "differs") if stances.get(st)]
    return " ".join(parts) or GLYPH["silent"]


def counted_noun(n: int, noun: str) -> str:
    """'1 fact', '3 facts'."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _cell(text: str, limit: int = 160) -> str:
    return title(text, limit).replace("|", "\\|")


def _who(c: Claim) -> str:
    a = c.attribution
    if a.kind == "outlet" or not a.speaker:
        return "the outlet"
    out = a.speaker + (f" (via {a.via})" if a.via else "")
    return out + (f", {a.time.describe()}" if a.time else "")


def _claim_line(c: Claim, labels: dict[str, str], credits: str | None = None) -> str:
    when = f" — {c.time.describe()}" if c.time and c.time.dated \
        and c.kind != "statement" else ""
    where = " (headline)" if c.kind == "headline" else ""
    return (f"- <a id=\"{c.id}\"></a>**{labels.get(c.source, c.source)}**{where}: “{_cell(c.text, 400)}” "
            f"— said by {_who(c)}{when}" + (f" · *speaks for {credits}*" if credits else ""))


def _review(r) -> str:
    if r is None:
        return ""
    if r.reviewer is None:
        return f" · **{r.state}**"
    return f" · reviewed: **{r.state}** by {r.reviewer}" + (f" ({r.note})" if r.note else "")


def _fact_block(n: str, v: FactView, claims: dict[str, Claim], labels: dict[str, str]) -> list[str]:
    f = v.fact
    outlets = f"{len(v.outlets)} outlets" if len(v.outlets) > 1 else "1 outlet"
    if f.independent_outlets and f.independent_outlets < len(v.outlets):
        outlets += f" ({f.independent_outlets} independent)"
    head = f"{STATUS[f.status]} · {outlets} · fact `{f.id}`" + _review(f.review)
    if f.reviewed_grouping:
        head += " · grouping changed by a reviewer"
    lines = [f"#### {n} {_cell(f.summary, 140)}", "", f"<a id=\"{f.id}\"></a>{head}", ""]
    for note in f.notes:
        lines += [f"> Note by {note.reviewer} ({(note.at or '')[:10]}): {_cell(note.note or '', 400)}", ""]
    for cid in f.claims:
        lines.append(_claim_line(claims[cid], labels, v.credits.get(cid)))
    if v.discrepancies:
        lines += ["", "Discrepancies, in the outlets' own words:"]
        for dv in v.discrepancies:
            review = _review(dv.d.review)
            lines.append(f"- **{dv.d.kind}** ({dv.where}): “{_cell(dv.words_a, 200)}” ([{dv.outlet_a}](#{dv.a.id})) "
                         f"vs “{_cell(dv.words_b, 200)}” ([{dv.outlet_b}](#{dv.b.id}))"
                         + ("" if dv.plain else f" — checker read: {_cell(dv.d.detail, 300)}") + review)
    lines.append("")
    return lines


def _event_block(k: int, ev: EventView, claims, labels) -> list[str]:
    n_single = sum(len(v) for v in ev.single.values())
    lines = [f"### Event {k}: {_cell(ev.title, 110)}", "",
             f"{counted_noun(len(ev.shared), 'fact')} stated by several outlets · {n_single} by one outlet only", ""]
    for i, v in enumerate(ev.shared, 1):
        lines += _fact_block(f"{k}.{i}", v, claims, labels)
    for outlet, views in ev.single.items():
        lines += [f"**Only {outlet}** ({len(views)})", ""]
        for v in views:
            c = claims[v.fact.claims[0]]
            extra = f" ({len(v.fact.claims)} mentions)" if len(v.fact.claims) > 1 else ""
            mark = "✖ " if v.fact.status == "contested" else ""
            lines.append(f"- <a id=\"{v.fact.id}\"></a>{mark}“{_cell(c.text, 300)}” — said by {_who(c)}{extra}"
                         + "".join(f"; **{dv.d.kind}** within {outlet}: “{_cell(dv.words_a, 120)}” vs "
                                   f"“{_cell(dv.words_b, 120)}”" for dv in v.discrepancies))
        lines.append("")
    return lines


def _origin(s, key: str, value) -> str:
    if value in (None, ""):
        return "—"
    return f"{value} *(inferred)*" if s.metadata_origin.get(key) == "inferred" else str(value)


def render_markdown(report: Report, tables: ReportTables, svg: str | None = SVG_NAME) -> str:
    """The whole Markdown document; `svg` is the file name of the agreement map beside it.

    Long (about 75 lines): the document top to bottom, section by section, in the order a reader
    sees it; the parts that repeat (a fact, a claim line) are helpers."""
    claims = report.claim_index()
    labels = outlet_labels(report)
    views = fact_views(report)
    events = event_views(report, views)
    n = report.counts()
    outlets = list(dict.fromkeys(labels[s.id] for s in report.sources))
    copies = [s for s in report.sources if s.copy_of]
    shared = [v for v in views.values() if v.cross]
    out = ["# Corroboration report", "",
           f"{n['sources']} sources from {len(outlets)} outlets · {n['claims']} claims · {n['facts']} facts "
           f"({n['corroborated']} corroborated, {n['contested']} contested, {n['single-source']} single-source) · "
           f"{n['discrepancies']} discrepancies · {counted_noun(len(events), 'event')} · made {report.created[:10]} by checker", ""]
    for note in report.notes:
        out += [f"> Note: {note}", ""]
    out += ["## Summary", "",
            f"- **{counted_noun(len(shared), 'fact')} stated by two or more outlets**: "
            f"{sum(v.fact.status == 'contested' for v in shared)} contested, "
            f"{sum(v.fact.status == 'corroborated' for v in shared)} corroborated by independent outlets"
            + (f", {sum(v.fact.status == 'single-source' for v in shared)} stated only by copies of one article "
               "or by outlets citing one"
               if any(v.fact.status == "single-source" for v in shared) else "") + ".",
            f"- {counted_noun(n['facts'] - len(shared), 'fact')} from one outlet only (listed last in each event)."]
    if copies:
        out.append("- Copies: " + "; ".join(f"`{s.id}` ({labels[s.id]}) reprints `{s.copy_of}` "
                                            f"({labels.get(s.copy_of, s.copy_of)})" for s in copies)
                   + " — a copy never corroborates its original.")
    top = sorted((v for v in shared if v.fact.status == "contested"), key=lambda v: -v.fact.independent_outlets)[:3]
    for v in top:
        dv = v.discrepancies[0] if v.discrepancies else None
        if dv:
            out.append(f"- ✖ [{_cell(v.fact.summary, 90)}](#{v.fact.id}): **{dv.d.kind}** — “{_cell(dv.words_a, 80)}” "
                       f"({dv.outlet_a}) vs “{_cell(dv.words_b, 80)}” ({dv.outlet_b})")
    if svg and len(outlets) > 1:
        out += ["", f"![Outlet × outlet agreement: the facts two outlets both state, and how many they differ on]({svg})"]
    out += ["", "## Sources", "", "| source | outlet | published | claims | title | copy of |", "|---|---|---|---|---|---|"]
    per_source = {s.id: 0 for s in report.sources}
    for f in report.facts:
        for cid in f.claims:
            per_source[claims[cid].source] = per_source.get(claims[cid].source, 0) + 1
    for s in report.sources:
        name = _cell(s.title or s.id, 90)
        link = f"[{name}]({s.url})" if s.url else name
        if s.url and s.metadata_origin.get("url") == "inferred":
            link += " *(URL inferred)*"
        if s.title and s.metadata_origin.get("title") == "inferred":
            link += " *(title inferred)*"
        out.append(f"| `{s.id}` | {_cell(_origin(s, 'outlet', s.outlet))} | {_origin(s, 'published', s.published)} | "
                   f"{per_source[s.id]} | {link} | {f'`{s.copy_of}`' if s.copy_of else '—'} |")
    if report.orphaned_reviews:
        out += ["", f"## Review decisions that no longer apply ({len(report.orphaned_reviews)})", "",
                "Their claims are not in this input any more; the decisions stay in the review log.", ""]
        for e in report.orphaned_reviews:
            out.append(f"- {e.action} by {e.reviewer} on {e.at[:10]}" + (f": {_cell(e.note, 200)}" if e.note else ""))
    out += ["", f"## Events ({len(events)})", "",
            "Each event: the facts several outlets state (contested first, then by independent outlets and "
            "prominence), then what only one outlet says. A discrepancy quotes each outlet's own words, links "
            "to both claims, and ends with how checker read them.", ""]
    for k, ev in enumerate(events, 1):
        out += _event_block(k, ev, claims, labels)
    if shared:
        cols = tables.shown_outlets()
        hidden = len(tables.columns) - len(cols)
        out += ["## Fact × outlet", "", "✔ states it · ≈ agrees at another precision · ✖ differs · · silent", ""]
        if hidden:
            out += [f"Columns: the {len(cols)} outlets that state the most facts; the other {hidden} are counted "
                    "in the first column (claims.csv and report.json have every outlet).", ""]
        head = ([f"{hidden} other outlets"] if hidden else []) + [_cell(c, 30) for c in cols]
        out += ["| fact | " + " | ".join(head) + " |", "|---|" + "---|" * len(head)]
        for ev in events:
            for v in ev.shared:
                row = tables.stances.get(v.fact.id, {})
                cells = ([counted(tables.others(v.fact.id, cols))] if hidden else []) + \
                    [GLYPH[row.get(c, "silent")] for c in cols]
                out.append(f"| [{_cell(v.fact.summary, 90)}](#{v.fact.id}) | " + " | ".join(cells) + " |")
    return "\n".join(out).rstrip() + "\n"


def write_markdown(report: Report, path, tables: ReportTables) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_markdown(report, tables))
