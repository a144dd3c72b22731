"""`checker run`: articles in, a corroboration report out."""
from __future__ import annotations

import click


@click.command("run")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", default="reports/latest", show_default=True, type=click.Path(),
              help="Folder for report.md, report.html, report.json and claims.csv.")
@click.option("--store", default="claims", show_default=True, type=click.Path(),
              help="Claim store folder (SQLite database, embedding cache, review log).")
@click.option("--meta", type=click.Path(), help="Metadata file to use instead of sources.json beside the articles.")
@click.option("--encoding", help="Read the articles in this encoding instead of UTF-8 (e.g. cp1252).")
@click.option("--skip-bad", is_flag=True, help="Skip unreadable files with a warning instead of stopping.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where reading, claim extraction and embedding run: this machine, or Ray "
                   "(local, or the cluster in RAY_ADDRESS; needs pip install 'checker[ray]').")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (local) or actors per stage (ray); "
              "default one per CPU.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override one grouping threshold (repeatable), e.g. --set fact_link=0.4; "
                   "`checker settings` lists them with their values.")
def run_command(paths, out, store, meta, encoding, skip_bad, engine, workers, overrides) -> None:
    """Read articles (.txt, .md, .html files or folders), group their claims into facts across
    outlets, judge each fact, save the claim store and write the reports."""
    from checker.cli.progress import RichProgress
    from checker.pipeline import run
    from checker.report import write_reports

    from checker.engines.local import make_engine
    from checker.errors import InputError
    from checker.settings import Settings

    try:
        settings = Settings.from_pairs(list(overrides))
    except ValueError as e:
        raise InputError(str(e).splitlines()[0]) from None
    engine = make_engine(engine, workers=workers)  # fails here, in one line, if Ray is missing
    with RichProgress() as progress:
        report = run(paths, store=store, progress=progress, encoding=encoding, skip_bad=skip_bad, meta=meta,
                     engine=engine, settings=settings)
        progress.stage("writing reports")
        written = write_reports(report, out)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(files_line(report))
    n = report.counts()
    click.echo(f"{n['sources']} sources, {n['claims']} claims, {n['facts']} facts "
               f"({n['corroborated']} corroborated, {n['contested']} contested, {n['single-source']} single-source), "
               f"{n['discrepancies']} discrepancies.")
    reused, embedded = int(report.settings.get("articles_reused", 0)), int(report.settings.get("embedded", 0))
    if reused:
        click.echo(f"Reused from the store: {reused} of {n['sources']} articles' claims; {embedded} claims embedded anew.")
    click.echo(f"Report: {written['html']}  (also report.md, report.json, claims.csv in {out})")


def files_line(report) -> str:
    """Every file given or found, counted by what became of it."""
    counts: dict[str, int] = {}
    for f in report.files:
        counts[f.status] = counts.get(f.status, 0) + 1
    order = ["read", "no claims", "duplicate", "not English", "skipped", "metadata"]
    parts = [f"{counts[k]} {'metadata sidecar' if k == 'metadata' else k}" for k in order if counts.get(k)]
    line = f"Files: {len(report.files)} given or found: " + ", ".join(parts)
    if report.unmatched_metadata:
        line += f"; {len(report.unmatched_metadata)} metadata key(s) matching no file"
    return line + "."
