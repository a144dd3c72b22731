"""Who said it: checker's speakers against a hand-labelled list of quoted and attributed sentences.

usage: python benchmarks/attribution_accuracy.py [--data tests/data/attribution.jsonl] [--show N]

Each line of the list is a sentence from a dev story ("text"), the sentence or two before it
("context"), and the speaker a careful reader names ("speaker", with "kind": person, body or
descriptor). Every item is run through `checker.extract.claims.extract_claims` as one short article
(context, then the sentence). The speaker checker gives the sentence is the attribution of its
claim holding the most quoted words, or of its first claim when nothing is quoted. A person
matches by the project's name matching (`same_person`: surname, titles ignored); a body or a
descriptor ("a White House official") by `same_org` (its words within the other's).

Prints the accuracy overall, on two halves split by story (to see whether a change fits one
half only), by kind, and the misses. Items a001-a182 (57 stories) are the list the rules were
developed on; h001-h027 (14 other stories) were labelled afterwards and first measured before
any change was made for them (0.815; 0.704 before the attribution work).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
from collections import Counter

DEFAULT = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "attribution.jsonl"


def load(path: str | pathlib.Path = DEFAULT) -> list[dict]:
    """The labelled items, one dict per line."""
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def half(story: str) -> str:
    """'A' or 'B': a stable split of the stories in two halves."""
    return "AB"[hashlib.sha1(story.encode()).digest()[0] % 2]


def predict(items: list[dict]) -> list[dict]:
    """For each item, checker's attribution of its sentence: {"speaker", "kind", "via"}."""
    from checker.extract.claims import extract_claims
    from checker.models import Source

    sources, offsets = [], {}
    for it in items:
        context = it.get("context") or ""
        text = (context + " " if context else "") + it["text"]
        sources.append(Source(id=it["id"], path=it["id"], text=text))
        offsets[it["id"]] = len(context) + 1 if context else 0
    claims = extract_claims(sources, layout=False)
    by_source: dict[str, list] = {}
    for c in claims:
        if c.kind in ("assertion", "headline") and c.end > offsets[c.source]:
            by_source.setdefault(c.source, []).append(c)
    out = []
    for it in items:
        cands = by_source.get(it["id"], [])
        if not cands:
            out.append({"speaker": None, "kind": "outlet", "via": None})
            continue
        quoted = [sum(q.end - q.start for q in c.quotes) for c in cands]
        best = cands[quoted.index(max(quoted))] if max(quoted) > 0 else cands[0]
        att = best.attribution
        out.append({"speaker": att.speaker if att.kind != "outlet" else None, "kind": att.kind, "via": att.via})
    return out


def matches(item: dict, predicted: str | None) -> bool:
    """Whether the predicted speaker is the labelled one (see the module's docstring)."""
    from checker.extract.normalize.entities import same_org, same_person

    if predicted is None:
        return item["speaker"] is None
    if item["speaker"] is None:
        return False
    if item.get("kind", "person") == "person":
        return same_person(item["speaker"], predicted)
    return same_org(item["speaker"], predicted)


def evaluate(items: list[dict]) -> dict:
    """Accuracy overall, by half and by kind, and the misses."""
    preds = predict(items)
    hits: Counter = Counter()
    totals: Counter = Counter()
    misses = []
    for it, p in zip(items, preds):
        ok = matches(it, p["speaker"])
        for key in ("all", "half " + half(it["story"]), it.get("kind", "person")):
            totals[key] += 1
            hits[key] += ok
        if not ok:
            misses.append({**it, "predicted": p["speaker"], "predicted_kind": p["kind"]})
    return {"accuracy": {k: hits[k] / totals[k] for k in totals}, "counts": {k: (hits[k], totals[k]) for k in totals},
            "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=100, help="misses to print")
    args = ap.parse_args()
    items = load(args.data)
    result = evaluate(items)
    print(f"{len(items)} items from {len({it['story'] for it in items})} stories")
    for key in sorted(result["counts"], key=lambda k: (k != "all", k)):
        h, n = result["counts"][key]
        print(f"  {key:<12} {h:>4}/{n:<4} {h / n:.3f}")
    for m in result["misses"][:args.show]:
        print(f"- {m['id']} [{m['story']}] label={m['speaker']!r} got={m['predicted']!r} ({m['predicted_kind']})"
              f"\n    {m['text'][:160]}")


if __name__ == "__main__":
    main()
