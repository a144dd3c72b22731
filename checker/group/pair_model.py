"""The fitted pair model: the probability that two claims state one fact.

A logistic regression over `checker.group.pair_features.FEATURES`, standardized. Its parameters ship
as a small JSON file beside this module (`pair_model.json`), written by `make train`
(training/fit_pair_model.py) from the answer keys; prediction needs numpy only, so a run never
imports scikit-learn. `fit` (which does) is here so that training and tests share one code path.
"""
from __future__ import annotations

import functools
import json
import pathlib
from dataclasses import dataclass, field

import numpy as np

from checker.group.pair_features import FEATURES

SHIPPED = pathlib.Path(__file__).parent / "pair_model.json"


@dataclass
class PairModel:
    """Standardization and logistic-regression weights, by feature name."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    meta: dict = field(default_factory=dict)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """P(same fact) for each feature row (columns in `FEATURES` order; NaN: not computed, read as
        the training mean)."""
        if len(rows) == 0:
            return np.zeros(0)
        cols = [FEATURES.index(f) for f in self.features]
        x = rows[:, cols]
        x = np.where(np.isnan(x), self.mean, x)  # a feature not computed (no token vectors) adds nothing
        z = (x - self.mean) / self.scale @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> str:
        weights = {f: round(float(c), 6) for f, c in zip(self.features, self.coef)}
        return json.dumps({"kind": "logistic", "features": list(self.features),
                           "mean": [round(float(x), 6) for x in self.mean],
                           "scale": [round(float(x), 6) for x in self.scale],
                           "coef": [weights[f] for f in self.features], "intercept": round(self.intercept, 6),
                           "weights_by_feature": weights, "meta": self.meta}, indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "PairModel":
        raw = json.loads(text)
        unknown = [f for f in raw["features"] if f not in FEATURES]
        if unknown:
            raise ValueError(f"pair model uses features this version does not compute: {', '.join(unknown)}")
        return cls(features=tuple(raw["features"]), mean=np.array(raw["mean"]), scale=np.array(raw["scale"]),
                   coef=np.array(raw["coef"]), intercept=float(raw["intercept"]), meta=raw.get("meta", {}))


@functools.lru_cache(maxsize=8)
def load(path: str | None = None) -> PairModel:
    """The model at `path`, or the shipped one."""
    return PairModel.from_json(pathlib.Path(path or SHIPPED).read_text(encoding="utf-8"))


def fit(rows: np.ndarray, labels: np.ndarray, *, c: float = 1.0, weights: np.ndarray | None = None,
        meta: dict | None = None) -> PairModel:
    """Fit the model on feature rows and 0/1 labels (deterministic: lbfgs, no sampling)."""
    from sklearn.linear_model import LogisticRegression

    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale = np.where(scale < 1e-9, 1.0, scale)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((rows - mean) / scale, labels, sample_weight=weights)
    return PairModel(features=FEATURES, mean=mean, scale=scale, coef=model.coef_[0],
                     intercept=float(model.intercept_[0]), meta=meta or {})
