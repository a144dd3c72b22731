"""report.md: the report as Markdown a forge renders: contested facts first, then what two or
more outlets agree on, then what only one outlet says."""
from __future__ import annotations

from checker.models import Claim, Fact, Report
from checker.report.labels import outlet_labels
from checker.report.tables import ReportTables

GLYPH = {"corroborates": "✔", "partial": "≈", "differs": "✖", "silent": "·"}
STATUS = {"corroborated": "✔ corroborated", "contested": "✖ contested", "single-source": "● single-source"}


def counted(stances) -> str:
    """Stances of outlets without a column, as glyphs with counts: '✔3 ✖1', or '·'."""
    parts = [f"{GLYPH[st]}{stances[st]}" for st in ("corroborates", "partial", "differs") if stances.get(st)]
    return " ".join(parts) or GLYPH["silent"]


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _who(c: Claim) -> str:
    a = c.attribution
    if a.kind == "outlet" or not a.speaker:
        return "the outlet"
    out = a.speaker + (f" (via {a.via})" if a.via else "")
    return out + (f", {a.time.describe()}" if a.time else "")


def _claim_line(c: Claim, labels: dict[str, str]) -> str:
    when = f" — {c.time.describe()}" if c.time and c.time.origin in ("explicit", "sentence") \
        and c.kind != "statement" else ""
    return f"- **{labels.get(c.source, c.source)}**: “{_cell(c.text, 400)}” — said by {_who(c)}{when}"


def _fact_block(n: int, f: Fact, claims: dict[str, Claim], labels: dict[str, str]) -> list[str]:
    head = f"{STATUS[f.status]} · {len({labels[claims[c].source] for c in f.claims})} outlet(s) · fact `{f.id}`"
    if f.review:
        head += f" · reviewed: **{f.review.state}** by {f.review.reviewer}" + (f" ({f.review.note})" if f.review.note else "")
    if f.reviewed_grouping:
        head += " · grouping changed by a reviewer"
    lines = [f"### {n}. {_cell(f.summary, 200)}", "", head, ""]
    for note in f.notes:
        lines += [f"> Note by {note.reviewer} ({(note.at or '')[:10]}): {_cell(note.note or '', 400)}", ""]
    for cid in f.claims:
        lines.append(_claim_line(claims[cid], labels))
    if f.discrepancies:
        lines += ["", "Discrepancies:"]
        for d in f.discrepancies:
            a, b = claims[d.claims[0]], claims[d.claims[1]]
            where = "within " + labels[a.source] if d.internal else f"{labels[a.source]} vs {labels[b.source]}"
            review = ""
            if d.review:
                review = f" — reviewed: **{d.review.state}** by {d.review.reviewer}" + (f" ({d.review.note})" if d.review.note else "")
            lines.append(f"- **{d.kind}** ({where}): {_cell(d.detail, 400)}{review}")
    lines.append("")
    return lines


def render_markdown(report: Report, tables: ReportTables) -> str:
    """The whole Markdown document."""
    claims = report.claim_index()
    labels = outlet_labels(report)
    n = report.counts()
    out = ["# Corroboration report", "",
           f"{n['sources']} sources · {n['claims']} claims · {n['facts']} facts "
           f"({n['corroborated']} corroborated, {n['contested']} contested, {n['single-source']} single-source) · "
           f"{n['discrepancies']} discrepancies · made {report.created[:10]} by checker", ""]
    for note in report.notes:
        out += [f"> Note: {note}", ""]
    out += ["## Sources", "", "| source | outlet | published | claims | title |", "|---|---|---|---|---|"]
    per_source = {s.id: 0 for s in report.sources}
    for f in report.facts:
        for cid in f.claims:
            per_source[claims[cid].source] = per_source.get(claims[cid].source, 0) + 1
    for s in report.sources:
        origin = " (inferred)" if "published" in s.metadata_origin and s.metadata_origin["published"] == "inferred" else ""
        out.append(f"| `{s.id}` | {_cell(s.outlet or '—')} | {s.published or '—'}{origin} | {per_source[s.id]} | "
                   f"{_cell(s.title or '—', 90)} |")
    if report.orphaned_reviews:
        out += ["", f"## Review decisions that no longer apply ({len(report.orphaned_reviews)})", "",
                "Their claims are not in this input any more; the decisions stay in the review log.", ""]
        for e in report.orphaned_reviews:
            out.append(f"- {e.action} by {e.reviewer} on {e.at[:10]}" + (f": {_cell(e.note, 200)}" if e.note else ""))
    contested = [f for f in report.facts if f.status == "contested"]
    corroborated = [f for f in report.facts if f.status == "corroborated"]
    single = [f for f in report.facts if f.status == "single-source"]
    multi = [f for f in report.facts if len({labels[claims[c].source] for c in f.claims}) > 1]
    if multi:
        cols = tables.shown_outlets()
        hidden = len(tables.columns) - len(cols)
        out += ["", "## Fact × outlet", "",
                "✔ states it · ≈ agrees at another precision · ✖ differs · · silent", ""]
        if hidden:
            out += [f"Columns: the {len(cols)} outlets that state the most facts; the other {hidden} are counted "
                    "in the first column (claims.csv and report.json have every outlet).", ""]
        head = ([f"{hidden} other outlets"] if hidden else []) + [_cell(c, 30) for c in cols]
        out += ["| fact | " + " | ".join(head) + " |", "|---|" + "---|" * len(head)]
        for f in multi:
            row = tables.stances.get(f.id, {})
            cells = ([counted(tables.others(f.id, cols))] if hidden else []) + [GLYPH[row.get(c, "silent")] for c in cols]
            out.append(f"| {_cell(f.summary, 90)} | " + " | ".join(cells) + " |")
    out += ["", f"## Contested facts ({len(contested)})", ""]
    for i, f in enumerate(contested, 1):
        out += _fact_block(i, f, claims, labels)
    out += [f"## Corroborated facts ({len(corroborated)})", ""]
    for i, f in enumerate(corroborated, 1):
        out += _fact_block(i, f, claims, labels)
    out += [f"## Single-source facts ({len(single)})", ""]
    by_outlet: dict[str, list[Fact]] = {}
    for f in single:
        by_outlet.setdefault(labels[claims[f.claims[0]].source], []).append(f)
    for outlet, facts in by_outlet.items():
        out += [f"### Only {outlet}", ""]
        for f in facts:
            c = claims[f.claims[0]]
            extra = f" ({len(f.claims)} mentions)" if len(f.claims) > 1 else ""
            out.append(f"- “{_cell(c.text, 300)}” — said by {_who(c)}{extra}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_markdown(report: Report, path, tables: ReportTables) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_markdown(report, tables))
