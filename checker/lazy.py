"""Lazy exports for the stage packages: a package names what it exports and from which module,
and a name's module is imported on first use, so importing a package stays cheap."""
from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], object], list[str]]:
    """A module-level `__getattr__` for `package` that imports each exported name from the module
    `exports` maps it to, and the package's `__all__`."""
    def __getattr__(name: str):
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return __getattr__, sorted(exports)
