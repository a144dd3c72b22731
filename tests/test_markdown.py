"""Markdown input: markup never reaches a claim, offsets still index the file."""
from checker.extract.claims import extract_claims
from checker.ingest.read import load_sources
from checker.extract.markup import mask_markdown
from tests.conftest import write

MD = """# Navies meet in the Sea of Japan

![A destroyer](img/destroyer.jpg)

**China** and Russia began [joint naval drills](https://example.com/drills) in the Sea of Japan on Sunday,
the *defence ministry* said.

- Five warships took part in the drills, which will last three days.

```
not = "an article"
```
"""


def test_masking_keeps_length_and_words():
    masked = mask_markdown(MD)
    assert len(masked) == len(MD)
    for gone in ("**", "](", "https://", "![", "```", "# "):
        assert gone not in masked
    assert "joint naval drills" in masked and "China" in masked


def test_markdown_claims_have_no_markup_and_true_offsets(tmp_path):
    write(tmp_path / "a.md", MD)
    sources = load_sources([tmp_path]).sources
    claims = extract_claims(sources)
    assert claims and all("**" not in c.text and "](" not in c.text and "an article" not in c.text for c in claims)
    drills = next(c for c in claims if "joint naval drills" in c.text)
    assert "joint naval drills" in MD[drills.start:drills.end]
