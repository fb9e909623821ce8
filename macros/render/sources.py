"""Sources page, licence attribution and the "draws on" line every page carries."""

from __future__ import annotations

from ..models.sources import DATED
from . import template


def page_sources(content, linker, *doc_ids: str) -> str:
    """One line naming the documents (and dates) a page draws on, linked to the sources page."""
    sources = {d.id: d for d in content.docs["sources"].documents}
    unknown = [d for d in doc_ids if d not in sources]
    if unknown:
        raise KeyError(f"page_sources: unknown source id(s) {unknown}; see data/sources.yml")
    return template("page_sources.html").render(
        documents=[sources[d] for d in doc_ids], linker=linker
    )


def sources_list(content, linker) -> str:
    """The bibliography: each document's publisher, date and how we know it, reference, licence."""
    doc = content.docs["sources"]
    licences = {licence.id: licence for licence in doc.licences}
    return template("sources.html").render(doc=doc, licences=licences, dated=DATED, linker=linker)


MACROS = {"page_sources": page_sources, "sources_list": sources_list}
