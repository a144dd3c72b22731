"""The embedding model loads while claims are extracted, never when nothing is to be embedded."""
import threading

from checker.embed.embedder import FakeEmbedder
from checker.pipeline import run


class LoadingEmbedder(FakeEmbedder):
    """A fake embedder whose model takes a moment to load, and which records where that happened."""

    def __init__(self, fail: bool = False):
        super().__init__()
        self.fail = fail
        self.loaded_in: list[str] = []
        self.extracting_when_loaded = None
        self.loaded_before_embedding = None
        self.progress = None

    def preload(self):
        self.loaded_in.append(threading.current_thread().name)
        self.extracting_when_loaded = self.progress.stage_name == "extracting claims"
        if self.fail:
            raise RuntimeError("no model here")

    def embed_tokens(self, texts):
        if self.loaded_before_embedding is None:
            self.loaded_before_embedding = bool(self.loaded_in)
        return super().embed_tokens(texts)


class Stages:
    stage_name = ""

    def stage(self, name, total=None):
        self.stage_name = name

    def advance(self, n=1):
        pass


def _run(seeds_copy, embedder, store):
    embedder.progress = Stages()
    return run([seeds_copy], store=store, embedder=embedder, progress=embedder.progress, workers=1)


def test_the_model_loads_in_a_thread_during_extraction(seeds_copy, tmp_path):
    embedder = LoadingEmbedder()
    report = _run(seeds_copy, embedder, tmp_path / "s")
    assert report.facts
    assert embedder.loaded_in and embedder.loaded_in[0] != threading.main_thread().name
    assert embedder.extracting_when_loaded and embedder.loaded_before_embedding
    rerun = LoadingEmbedder()
    _run(seeds_copy, rerun, tmp_path / "s")  # every article from the store: nothing to load the model for
    assert rerun.loaded_in == []


def test_a_model_that_fails_to_load_early_does_not_stop_the_run(seeds_copy):
    embedder = LoadingEmbedder(fail=True)
    report = _run(seeds_copy, embedder, None)
    assert embedder.loaded_in and report.facts


def test_an_engine_that_embeds_elsewhere_does_not_load_the_model_here(seeds_copy):
    from checker.engines.local import LocalEngine

    class Elsewhere(LocalEngine):  # as Ray's workers: the model would be loaded in vain in this process
        embeds_here = False

    embedder = LoadingEmbedder()
    embedder.progress = Stages()
    report = run([seeds_copy], store=None, embedder=embedder, progress=embedder.progress, engine=Elsewhere(workers=1))
    assert report.facts and embedder.loaded_in == []
