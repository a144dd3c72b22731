"""report.html: one self-contained file (inline CSS, no external assets). A coloured fact ×
outlet matrix whose cells link to the evidence, each claim shown in its sentence with the
claimed words highlighted. All article text is HTML-escaped by the template engine."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from checker.markup import mask_markdown
from checker.models import STANCE_RANK, Claim, Report
from checker.report.labels import outlet_labels
from checker.report.markdown import counted
from checker.report.tables import ReportTables


_VERBS = {"corroborates": "corroborate", "partial": "agree at another precision", "differs": "differ"}


@dataclass
class Piece:
    text: str
    marked: bool


def highlight(text: str, claim: Claim) -> list[Piece]:
    """The claim's sentence cut into pieces, the claim's own words marked."""
    lo, hi = claim.sentence
    lo, hi = min(lo, claim.start), max(hi, claim.end)
    pieces, pos = [], lo
    for a, b in claim.segments or [(claim.start, claim.end)]:
        if a > pos:
            pieces.append(Piece(text[pos:a], False))
        pieces.append(Piece(text[a:b], True))
        pos = b
    if pos < hi:
        pieces.append(Piece(text[pos:hi], False))
    return pieces


@functools.lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("checker", "report/templates"),
                             autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2")


def render_html(report: Report, tables: ReportTables) -> str:
    claims = report.claim_index()
    labels = outlet_labels(report)
    columns = tables.shown_outlets()
    hidden = len(tables.columns) - len(columns)
    first_claim: dict[tuple[str, str], str] = {}
    for f in report.facts:
        for cid in f.claims:
            first_claim.setdefault((f.id, labels[claims[cid].source]), cid)
    texts = {s.id: mask_markdown(s.text) if s.markup == "markdown" else s.text for s in report.sources}
    facts = []
    for f in report.facts:
        row = tables.stances.get(f.id, {})
        others = tables.others(f.id, columns) if hidden else None
        facts.append({
            "fact": f, "outlets": len({labels[claims[c].source] for c in f.claims}),
            "cells": [(col, row.get(col, "silent"), first_claim.get((f.id, col))) for col in columns],
            "others": others and {"text": counted(others), "stance": max(others, key=STANCE_RANK.get),
                                  "title": ", ".join(f"{others[st]} {verb}" for st, verb in _VERBS.items() if others.get(st))},
            "claims": [{"claim": claims[c], "label": labels[claims[c].source],
                        "pieces": highlight(texts[claims[c].source], claims[c])} for c in f.claims],
            "discrepancies": [{"d": d, "a": labels[claims[d.claims[0]].source], "b": labels[claims[d.claims[1]].source]}
                              for d in f.discrepancies],
        })
    return _template().render(report=report, counts=report.counts(), columns=columns, hidden=hidden, facts=facts,
                              labels=labels, sources=report.sources)


def write_html(report: Report, path, tables: ReportTables) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_html(report, tables))
