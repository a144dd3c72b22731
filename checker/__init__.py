"""checker: cross-reference news articles claim by claim.

    import checker
    report = checker.run(["seeds/"])          # -> checker.models.Report
    tables = report.tables()                  # facts, claims, matrix as pandas DataFrames
    checker.compare("China sent five warships.", "China sent six warships.")

Importing the package loads neither torch nor spaCy nor textual: each stage imports what it
needs when it runs.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["run", "compare", "__version__"]


def run(paths, **kwargs):
    """Run the whole pipeline on files and folders; see `checker.pipeline.run`."""
    from checker.pipeline import run as _run

    return _run(paths, **kwargs)


def compare(a: str, b: str, **kwargs):
    """Judge two statements; see `checker.compare.compare`."""
    from checker.compare import compare as _compare

    return _compare(a, b, **kwargs)
