"""Find every macro the render modules offer.

Each module in macros/render/ may define `MACROS = {"name": function}` where each function
is `function(content, linker, *args, **kwargs) -> str`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from .. import render as render_package


def render_macros() -> dict[str, Callable]:
    macros: dict[str, Callable] = {}
    for info in pkgutil.iter_modules(render_package.__path__):
        module = importlib.import_module(f"{render_package.__name__}.{info.name}")
        for name, function in getattr(module, "MACROS", {}).items():
            if name in macros:
                raise ValueError(f"macro '{name}' is defined twice (second in {info.name})")
            macros[name] = function
    return macros
