"""How a source is named in tables and matrices (no pandas here: the review UI uses it too)."""
from __future__ import annotations

from checker.models import Report


def outlet_labels(report: Report) -> dict[str, str]:
    """Column label per source: its outlet (articles of one outlet share a column), else its id."""
    return {s.id: (s.outlet or s.id).strip() for s in report.sources}
