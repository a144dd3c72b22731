"""Canonical keys for named entities, so that spellings and aliases of one thing match.

- Places: country names, alternative spellings, demonyms and capitals come from the
  countryinfo package ("Chinese" → China, "the Indonesian capital" → Jakarta, Moscow is
  Russia's capital), plus a few common aliases it lacks (PRC, Washington, the U.S.).
- Organisations: content words with British/American spelling and demonyms folded, word
  order ignored ("China's defense ministry" = "Chinese Ministry of Defence").
- People: name tokens; two names match when one is contained in the other or the extra
  tokens are near-identical (rapidfuzz), so Sergei/Sergey Lavrov match and Li Shangfu
  does not match Li Keqiang.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

_EXTRA_COUNTRY_ALIASES = {
    "prc": "CHN", "mainland china": "CHN", "u.s.": "USA", "u.s.a.": "USA", "america": "USA", "united states": "USA",
    "the united states": "USA", "washington": "USA", "u.k.": "GBR", "britain": "GBR", "the uk": "GBR",
    "soviet union": "RUS", "ussr": "RUS", "the kremlin": "RUS", "kremlin": "RUS", "korea": "KOR", "the west": "WEST",
    "western": "WEST",
}
_SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program", "centre": "center",
             "labour": "labor", "cooperation": "cooperation", "co-operation": "cooperation", "offence": "offense"}
_STOP = {"the", "of", "and", "for", "'s", "s", "a", "an", "on", "in", "at", "to"}
TITLES = {"president", "minister", "prime", "foreign", "defense", "defence", "secretary", "spokesman", "spokeswoman",
          "spokesperson", "chancellor", "premier", "general", "gen", "gen.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
          "dr", "dr.", "sen", "sen.", "rep", "rep.", "senator", "representative", "king", "queen", "prince", "chief",
          "ambassador", "leader", "speaker", "counterpart", "top", "diplomat", "officer", "commander", "adviser",
          "advisor", "official", "deputy", "vice", "governor", "mayor", "judge", "justice", "admiral", "colonel",
          "captain", "lieutenant", "gov", "gov.", "sergeant"}


def fold(text: str) -> str:
    """Lowercase ASCII, curly quotes straightened, accents removed."""
    s = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


@functools.lru_cache(maxsize=1)
def place_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(alias → ISO3 country, demonym → ISO3, capital → ISO3), from countryinfo."""
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    try:
        from countryinfo import all_countries

        infos = sorted((c.info() for c in all_countries()), key=lambda i: -(i.get("population") or 0))
    except Exception:  # the tables only sharpen matching; without them names still match exactly
        infos = []
    for info in infos:
        iso = (info.get("ISO") or {}).get("alpha3")
        if not iso or not info.get("name"):
            continue
        countries.setdefault(fold(info["name"]), iso)
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 or alt.isupper():
                countries.setdefault(fold(alt), iso)
        if info.get("demonym"):
            demonyms.setdefault(fold(info["demonym"]), iso)
        caps = info.get("capital") or []
        for cap in [caps] if isinstance(caps, str) else caps:
            cap = fold(cap)
            capitals.setdefault(cap, iso)
            capitals.setdefault(cap.split(" ")[0], iso)
    for alias, iso in _EXTRA_COUNTRY_ALIASES.items():
        countries.setdefault(alias, iso)
    return countries, demonyms, capitals


def country_of(text: str) -> str | None:
    """ISO3 code for a country name, alias, demonym or capital (metonymy: Beijing → China)."""
    s = fold(text)
    s = re.sub(r"^the\s+", "", s)
    countries, demonyms, capitals = place_tables()
    for cand in (s, s.replace(".", ""), "the " + s):
        if cand in countries:
            return countries[cand]
        if cand in demonyms:
            return demonyms[cand]
        if cand in capitals:
            return capitals[cand]
    if s.endswith("s") and s[:-1] in demonyms:
        return demonyms[s[:-1]]
    return None


_CAPITAL_DESCRIPTION = re.compile(r"\b(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+capital\b")


def described_capitals(text: str) -> list[tuple[int, int, str]]:
    """'the Indonesian capital' → (start, end, 'place:jakarta') for each such description."""
    _, demonyms, capitals = place_tables()
    iso_to_capital = {}
    for cap, iso in capitals.items():
        iso_to_capital.setdefault(iso, cap)
    out = []
    for m in _CAPITAL_DESCRIPTION.finditer(text):
        iso = demonyms.get(fold(m.group(1))) or country_of(m.group(1))
        if iso and iso in iso_to_capital:
            out.append((m.start(), m.end(), f"place:{iso_to_capital[iso]}"))
    return out


@functools.lru_cache(maxsize=1 << 18)
def name_tokens(text: str) -> tuple[str, ...]:
    """A person's name without titles, and without the nationality or country that qualifies a
    title: 'Chinese President Xi Jinping' → ['xi', 'jinping'], 'French President Emmanuel Macron'
    → ['emmanuel', 'macron']; 'Jordan Peterson' keeps 'jordan' (no title follows it)."""
    countries, demonyms, _ = place_tables()
    toks = [t.strip(".,'\"") for t in re.split(r"[\s\-]+", fold(text))]
    toks = [t for t in toks if t and t not in _STOP]
    out = []
    for k, t in enumerate(toks):
        if t in TITLES:
            continue
        place = t in demonyms or t in countries or t in ("us", "u.s")
        if place and k + 1 < len(toks) and toks[k + 1] in TITLES:
            continue
        out.append(t)
    return tuple(out)


@functools.lru_cache(maxsize=1 << 18)
def org_words(text: str) -> frozenset[str]:
    """Content words of an organisation's name, spelling and demonyms folded."""
    words = []
    for w in re.findall(r"[a-z][a-z.\-]*", fold(text).replace("'s", "")):
        w = _SPELLING.get(w, w).strip(".")
        if w in _STOP or not w:
            continue
        iso = country_of(w) if w[0].isalpha() and len(w) > 2 else None
        words.append(f"@{iso}" if iso else w)
    return frozenset(words)


def canonical(text: str, label: str) -> str:
    """One key per entity: 'country:CHN', 'place:jakarta', 'person:lavrov', 'org:defense ministry @CHN'."""
    if label in ("GPE", "NORP", "LOC"):
        iso = country_of(text)
        _, _, capitals = place_tables()
        s = re.sub(r"^the\s+", "", fold(text))
        if s in capitals and label != "NORP":
            return f"place:{s}"
        if iso:
            return f"country:{iso}"
        return f"place:{s}"
    if label == "PERSON":
        toks = name_tokens(text)
        return "person:" + (toks[-1] if toks else fold(text))
    if label == "ORG":
        iso = country_of(text)
        if iso:
            return f"country:{iso}"
        return "org:" + " ".join(sorted(org_words(text)))
    return f"{label.lower()}:{fold(text)}"


@functools.lru_cache(maxsize=1 << 18)
def same_person(a: str, b: str) -> bool:
    """Whether two person names can be the same person (titles ignored, spelling tolerated)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    sa, sb = set(ta), set(tb)
    if sa <= sb or sb <= sa:
        return True
    shared = sa & sb
    if not shared:
        return fuzz.ratio(" ".join(ta), " ".join(tb)) >= 90
    rest_a, rest_b = sa - shared, sb - shared
    return all(max(fuzz.ratio(x, y) for y in rest_b) >= 80 for x in rest_a) if rest_a and rest_b else True


@functools.lru_cache(maxsize=1 << 18)
def same_org(a: str, b: str) -> bool:
    """Whether two organisation names or descriptions can denote one body ('the ministry' fits
    'China's Defense Ministry'; the foreign and defense ministries differ)."""
    wa, wb = org_words(a), org_words(b)
    if not wa or not wb:
        return False
    if wa <= wb or wb <= wa:
        return True
    return fuzz.token_set_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) >= 90


def person_ids(names) -> dict[str, int]:
    """An id per name, shared by names that can be one person ('Lawson', 'Ty Lawson'). Names
    are compared only with names sharing a word, so the cost follows the names, not their
    square; chains join ('Kim' joins both Kims), which only ever keeps facts together."""
    from scipy.cluster.hierarchy import DisjointSet

    names = sorted(set(names))
    people = DisjointSet(range(len(names)))
    by_word: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        for word in set(name_tokens(name)):
            by_word.setdefault(word, []).append(i)
    for members in by_word.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if not people.connected(i, j) and same_person(names[i], names[j]):
                    people.merge(i, j)
    return {name: people[i] for i, name in enumerate(names)}

