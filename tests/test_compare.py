"""compare() at the statement level: a number stated anywhere in the other statement is matched."""
import pytest

from checker.compare import compare_many
from checker.embed import FakeEmbedder


@pytest.mark.parametrize("a,b,relation", [
    ("Some 420 people have been hanged in Singapore since 1991. The country has 4.4 million people.",
     "4.4 million people live in Singapore.", "corroborates"),
    ("China sent five warships to the drill.", "China sent six warships to the drill.", "contradicts"),
])
def test_statement_level_numbers(a, b, relation):
    assert compare_many([("x", a, b)], embedder=FakeEmbedder())[0].relation == relation
