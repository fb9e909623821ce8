"""Integrated Offender Management: Key Principles (February 2015), source KP-2015.

Six principles (KP-1 … KP-6), each with its statement as published and its key delivery
elements (KP-1.1 … KP-6.2, twenty-four in all), plus the document's introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import Point, Ref, Source

FILE = "principles-2015"
PAGE = "principles.md"


@dataclass
class Strapline:
    """One of the six "…all partners manage offenders together…" points of the introduction.

    `strapline` holds the words between the published ellipses; `text` the point under it.
    """

    strapline: str
    text: str
    principle: Ref  # the principle (KP-n) this strapline introduces


@dataclass
class Introduction:
    paragraphs: list[str]  # before the straplines
    lead_in: str  # "…but the common elements are:"
    straplines: list[Strapline]
    closing: list[str]  # after the straplines
    source: Source


@dataclass
class DeliveryElement:
    id: str  # KP-1.1
    title: str  # the element text, verbatim
    source: Source


@dataclass
class Principle:
    id: str  # KP-1
    number: int
    title: str
    statement: list[str]  # paragraphs as published
    elements: list[DeliveryElement]
    source: Source
    # "Local partners:" points (Principle 1)
    local_partners: list[Point] = field(default_factory=list)
    # "This to be informed by:" points (Principle 2); the lead-in ends the statement
    informed_by: list[Point] = field(default_factory=list)


@dataclass
class Document:
    title: str
    introduction: Introduction
    principles: list[Principle]


def check(doc: Document, content) -> list[str]:
    """Ids follow the published numbering: KP-n for principle n, KP-n.m for its elements."""
    errors = []
    for i, principle in enumerate(doc.principles):
        where = f"principles[{i}]"
        if principle.id != f"KP-{principle.number}":
            errors.append(f"{where}.id: '{principle.id}' should be 'KP-{principle.number}'")
        if principle.number != i + 1:
            errors.append(f"{where}.number: {principle.number} is out of order")
        for j, element in enumerate(principle.elements):
            expected = f"{principle.id}.{j + 1}"
            if element.id != expected:
                errors.append(f"{where}.elements[{j}].id: '{element.id}' should be '{expected}'")
    for i, strap in enumerate(doc.introduction.straplines):
        if not re.fullmatch(r"KP-\d+", strap.principle):
            errors.append(
                f"introduction.straplines[{i}].principle: '{strap.principle}' is not a principle"
            )
    return errors
