"""One settings model for every grouping threshold: overridable, validated, recorded."""
import json

import pytest

from checker.cli import main
from checker.settings import Settings


def test_overrides_are_validated_by_name_and_type():
    s = Settings.from_pairs(["fact_link=0.45", "story-max-gap-days=10"])
    assert s.fact_link == 0.45 and s.story_max_gap_days == 10
    with pytest.raises(ValueError, match="expected name=value"):
        Settings.from_pairs(["no_such_threshold=1"])
    with pytest.raises(ValueError, match="fact_link"):
        Settings.from_pairs(["fact_link=high"])


def test_a_bad_override_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The bridge reopened on Friday after repairs.", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["run", str(tmp_path / "a.txt"), "--set", "fact_link=high", "--out", str(tmp_path / "out"),
              "--store", str(tmp_path / "store")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "fact_link" in err[0]


@pytest.mark.model
def test_the_report_records_the_thresholds_the_run_used(seeds_run):
    _, _, out = seeds_run
    recorded = json.loads((out / "report.json").read_text(encoding="utf-8"))["settings"]
    resolved = Settings().resolved()
    assert recorded["fact_link"] == str(resolved.fact_link) and recorded["story_link"] == str(resolved.story_link)
