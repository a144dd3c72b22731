"""report.html: one self-contained file (inline CSS, no external assets). A coloured fact ×
outlet matrix whose cells link to the evidence, each claim shown in its sentence with the
claimed words highlighted. All article text is HTML-escaped by the template engine."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from checker.extract.markup import mask_markdown
from checker.models import STANCE_RANK, Claim, Report
from checker.report.labels import outlet_labels
from checker.report.layout import FactView, agreement_svg, event_views, fact_views, title
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


def _item(v: FactView, tables: ReportTables, columns, hidden, first_claim, claims, labels, texts) -> dict:
    f = v.fact
    row = tables.stances.get(f.id, {})
    others = tables.others(f.id, columns) if hidden else None
    return {
        "fact": f, "view": v, "title": title(f.summary, 140), "outlets": v.outlets,
        "kinds": sorted({d.kind for d in f.discrepancies}), "rank": 0,
        "cells": [(col, row.get(col, "silent"), first_claim.get((f.id, col))) for col in columns],
        "others": others and {"text": counted(others), "stance": max(others, key=STANCE_RANK.get),
                              "title": ", ".join(f"{others[st]} {verb}" for st, verb in _VERBS.items() if others.get(st))},
        "claims": [{"claim": claims[c], "label": labels[claims[c].source],
                    "pieces": highlight(texts[claims[c].source], claims[c])} for c in f.claims],
    }


def render_html(report: Report, tables: ReportTables) -> str:
    """The whole HTML document."""
    from markupsafe import Markup

    claims = report.claim_index()
    labels = outlet_labels(report)
    columns = tables.shown_outlets()
    hidden = len(tables.columns) - len(columns)
    first_claim: dict[tuple[str, str], str] = {}
    for f in report.facts:
        for cid in f.claims:
            first_claim.setdefault((f.id, labels[claims[cid].source]), cid)
    texts = {s.id: mask_markdown(s.text) if s.markup == "markdown" else s.text for s in report.sources}
    views = fact_views(report)
    events = event_views(report, views)
    rank = 0
    out_events, matrix = [], []
    for ev in events:
        shared = []
        for v in ev.shared:
            rank += 1
            item = _item(v, tables, columns, hidden, first_claim, claims, labels, texts) | {"rank": rank, "event": ev.id}
            shared.append(item)
            matrix.append(item)
        single = []
        for outlet, vs in ev.single.items():
            group = []
            for v in vs:
                rank += 1
                group.append(_item(v, tables, columns, hidden, first_claim, claims, labels, texts)
                             | {"rank": rank, "event": ev.id})
            single.append((outlet, group))
        out_events.append({"ev": ev, "shared": shared, "single": single})
    kinds = sorted({d.kind for f in report.facts for d in f.discrepancies})
    outlets = list(dict.fromkeys(labels[s.id] for s in report.sources))
    svg = Markup(agreement_svg(report, columns).replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)) \
        if len(outlets) > 1 else None
    n_shared = sum(1 for v in views.values() if v.cross)
    return _template().render(report=report, counts=report.counts(), columns=columns, hidden=hidden,
                              events=out_events, matrix=matrix, labels=labels, sources=report.sources, kinds=kinds,
                              outlets=outlets, svg=svg, n_shared=n_shared,
                              shared_contested=sum(1 for v in views.values() if v.cross and v.fact.status == "contested"),
                              shared_corroborated=sum(1 for v in views.values()
                                                      if v.cross and v.fact.status == "corroborated"),
                              copies=[s for s in report.sources if s.copy_of])


def write_html(report: Report, path, tables: ReportTables) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_html(report, tables))
