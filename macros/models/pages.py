"""Sentences on docs pages that state facts about the sources, with the quotes they rest on.

A docs page's own prose (what the page does, how to use it) stays in its Markdown. What it
says about the sources lives here, so that it carries `quote:` like every other paraphrase
(or `ours: true` where it is our judgement), and the page shows it with
`{{ page_text("<key>") }}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Source
from .paraphrase import Paraphrase

FILE = "pages"

TEXT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class PageText:
    key: str  # what the page calls it by: "principles", "value-for-money-method"
    page: str  # the docs page it appears on, e.g. "principles.md"
    paragraphs: list[Paraphrase]
    source: Source | None = None  # the document quotes come from unless they name another


@dataclass
class Document:
    texts: list[PageText]


def check(doc: Document, content) -> list[str]:
    """Keys are slugs and unique (they are how pages ask for their text)."""
    errors = []
    seen: set[str] = set()
    for i, text in enumerate(doc.texts):
        if not TEXT_ID.fullmatch(text.key):
            errors.append(f"texts[{i}].key: '{text.key}' is not a lowercase slug")
        if text.key in seen:
            errors.append(f"texts[{i}].key: '{text.key}' is used twice")
        seen.add(text.key)
        if not text.page.endswith(".md"):
            errors.append(f"texts[{i}].page: '{text.page}' is not a docs page")
    return errors
