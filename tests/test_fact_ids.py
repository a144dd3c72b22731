"""A fact keeps its id across a regroup while it keeps most of its claims (links to it hold)."""
from checker.judge.verdicts import keep_fact_ids
from checker.models import Fact


def _facts(*groups):
    return [Fact(id=f"new{n}", claims=list(g)) for n, g in enumerate(groups)]


def test_a_fact_that_gains_or_loses_a_claim_keeps_its_id():
    previous = {"a": "F1", "b": "F1", "c": "F1", "d": "F2", "e": "F2"}
    kept = keep_fact_ids(_facts(["a", "b", "c", "x"], ["d"], ["e", "y", "z"]), previous)
    assert kept[0].id == "F1"      # gained x: 3 of its 4 claims were F1's, and it holds 3 of F1's 3
    assert kept[1].id == "new1"    # d alone holds only half of F2: not a continuation
    assert kept[2].id == "new2"    # e is a third of this fact


def test_two_facts_never_take_one_id_and_a_split_keeps_it_for_the_larger_part():
    previous = {c: "F1" for c in "abcde"}
    kept = keep_fact_ids(_facts(["a", "b", "c"], ["d", "e"]), previous)
    assert [f.id for f in kept] == ["F1", "new1"]


def test_a_first_run_keeps_the_content_ids():
    facts = _facts(["a"], ["b", "c"])
    assert [f.id for f in keep_fact_ids(facts, {})] == ["new0", "new1"]


def test_an_earlier_id_that_is_now_another_facts_own_id_stays_with_that_fact():
    # F1 held a, b, c; now b and c make the larger part, but a alone is a fact whose own id (from
    # its first claim) is F1's: it keeps it, and the larger part keeps its own. Ids stay unique.
    previous = {"a": "F1", "b": "F1", "c": "F1"}
    facts = [Fact(id="F1", claims=["a"]), Fact(id="new1", claims=["b", "c"])]
    kept = keep_fact_ids(facts, previous)
    assert [f.id for f in kept] == ["F1", "new1"]
