"""Grouping: same proposition across outlets → one fact; different times → never one fact."""
import datetime as dt

from checker.extract.claims import extract_claims
from checker.embed.embedder import embed_texts
from checker.group.facts import average_linkage, candidate_pairs, group_facts
from checker.models import Source


def _claims(articles):
    sources = [Source(id=f"s{i}", path="", text=t, published=dt.date.fromisoformat(p)) for i, (t, p) in enumerate(articles)]
    return extract_claims(sources, layout=False)


def test_same_words_at_different_times_are_different_facts(fake_embedder):
    claims = _claims([
        ("China and Russia flew a joint air patrol over the Sea of Japan last month.", "2023-07-17"),
        ("China and Russia flew a joint air patrol over the Sea of Japan on Tuesday.", "2022-05-24"),
        ("China and Russia flew a joint air patrol over the Sea of Japan in June.", "2023-07-16"),
    ])
    vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
    facts = group_facts(claims, vectors)
    fact_of = {claims[i].source: n for n, m in enumerate(facts) for i in m}
    assert fact_of["s0"] == fact_of["s2"]          # June 2023 twice
    assert fact_of["s0"] != fact_of["s1"]          # May 2022 is another patrol


def test_times_a_day_apart_may_be_one_fact_but_months_apart_never(fake_embedder):
    from checker.settings import Settings

    claims = _claims([
        ("The city council approved the new stadium budget on Monday.", "2024-03-20"),
        ("The city council approved the new stadium budget on Tuesday.", "2024-03-20"),
        ("The city council approved the new stadium budget in November.", "2024-03-20"),
    ])
    vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
    slack = Settings(fact_time_slack_days=1, fact_link=0.01, fact_average=0.01)
    fact_of = {claims[i].source: n for n, m in enumerate(group_facts(claims, vectors, slack)) for i in m}
    assert fact_of["s0"] == fact_of["s1"]          # Monday and Tuesday: left to the model (here: linked)
    assert fact_of["s0"] != fact_of["s2"]          # four months back: never one fact
    strict = Settings(fact_time_slack_days=0, fact_link=0.01, fact_average=0.01)
    fact_of = {claims[i].source: n for n, m in enumerate(group_facts(claims, vectors, strict)) for i in m}
    assert fact_of["s0"] != fact_of["s1"]


def test_a_claim_that_matches_nothing_stays_single(fake_embedder):
    claims = _claims([("Five warships sailed from Qingdao on Sunday.", "2023-07-17"),
                      ("Trade between the two countries rose by 29 percent.", "2022-08-13")])
    vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
    assert sorted(len(m) for m in group_facts(claims, vectors)) == [1, 1]


def test_average_linkage_never_merges_firmly_disjoint_times_or_one_sentence():
    import numpy as np

    from checker.group.linkage import Node

    v = np.ones((3, 4), dtype="float32") / 2
    edges = [(0, 1, 0.9, 1.0), (1, 2, 0.9, 1.0), (0, 2, 0.9, 1.0)]
    nodes = [Node(start=10, end=10), Node(), Node(start=20, end=20)]
    clusters = average_linkage(nodes, v, edges, 0.7, 0.6)
    assert [0, 2] not in clusters and [0, 1, 2] not in clusters and any(len(c) == 2 for c in clusters)
    nodes = [Node(sentence=("s", 1)), Node(sentence=("s", 1)), Node()]
    assert [0, 1] not in average_linkage(nodes, v, edges[:1], 0.7, 0.6)


def test_average_linkage_counts_pairs_without_an_edge_by_their_cosine():
    import numpy as np

    from checker.group.linkage import Node

    v = np.array([[1, 0], [1, 0], [0, 1]], dtype="float32")   # 2 is orthogonal to 0 and 1
    edges = [(0, 1, 0.95, 1.0), (1, 2, 0.9, 0.0)]               # no edge 0–2: it counts as cosine 0
    clusters = average_linkage([Node(), Node(), Node()], v, edges, 0.7, 0.6)
    assert [0, 1] in clusters and [2] in clusters


def test_candidates_are_the_nearest_neighbours(fake_embedder):
    import numpy as np

    v = np.eye(4, dtype="float32")
    v[1] = (v[0] + v[1]) / np.linalg.norm(v[0] + v[1])
    pairs = {(i, j) for i, j, _ in candidate_pairs(v, k=1, min_cosine=0.5)}
    assert (0, 1) in pairs and (2, 3) not in pairs


def test_a_fact_is_summarised_alike_whatever_the_float_noise(fake_embedder):
    """The model's last bits differ between CPUs and batches; a fact's summary must not."""
    import numpy as np

    from checker.judge.verdicts import build_facts

    articles = [("Five warships took part in the naval drill in the Sea of Japan, officials said.", "2023-07-17"),
                ("Five warships joined the naval drill in the Sea of Japan on Tuesday.", "2023-07-17"),
                ("Russia sent five warships to the naval drill in the Sea of Japan.", "2023-07-17")]
    sources = {f"s{i}": Source(id=f"s{i}", path="", text=t, published=dt.date.fromisoformat(p))
               for i, (t, p) in enumerate(articles)}
    for pair in ([0, 1], [0, 1, 2]):
        claims = extract_claims([sources[f"s{i}"] for i in pair], layout=False)
        vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
        members = [list(range(len(claims)))]
        summaries = set()
        for seed in range(20):
            noise = np.random.default_rng(seed).normal(0, 1e-7, vectors.shape).astype(np.float32)
            summaries.add(build_facts(members, claims, list(sources.values()), vectors + noise)[0].summary)
        assert len(summaries) == 1
        if len(pair) == 2:  # a tie: the first claim in reading order
            assert summaries == {claims[0].text}


def test_claims_about_two_different_people_are_two_facts(fake_embedder):
    """'Miller scored eight points' and 'Smith scored eleven' are not one fact with a number
    discrepancy; two writings of one name, or two people naming each other, still are."""
    from checker.judge.verdicts import build_facts

    articles = [("John Miller scored eight points in the game against Duke on Friday.", "2023-07-17"),
                ("Michael Smith scored eleven points in the game against Duke on Friday.", "2023-07-17"),
                ("Miller scored eight points in the game against Duke on Friday.", "2023-07-17"),
                ("Putin met Xi in Beijing on Friday.", "2023-07-17"),
                ("Xi met Putin in Beijing on Friday.", "2023-07-17")]
    claims = _claims(articles)
    assert [c.subject for c in claims] == ["John Miller", "Michael Smith", "Miller", "Putin", "Xi"]
    vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
    clusters = group_facts(claims, vectors)
    fact_of = {claims[i].source: n for n, m in enumerate(clusters) for i in m}
    assert fact_of["s0"] != fact_of["s1"]
    assert fact_of["s0"] == fact_of["s2"] and fact_of["s3"] == fact_of["s4"]
    sources = [Source(id=f"s{i}", path="", text=t) for i, (t, _) in enumerate(articles)]
    assert not any(f.discrepancies for f in build_facts(clusters, claims, sources, vectors))


def test_an_articles_look_alike_claims_join_only_through_another_outlet():
    import numpy as np

    from checker.group.linkage import Node

    # two claims of one article alike (0.85), a third outlet's claim close to both (0.6)
    vectors = np.full((3, 4), 0.5, dtype=np.float32)
    alone = [(0, 1, 0.85, 1.0)]
    nodes = [Node(source="a"), Node(source="a"), Node(source="b")]
    assert average_linkage(nodes, vectors, alone, 0.5, 0.4, missing=0.0, within_source_link=0.9) == [[0], [1], [2]]
    assert average_linkage(nodes, vectors, alone, 0.5, 0.4, missing=0.0) == [[0, 1], [2]]
    linked = alone + [(0, 2, 0.6, 1.0), (1, 2, 0.6, 1.0)]
    assert average_linkage(nodes, vectors, linked, 0.5, 0.4, missing=0.0, within_source_link=0.9) == [[0, 1, 2]]
    copy = [(0, 1, 0.95, 1.0)]  # the article printing the same words twice
    assert average_linkage(nodes, vectors, copy, 0.5, 0.4, missing=0.0, within_source_link=0.9) == [[0, 1], [2]]


def test_average_linkage_never_merges_two_people_unless_one_names_the_other():
    import numpy as np

    from checker.group.linkage import Node

    vectors = np.full((3, 4), 0.5, dtype=np.float32)  # alike: every pair at cosine 1
    edges = [(0, 1, 1.0, 1.0), (1, 2, 1.0, 1.0), (0, 2, 1.0, 1.0)]
    apart = [Node(subject=1, mentions=frozenset({1})), Node(subject=2, mentions=frozenset({2})), Node()]
    assert sorted(map(len, average_linkage(apart, vectors, edges, 0.7, 0.6))) == [1, 2]
    named = [Node(subject=1, mentions=frozenset({1, 2})), Node(subject=2, mentions=frozenset({2, 1})), Node()]
    assert average_linkage(named, vectors, edges, 0.7, 0.6) == [[0, 1, 2]]


def test_two_people_each_speaking_of_themselves_are_two_facts(fake_embedder):
    """'"I'm not worried," said one; "I'm worried," said another': no negation to report."""
    from checker.judge.verdicts import build_facts

    articles = [('"I am not worried about the deal," John Miller said on Friday.', "2023-07-17"),
                ('"I am worried about the deal," Michael Smith said on Friday.', "2023-07-17")]
    claims = [c for c in _claims(articles) if c.kind == "assertion"]
    assert [c.subject for c in claims] == ["John Miller", "Michael Smith"]
    vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
    clusters = group_facts(claims, vectors)
    assert len(clusters) == 2
    sources = [Source(id=f"s{i}", path="", text=t) for i, (t, _) in enumerate(articles)]
    assert not any(f.discrepancies for f in build_facts(clusters, claims, sources, vectors))


def test_the_time_slack_widens_days_not_years():
    from checker.group.facts import node_of
    from checker.models import TimeSpan

    def span(a, b, precision):
        return TimeSpan(start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b), precision=precision, text=a)

    def apart(x, y):
        return x.end < y.start or y.end < x.start

    friday, saturday = (node_of(span(d, d, "day"), slack=3) for d in ("2024-03-01", "2024-03-02"))
    assert not apart(friday, saturday)
    year_2013, year_2014 = node_of(span("2013-01-01", "2013-12-31", "year"), slack=3), \
        node_of(span("2014-01-01", "2014-12-31", "year"), slack=3)
    assert apart(year_2013, year_2014)
    assert not apart(node_of(span("2013-12-30", "2013-12-30", "day"), slack=3), year_2014)
    widened = [node_of(span(f"{y}-01-01", f"{y}-12-31", "year"), slack=3, widen_below=None) for y in (2013, 2014)]
    assert not apart(*widened)  # Settings.fact_time_slack_widens_below_days=None widens every span


def test_a_description_of_a_person_is_never_one_fact_with_what_someone_said():
    from checker.group.facts import _blocked, _join_statements

    claims = _claims([
        ("Chilean Foreign Minister Ana Ruiz said on Monday that the fishing talks would resume.", "2022-05-24"),
        ("Chilean Foreign Minister Ana Ruiz said on Friday that the copper tariff was lifted.", "2023-04-14"),
    ])
    described = [i for i, c in enumerate(claims) if c.kind == "description"]
    assert [claims[i].standalone for i in described] == ["Ana Ruiz is Chilean Foreign Minister"] * 2
    said = [i for i, c in enumerate(claims) if c.kind == "assertion" and c.attribution.speaker]
    assert said and all(_blocked(claims[d], claims[s]) for d in described for s in said)
    assert not _blocked(claims[described[0]], claims[described[1]])  # one title in two outlets: matchable
    # the two dated statements share only the speaker's description: they are not one statement
    clusters = [described] + [[i] for i in range(len(claims)) if i not in described and claims[i].kind != "statement"]
    joined = _join_statements(claims, clusters)
    assert not any(claims[m[0]].kind == "statement" for m in joined)


def test_a_fact_of_descriptions_is_summarised_as_the_statement_it_makes(fake_embedder):
    from checker.judge.verdicts import build_facts

    sources = [Source(id=f"s{i}", path="", text=t, published=dt.date(2024, 3, 20)) for i, t in enumerate([
        "Chilean Foreign Minister Ana Ruiz arrived in Lima on Monday.",
        "Chilean Foreign Minister Ana Ruiz met the Peruvian cabinet in Lima."])]
    claims = extract_claims(sources, layout=False)
    described = [i for i, c in enumerate(claims) if c.kind == "description"]
    vectors, _ = embed_texts([c.standalone for c in claims], fake_embedder)
    [fact] = build_facts([described], claims, sources, vectors)
    assert fact.summary == "Ana Ruiz is Chilean Foreign Minister"
