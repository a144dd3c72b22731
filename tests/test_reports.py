"""Reports: four files, tables as DataFrames, HTML self-contained and escaped."""
import json

from checker.pipeline import run
from checker.report import write_reports
from tests.conftest import write

ARTICLE_A = ("<script>alert('x')</script> is not what this is about.\n\n"
             "China and Russia held a joint naval drill in the Sea of Japan on Tuesday, the defence ministry said.\n\n"
             "Five warships took part in the exercise, which lasted three days.\n")
ARTICLE_B = ("China and Russia held a joint naval drill in the Sea of Japan on Tuesday, officials said.\n\n"
             "Six warships took part in the exercise, according to the ministry.\n")


def test_all_formats_are_written_and_html_is_escaped(tmp_path, fake_embedder):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE_A)
    write(folder / "b.txt", ARTICLE_B)
    write(folder / "sources.json", json.dumps({"a.txt": {"outlet": "Outlet A", "published": "2023-07-19"},
                                               "b.txt": {"outlet": "Outlet <B>", "published": "2023-07-19"}}))
    report = run([folder], store=tmp_path / "s", embedder=fake_embedder)
    paths = write_reports(report, tmp_path / "out")
    assert all(p.exists() and p.stat().st_size > 0 for p in paths.values())
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "Outlet &lt;B&gt;" in html
    assert "http://" not in html and "https://" not in html.replace("https://www.w3.org", "")
    tables = report.tables()
    assert set(tables.matrix.columns) == {"Outlet A", "Outlet <B>"}
    assert set(tables.matrix.values.ravel()) <= {"corroborates", "partial", "differs", "silent"}
    assert len(tables.facts) == len(report.facts)
    assert "Outlet A" in paths["md"].read_text(encoding="utf-8")


def test_one_source_only_says_there_is_nothing_to_cross_reference(tmp_path, fake_embedder):
    write(tmp_path / "in" / "a.txt", ARTICLE_B)
    report = run([tmp_path / "in"], store=None, embedder=fake_embedder)
    assert any("nothing to cross-reference" in n for n in report.notes)
    assert all(f.status != "corroborated" for f in report.facts)


def test_a_day_of_coverage_prints_the_busiest_outlets_and_counts_the_rest(tmp_path, fake_embedder):
    """With more outlets than a matrix can show, report.md and report.html give a column to the
    outlets stating the most facts and count the others' stances in one column; the
    DataFrame keeps every outlet."""
    from checker.report.tables import MATRIX_OUTLETS

    folder, meta, n = tmp_path / "in", {}, MATRIX_OUTLETS + 4
    for k in range(n):
        count = "Six" if k >= n - 3 else "Five"
        text = f"{count} warships took part in the naval drill in the Sea of Japan on Tuesday, officials said.\n"
        if k >= n - 6:  # the last outlets also state a second fact, so they state the most
            text += "\nThe drill was the largest in the region this year, the defence ministry said.\n"
        write(folder / f"a{k:02d}.txt", text + f"\nOur correspondent number {k + 1} reported it from the coast.\n")
        meta[f"a{k:02d}.txt"] = {"outlet": f"Outlet {k:02d}", "published": "2023-07-19"}
    write(folder / "sources.json", json.dumps(meta))
    report = run([folder], store=None, embedder=fake_embedder)
    paths = write_reports(report, tmp_path / "out")
    tables = report.tables()
    assert len(tables.matrix.columns) == n
    shown = tables.shown_outlets()
    assert len(shown) == MATRIX_OUTLETS and set(shown) >= {f"Outlet {k:02d}" for k in range(n - 6, n)}

    md = paths["md"].read_text(encoding="utf-8")
    header = next(line for line in md.splitlines() if line.startswith("| fact |"))
    assert header.count("| Outlet ") == MATRIX_OUTLETS and header.startswith("| fact | 4 other outlets |")
    warships = next(f for f in report.facts if "warships" in f.summary)
    row = next(line for line in md.splitlines() if line.startswith(f"| [{warships.summary[:40]}"))
    others = row.split("|")[2]
    assert sum(int(part[1:]) for part in others.split()) == 4  # four outlets without a column state it
    html = paths["html"].read_text(encoding="utf-8")
    assert "<th>4 other outlets</th>" in html and html.count("<th>Outlet ") == MATRIX_OUTLETS


WIRE = ("Flooding forced the evacuation of 1,200 residents from the river town of Marlow on Sunday, the county "
        "emergency office said. Rescue crews used boats to reach homes cut off by the water, and two shelters "
        "were opened at local schools. The river crested at 6.4 metres in the early afternoon, the highest level "
        "recorded since 1998, according to the regional water authority. No deaths were reported, but three "
        "people were treated for hypothermia. Officials warned that more rain was expected on Tuesday.\n")


def test_a_wire_copy_is_found_and_does_not_corroborate_alone(tmp_path, fake_embedder):
    """A site reprinting the agency's story (its own header and footer around it) is a copy:
    `copy_of` names the original, and the two count as one independent outlet."""
    folder = tmp_path / "in"
    write(folder / "wire.txt", WIRE)
    write(folder / "reprint.txt", "Valley Courier | Local news\n\n" + WIRE + "\nShare this story. Subscribe today.\n")
    write(folder / "sources.json", json.dumps({
        "wire.txt": {"outlet": "Metro Wire", "published": "2024-03-03", "url": "https://wire.example/flood"},
        "reprint.txt": {"outlet": "Valley Courier", "published": "2024-03-04"}}))
    report = run([folder], store=None, embedder=fake_embedder)
    by_id = report.source_index()
    assert by_id["reprint"].copy_of == "wire" and by_id["wire"].copy_of is None
    shared = [f for f in report.facts if len({report.claim_index()[c].source for c in f.claims}) > 1]
    assert shared and all(f.independent_outlets == 1 and f.status != "corroborated" for f in shared)
    data = json.loads(write_reports(report, tmp_path / "out")["json"].read_text(encoding="utf-8"))
    assert {s["id"]: s["copy_of"] for s in data["sources"]} == {"wire": None, "reprint": "wire"}
    assert all(f["independent_outlets"] >= 1 for f in data["facts"])


def test_different_articles_on_one_story_are_not_copies():
    from checker.judge.independence import find_copies
    from checker.models import Source

    other = ("Residents of Marlow were moved out of their homes on Sunday as the river rose to its highest level in "
             "a quarter of a century. Boats carried families to two schools turned into shelters; the water "
             "authority put the crest at 6.4 metres. Forecasters expect more rain this week.")
    sources = [Source(id="a", path="a", text=WIRE), Source(id="b", path="b", text=other)]
    assert find_copies(sources) == {}


def test_a_claim_crediting_another_outlet_speaks_for_it():
    from checker.judge.independence import cited_outlet, outlet_names, voices
    from checker.models import Claim, Source

    text = "The talks will resume in Geneva next week, a senior diplomat told the Associated Press."
    own = "The talks will resume in Geneva next week, a spokesman said."
    sources = {"x": Source(id="x", path="x", text=text, outlet="Daily Ledger"),
               "ap": Source(id="ap", path="ap", text=own, outlet="The Associated Press")}
    names = outlet_names(list(sources.values()))
    a = Claim(id="c1", source="x", start=0, end=40, text=text[:40], sentence=(0, len(text)))
    b = Claim(id="c2", source="ap", start=0, end=40, text=own[:40], sentence=(0, len(own)))
    assert cited_outlet(a, sources["x"], names) == "associated press"
    assert voices([a, b], sources, names) == {"associated press"}
    reported = "Reuters reported that the talks will resume in Geneva."
    sources["y"] = Source(id="y", path="y", text=reported, outlet="Morning Star Online")
    c = Claim(id="c3", source="y", start=0, end=len(reported), text=reported, sentence=(0, len(reported)))
    assert cited_outlet(c, sources["y"], names) == "reuters"
    from checker.models import Attribution

    d = c.model_copy(update={"attribution": Attribution(kind="cited_outlet", speaker="Politico")})
    assert cited_outlet(d, sources["y"], names) == "politico"


def _triple(tmp_path):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE_A)
    write(folder / "b.txt", ARTICLE_B)
    write(folder / "wire.txt", WIRE)
    write(folder / "reprint.txt", "Valley Courier | Local news\n\n" + WIRE + "\nShare this story.\n")
    write(folder / "sources.json", json.dumps({
        "a.txt": {"outlet": "Outlet A", "published": "2023-07-19", "url": "https://a.example/drill"},
        "b.txt": {"outlet": "Outlet B", "published": "2023-07-19", "url": "https://b.example/news/drill"},
        "wire.txt": {"outlet": "Metro Wire", "published": "2024-03-03", "url": "https://wire.example/flood"},
        "reprint.txt": {"outlet": "Valley Courier", "published": "2024-03-04", "url": "https://courier.example/1"}}))
    return folder


def test_report_md_opens_with_a_summary_then_events_with_linked_discrepancies(tmp_path, fake_embedder):
    report = run([_triple(tmp_path)], store=None, embedder=fake_embedder)
    paths = write_reports(report, tmp_path / "out")
    md = paths["md"].read_text(encoding="utf-8")
    assert md.index("## Summary") < md.index("## Sources") < md.index("## Events") < md.index("### Event 1")
    assert "(agreement.svg)" in md and paths["svg"].read_text(encoding="utf-8").startswith("<svg")
    assert "`reprint` (Valley Courier) reprints `wire`" in md
    assert ">copy</text>" in paths["svg"].read_text(encoding="utf-8")  # not drawn as agreement
    for s in report.sources:
        assert f"]({s.url})" in md
    contested = [f for f in report.facts if f.status == "contested" and not all(d.internal for d in f.discrepancies)]
    assert contested
    for d in contested[0].discrepancies:
        line = next(line for line in md.splitlines() if f"(#{d.claims[0]})" in line)
        assert f"(#{d.claims[1]})" in line and "Outlet A" in line and "Outlet B" in line
        assert f'<a id="{d.claims[0]}"></a>' in md and f'<a id="{d.claims[1]}"></a>' in md
    html = paths["html"].read_text(encoding="utf-8")
    assert all(f'href="{s.url}"' in html for s in report.sources)
    assert "<svg" in html and "<h2>Events</h2>" in html


def test_facts_are_ranked_contested_first_and_single_source_last():
    from checker.models import Claim, Event, Fact, Report, Source
    from checker.report.layout import event_views

    sources = [Source(id=s, path=s, text="x" * 2000, outlet=s.upper()) for s in ("a", "b", "c")]
    claims = [Claim(id=f"c{n}", source=s, start=10 * n, end=10 * n + 5, text=f"claim {n}", sentence=(0, 9))
              for n, s in enumerate("abcabca")]
    facts = [Fact(id="f1", status="single-source", claims=["c0"]),
             Fact(id="f2", status="corroborated", claims=["c1", "c2"], independent_outlets=2),
             Fact(id="f3", status="corroborated", claims=["c3", "c4", "c5"], independent_outlets=3),
             Fact(id="f4", status="contested", claims=["c6", "c2"], independent_outlets=2)]
    report = Report(sources=sources, claims=claims, facts=facts,
                    events=[Event(id="e1", facts=["f1", "f2", "f3", "f4"])])
    (ev,) = event_views(report)
    assert [v.fact.id for v in ev.shared] == ["f4", "f3", "f2"] and list(ev.single) == ["A"]


def test_titles_are_never_cut_mid_word():
    from checker.report.layout import title

    text = "Rescue crews reached the stranded hikers after a twelve-hour search across the northern ridge"
    for limit in range(20, len(text)):
        cut = title(text, limit)
        assert len(cut) <= limit and cut.endswith("…")
        assert text.startswith(cut[:-1]) and text[len(cut) - 1] in " ,"
    assert title(text, 500) == text


def test_a_trimmed_reprint_is_a_copy_and_lsh_finds_copies_in_a_large_input(monkeypatch):
    """A site running the first half of the agency story under its own header is a copy
    (containment); above the exact-comparison size, MinHash LSH proposes the same pair."""
    from checker.judge import independence as copies
    from checker.models import Source

    longer = WIRE + ("The county said schools in the valley would stay closed until Thursday while engineers "
                     "inspect two bridges. Volunteers from neighbouring towns filled sandbags through the night, "
                     "and the regional rail operator suspended services on the riverside line until further notice.")
    half = "Valley Courier\n\n" + longer[: len(longer) // 2].rsplit(" ", 1)[0] + ".\n"
    sources = [Source(id="wire", path="w", text=longer), Source(id="short", path="s", text=half)]
    assert copies.find_copies(sources) == {"short": "wire"}
    monkeypatch.setattr(copies, "EXACT_UPTO", 1)
    assert copies.find_copies(sources) == {"short": "wire"}


def test_a_fact_resting_on_one_agency_is_not_corroborated_and_the_report_says_who_speaks(tmp_path):
    from checker.judge.independence import apply_independence
    from checker.models import Claim, Event, Fact, Report, Source

    texts = {"ledger": "Ministers will sign the fisheries accord in Oslo on Friday, an official told the Associated Press.",
             "ap": "Ministers will sign the fisheries accord in Oslo on Friday, officials said."}
    sources = [Source(id="ledger", path="l", text=texts["ledger"], outlet="Daily Ledger"),
               Source(id="ap", path="a", text=texts["ap"], outlet="The Associated Press")]
    claims = [Claim(id=f"c_{k}", source=k, start=0, end=len(t), text=t, sentence=(0, len(t))) for k, t in texts.items()]
    facts = apply_independence([Fact(id="f1", status="corroborated", claims=["c_ledger", "c_ap"], event="e1",
                                     summary=texts["ap"])], claims, sources)
    assert facts[0].status == "single-source" and facts[0].independent_outlets == 1
    report = Report(sources=sources, claims=claims, facts=facts, events=[Event(id="e1", facts=["f1"])])
    md = write_reports(report, tmp_path)["md"].read_text(encoding="utf-8")
    assert "2 outlets (1 independent)" in md and "*speaks for The Associated Press*" in md
    assert "1 fact stated by two or more outlets" in md
