"""What two claims assert, side by side: predicate, arguments, and how much of one the other covers.

A claim's frame is read from what extraction already keeps: its predicate lemma, its content
terms (lemmas and canonical entity keys), the entities with their labels, its subject person,
its quantities and the speaker's verb. Two frames are aligned when their predicates match
(the same lemma, WordNet synonyms or a known paraphrase) and their other terms are found in
each other. On aligned frames the judge looks for another value in one slot: another place
or person in the same role, an antonymous predicate or speech verb, another vote tally.
"""
from __future__ import annotations

import functools
import re

from checker.judge.lexicon import antonymous, synonymous
from checker.models import Claim
from checker.extract.normalize.entities import same_org, same_person

# Predicates news uses for the same event, beyond WordNet synsets.
_PARAPHRASES = [{"kill", "leave", "claim", "take", "die", "dead", "death"}, {"begin", "open", "start", "launch"},
                {"arrest", "detain", "apprehend", "hold"}, {"say", "state", "tell", "confirm", "announce", "add"},
                {"cut", "reduce", "slash", "lower"}, {"raise", "increase", "hike", "lift"},
                {"destroy", "raze", "level"}, {"injure", "hurt", "wound"}, {"name", "appoint", "choose", "select"},
                {"lose", "cut", "eliminate", "go"}, {"land", "touch"}, {"hold", "stage", "organize", "host"},
                {"win", "capture", "take", "clinch"}, {"ban", "prohibit", "bar", "outlaw", "forbid"}]
_ROLE_LABELS = ("PERSON", "GPE", "LOC", "FAC", "ORG")
_LIGHT = {"be", "have", "do", "get", "make", "say"}
_TALLY = re.compile(r"\b(\d{1,3})\s*(?:votes?\s+)?(?:-|–|—|to)\s*(\d{1,3})\b(?!\s*(?:%|percent|per|years?|months?|days?))")
_TALLY_CONTEXT = re.compile(r"\b(?:vote[sd]?|voting|ballot|margin|tally|won|beat|defeated|lost|passed|approved|"
                            r"rejected|confirmed|score|scored|final)\b", re.I)
_NUMBER_TERM = re.compile(r"^[\d.,]+$")


def head(c: Claim) -> str | None:
    """The predicate's content word: 'be day' → 'day', 'approve' → 'approve'."""
    if not c.predicate:
        return None
    words = c.predicate.split()
    return words[-1] if words[0] in _LIGHT and len(words) > 1 else words[0]


_PARAPHRASE_SETS: dict[str, set[int]] = {}
for _n, _group in enumerate(_PARAPHRASES):
    for _word in _group:
        _PARAPHRASE_SETS.setdefault(_word, set()).add(_n)


def related(x: str, y: str) -> bool:
    """The same term, WordNet synonyms or one known paraphrase set."""
    return related_to_any(x, (y,))


def related_to_any(x: str, ys) -> bool:
    """`related(x, y)` for some y of `ys`, in one call (judging a large corpus asks millions)."""
    entity = ":" in x
    for y in ys:
        if x == y or not (entity or ":" in y) and (_related_words(x, y) if x < y else _related_words(y, x)):
            return True
    return False


@functools.lru_cache(maxsize=1 << 20)
def _related_words(x: str, y: str) -> bool:
    # judging a large corpus asks about the same word pairs millions of times
    if synonymous(x, y) or _inflected(x, y) or _inflected(y, x):
        return True
    return bool(_PARAPHRASE_SETS.get(x, set()) & _PARAPHRASE_SETS.get(y, set()))


_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ion", "ions", "ment", "ments", "al")


def _inflected(x: str, y: str) -> bool:
    """'protester' / 'protest', 'landing' / 'land': one word and another made from it."""
    return len(y) >= 4 and x.startswith(y) and x[len(y):] in _ENDINGS


def content_terms(c: Claim) -> list[str]:
    """Terms a claim asserts, without bare numbers (quantities are compared apart)."""
    return list(_without_numbers(tuple(c.terms)))


@functools.lru_cache(maxsize=1 << 16)
def _without_numbers(terms: tuple[str, ...]) -> tuple[str, ...]:
    # judging compares each claim with many others: its terms are filtered once
    return tuple(t for t in terms if not _NUMBER_TERM.match(t))


def covered(b: Claim, a: Claim) -> tuple[float, list[str]]:
    """How much of what b asserts is found in a (0-1, entities weighing double), and the terms found."""
    tb, ta = content_terms(b), content_terms(a)
    if not tb:
        return 0.0, []
    found, total, matched = 0.0, 0.0, []
    for t in tb:
        w = 2.0 if ":" in t else 1.0
        total += w
        if related_to_any(t, ta) or _same_entity_key(t, ta, a, b):
            found += w
            matched.append(next((e.text for e in b.entities if e.key == t), None) or t.split(":", 1)[-1])
    return found / total, matched


def _same_entity_key(t: str, ta: list[str], a: Claim, b: Claim) -> bool:
    if not t.startswith(("person:", "org:")):
        return False
    text_b = next((e.text for e in b.entities if e.key == t), None)
    if text_b is None:
        return False
    return any(same_person(text_b, e.text) or same_org(text_b, e.text) for e in a.entities)


def same_predicate(a: Claim, b: Claim) -> bool:
    """The predicates themselves related: the same lemma, synonyms or a paraphrase."""
    ha, hb = head(a), head(b)
    return bool(ha and hb) and related(ha, hb)


def predicates_match(a: Claim, b: Claim) -> bool:
    """Same predicate lemma, synonyms, a paraphrase, or one side's predicate among the other's
    terms ('bans vaccine mandates' / 'issued an order banning vaccine mandates')."""
    ha, hb = head(a), head(b)
    if not ha or not hb:
        return False
    if related(ha, hb):
        return True
    return related_to_any(ha, b.terms) or related_to_any(hb, a.terms)


def coverage(a: Claim, b: Claim) -> tuple[float, list[str]]:
    """The better of the two directions: how much of one claim the other states."""
    ab, ba = covered(b, a), covered(a, b)
    return max(ab, ba, key=lambda x: x[0])


def _without(terms: list[str], drop: set[str]) -> list[str]:
    return [t for t in terms if t not in drop]


def _prep_before(c: Claim, text: str) -> str:
    i = c.text.find(text)
    if i <= 0:
        return ""
    words = c.text[:i].split()
    return words[-1].lower() if words else ""


def role_difference(a: Claim, b: Claim) -> str | None:
    """Another place or person in the same slot of otherwise the same statement ('held in Lyon'
    / 'held in Marseille'; 'X was named chief executive' / 'Y was named chief executive')."""
    if not predicates_match(a, b):
        return None
    for label in _ROLE_LABELS:
        ea = {e.key: e.text for e in a.entities if e.label == label}
        eb = {e.key: e.text for e in b.entities if e.label == label}
        if len(ea) != 1 or len(eb) != 1 or set(ea) & set(eb):
            continue
        (ka, ta), (kb, tb) = next(iter(ea.items())), next(iter(eb.items()))
        if label in ("PERSON", "ORG") and (same_person(ta, tb) or same_org(ta, tb)):
            continue
        if ta.lower() in tb.lower() or tb.lower() in ta.lower() or abbreviates(ta, tb) or abbreviates(tb, ta):
            continue
        if _prep_before(a, ta) != _prep_before(b, tb) or ka in b.terms or kb in a.terms:
            continue  # another slot, or the same place at another precision ('Austria' / 'Vienna')
        country = {t for t in a.terms + b.terms if t.startswith("country:")} - (set(a.terms) & set(b.terms))
        rest_a, rest_b = _without(content_terms(a), {ka} | country), _without(content_terms(b), {kb} | country)
        ca = covered(_stub(b, rest_b), _stub(a, rest_a))[0]
        cb = covered(_stub(a, rest_a), _stub(b, rest_b))[0]
        if min(ca, cb) >= 0.8 and len(rest_a) >= 2 and len(rest_b) >= 2:
            return f"{ta} vs {tb}"
    return None


_LINKING_WORDS = {"of", "the", "and", "for", "on", "in", "&"}


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is written as an abbreviation of `full` ('Ark.' / 'Arkansas', 'Pa.' /
    'Pennsylvania', 'N.Y.' / 'New York': it ends with a full stop, and its letters start `full`'s
    first word and follow in order through `full`) or as its initials ('CIA' / 'Central
    Intelligence Agency')."""
    letters = short.replace(".", "").replace(" ", "").lower()
    words = full.lower().split()
    if short.isupper() and short.isalpha() and len(short) >= 2:
        return letters == "".join(w[0] for w in words if w not in _LINKING_WORDS)
    if not short.endswith(".") or len(letters) < 2 or not letters.isalpha() or not words or len(letters) >= len(full):
        return False
    if letters[0] != words[0][0]:
        return False
    rest = iter(" ".join(words)[1:])
    return all(ch in rest for ch in letters[1:])


def _stub(c: Claim, terms: list[str]) -> Claim:
    return c.model_copy(update={"terms": terms})


def opposite_predicates(a: Claim, b: Claim) -> str | None:
    """Antonymous predicates or speech verbs on otherwise the same statement ('won' / 'lost';
    'admitted' / 'denied'); a negated antonym agrees ('did not win' / 'lost')."""
    ha, hb = head(a), head(b)
    pairs = []
    if ha and hb and a.negated == b.negated and antonymous(ha, hb):
        pairs.append((ha, hb, {ha}, {hb}))
    va, vb = a.attribution.verb, b.attribution.verb
    if va and vb and antonymous(va, vb):
        pairs.append((va, vb, {va}, {vb}))
    for x, y, drop_a, drop_b in pairs:
        rest_a, rest_b = _without(content_terms(a), drop_a), _without(content_terms(b), drop_b)
        if not rest_a or not rest_b:
            continue
        cov = min(covered(_stub(b, rest_b), _stub(a, rest_a))[0], covered(_stub(a, rest_a), _stub(b, rest_b))[0])
        if cov >= 0.75:
            return f"'{x}' in one, '{y}' in the other"
    return None


def tallies(c: Claim) -> list[tuple[int, int]]:
    """Vote tallies and scores a claim states ('7 to 2', '61-39', 'by 61 votes to 39')."""
    if not _TALLY_CONTEXT.search(c.text):
        return []
    return [tuple(sorted((int(x), int(y)), reverse=True)) for x, y in _TALLY.findall(c.text)]


def tally_difference(a: Claim, b: Claim) -> str | None:
    """Two different tallies of the same vote."""
    ta, tb = tallies(a), tallies(b)
    if len(ta) != 1 or len(tb) != 1 or ta == tb or not predicates_match(a, b):
        return None
    return f"{ta[0][0]}-{ta[0][1]} vs {tb[0][0]}-{tb[0][1]}"


def quotes_overlap(a: Claim, b: Claim) -> bool:
    """Whether the two claims quote some of the same words."""
    from rapidfuzz import fuzz

    return any(fuzz.partial_ratio(x.text.lower(), y.text.lower()) >= 85 for x in a.quotes for y in b.quotes
               if len(x.text) >= 8 and len(y.text) >= 8)
