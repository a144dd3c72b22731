"""A small committed analysis, loaded into a claim store without extracting or embedding anything.

`tests/data/fixture/report.json` is the seeds' analysis as the deterministic fake embedder groups
them, serialized as a `Report`. The golden reports (tests/test_golden.py) and the review UI's
snapshots (tests/test_tui_snapshots.py) are built from it, so they change when the reports or the
UI change, not when extraction or grouping does.

Regenerate it (after a deliberate change you want the golden files and snapshots to show):
    python -m tests.fixture_store
then regenerate the golden files and re-record the snapshots:
    CHECKER_UPDATE_GOLDEN=1 pytest tests/test_golden.py
    pytest tests/test_tui_snapshots.py --snapshot-update
"""
from __future__ import annotations

import pathlib

from checker.models import Report
from checker.store import Store

FIXTURE = pathlib.Path(__file__).resolve().parent / "data" / "fixture" / "report.json"
CREATED = "2026-01-01T00:00:00+00:00"  # fixed, so the fixture does not change with the day it was made


def fixture_report() -> Report:
    """The committed analysis as a `Report`."""
    return Report.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


def fixture_store(folder: pathlib.Path) -> pathlib.Path:
    """A claim store in `folder` holding the committed analysis (and nothing else)."""
    with Store(folder) as db:
        db.save_report(fixture_report())
    return folder


def regenerate() -> None:
    """Run the pipeline on the seeds with the fake embedder and write the fixture."""
    from checker.embed import FakeEmbedder
    from checker.pipeline import run
    from tests.conftest import ROOT, SEEDS

    report = run([SEEDS], store=None, embedder=FakeEmbedder()).model_copy(update={"created": CREATED})
    text = report.model_dump_json(indent=1).replace(f'"{ROOT}/', '"')  # paths relative to the repository
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
