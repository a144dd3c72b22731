"""Write a report in every format: report.md (with agreement.svg beside it), report.html,
report.json, claims.csv, and claimreview.jsonld (schema.org ClaimReview items)."""
from __future__ import annotations

import pathlib

from checker.errors import CheckerError
from checker.models import Report


def write_reports(report: Report, out: str | pathlib.Path) -> dict[str, pathlib.Path]:
    """Write the report files into `out` (created if needed); returns their paths by format."""
    from checker.report.claimreview import write_claimreview
    from checker.report.html import write_html
    from checker.report.layout import agreement_svg
    from checker.report.json_report import write_json
    from checker.report.markdown import write_markdown
    from checker.report.tables import report_tables

    folder = pathlib.Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckerError(f"cannot write reports to {folder}: {exc.strerror or exc}") from None
    paths = {"md": folder / "report.md", "html": folder / "report.html", "json": folder / "report.json",
             "csv": folder / "claims.csv", "svg": folder / "agreement.svg",
             "claimreview": folder / "claimreview.jsonld"}
    tables = report_tables(report)
    write_markdown(report, paths["md"], tables)
    write_html(report, paths["html"], tables)
    write_json(report, paths["json"])
    tables.claims.to_csv(paths["csv"], index=False)
    paths["svg"].write_text(agreement_svg(report, tables.shown_outlets()), encoding="utf-8")
    write_claimreview(report, paths["claimreview"])
    return paths
