"""Bad input gets one clear line and exit code 2, never a traceback."""
import json
import pathlib
import subprocess
import sys

import pytest

from checker.errors import InputError, MetadataError
from checker.ingest.read import load_sources
from checker.pipeline import run
from checker.report import write_reports
from checker.store.database import Store
from tests.conftest import DATA, write

ARTICLE = ("China and Russia held a joint naval drill in the Sea of Japan on Tuesday, the defence ministry said.\n\n"
           "Five warships took part in the exercise, which lasted three days.\n")


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("setup,expect", [
    (lambda d: d / "nope", "no such file or folder"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "no articles in"),
    (lambda d: write(d / "a.txt", "   \n"), "the file is empty"),
    (lambda d: write(d / "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary file"),
    (lambda d: write(d / "a.txt", "Le ministère a déclaré mardi.".encode("utf-8") + b"\xff\xfe"), "not UTF-8"),
    (lambda d: write(d / "a.pdf", b"%PDF-1.4"), "unsupported file type"),
])
def test_cli_rejects_bad_input_in_one_line(tmp_path, setup, expect):
    target = setup(tmp_path)
    proc = _cli("run", str(target), "--out", str(tmp_path / "out"), "--store", str(tmp_path / "store"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert expect in lines[0]
    assert "Traceback" not in proc.stderr


def test_latin1_file_reads_with_explicit_encoding(tmp_path):
    write(tmp_path / "a.txt", "Le ministère a déclaré mardi que cinq navires ont participé.".encode("latin-1"))
    sources = load_sources([tmp_path], encoding="latin-1").sources
    assert "ministère" in sources[0].text


def test_duplicate_article_is_set_aside_and_the_run_goes_on(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE.replace("\n\n", "\n\n\n"))
    result = load_sources([tmp_path])
    assert [s.id for s in result.sources] == ["a"]
    dup = next(f for f in result.files if f.status == "duplicate")
    assert dup.path.endswith("b.txt") and dup.duplicate_of.endswith("a.txt")
    assert any("b.txt" in w and "repeats" in w and "a.txt" in w for w in result.warnings)


def test_broken_sidecar_is_named_with_its_position(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sources.json", '{"a.txt": {"outlet": "X",}}')
    with pytest.raises(MetadataError, match=r"not valid JSON \(line 1"):
        load_sources([tmp_path])


def test_sidecar_with_a_bad_date_says_which_field(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sources.json", json.dumps({"a.txt": {"published": "2022-13-40"}}))
    with pytest.raises(MetadataError, match="published '2022-13-40' is not a date"):
        load_sources([tmp_path])


def test_html_saved_as_txt_goes_through_the_extractor(tmp_path):
    html = ("<!doctype html><html><head><title>Drill</title></head><body><nav>Home | World</nav><article>"
            "<p>China and Russia held a joint naval drill in the Sea of Japan on Tuesday, the ministry said.</p>"
            "<p>Five warships took part in the exercise, which lasted three days and ended on Friday.</p>"
            "</article><footer>Subscribe to our newsletter</footer></body></html>")
    write(tmp_path / "page.txt", html)
    source = load_sources([tmp_path]).sources[0]
    assert "<p>" not in source.text and "Five warships" in source.text


def test_huge_file_is_refused_without_advising_a_missing_option(tmp_path):
    write(tmp_path / "a.txt", ARTICLE * 10)
    with pytest.raises(InputError, match="too big") as exc:
        load_sources([tmp_path], max_bytes=200)
    assert "--" not in exc.value.one_line()  # no option is advised: checker has none for the limit


def test_broken_store_is_one_line(tmp_path):
    store = tmp_path / "store"
    write(store / "checker.db", b"this is not sqlite" * 100)
    proc = _cli("report", "--store", str(store), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "not a usable claim store" in proc.stderr and "Traceback" not in proc.stderr


def test_report_without_a_store_says_run_first(tmp_path):
    proc = _cli("report", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "run `checker run` first" in proc.stderr


BAD = DATA / "bad_input"


def test_claim_ids_never_collide_within_and_across_articles(tmp_path, fake_embedder):
    # one article prints a sentence twice with one letter's case changed, and repeats another
    # sentence word for word; a second article shares a sentence with it
    from checker.extract.claims import extract_claims

    sources = load_sources([BAD / "quoted_twice.txt", BAD / "quoted_twice_other.txt"]).sources
    claims = extract_claims(sources)
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids))
    texts = [c.text for c in claims if "Republican" in c.text]
    assert any("party" in t for t in texts) and any("Party" in t for t in texts)
    # and the store takes them: the run that ended in IntegrityError now completes
    report = run([BAD / "quoted_twice.txt", BAD / "quoted_twice_other.txt"], store=tmp_path / "s",
                 embedder=fake_embedder, workers=1)
    with Store(tmp_path / "s") as db:
        assert len(db.load_report().claims) == len(report.claims)


def test_claim_ids_are_stable_and_distinct_by_case_and_occurrence():
    from checker.extract.claims import claim_id, claim_key

    assert claim_key("assertion", "The  Republican Party") == claim_key("assertion", "the republican party")
    assert claim_id("a", "assertion", "x y", 1) == claim_id("a", "assertion", "x  y", 1)
    assert len({claim_id("a", "assertion", "x", n) for n in (1, 2, 3)}) == 3
    assert claim_id("a", "assertion", "x", 1) != claim_id("b", "assertion", "x", 1)


def test_source_ids_are_unique_even_for_one_stem_in_one_folder(tmp_path):
    write(tmp_path / "one" / "story.txt", ARTICLE)
    write(tmp_path / "one" / "story.md", ARTICLE.replace("Five", "Six"))
    write(tmp_path / "x" / "one" / "story.txt", ARTICLE.replace("Five", "Seven"))
    ids = [s.id for s in load_sources([tmp_path / "one", tmp_path / "x" / "one"]).sources]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_every_file_of_a_mixed_folder_is_accounted_for(tmp_path, fake_embedder):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE)
    write(folder / "b.txt", (BAD / "quoted_twice_other.txt").read_text(encoding="utf-8"))
    write(folder / "copy of a.txt", ARTICLE.replace("\n\n", "\n \n"))
    write(folder / "scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    write(folder / "headline.txt", "Navies of two nations hold joint drill\n")
    write(folder / "french.txt", (BAD / "french.txt").read_text(encoding="utf-8"))
    write(folder / "sources.json", json.dumps({"a.txt": {"outlet": "Daily A"}, "missing.txt": {"outlet": "Z"}}))
    report = run([folder], store=tmp_path / "s", embedder=fake_embedder, workers=1)
    status = {pathlib.Path(f.path).name: f for f in report.files}
    assert set(status) == {p.name for p in folder.iterdir()}
    assert status["a.txt"].status == "read" and status["b.txt"].status == "read"
    assert status["copy of a.txt"].status == "duplicate" and status["copy of a.txt"].duplicate_of.endswith("a.txt")
    assert status["scan.pdf"].status == "skipped" and ".pdf" in status["scan.pdf"].reason
    assert status["headline.txt"].status == "no claims" and "headline" in status["headline.txt"].reason
    assert status["french.txt"].status == "not English" and status["french.txt"].language == "fr"
    assert status["sources.json"].status == "metadata"
    assert report.unmatched_metadata == [f"{folder / 'sources.json'}: 'missing.txt' matches no file"]
    notes = "\n".join(report.notes)
    for said in ("scan.pdf", "copy of a.txt", "French", "headline.txt", "missing.txt"):
        assert said in notes
    out = write_reports(report, tmp_path / "out")
    data = json.loads(pathlib.Path(out["json"]).read_text())
    assert len(data["files"]) == 7 and data["unmatched_metadata"] == report.unmatched_metadata
    with Store(tmp_path / "s") as db:  # `checker report` from the store says the same
        assert db.load_report().files == report.files


def test_cli_run_with_a_duplicate_goes_on_and_counts_every_file(tmp_path):
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "b.txt", ARTICLE)
    write(tmp_path / "in" / "notes.docx", b"PK\x03\x04")
    proc = _cli("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--store", str(tmp_path / "s"),
                "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert "Files: 3 given or found: 1 read, 1 duplicate, 1 skipped." in proc.stdout
    assert "b.txt: repeats" in proc.stderr and "notes.docx" in proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


@pytest.mark.parametrize("name,text,encoding", [
    ("cp1252.txt", "Le ministère a déclaré mardi que « cinq navires » ont participé – selon l’amiral.", "cp1252"),
    ("latin1.txt", "El presidente Calderón dijo que el ministère y la Armada enviaron cinco buques.", "latin-1"),
])
def test_western_files_that_are_not_utf8_read_correctly(tmp_path, name, text, encoding):
    write(tmp_path / name, text.encode(encoding))
    result = load_sources([tmp_path / name])
    source = result.sources[0]
    assert source.text == text and source.encoding == encoding
    assert f"read as {encoding}" in result.warnings[0]


@pytest.mark.parametrize("text,encoding", [
    ("Ministerstwo Obrony Narodowej poinformowało, że żołnierze wrócili do koszar.", "cp1250"),
    ("Министерство обороны заявило во вторник, что пять кораблей вернулись.", "cp1251"),
])
def test_other_code_pages_are_refused_with_advice_that_decodes_them(tmp_path, text, encoding):
    write(tmp_path / "a.txt", text.encode(encoding))
    with pytest.raises(InputError, match="not UTF-8") as exc:
        load_sources([tmp_path / "a.txt"])
    advised = exc.value.hint.split("--encoding ")[1]
    assert (tmp_path / "a.txt").read_bytes().decode(advised) == text


def test_mangled_utf8_gets_no_advice_that_would_garble_it(tmp_path):
    write(tmp_path / "a.txt", "Le ministère a déclaré — « oui ».".encode("utf-8") + b"\xff")
    with pytest.raises(InputError, match="not UTF-8") as exc:
        load_sources([tmp_path / "a.txt"])
    assert "--encoding" not in exc.value.one_line()


def test_language_detection_is_sure_or_silent():
    from checker.ingest.language import detect_language

    assert detect_language((BAD / "french.txt").read_text(encoding="utf-8")) == ("fr", "French")
    assert detect_language(ARTICLE * 3) is None
    assert detect_language("Le maire a parlé.") is None  # too short to be sure
    assert detect_language("\x00\x01 garbage \udcff" * 50) is None


def test_a_folder_with_nothing_english_says_what_each_file_was(tmp_path):
    write(tmp_path / "fr.txt", (BAD / "french.txt").read_text(encoding="utf-8"))
    write(tmp_path / "fr copy.txt", (BAD / "french.txt").read_text(encoding="utf-8"))
    write(tmp_path / "logo.png", b"\x89PNG")
    with pytest.raises(InputError, match=r"none of the input files .*1 not English, 1 duplicate") as exc:
        load_sources([tmp_path])
    assert "French" in exc.value.one_line()


def test_many_files_of_one_kind_are_counted_not_listed():
    from checker.ingest.read import file_notes
    from checker.models import FileRecord

    files = [FileRecord(path=f"f{i}.txt", status="skipped", reason="the file is empty") for i in range(40)]
    notes = file_notes(files, [])
    assert len(notes) == 5 and "36 more skipped files" in notes[-1] and "report.json" in notes[-1]


def test_a_named_file_of_another_format_is_skipped_with_skip_bad(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.pdf", b"%PDF-1.4")
    result = load_sources([tmp_path / "a.txt", tmp_path / "b.pdf"], skip_bad=True)
    assert [f.status for f in result.files] == ["read", "skipped"] and ".pdf" in result.files[1].reason


def test_a_broken_link_and_a_sub_folder_in_a_folder_are_accounted_for(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "old").mkdir()
    reasons = {pathlib.Path(f.path).name: f.reason for f in load_sources([tmp_path]).files if f.status == "skipped"}
    assert "does not exist" in reasons["gone.txt"] and "sub-folder" in reasons["old"]
