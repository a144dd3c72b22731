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


def test_a_day_of_coverage_prints_the_busiest_outlets_and_counts_the_rest(tmp_path, fake_embedder):
    """With more outlets than a matrix can show, report.md and report.html give a column to the
    outlets stating the most facts and count the others' stances in one column; the
    DataFrame keeps every outlet."""
    from checker.report.tables import MATRIX_OUTLETS

    folder, meta, n = tmp_path / "in", {}, MATRIX_OUTLETS + 4
    for k in range(n):
        count = "Six" if k >= n - 3 else "Five"
        text = f"{count} warships took part in the naval drill in the Sea of Japan on Tuesday, officials said.\n"
        if k >= n - 6:  # the last outlets also state a second fact, so they state the most
            text += "\nThe drill was the largest in the region this year, the defence ministry said.\n"
        write(folder / f"a{k:02d}.txt", text + f"\nOur correspondent number {k + 1} reported it from the coast.\n")
        meta[f"a{k:02d}.txt"] = {"outlet": f"Outlet {k:02d}", "published": "2023-07-19"}
    write(folder / "sources.json", json.dumps(meta))
    report = run([folder], store=None, embedder=fake_embedder)
    paths = write_reports(report, tmp_path / "out")
    tables = report.tables()
    assert len(tables.matrix.columns) == n
    shown = tables.shown_outlets()
    assert len(shown) == MATRIX_OUTLETS and set(shown) >= {f"Outlet {k:02d}" for k in range(n - 6, n)}

    md = paths["md"].read_text(encoding="utf-8")
    header = next(line for line in md.splitlines() if line.startswith("| fact |"))
    assert header.count("| Outlet ") == MATRIX_OUTLETS and header.startswith("| fact | 4 other outlets |")
    warships = next(f for f in report.facts if "warships" in f.summary)
    row = next(line for line in md.splitlines() if line.startswith(f"| {warships.summary[:40]}"))
    others = row.split("|")[2]
    assert sum(int(part[1:]) for part in others.split()) == 4  # four outlets without a column state it
    html = paths["html"].read_text(encoding="utf-8")
    assert "<th>4 other outlets</th>" in html and html.count("<th>Outlet ") == MATRIX_OUTLETS
