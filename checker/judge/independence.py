"""Independence: wire copies, near-duplicate articles, and claims that speak for another outlet.

Two sites running one agency story are one voice, not two; neither is an outlet writing "a US
official told the Associated Press" beside the AP's own article. This module finds

- copies: articles whose word shingles mostly coincide, or a shorter one almost wholly inside a
  longer (a trimmed reprint); exact set comparison confirms, and on a large input MinHash LSH
  (datasketch) proposes the pairs; `Source.copy_of` names the article a source reprints — the
  earlier one, else the longer, else the first in reading order;
- cited outlets: a claim whose sentence credits an outlet ("told Reuters", "the AP reported",
  "according to Agence France-Presse") speaks for that outlet;

and counts, per fact, the independent outlets: one voice per outlet once copies are folded into
their original and citing claims into the outlet they cite. "Corroborated" needs two.
"""
from __future__ import annotations

import re

from checker.models import Claim, Fact, Source
from checker.outlets import name_key, outlet_key

SHINGLE = 5  # words per shingle: long enough that shared phrases of a topic rarely match
COPY_JACCARD = 0.5  # share of shingles two articles must have in common to be one story reprinted
CONTAINMENT = 0.8  # share of the shorter article's shingles found in the longer: a trimmed reprint
MIN_CONTAINED = 30  # shingles the shorter article needs for containment to count (not a one-line brief)
EXACT_UPTO = 300  # up to this many articles every pair is compared exactly; above, LSH proposes pairs
LSH_THRESHOLD = 0.2
NUM_PERM = 128

# Agencies whose copy other outlets run or cite; the input's own outlets are added per run.
WIRES = {
    "associated press": "associated press", "ap": "associated press", "the associated press": "associated press",
    "reuters": "reuters", "thomson reuters": "reuters", "afp": "agence france-presse",
    "agence france-presse": "agence france-presse", "agence france presse": "agence france-presse",
    "bloomberg": "bloomberg", "bloomberg news": "bloomberg", "xinhua": "xinhua", "tass": "tass", "kyodo": "kyodo",
    "yonhap": "yonhap", "dpa": "dpa", "upi": "upi", "united press international": "upi", "efe": "efe",
    "ansa": "ansa", "press trust of india": "pti", "pti": "pti", "ani": "ani", "interfax": "interfax",
}
_NAME = r"((?:the\s+)?[A-Z][\w.&'-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.&'-]*){0,4})"
_CREDIT = [
    re.compile(r"\b(?:told|telling|tells|to|according to|reported by|cited by|quoted by|interview with|"
               r"statement to|speaking to|spoke to)\s+" + _NAME),
    re.compile(_NAME + r"(?:'s?)?\s+(?:reported|reports|has reported|said|says|cited|quoted|learned|"
               r"was told|obtained)\b"),
]


def _body(source: Source) -> str:
    if source.body:
        return " ".join(source.text[a:b] for a, b in source.body)
    return source.text


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The article's k-word shingles, lowercased, punctuation dropped."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _is_copy(a: set[str], b: set[str], threshold: float) -> bool:
    """Near-identical (Jaccard), or the shorter one almost wholly inside the longer (a trimmed
    reprint: containment). On 530 real multi-outlet stories of the development data, no two
    independent articles reached a Jaccard of 0.32 or a containment of 0.49."""
    common = len(a & b)
    if common / len(a | b) >= threshold:
        return True
    small = min(len(a), len(b))
    return small >= MIN_CONTAINED and common / small >= CONTAINMENT


def find_copies(sources: list[Source], threshold: float = COPY_JACCARD) -> dict[str, str]:
    """Source id -> id of the source it reprints, for every article that is a near-copy of an
    earlier one (earlier by publication date, then the longer, then reading order). A chain of
    copies points at its first article. Up to EXACT_UPTO articles every pair is compared; above,
    MinHash LSH proposes the pairs."""
    if len(sources) < 2:
        return {}
    sets = [shingles(_body(s)) for s in sources]

    def rank(n: int):
        p = sources[n].published
        return (p is None, p.toordinal() if p else 0, -len(sets[n]), n)

    if len(sources) <= EXACT_UPTO:
        pairs = ((i, j) for i in range(len(sets)) for j in range(i + 1, len(sets)))
    else:
        pairs = _lsh_pairs(sets)
    original: dict[int, int] = {}
    for i, j in pairs:
        if not sets[i] or not sets[j] or not _is_copy(sets[i], sets[j], threshold):
            continue
        first, copy = (i, j) if rank(i) < rank(j) else (j, i)
        if copy not in original or rank(first) < rank(original[copy]):
            original[copy] = first
    out = {}
    for n in sorted(original, key=rank):
        root, seen = original[n], {n}
        while root in original and root not in seen:
            seen.add(root)
            root = original[root]
        out[sources[n].id] = sources[root].id
    return out


def _lsh_pairs(sets: list[set[str]]):
    """Candidate pairs from MinHash LSH, at a low threshold: LSH only proposes, _is_copy decides."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = []
    for n, sh in enumerate(sets):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.encode() for s in sh])
        hashes.append(m)
        if sh:
            lsh.insert(str(n), m)
    seen = set()
    for n, sh in enumerate(sets):
        if not sh:
            continue
        for other in map(int, lsh.query(hashes[n])):
            pair = (min(n, other), max(n, other))
            if other != n and pair not in seen:
                seen.add(pair)
                yield pair


def mark_copies(sources: list[Source]) -> list[Source]:
    """Set `copy_of` on every source (None for an original); returns the same list."""
    found = find_copies(sources)
    for s in sources:
        s.copy_of = found.get(s.id)
    return sources


def outlet_names(sources: list[Source]) -> dict[str, str]:
    """Name (lowercased, without 'the') -> voice key, for the wires and the input's outlets."""
    names = dict(WIRES)
    for s in sources:
        if s.outlet:
            key = name_key(s.outlet)
            names.setdefault(key, WIRES.get(key, key))
    return names


def cited_outlet(claim: Claim, source: Source, names: dict[str, str]) -> str | None:
    """The outlet a claim credits for what it states, as a voice key, or None."""
    a = claim.attribution
    for who in (a.speaker, a.via):
        if who and name_key(who) in names:
            return names[name_key(who)]
    if a.kind == "cited_outlet" and a.speaker:  # an outlet the input does not hold ("Politico reported")
        return name_key(a.speaker)
    lo, hi = claim.sentence
    sentence = source.text[min(lo, claim.start):max(hi, claim.end)]
    for pattern in _CREDIT:
        for m in pattern.finditer(sentence):
            words = m.group(1).split()
            # the longest leading run of the name that is a known outlet ("Reuters on Monday")
            for n in range(len(words), 0, -1):
                key = name_key(" ".join(words[:n]))
                if key in names:
                    return names[key]
    return None


def voices(claims: list[Claim], sources: dict[str, Source], names: dict[str, str]) -> set[str]:
    """The independent voices among claims: each claim's cited outlet, else its source's
    outlet, a copy counted as the article it reprints."""
    out = set()
    for c in claims:
        src = sources.get(c.source)
        if src is None:
            out.add(c.source)
            continue
        cited = cited_outlet(c, src, names)
        if cited:
            out.add(cited)
            continue
        root = src
        seen = {root.id}
        while root.copy_of and root.copy_of in sources and root.copy_of not in seen:
            root = sources[root.copy_of]
            seen.add(root.id)
        key = outlet_key(root)
        out.add(names.get(key, key))
    return out


def apply_independence(facts: list[Fact], claims: list[Claim], sources: list[Source],
                       detect: bool = True) -> list[Fact]:
    """Count each fact's independent outlets; a fact stated by copies or citations of one
    outlet only is single-source, not corroborated. With `detect`, copies are found first
    (`Source.copy_of` set). Returns the same list, changed in place."""
    if detect:
        mark_copies(sources)
    by_id = {s.id: s for s in sources}
    index = {c.id: c for c in claims}
    names = outlet_names(sources)
    for f in facts:
        f.independent_outlets = len(voices([index[c] for c in f.claims if c in index], by_id, names))
        if f.status == "corroborated" and f.independent_outlets < 2:
            f.status = "single-source"
    return facts
