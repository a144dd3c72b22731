"""Outlet identity has one definition (checker.outlets): the verdicts, the run's notes, the
tables and the matrix agree on which sources are one outlet."""
import json

from checker.models import Source
from checker.outlets import name_key, outlet_key, outlet_labels
from checker.pipeline import run
from tests.conftest import write

TEXT = "Six warships took part in the naval drill in the Sea of Japan on Tuesday, officials said.\n"
OTHER = "Six warships took part in the naval drill in the Sea of Japan on Tuesday, the ministry said.\n"


def test_an_outlet_is_one_key_however_its_name_is_spelled():
    assert name_key("Reuters") == name_key(" reuters ") == name_key("REUTERS")
    assert name_key("The Guardian") == name_key("Guardian's") == "guardian"
    a, b = Source(id="a", path="a.txt", text="", outlet="Reuters"), Source(id="b", path="b.txt", text="", outlet="reuters")
    assert outlet_key(a) == outlet_key(b)
    assert outlet_labels([a, b]) == {"a": "Reuters", "b": "Reuters"}  # shown as its first source spells it
    assert outlet_key(Source(id="x", path="x.txt", text="")) == "x"  # no outlet: the source's id


def test_reuters_and_reuters_lowercased_are_one_outlet_everywhere(tmp_path, fake_embedder):
    folder = tmp_path / "in"
    write(folder / "a.txt", TEXT)
    write(folder / "b.txt", OTHER)
    write(folder / "sources.json", json.dumps({"a.txt": {"outlet": "Reuters", "published": "2023-07-19"},
                                               "b.txt": {"outlet": "reuters", "published": "2023-07-19"}}))
    report = run([folder], store=None, embedder=fake_embedder)
    assert any("only one outlet" in n for n in report.notes)
    assert report.facts and all(f.status == "single-source" for f in report.facts)
    tables = report.tables()
    assert list(tables.matrix.columns) == ["Reuters"]
    assert set(tables.facts["outlets"]) == {1} and max(tables.facts["claims"]) == 2  # one fact, both articles
    assert set(tables.claims["outlet"]) == {"Reuters"}
