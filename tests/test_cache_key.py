"""The extraction cache key derives from the extraction code itself: change a rule and the
store's claims for an article are recomputed, never served stale."""
import shutil

import pytest

import checker
from checker.engines import local as engine
from checker.engines.local import extract_all, extraction_modules, extractor_fingerprint
from checker.models import Source
from checker.store.database import Store

TEXT = ("The harbour authority said on Monday that 14 ships were delayed by the storm. "
        "A spokesman said the port would reopen on Wednesday.\n")


@pytest.fixture
def package_copy(tmp_path):
    """A copy of checker's source tree, to change a rule in."""
    dst = tmp_path / "checker"
    shutil.copytree(engine._PACKAGE_DIR, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_the_fingerprint_covers_the_extraction_modules_and_only_them(package_copy):
    names = {p.relative_to(engine._PACKAGE_DIR).as_posix() for p in extraction_modules()}
    assert {"extract/claims.py", "extract/clauses.py", "extract/attribution.py", "extract/boilerplate.py", "extract/normalize/quantities.py",
            "extract/normalize/time.py", "engines/local.py"} <= names
    assert "embed/embedder.py" not in names and "report/markdown.py" not in names
    before = extractor_fingerprint(package_copy)
    markdown = package_copy / "report" / "markdown.py"
    markdown.write_text(markdown.read_text() + "\n# a change to the report only\n")
    assert extractor_fingerprint.__wrapped__(package_copy) == before
    rule = package_copy / "extract" / "clauses.py"
    rule.write_text(rule.read_text() + "\nEXTRA_RULE = True\n")
    assert extractor_fingerprint.__wrapped__(package_copy) != before


def test_a_changed_rule_recomputes_the_article(tmp_path, package_copy, monkeypatch):
    source = Source(id="port", path="port.txt", text=TEXT)
    with Store(tmp_path / "s") as db:
        first, _, reused = extract_all([source], cache=db)
        assert reused == 0 and first
        _, _, reused = extract_all([source.model_copy()], cache=db)
        assert reused == 1  # same code: served from the store
        rule = package_copy / "extract" / "normalize" / "quantities.py"
        rule.write_text(rule.read_text() + "\n_NEW_RULE = 1\n")
        monkeypatch.setattr(engine, "_PACKAGE_DIR", package_copy)
        again, _, reused = extract_all([source.model_copy()], cache=db)
        assert reused == 0  # the code changed: extracted anew
        assert [c.id for c in again] == [c.id for c in first]


def test_library_versions_are_part_of_the_key(monkeypatch):
    before = extractor_fingerprint.__wrapped__(engine._PACKAGE_DIR)
    monkeypatch.setattr(engine, "_versions", lambda: "spacy=9.9.9")
    assert extractor_fingerprint.__wrapped__(engine._PACKAGE_DIR) != before
    assert checker  # the package imports without loading the extraction models
