"""Outlet identity: which sources are one outlet, and what the outlet is called.

One definition for every stage: the verdicts (is a fact stated by two outlets?), independence
(one voice per outlet), the run's notes ("only one outlet") and the reports' tables and columns.
An outlet's name is folded to a key — case, spacing, a leading "the" and a possessive do not
count — so "Reuters" and "reuters" are one outlet, shown under the spelling of its first source.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from checker.models import Source


def name_key(name: str) -> str:
    """An outlet's name as a key: lowercased, spaces folded, without 'the' or a possessive."""
    name = re.sub(r"^the\s+", "", " ".join(name.split()).strip(" .,'’").lower())
    return re.sub(r"[’']s$", "", name)


def outlet_key(source: Source) -> str:
    """The outlet a source belongs to, as a key: its outlet's name, else its id."""
    return name_key(source.outlet or source.id)


def outlet_labels(sources: Iterable[Source]) -> dict[str, str]:
    """Source id -> its outlet as shown: the name as the outlet's first source spells it (else
    that source's id), so that all articles of one outlet share one column and one count."""
    shown: dict[str, str] = {}
    return {s.id: shown.setdefault(outlet_key(s), (s.outlet or s.id).strip()) for s in sources}
