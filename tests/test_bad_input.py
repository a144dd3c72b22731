"""Bad input gets one clear line and exit code 2, never a traceback."""
import json
import subprocess
import sys

import pytest

from checker.errors import InputError, MetadataError
from checker.ingest import load_sources
from tests.conftest import write

ARTICLE = ("China and Russia held a joint naval drill in the Sea of Japan on Tuesday, the defence ministry said.\n\n"
           "Five warships took part in the exercise, which lasted three days.\n")


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("setup,expect", [
    (lambda d: d / "nope", "no such file or folder"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "no articles in"),
    (lambda d: write(d / "a.txt", "   \n"), "the file is empty"),
    (lambda d: write(d / "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary file"),
    (lambda d: write(d / "a.txt", "Le ministère a déclaré mardi.".encode("latin-1")), "not UTF-8"),
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


def test_duplicate_article_is_refused_then_skippable(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE.replace("\n\n", "\n\n\n"))
    with pytest.raises(InputError, match="repeats"):
        load_sources([tmp_path])
    result = load_sources([tmp_path], skip_bad=True)
    assert [s.id for s in result.sources] == ["a"]
    assert "repeats" in result.warnings[0]


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


def test_huge_file_is_refused(tmp_path):
    write(tmp_path / "a.txt", ARTICLE * 10)
    with pytest.raises(InputError, match="too big"):
        load_sources([tmp_path], max_bytes=200)


def test_broken_store_is_one_line(tmp_path):
    store = tmp_path / "store"
    write(store / "checker.db", b"this is not sqlite" * 100)
    proc = _cli("report", "--store", str(store), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "not a usable claim store" in proc.stderr and "Traceback" not in proc.stderr


def test_report_without_a_store_says_run_first(tmp_path):
    proc = _cli("report", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "run `checker run` first" in proc.stderr
