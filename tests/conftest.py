"""Shared fixtures. Unit tests use the deterministic fake embedder; tests marked `model`
run the real spaCy and MiniLM models (the seed figures, a real-model embedding test)."""
from __future__ import annotations

import pathlib
import shutil

import pytest

from checker.embed.embedder import FakeEmbedder

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = pathlib.Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def seeds_copy(tmp_path) -> pathlib.Path:
    """The seed articles and their sidecar in a scratch folder."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """The real pipeline on the seeds, once per test session: (report, store folder, out folder)."""
    from checker.pipeline import run
    from checker.report import write_reports

    base = tmp_path_factory.mktemp("seeds_run")
    report = run([SEEDS], store=base / "claims")
    write_reports(report, base / "out")
    return report, base / "claims", base / "out"


def write(path: pathlib.Path, text: str | bytes) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
