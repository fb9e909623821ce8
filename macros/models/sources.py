"""The bibliography: the source documents every item cites."""

from __future__ import annotations

from dataclasses import dataclass, field

FILE = "sources"
PAGE = "sources.md"


@dataclass
class Licence:
    id: str
    name: str
    url: str
    attribution: str


@dataclass
class SourceDocument:
    id: str
    title: str
    short_title: str
    publisher: str
    date: str  # as published: "February 2015", "c. 2010"
    year: int
    licence: str  # a Licence id
    description: str
    reference: str = ""  # ISBN or document reference where the document has one
    url: str = ""  # where it was published, for attribution (not fetched by the site)
    notes: list[str] = field(default_factory=list)


@dataclass
class Document:
    licences: list[Licence]
    documents: list[SourceDocument]


def check(doc: Document, content) -> list[str]:
    licence_ids = {licence.id for licence in doc.licences}
    return [
        f"documents[{i}].licence: unknown licence '{d.licence}'"
        for i, d in enumerate(doc.documents)
        if d.licence not in licence_ids
    ]
