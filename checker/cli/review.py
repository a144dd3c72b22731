"""`checker review`: the terminal UI over the claim store."""
from __future__ import annotations

import click


@click.command("review")
@click.option("--store", default="claims", show_default=True, type=click.Path(), help="Claim store folder.")
@click.option("--reviewer", help="Name recorded with each decision (default: the OS user).")
def review_command(store, reviewer) -> None:
    """Go through the facts, settle discrepancies, fix the grouping; every decision is saved at once."""
    from checker.errors import StoreError
    from checker.store.database import Store

    with Store(store, readonly=True) as db:  # a clear one-line error before any screen opens
        if not db.has_report():
            raise StoreError(f"the claim store in {store} holds no analysis yet", hint="run `checker run` first")
    from checker.tui.app import build_app

    message = build_app(store, reviewer).run()
    if message:
        raise click.ClickException(str(message).removeprefix("checker: error: "))
