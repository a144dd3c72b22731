"""Validate the project's own answer keys in training/keys/ with the shared validator.

usage: python training/validate_keys.py [KEY.json ...]   (default: every key in training/keys/)

The keys follow the format of ../shared/gold/dev (see its validate.py); the texts they point to
are the stories in ../shared/dev/news. Exit status 1 if any key has an error.
"""
from __future__ import annotations

import importlib.util
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("validate", SHARED / "gold" / "dev" / "validate.py")
    validate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validate)
    validate.NEWS = SHARED / "dev" / "news"
    paths = argv or [str(p) for p in sorted((ROOT / "training" / "keys").glob("*.json"))]
    return validate.main(paths) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
