"""Events through stories: articles about one happening form a story; a fact that looks back
to an earlier time is not part of the story it is told in."""
import datetime as dt

from checker.extract.claims import extract_claims
from checker.embed.embedder import embed_texts_and_tokens
from checker.judge.verdicts import build_facts
from checker.group.facts import group_facts
from checker.models import Source
from checker.group.events import document_stories, group_events_by_story

DRILL_A = ("China and Russia began joint naval drills in the Sea of Japan on Sunday, the defence ministry said. "
           "Five warships took part in the drills. Russia invaded Ukraine on February 24, 2022.")
DRILL_B = ("Joint naval drills by China and Russia started in the Sea of Japan on Sunday. "
           "Five warships took part in the drills, officials said.")
FLOOD = "Heavy rain flooded the city of Porto Alegre on Monday, and thousands of residents fled their homes."


def _setup(fake_embedder, published=("2023-07-17", "2023-07-17", "2023-07-18")):
    sources = [Source(id=f"s{i}", path="", text=t, published=dt.date.fromisoformat(p))
               for i, (t, p) in enumerate(zip((DRILL_A, DRILL_B, FLOOD), published))]
    claims = extract_claims(sources, layout=False)
    vectors, tokens, _ = embed_texts_and_tokens([c.standalone for c in claims], fake_embedder)
    return sources, claims, vectors, tokens


def test_articles_about_one_happening_share_a_story(fake_embedder):
    sources, claims, vectors, tokens = _setup(fake_embedder)
    stories = document_stories(sources, claims, vectors)
    assert stories.of_source["s0"] == stories.of_source["s1"] != stories.of_source["s2"]


def test_articles_months_apart_are_different_stories(fake_embedder):
    sources, claims, vectors, tokens = _setup(fake_embedder, ("2023-07-17", "2022-05-24", "2023-07-18"))
    stories = document_stories(sources, claims, vectors)
    assert stories.of_source["s0"] != stories.of_source["s1"]


def test_a_fact_that_looks_back_is_not_in_the_story_event(fake_embedder):
    sources, claims, vectors, tokens = _setup(fake_embedder)
    facts = build_facts(group_facts(claims, vectors, tokens=tokens), claims, sources, vectors)
    index = {c.id: i for i, c in enumerate(claims)}
    members = [[index[x] for x in f.claims] for f in facts]
    events = group_events_by_story(facts, members, claims, vectors, sources)
    event_of = {facts[k].id: n for n, e in enumerate(events) for k in e}
    by_text = {claims[m[0]].text: event_of[f.id] for f, m in zip(facts, members)}
    drills = next(v for t, v in by_text.items() if "began joint naval drills" in t)
    warships = next(v for t, v in by_text.items() if "Five warships" in t)
    invasion = next(v for t, v in by_text.items() if "invaded Ukraine" in t)
    assert drills == warships != invasion
