"""The bibliography: the source documents every item cites."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from .paraphrase import Paraphrase

FILE = "sources"
PAGE = "sources.md"


@dataclass
class Licence:
    id: str
    name: str
    url: str
    attribution: str


# How we know a document's date, as the sources page says it.
DATED = {
    "stated": "stated in the document",
    "inferred": "inferred: the document gives no date",
    "unknown": "unknown",
}


@dataclass
class SourceDocument:
    # Quotes in a document's own description are from that document unless they say otherwise.
    QUOTES_FROM: ClassVar[str] = "id"
    id: str
    title: str
    short_title: str
    publisher: str
    date: str  # the document's own date: "February 2015"; or our inference: "c. 2010"
    year: int  # for ordering: the stated year, or the latest year an inferred date allows
    dated: Literal["stated", "inferred", "unknown"]  # how we know `date`
    date_basis: Paraphrase  # the date line, or the evidence an inference rests on
    licence: str  # a Licence id
    description: Paraphrase
    reference: str = ""  # ISBN or document reference where the document has one
    url: str = ""  # where it was published, for attribution (not fetched by the site)
    notes: list[Paraphrase] = field(default_factory=list)


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
