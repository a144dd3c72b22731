"""How a source is named in tables and matrices (no pandas here: the review UI uses it too)."""
from __future__ import annotations

from checker.models import Report


def outlet_labels(report: Report) -> dict[str, str]:
    """Column label per source: the outlet, with the file id added where two sources share one."""
    names = [s.outlet or s.id for s in report.sources]
    return {s.id: (f"{s.outlet} ({s.id})" if s.outlet and names.count(s.outlet) > 1 else s.outlet or s.id)
            for s in report.sources}
