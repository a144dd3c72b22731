"""`checker report`: write the reports again from the claim store."""
from __future__ import annotations

import click


@click.command("report")
@click.option("--store", default="claims", show_default=True, type=click.Path(), help="Claim store folder.")
@click.option("--out", default="reports/latest", show_default=True, type=click.Path(), help="Folder for the reports.")
def report_command(store, out) -> None:
    """Regenerate report.md, report.html, report.json and claims.csv from the claim store."""
    from checker.store.review import reviewed
    from checker.report import write_reports
    from checker.store.database import Store

    with Store(store, readonly=True) as db:
        report = reviewed(db.load_report(), db.review_entries())
    written = write_reports(report, out)
    click.echo(f"Report: {written['html']}  (also report.md, report.json, claims.csv in {out})")
