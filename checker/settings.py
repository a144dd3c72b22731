"""Every threshold of grouping, stories and events, in one settings model.

The fact thresholds are chosen by leave-one-story-out cross-validation when the pair model is
fitted (`make train`; benchmarks/news_dev.py --cv reports the result) and kept with the model;
`make train` also chooses the time slack, whose default here must be the value it chose (a test
checks it against the model). The story and event thresholds are chosen by leave-one-topic-out on
ECB+ topics 1–35 (training/fit_events.py: story link, average, lexical weight, lead length and
flashback days, then the link, average, lexical weight and soft-time penalty of facts outside a
story; held-out pair F1 0.706, B-cubed 0.682; 0.711 / 0.685 on all topics). Those four tie across
their grid (facts outside a story are few), so they keep their earlier values. `run()` and the CLI accept
overrides, and report.json records the values a run used.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class Settings(BaseModel):
    """Thresholds of the grouping stages; `checker run --set name=value` overrides one."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    neighbours: int = Field(15, description="nearest neighbours per claim that become candidate pairs")
    min_cosine: float = Field(0.3, description="candidate pairs below this cosine are not considered")
    fact_link: float | None = Field(None, description="a pair's probability of stating one fact needed to link "
                                                      "it; None: the value cross-validation chose, kept with the "
                                                      "pair model")
    fact_average: float | None = Field(None, description="mean probability across two clusters needed to merge "
                                                         "them (pairs that are not candidates count as 0); None: "
                                                         "the value kept with the pair model")
    fact_link_within_source: float | None = Field(None, ge=0, le=1, description="the probability a pair of "
                                                 "one article's claims needs to start a merge on its own "
                                                 "(pairs of two articles need `fact_link`; 0: no "
                                                 "difference, 1: never on their own); None: the value kept "
                                                 "with the pair model")
    fact_time_slack_days: int | None = Field(3, ge=0, description="claims whose firm times lie more than twice "
                                             "this many days apart are never candidates nor one fact (each time "
                                             "is widened by it on both sides); None: the pair model alone weighs "
                                             "the conflict")
    fact_time_slack_widens_below_days: int | None = Field(28, ge=1, description="the time slack widens only "
                                                          "spans shorter than this many days (days of reporting "
                                                          "jitter; a month or a year is not widened, so 2013 and "
                                                          "2014 stay apart); None: every span. Cross-"
                                                          "validated over 7, 14, 28, 92 days and None: "
                                                          "alike within 0.002 of pair F1; None costs the "
                                                          "seeds 0.01")
    token_alignment_dims: int | None = Field(128, ge=1, description="claims' token vectors are aligned in this "
                                             "many main directions of the run's tokens (None: all); the pair "
                                             "model was fitted with it (cross-validated: 64, 96, 128 and all 384 "
                                             "alike within 0.02 of pair F1, 128 best)")
    pair_model: str | None = Field(None, description="path of a fitted pair model (JSON); None: the shipped one")
    event_link: float = Field(0.45, description="events: score needed to link two facts outside a story")
    event_average: float = Field(0.35, description="events: mean score across two clusters of facts")
    event_lexical_weight: float = Field(0.35, description="events: weight of shared terms added to the cosine")
    soft_time_penalty: float = Field(0.2, description="events: a time carried from context that disagrees")
    story_lead: int = Field(6, description="stories: how many first claims of an article make its lead")
    story_lexical_weight: float = Field(0.75, description="stories: weight of shared lead terms")
    story_link: float = Field(0.6, description="stories: score needed to link two articles' leads")
    story_average: float = Field(0.55, description="stories: mean score across two clusters of articles")
    story_neighbours: int = Field(20, description="stories: nearest leads per article considered")
    story_max_gap_days: int = Field(30, description="stories: articles published further apart never join")
    story_flashback_days: int = Field(120, description="events: a fact this long before its story looks back")

    def resolved(self) -> "Settings":
        """These settings with the thresholds left to the pair model filled in from it."""
        names = ("fact_link", "fact_average", "fact_link_within_source")
        if all(getattr(self, n) is not None for n in names):
            return self
        from checker.group.pair_model import load

        meta = load(self.pair_model).meta
        kept = {"fact_link_within_source": meta.get("fact_link")} | meta  # a model fitted before it: as any pair
        return self.model_copy(update={n: getattr(self, n) if getattr(self, n) is not None else kept[n]
                                       for n in names})

    def recorded(self) -> dict[str, str]:
        """The values as report.json records them."""
        return {k: str(v) for k, v in self.model_dump().items()}

    @classmethod
    def from_pairs(cls, pairs: list[str], base: "Settings | None" = None) -> "Settings":
        """Settings from 'name=value' strings (the CLI's --set), over `base`."""
        values = (base or cls()).model_dump()
        for pair in pairs:
            name, sep, value = pair.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in cls.model_fields:
                known = ", ".join(cls.model_fields)
                raise ValueError(f"--set {pair!r}: expected name=value with a name among: {known}")
            values[name] = None if value.strip().lower() in ("none", "") else value.strip()
        try:
            return cls(**values)
        except ValidationError as e:
            err = e.errors()[0]
            raise ValueError(f"--set {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
