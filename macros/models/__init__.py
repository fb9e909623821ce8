"""Typed models, one module per content kind.

Each module in this package declares:
- `FILE`: the data file key it models (`"principles-2015"`, or a pattern like `"instruments/*"`);
- `Document`: the dataclass for the whole file;
- optionally `PAGE`: the docs page (e.g. `"principles.md"`) where its ids are shown, for links;
- optionally `check(doc, content) -> list[str]`: rules beyond types and references.
"""

from __future__ import annotations

import importlib
import pkgutil
from fnmatch import fnmatch
from types import ModuleType


def kind_modules() -> list[ModuleType]:
    """Every content-kind module in this package (those that declare FILE)."""
    modules = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "FILE"):
            modules.append(module)
    return modules


def module_for(key: str, modules: list[ModuleType]) -> ModuleType | None:
    """The kind module whose FILE matches a data file key."""
    for module in modules:
        if fnmatch(key, module.FILE):
            return module
    return None
