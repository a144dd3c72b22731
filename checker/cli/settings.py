"""`checker settings`: every grouping threshold, its value and what it does."""
from __future__ import annotations

import click


@click.command("settings")
def settings_command() -> None:
    """List the thresholds of grouping, stories and events (override one with `checker run --set`)."""
    from checker.settings import Settings

    resolved = Settings().resolved()
    for name, field in Settings.model_fields.items():
        click.echo(f"{name} = {getattr(resolved, name)}\n    {field.description}")
