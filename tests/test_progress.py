"""The progress display tells the truth: what the store already had counts as done, not as speed."""
import io

from rich.console import Console

from checker.cli.progress import RichProgress


def _display():
    return RichProgress(Console(file=io.StringIO(), force_terminal=True, width=120))


def test_reused_items_count_as_done_but_not_as_rate():
    with _display() as progress:
        progress.stage("extracting claims", total=772)
        progress.reuse(700)
        task = progress.progress.tasks[progress.task]
        assert progress.count() == "700/772"
        assert task.speed is None                  # 700 articles in no time is not a rate
        assert task.total - task.completed == 72   # time left is estimated on what is left to do
        progress.advance(2)
        assert progress.count() == "702/772"
        assert task.total - task.completed == 70


def test_a_stage_starts_from_zero_after_a_resumed_one():
    with _display() as progress:
        progress.stage("extracting claims", total=5)
        progress.reuse(5)
        progress.stage("embedding claims", total=100)
        progress.advance(10)
        assert progress.count() == "10/100"
