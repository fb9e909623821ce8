"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): glossary tooltips and heading permalinks.

Thin on purpose: the work is done by macros/abbreviations.py and macros/permalinks.py, which
import nothing from MkDocs and are unit-tested on their own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

# MkDocs loads this file by path; make the `macros` package importable from the project root.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from macros.abbreviations import abbreviations_from_glossary, wrap_abbreviations  # noqa: E402
from macros.loader import SAFE_LOADER  # noqa: E402
from macros.models import glossary  # noqa: E402
from macros.models.base import BuildResult, build  # noqa: E402
from macros.permalinks import name_permalinks  # noqa: E402
from macros.render import Linker, anchor  # noqa: E402

_abbreviations: dict = {}


def on_config(config):
    """Read data/glossary.yml once per build (the macros plugin validates it fully)."""
    global _abbreviations
    project = Path(config.config_file_path).parent
    path = project / config.extra.get("iom_data_dir", "data") / "glossary.yml"
    if not path.is_file():
        _abbreviations = {}
        return config
    result = BuildResult()
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    doc = build(glossary.Document, raw, "", result)
    if result.errors:
        raise PluginError("data/glossary.yml:\n" + "\n".join(result.errors))
    _abbreviations = abbreviations_from_glossary(doc, anchor)
    return config


def on_page_content(html, page, config, files):
    """Mark each abbreviation's first use; name each heading permalink after its heading."""
    linker = Linker(page.url, config.use_directory_urls)
    html = wrap_abbreviations(
        html, _abbreviations, lambda fragment: linker.page(glossary.PAGE, fragment)
    )
    return name_permalinks(html)
