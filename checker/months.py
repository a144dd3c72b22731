"""Month names to their numbers — full, abbreviated and "Sept", lowercased: one table for reading
a page's date (`checker.ingest.metadata`) and for dates in claims (`checker.extract.normalize.time`)."""
from __future__ import annotations

import calendar

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
