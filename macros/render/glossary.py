"""The glossary page: every abbreviation in the sources, as a definition list with anchors."""

from __future__ import annotations

from . import template


def glossary_list(content, linker) -> str:
    """All glossary entries, sorted, each with its expansion, definition and sources."""
    terms = sorted(content.docs["glossary"].terms, key=lambda t: t.abbreviation.lower())
    documents = {d.id: d for d in content.docs["sources"].documents}
    return template("glossary.html").render(terms=terms, documents=documents, linker=linker)


MACROS = {"glossary_list": glossary_list}
