"""mkdocs-macros entry point: load → validate → expose → register macros.

All logic lives in plain modules (loader, models, validate, render) that import nothing
from MkDocs; this file only wires them up.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .loader import load_raw
from .render import Linker
from .render.registry import render_macros
from .validate import build_content


def define_env(env) -> None:
    """Called by mkdocs-macros once per build."""
    data_dir = Path(env.project_dir) / env.variables.get("iom_data_dir", "data")
    raw, load_errors = load_raw(data_dir)
    content = build_content(raw, load_errors)  # raises with every problem listed
    env.variables["content"] = content

    def bind(render):
        @functools.wraps(render)
        def macro(*args, **kwargs):
            linker = Linker(env.page.url, env.conf["use_directory_urls"], content)
            return render(content, linker, *args, **kwargs)

        return macro

    for name, render in render_macros().items():
        env.macro(bind(render), name)
