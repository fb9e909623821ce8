"""Integrated Offender Management – Self Assessment Tool (c. 2010), source SAT-2010.

Five principles (SA-1 … SA-5) and twelve elements (SA-1.1 … SA-5.1), each with its criteria
as published, plus the tool's Red/Amber/Green rating and its Evidence/Gaps box.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Point, Ref, Source
from .scales import Scale

FILE = "self-assessment"
PAGE = "self-assessment.md"


@dataclass
class RatingScale:
    label: str  # the row heading in the tool: "Self Assessment"
    # The scale in data/scales.yml whose labels are the tool's three words. The tool defines
    # none of them, so this page shows only the labels, not the scale's descriptions.
    scale: Ref
    source: Source


@dataclass
class EvidenceField:
    label: str  # the box beside the criteria: "Evidence/Gaps"
    source: Source


@dataclass
class Element:
    id: str  # SA-1.1
    title: str  # the heading above the element's criteria, verbatim
    criteria: list[Point]
    source: Source
    # The wording in the tool's opening list of elements, where it differs from `title`.
    overview_title: str = ""


@dataclass
class Principle:
    id: str  # SA-1
    number: int
    title: str
    description: str  # the paragraph after the principle's title, verbatim
    elements: list[Element]
    source: Source


@dataclass
class Document:
    title: str
    introduction: list[str]
    source: Source
    rating: RatingScale
    evidence: EvidenceField
    principles: list[Principle]


def check(doc: Document, content) -> list[str]:
    """Ids follow the published numbering; ratings are the tool's three, in order."""
    errors = []
    for i, principle in enumerate(doc.principles):
        where = f"principles[{i}]"
        if principle.id != f"SA-{principle.number}" or principle.number != i + 1:
            errors.append(f"{where}.id: '{principle.id}' should be 'SA-{i + 1}'")
        for j, element in enumerate(principle.elements):
            expected = f"{principle.id}.{j + 1}"
            if element.id != expected:
                errors.append(f"{where}.elements[{j}].id: '{element.id}' should be '{expected}'")
    scale = content.get(doc.rating.scale)
    if not isinstance(scale, Scale):
        errors.append(f"rating.scale: '{doc.rating.scale}' is not a scale in data/scales.yml")
        return errors
    labels = [level.label for level in scale.levels]
    if labels != ["Red", "Amber", "Green"]:
        errors.append(f"rating.scale: the tool rates Red, Amber, Green; got {', '.join(labels)}")
    return errors
