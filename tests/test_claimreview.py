"""claimreview.jsonld: schema.org ClaimReview items for contested and corroborated facts."""
import json

from checker.models import Claim, Discrepancy, Fact, Report, Review, Source
from checker.report import write_reports

TEXT_A = "The museum reopened on Friday after a two-year renovation costing $40 million."
TEXT_B = "The museum reopened on Friday after a renovation that cost $45 million."


def _report():
    sources = [Source(id="a", path="a.txt", text=TEXT_A, outlet="Harbour Times", url="https://ht.example/museum",
                      published="2025-05-02", title="Museum reopens"),
               Source(id="b", path="b.txt", text=TEXT_B, outlet="City Radio", published="2025-05-03")]
    claims = [Claim(id="ca", source="a", start=0, end=len(TEXT_A), text=TEXT_A, sentence=(0, len(TEXT_A))),
              Claim(id="cb", source="b", start=0, end=len(TEXT_B), text=TEXT_B, sentence=(0, len(TEXT_B))),
              Claim(id="ca2", source="a", start=0, end=27, text=TEXT_A[:27], sentence=(0, len(TEXT_A))),
              Claim(id="cb2", source="b", start=0, end=27, text=TEXT_B[:27], sentence=(0, len(TEXT_B)))]
    facts = [Fact(id="f1", status="contested", summary="The renovation cost $40 million.", claims=["ca", "cb"],
                  independent_outlets=2,
                  discrepancies=[Discrepancy(id="d1", kind="number", claims=("ca", "cb"), detail="40 vs 45",
                                             review=Review(state="real", reviewer="ann", at="2025-05-04"))]),
             Fact(id="f2", status="corroborated", summary="The museum reopened on Friday.", claims=["ca2", "cb2"],
                  independent_outlets=2),
             Fact(id="f3", status="single-source", summary="It took two years.", claims=["ca"])]
    return Report(sources=sources, claims=claims, facts=facts, created="2025-05-05T10:00:00+00:00")


def test_claimreview_items_have_the_schema_org_shape(tmp_path):
    path = write_reports(_report(), tmp_path)["claimreview"]
    items = json.loads(path.read_text(encoding="utf-8"))
    assert [i["identifier"] for i in items] == ["f1", "f2"]  # no item for a single-source fact
    for item in items:
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert item["claimReviewed"] and item["datePublished"] == "2025-05-05"
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim" and len(claim["appearance"]) == 2
        for a in claim["appearance"]:
            assert a["name"] and a["datePublished"] and a["publisher"]["name"] in ("Harbour Times", "City Radio")
        assert claim["firstAppearance"]["url"] == "https://ht.example/museum"
        assert item["reviewRating"]["@type"] == "Rating" and item["reviewRating"]["alternateName"]
    contested, corroborated = items
    assert contested["reviewRating"]["alternateName"] == "Outlets differ: number"
    assert contested["author"] == {"@type": "Person", "name": "ann"}
    assert corroborated["reviewRating"]["alternateName"] == "Corroborated by 2 independent outlets"
    assert corroborated["author"]["@type"] == "Organization"
