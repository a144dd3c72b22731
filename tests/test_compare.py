"""compare() at the statement level: a number stated anywhere in the other statement is matched."""
import pytest

from checker.compare import compare_many
from checker.embed.embedder import FakeEmbedder


@pytest.mark.parametrize("a,b,relation", [
    ("Some 420 people have been hanged in Singapore since 1991. The country has 4.4 million people.",
     "4.4 million people live in Singapore.", "corroborates"),
    ("China sent five warships to the drill.", "China sent six warships to the drill.", "contradicts"),
])
def test_statement_level_numbers(a, b, relation):
    assert compare_many([("x", a, b)], embedder=FakeEmbedder())[0].relation == relation


@pytest.mark.parametrize("a,b,relation", [
    ("Firefighters rescued 11 hikers from the ridge on Sunday.", "Eleven hikers were rescued from the ridge.",
     "corroborates"),
    ("Firefighters rescued 11 hikers from the ridge.", "The ridge trail will close for the winter.", "unrelated"),
    ("The union accepted the pay offer.", "The union rejected the pay offer.", "contradicts"),
])
def test_statement_level_verdicts_need_no_embedding_model(a, b, relation):
    assert compare_many([("x", a, b)])[0].relation == relation


def test_compare_command_loads_no_embedding_model():
    import subprocess
    import sys

    code = ("import sys; from checker.cli import main\n"
            "try:\n    main(['compare', 'The dam burst on Monday.', 'The dam burst on Friday.'])\n"
            "except SystemExit:\n    pass\n"
            "print('LOADED' if 'sentence_transformers' in sys.modules or 'torch' in sys.modules else 'CLEAN')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.strip().splitlines()[-1] == "CLEAN" and "contradicts" in out
