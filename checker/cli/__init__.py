"""The `checker` command: a thin shell over the Python API, one module per command group.

Every error a user can cause ends in one line on stderr and exit code 2; an unexpected
failure ends in one line and exit code 1 (CHECKER_DEBUG=1 shows the traceback).
"""
from __future__ import annotations

import os
import sys

import click

from checker.cli.compare import compare_command
from checker.cli.report import report_command
from checker.cli.review import review_command
from checker.cli.run import run_command
from checker.cli.settings import settings_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="checker")
def cli() -> None:
    """Cross-reference news articles claim by claim: which outlets corroborate a fact, which
    contradict it or differ in a detail, and which are its only source."""


cli.add_command(run_command)
cli.add_command(compare_command)
cli.add_command(report_command)
cli.add_command(review_command)
cli.add_command(settings_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning every failure into one line and an exit code."""
    from checker.errors import CheckerError

    try:
        cli.main(args=argv, prog_name="checker", standalone_mode=False)
    except CheckerError as exc:
        click.echo(f"checker: error: {exc.one_line()}", err=True)
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("checker: interrupted; finished work is kept in the claim store, so the same command "
                   "resumes where this one stopped", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"checker: error: {exc.format_message()}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the last line of defence: one line, never a traceback by default
        if os.environ.get("CHECKER_DEBUG"):
            raise
        click.echo(f"checker: internal error: {type(exc).__name__}: {exc} (set CHECKER_DEBUG=1 for details)",
                   err=True)
        sys.exit(1)
