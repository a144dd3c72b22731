"""Golden files: report.md, report.json and claims.csv written from the committed fixture
analysis (tests/fixture_store.py) must match tests/data/golden/ byte for byte.

A change to the reports shows here as a diff to review. After a deliberate one, regenerate:
    CHECKER_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""
import os
import pathlib

import pytest

from checker.report import write_reports
from tests.fixture_store import fixture_report

GOLDEN = pathlib.Path(__file__).resolve().parent / "data" / "golden"
FILES = ("report.md", "report.json", "claims.csv")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    write_reports(fixture_report(), out)
    if os.environ.get("CHECKER_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            (GOLDEN / name).write_bytes((out / name).read_bytes())
    return out


@pytest.mark.parametrize("name", FILES)
def test_the_report_matches_its_golden_file(written, name):
    expected = (GOLDEN / name).read_bytes()
    assert (written / name).read_bytes() == expected, \
        f"{name} differs from tests/data/golden/{name}; if the change is meant, run CHECKER_UPDATE_GOLDEN=1 pytest tests/test_golden.py"
