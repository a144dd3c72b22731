"""The records that flow between stages, as pydantic models.

Offsets (`start`, `end`) are always character offsets into `Source.text`, which is the
file's text as read (UTF-8 decoded, no newline translation); for HTML input it is the
text the extractor produced, which the store and the reports keep.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

Precision = Literal["day", "week", "month", "quarter", "year", "decade", "range"]
TimeOrigin = Literal["explicit", "sentence", "tense", "context"]
Qualifier = Literal["exact", "at_least", "more_than", "at_most", "less_than", "about", "part"]
QuantityKind = Literal["count", "measure", "money", "percent", "rate"]
AttributionKind = Literal["outlet", "person", "official", "cited_outlet", "unnamed"]
ClaimKind = Literal["assertion", "headline", "embedded_event", "statement", "description"]
RelationName = Literal["corroborates", "partial", "differs", "unrelated"]
DiscrepancyKind = Literal["number", "date", "entity", "quote", "negation", "attribution"]
FactStatus = Literal["corroborated", "contested", "single-source"]
# How strongly an outlet takes part in a fact; an outlet with several stances shows its strongest.
STANCE_RANK = {"differs": 3, "partial": 2, "corroborates": 1, "silent": 0}
Stance = Literal["corroborates", "partial", "differs", "silent"]
FileStatus = Literal["read", "no claims", "duplicate", "not English", "skipped", "metadata"]


class Removed(BaseModel):
    """A stretch of the source that boilerplate removal dropped, and why."""

    start: int
    end: int
    reason: str


class Source(BaseModel):
    """One article: its text, its metadata and where each metadata field came from."""

    id: str
    path: str
    text: str
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    content_hash: str = ""
    markup: Literal["text", "markdown", "html"] = "text"
    metadata_origin: dict[str, str] = Field(default_factory=dict)
    body: list[tuple[int, int]] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    encoding: str = "utf-8"  # how the file was decoded (a plausible cp1252 / Latin-1 when UTF-8 failed)
    copy_of: str | None = None  # id of the source this one reprints (a wire copy, a near-duplicate)

    @property
    def label(self) -> str:
        """What a reader calls this source: the outlet, else the file's id."""
        return self.outlet or self.id


class FileRecord(BaseModel):
    """What became of one file given or found: read, or set aside and why. Every input file
    has one, so nothing is dropped in silence."""

    path: str
    status: FileStatus
    reason: str = ""
    source: str | None = None        # the source id, when the file was read
    duplicate_of: str | None = None  # the file it repeats, for a duplicate
    language: str | None = None      # the detected language, when not English


FIRM_ORIGINS = ("explicit", "sentence", "tense")
DATED_ORIGINS = ("explicit", "sentence")


class TimeSpan(BaseModel):
    """A time a claim is anchored to: an interval with the precision it was given at."""

    start: dt.date
    end: dt.date
    precision: Precision
    text: str
    origin: TimeOrigin = "explicit"

    @property
    def firm(self) -> bool:
        """A time that bounds grouping: read in the claim's own words or sentence, or implied by
        its tense; claims with firmly disjoint times are never one fact or event. Not one
        carried over from context."""
        return self.origin in FIRM_ORIGINS

    @property
    def dated(self) -> bool:
        """A time the text states (in the claim or its sentence): a date to compare, show and
        check against a story's window. A tense is a bound, not a date."""
        return self.origin in DATED_ORIGINS

    def overlaps(self, other: "TimeSpan") -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "TimeSpan") -> bool:
        return self.start <= other.start and other.end <= self.end

    def describe(self) -> str:
        """The time in words: 'Tue 24 May 2022', 'May 2022', 'since March 2023', '13–31 Aug 2022'."""
        a, b = self.start, self.end
        if self.precision == "day" or a == b:
            return a.strftime("%a %-d %b %Y")
        if self.precision == "month":
            return a.strftime("%B %Y")
        if self.precision == "year":
            return str(a.year)
        if self.precision == "decade":
            return f"the {a.year}s"
        if self.precision == "week":
            return f"week of {a.strftime('%-d %b %Y')}"
        if b.year >= 2100:
            return f"since {a.strftime('%-d %b %Y')}"
        if a.year <= 1900:
            return f"before {b.strftime('%-d %b %Y')}"
        if self.text.startswith(("since", "after")):
            return f"{self.text.split()[0]} {a.strftime('%-d %b %Y')}"
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
            return f"{a.year}–{b.year}"
        if a.year == b.year and a.month == b.month:
            return f"{a.day}–{b.strftime('%-d %b %Y')}"
        if a.year == b.year:
            return f"{a.strftime('%-d %b')} – {b.strftime('%-d %b %Y')}"
        return f"{a.strftime('%-d %b %Y')} – {b.strftime('%-d %b %Y')}"


_INVARIANT = {"people", "police", "staff", "personnel", "aircraft", "sheep", "fish", "deer", "series", "species"}


def plural(noun: str) -> str:
    """'warship' → 'warships', 'party' → 'parties' (lemmas read back as counted things)."""
    if noun in _INVARIANT or noun.endswith("s"):
        return noun
    if noun.endswith(("x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


class Quantity(BaseModel):
    """A number a claim states, normalized: value, unit or counted noun, qualifier."""

    value: float
    unit: str | None = None
    counted: str | None = None
    modifiers: list[str] = Field(default_factory=list)
    qualifier: Qualifier = "exact"
    kind: QuantityKind = "count"
    text: str
    start: int
    end: int

    def describe(self) -> str:
        q = {"exact": "", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
             "less_than": "less than ", "about": "about ", "part": "(part) "}[self.qualifier]
        v = f"{self.value:g}" if abs(self.value) < 1e6 else f"{self.value:,.0f}"
        noun = plural(self.counted) if self.counted and self.value != 1 and self.kind == "count" else self.counted or ""
        if self.unit and self.kind != "count":
            noun = f"{self.unit} ({noun})" if noun and noun != self.unit else self.unit
        what = " ".join([*self.modifiers, noun]).strip()
        return f"{q}{v} {what}".strip()


class Quote(BaseModel):
    """Words a claim puts in quotation marks."""

    text: str
    start: int
    end: int


class EntityMention(BaseModel):
    """A named entity in a claim, with its canonical key (aliases and spellings folded)."""

    text: str
    label: str
    key: str
    start: int
    end: int


class Attribution(BaseModel):
    """Who a claim is put in the mouth of. `kind == "outlet"` is the outlet's own voice."""

    kind: AttributionKind = "outlet"
    speaker: str | None = None
    speaker_key: str | None = None
    verb: str | None = None
    via: str | None = None
    time: TimeSpan | None = None
    start: int | None = None
    end: int | None = None

    def describe(self) -> str:
        if self.kind == "outlet" or not self.speaker:
            return "the outlet itself"
        via = f" (via {self.via})" if self.via else ""
        return f"{self.speaker}{via}"


class Claim(BaseModel):
    """One independently checkable statement from one source.

    `text` is the claim's own words (split-off parts removed), `start`/`end` its extent in
    the source, `segments` the exact pieces. `sentence` is the extent of the sentence it
    came from.
    """

    id: str
    source: str
    start: int
    end: int
    text: str
    segments: list[tuple[int, int]] = Field(default_factory=list)
    sentence: tuple[int, int]
    kind: ClaimKind = "assertion"
    parent: str | None = None
    standalone: str = ""
    attribution: Attribution = Field(default_factory=Attribution)
    quotes: list[Quote] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    ordinals: list[str] = Field(default_factory=list)
    time: TimeSpan | None = None
    entities: list[EntityMention] = Field(default_factory=list)
    predicate: str | None = None
    negated: bool = False
    hedged: bool = False  # a possibility or a counterfactual: numbers and negation do not contradict it
    terms: list[str] = Field(default_factory=list)
    subject: str | None = None  # the person the claim is about, when its grammatical subject names one


class Relation(BaseModel):
    """The judge's verdict on two claims of one fact, with its reason in words."""

    a: str
    b: str
    relation: RelationName
    kind: DiscrepancyKind | None = None
    detail: str = ""


class Review(BaseModel):
    """What a person decided about a fact or a discrepancy, and who decided it when."""

    state: str
    note: str | None = None
    reviewer: str | None = None
    at: str | None = None


class ReviewEntry(BaseModel):
    """One line of the append-only review log.

    Targets are claim ids, which derive from content, so a decision still finds its facts
    after a rerun. `action` is one of: discrepancy.real, discrepancy.not_real, fact.status,
    fact.confirm, fact.note, discrepancy.add, claim.move, claim.detach, fact.merge, fact.split, undo.
    """

    id: str
    at: str
    reviewer: str
    action: str
    claims: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)
    kind: str | None = None
    value: str | None = None
    note: str | None = None
    undoes: str | None = None


class Discrepancy(BaseModel):
    """A disagreement the judge found between two claims of one fact."""

    id: str
    kind: DiscrepancyKind
    claims: tuple[str, str]
    detail: str
    internal: bool = False
    review: Review | None = None


class Fact(BaseModel):
    """Claims that state the same proposition, across outlets, and the verdict on them."""

    id: str
    event: str | None = None
    status: FactStatus = "single-source"
    summary: str = ""
    claims: list[str] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    stances: dict[str, Stance] = Field(default_factory=dict)
    time: TimeSpan | None = None
    review: Review | None = None
    notes: list[Review] = Field(default_factory=list)
    reviewed_grouping: bool = False
    independent_outlets: int = 0  # outlets stating it that are not copies of, or citing, each other


class Event(BaseModel):
    """Facts about the same real-world happening."""

    id: str
    summary: str = ""
    facts: list[str] = Field(default_factory=list)
    time: TimeSpan | None = None


class Report(BaseModel):
    """The outcome of a run: everything the reports and the review UI show."""

    sources: list[Source]
    claims: list[Claim]
    facts: list[Fact]
    events: list[Event] = Field(default_factory=list)
    created: str = ""
    settings: dict[str, str] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    orphaned_reviews: list[ReviewEntry] = Field(default_factory=list)
    files: list[FileRecord] = Field(default_factory=list)
    unmatched_metadata: list[str] = Field(default_factory=list)  # sidecar keys that match no file

    def claim_index(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def source_index(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def counts(self) -> dict[str, int]:
        """Figures for the end-of-run summary."""
        by_status = {"corroborated": 0, "contested": 0, "single-source": 0}
        for f in self.facts:
            by_status[f.status] += 1
        return dict(sources=len(self.sources), claims=len(self.claims), facts=len(self.facts),
                    events=len(self.events), discrepancies=sum(len(f.discrepancies) for f in self.facts),
                    **by_status)

    def tables(self):
        """The report's tables as pandas DataFrames: facts, claims and the fact × outlet matrix."""
        from checker.report.tables import report_tables

        return report_tables(self)
