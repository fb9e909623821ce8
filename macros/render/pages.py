"""Page text about the sources (data/pages.yml) and the "Our reading" tag for docs pages."""

from __future__ import annotations

from . import template


def page_text(content, linker, key: str) -> str:
    """The paragraphs data/pages.yml holds for this page under `key`."""
    texts = {t.key: t for t in content.docs["pages"].texts}
    if key not in texts:
        raise KeyError(f"page_text: no text '{key}' in data/pages.yml; known: {sorted(texts)}")
    return template("page_text.html").render(text=texts[key])


def our_reading_tag(content, linker) -> str:
    """The "Our reading" tag, for a docs page sentence that gives our own judgement."""
    return template("page_text.html").render(text=None)


MACROS = {"page_text": page_text, "our_reading_tag": our_reading_tag}
