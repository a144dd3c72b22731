"""Labelled claim pairs from answer keys, and the cross-validation of the pair model.

For each keyed story: checker's own claims and vectors (extraction and embedding as a run does,
cached in a store), the gold facts each claim stands for (a claim covers a gold span as the
scorer reads it: half of either), and every candidate pair checker would score. A pair is
positive when its two claims stand for one gold fact, negative when both stand for gold facts
but none in common; pairs with a claim the key does not mention are not labelled.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import pathlib
import tempfile

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORE = ROOT / "benchmarks" / "out" / "train_store"


def load_module(path: pathlib.Path, name: str):
    """A script of ../shared (a scorer) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ecb_topics(shared: pathlib.Path, wanted: str = "") -> list[pathlib.Path]:
    """The ECB+ topic folders of ../shared/dev/ecbplus in numeric order; `wanted` ("1,2,3") keeps some."""
    ecb = shared / "dev" / "ecbplus"
    topics = sorted((p for p in ecb.iterdir() if p.name.startswith("topic_")), key=lambda p: int(p.name.split("_")[1]))
    if wanted:
        keep = {f"topic_{t.strip()}" for t in wanted.split(",")}
        topics = [t for t in topics if t.name in keep]
    return topics


def _scorer(shared: pathlib.Path):
    return load_module(shared / "eval" / "score.py", "score")


def story_folder(key: pathlib.Path, shared: pathlib.Path = SHARED) -> pathlib.Path:
    """Where a key's texts are: seeds.json → seeds/, basil-X / allsides-X → dev/news/<kind>/X."""
    if key.stem == "seeds":
        return shared / "seeds"
    kind, _, name = key.stem.partition("-")
    return shared / "dev" / "news" / kind / name


@dataclasses.dataclass
class Story:
    """One keyed story as checker sees it: claims, vectors, candidate pairs and their labels."""

    name: str
    key: pathlib.Path
    claims: list
    vectors: np.ndarray
    gold_of: list[frozenset]         # gold facts each claim stands for
    pairs: list[tuple[int, int, float]]
    rows: np.ndarray
    labels: np.ndarray               # 1, 0, or -1 (not labelled)


def load_story(key: pathlib.Path, embedder, store_dir: pathlib.Path = STORE, shared: pathlib.Path = SHARED,
               settings=None) -> Story:
    """Claims, vectors and labelled candidate pairs of one keyed story."""
    from checker.embed.embedder import embed_texts_and_tokens
    from checker.engines.local import extract_all, make_engine
    from checker.group.facts import claim_candidates
    from checker.ingest.read import load_sources
    from checker.group.pair_features import PairFeatures
    from checker.settings import Settings
    from checker.store.database import Store

    settings = settings or Settings()
    folder = story_folder(key, shared)
    meta = None
    if key.stem == "seeds":
        meta = _seed_meta(key)
    sources = load_sources([folder], meta_path=meta).sources
    with Store(store_dir) as db:
        claims, _, _ = extract_all(sources, engine=make_engine("local", workers=1), cache=db)
        vectors, tokens, _ = embed_texts_and_tokens([c.standalone or c.text for c in claims], embedder, db)
    gold = json.loads(key.read_text(encoding="utf-8"))
    covers = _scorer(shared).covers
    spans = [(f["id"], e) for f in gold["facts"] for e in f["evidence"]]
    gold_of = []
    for c in claims:
        view = {"source": c.source, "start": c.start, "end": c.end}
        gold_of.append(frozenset(fid for fid, e in spans if covers(view, e)))
    pairs = claim_candidates(claims, vectors, settings)
    rows = PairFeatures(claims, vectors, tokens, settings.token_alignment_dims).rows(pairs) if pairs else np.zeros((0, 1))
    labels = np.array([(1 if gold_of[i] & gold_of[j] else 0) if gold_of[i] and gold_of[j] else -1
                       for i, j, _ in pairs], dtype=np.int64)
    return Story(key.stem, key, claims, vectors, gold_of, pairs, rows, labels)


def _seed_meta(key: pathlib.Path) -> str:
    """The seeds' outlets and dates from their key, as a sidecar file."""
    gold = json.loads(key.read_text(encoding="utf-8"))
    meta = {f"{s['id']}.txt": {"outlet": s.get("outlet"), "published": s.get("published")} for s in gold["sources"]}
    path = pathlib.Path(tempfile.mkdtemp(prefix="seedmeta_")) / "sources.json"
    path.write_text(json.dumps(meta), encoding="utf-8")
    return str(path)


def all_keys(shared: pathlib.Path = SHARED, extra: bool = True, seeds: bool = True) -> list[pathlib.Path]:
    """Every answer key to learn from: the shared dev keys, the project's own, the seeds'."""
    keys = sorted((shared / "gold" / "dev").glob("*-*.json"))
    if extra:
        keys += sorted((ROOT / "training" / "keys").glob("*-*.json"))
    if seeds:
        keys.append(shared / "gold" / "seeds.json")
    return keys


def training_set(stories: list[Story]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labelled rows of the stories, their labels, and weights that give each story the same
    total weight (a long article's many pairs do not outvote a short story)."""
    rows, labels, weights = [], [], []
    for s in stories:
        mask = s.labels >= 0
        if not mask.any():
            continue
        rows.append(s.rows[mask])
        labels.append(s.labels[mask])
        weights.append(np.full(mask.sum(), 1.0 / np.sqrt(mask.sum())))
    rows_, labels_, weights_ = np.vstack(rows), np.concatenate(labels), np.concatenate(weights)
    return rows_, labels_, weights_ * len(weights_) / weights_.sum()


def leave_one_out_models(keys: list[pathlib.Path], shared: pathlib.Path = SHARED) -> dict[str, str]:
    """For each of `keys`, the path of a pair model fitted on every other key (and the project's
    own keys and the seeds'), never on that story; with the regularization and linkage
    thresholds the shipped model's cross-validation chose (`make train`)."""
    from checker.embed.embedder import SentenceTransformerEmbedder
    from checker.group.pair_model import fit, load

    chosen = load().meta
    c = chosen.get("C", 1.0)

    embedder = SentenceTransformerEmbedder()
    every = {k.stem: k for k in all_keys(shared)} | {k.stem: k for k in keys}
    stories = {name: load_story(k, embedder, shared=shared) for name, k in every.items()}
    out = pathlib.Path(tempfile.mkdtemp(prefix="pair_models_"))
    paths = {}
    for k in keys:
        rows, labels, weights = training_set([s for n, s in stories.items() if n != k.stem])
        path = out / f"{k.stem}.json"
        linkage = {n: chosen[n] for n in ("fact_link", "fact_average", "fact_link_within_source") if n in chosen}
        path.write_text(fit(rows, labels, c=c, weights=weights, meta={"left_out": k.stem, "C": c, **linkage}).to_json())
        paths[k.stem] = str(path)
    return paths
