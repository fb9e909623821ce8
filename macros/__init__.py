"""mkdocs-macros entry point: load → validate → expose → register macros.

All logic lives in plain modules (loader, models, validate, render) that import nothing
from MkDocs; this file only wires them up. `content_for` is the one reader of data/: the
build extension (macros/extension.py) and `define_env` both call it and get the same
validated content, read once per build.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .loader import load_raw
from .render import Linker, nav_paths
from .render.registry import render_macros
from .validate import Content, build_content

# The key under which a build's validated content is kept on its MkDocs config.
CONTENT_KEY = "iom_content"


def load_content(data_dir: Path) -> Content:
    """Read every file of a data folder and validate it all; raises ContentInvalid listing
    every problem with its file and key path."""
    raw, load_errors = load_raw(data_dir)
    return build_content(raw, load_errors)


def content_for(conf) -> Content:
    """The validated content of the build `conf` (a MkDocs config) belongs to.

    Read and validated on first use, then kept on the config, so every step of one build
    shares it; `mkdocs serve` makes a new config for each rebuild, which reads data/ again.
    Raises ContentInvalid listing every problem with its file and key path.
    """
    content = conf.get(CONTENT_KEY)
    if content is None:
        project = Path(conf["config_file_path"]).parent
        content = load_content(project / conf["extra"].get("iom_data_dir", "data"))
        conf[CONTENT_KEY] = content
    return content


def define_env(env) -> None:
    """Called by mkdocs-macros once per build."""
    content = content_for(env.conf)
    env.variables["content"] = content
    nav_pages = nav_paths(env.conf["nav"] or [])

    def bind(render):
        @functools.wraps(render)
        def macro(*args, **kwargs):
            linker = Linker(env.page.url, env.conf["use_directory_urls"], content, nav_pages)
            return render(content, linker, *args, **kwargs)

        return macro

    for name, render in render_macros().items():
        env.macro(bind(render), name)
