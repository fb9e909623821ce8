"""Bench-only MkDocs hook: write each page's Markdown after the macros have run.

scripts/bench.py uses it to build the same Markdown without the macros plugin, so the cost
of our macros can be measured. Hooks run after plugins, so this sees the expanded text.
"""

from __future__ import annotations

import os
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    out = Path(os.environ["IOM_DUMP_MARKDOWN"]) / page.file.src_path
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return markdown
