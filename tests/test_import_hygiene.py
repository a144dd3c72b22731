"""The core is importable without the heavy stacks: `import checker` loads neither torch nor
textual (nor spaCy), and `checker --help` stays light too."""
import subprocess
import sys

HEAVY = ("torch", "textual", "spacy", "sentence_transformers", "quantulum3")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True).stdout.split()
    return {name for name in HEAVY if name in out}


def test_import_checker_loads_no_heavy_module():
    assert _loaded_after("import checker") == set()


def test_core_modules_load_neither_torch_nor_textual():
    loaded = _loaded_after("import checker.models, checker.store.database, checker.judge.relations, checker.group.facts, checker.report")
    assert "torch" not in loaded and "textual" not in loaded


def test_cli_help_loads_no_heavy_module():
    code = ("import sys\nfrom checker.cli import cli\n"
            "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass")
    assert _loaded_after(code) == set()


def test_the_review_ui_loads_no_model():
    loaded = _loaded_after("import checker.tui.app, checker.cli.review")
    assert loaded == {"textual"}


def test_checker_report_loads_no_model(tmp_path, seeds_copy, fake_embedder):
    from checker.pipeline import run

    run([seeds_copy], store=tmp_path / "claims", embedder=fake_embedder)
    code = ("from checker.cli import cli\n"
            f"try:\n    cli.main(['report', '--store', r'{tmp_path / 'claims'}', '--out', r'{tmp_path / 'out'}'],"
            " standalone_mode=False)\nexcept SystemExit:\n    pass")
    assert _loaded_after(code) == set()
    assert (tmp_path / "out" / "report.md").exists()  # the report was really written
