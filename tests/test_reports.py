"""Reports: four files, tables as DataFrames, HTML self-contained and escaped."""
import datetime as dt
import json

from checker.pipeline import run
from checker.report import write_reports
from tests.conftest import write

ARTICLE_A = ("<script>alert('x')</script> is not what this is about.\n\n"
             "China and Russia held a joint naval drill in the Sea of Japan on Tuesday, the defence ministry said.\n\n"
             "Five warships took part in the exercise, which lasted three days.\n")
ARTICLE_B = ("China and Russia held a joint naval drill in the Sea of Japan on Tuesday, officials said.\n\n"
             "Six warships took part in the exercise, according to the ministry.\n")


def test_all_formats_are_written_and_html_is_escaped(tmp_path, fake_embedder):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE_A)
    write(folder / "b.txt", ARTICLE_B)
    write(folder / "sources.json", json.dumps({"a.txt": {"outlet": "Outlet A", "published": "2023-07-19"},
                                               "b.txt": {"outlet": "Outlet <B>", "published": "2023-07-19"}}))
    report = run([folder], store=tmp_path / "s", embedder=fake_embedder)
    paths = write_reports(report, tmp_path / "out")
    assert all(p.exists() and p.stat().st_size > 0 for p in paths.values())
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "Outlet &lt;B&gt;" in html
    assert "http://" not in html and "https://" not in html.replace("https://www.w3.org", "")
    tables = report.tables()
    assert set(tables.matrix.columns) == {"Outlet A", "Outlet <B>"}
    assert set(tables.matrix.values.ravel()) <= {"corroborates", "partial", "differs", "silent"}
    assert len(tables.facts) == len(report.facts)
    assert "Outlet A" in paths["md"].read_text(encoding="utf-8")


def test_one_source_only_says_there_is_nothing_to_cross_reference(tmp_path, fake_embedder):
    write(tmp_path / "in" / "a.txt", ARTICLE_B)
    report = run([tmp_path / "in"], store=None, embedder=fake_embedder)
    assert any("nothing to cross-reference" in n for n in report.notes)
    assert all(f.status != "corroborated" for f in report.facts)
