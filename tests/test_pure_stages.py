"""Stages hand back what they make and leave what they are given as it was: extraction does not
write the sources' body and removals, building events does not write the facts' event."""
import datetime as dt

from checker.embed.embedder import embed_texts
from checker.engines.local import extract_all
from checker.extract import extract_claims, extract_claims_and_layout
from checker.group.events import group_events_by_story
from checker.group.facts import group_facts
from checker.judge.verdicts import build_events, build_facts, facts_with_events
from checker.models import Source

TEXT = ("Ships Sail For Drill\n\n"
        "China and Russia began joint naval drills in the Sea of Japan on Sunday, the defence ministry said.\n\n"
        "Five warships took part in the drills.\n\n"
        "Related\n\nShare this article\n")
OTHER = "Joint naval drills by China and Russia started in the Sea of Japan on Sunday, with six warships."


def _sources() -> list[Source]:
    return [Source(id="a", path="a.txt", text=TEXT, outlet="Alpha", published=dt.date(2023, 7, 17),
                   title="Ships Sail For Drill"),
            Source(id="b", path="b.txt", text=OTHER, outlet="Beta", published=dt.date(2023, 7, 17))]


def test_extraction_leaves_its_sources_unchanged_and_returns_them_laid_out():
    sources = _sources()
    before = [s.model_dump() for s in sources]
    claims = extract_claims(sources)
    assert claims and [s.model_dump() for s in sources] == before
    again, laid_out = extract_claims_and_layout(sources)
    assert [s.model_dump() for s in sources] == before
    assert [c.model_dump() for c in again] == [c.model_dump() for c in claims]
    assert [s.id for s in laid_out] == ["a", "b"] and all(s.body for s in laid_out)
    assert laid_out[0].removed  # the page furniture at the end
    assert [s.model_dump(exclude={"body", "removed"}) for s in laid_out] == \
           [s.model_dump(exclude={"body", "removed"}) for s in sources]
    _, statements = extract_claims_and_layout(sources, layout=False)
    assert [s.body for s in statements] == [[(0, len(TEXT))], [(0, len(OTHER))]]
    assert [s.model_dump() for s in sources] == before


def test_extract_all_leaves_its_sources_unchanged(tmp_path):
    sources = _sources()
    before = [s.model_dump() for s in sources]
    claims, laid_out, reused = extract_all(sources)
    assert claims and reused == 0 and [s.model_dump() for s in sources] == before
    direct, direct_sources = extract_claims_and_layout(sources)
    assert [s.model_dump() for s in laid_out] == [s.model_dump() for s in direct_sources]
    assert [c.id for c in claims] == [c.id for c in direct]


def test_building_events_leaves_the_facts_unchanged(fake_embedder):
    claims, sources = extract_claims_and_layout(_sources())
    vectors, _ = embed_texts([c.standalone or c.text for c in claims], fake_embedder)
    facts = build_facts(group_facts(claims, vectors), claims, sources, vectors)
    index = {c.id: i for i, c in enumerate(claims)}
    members = [[index[cid] for cid in f.claims] for f in facts]
    before = [f.model_dump() for f in facts]
    events = build_events(group_events_by_story(facts, members, claims, vectors, sources), facts)
    assert events and [f.model_dump() for f in facts] == before
    assigned = facts_with_events(facts, events)
    assert [f.model_dump() for f in facts] == before
    event_of = {fid: e.id for e in events for fid in e.facts}
    assert [f.event for f in assigned] == [event_of[f.id] for f in facts]
    assert [f.model_dump(exclude={"event"}) for f in assigned] == [f.model_dump(exclude={"event"}) for f in facts]
