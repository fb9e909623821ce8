"""IOM Efficiency Toolkit – Phase one (Tk/EM/1.1, working document), source ET-2018.

The purpose, the framework (three levels, four efficiency lenses) and three themes
(ET-1 … ET-3), each with practical examples (ET-n.Em) and key questions (ET-n.Qnn,
9 + 8 + 10 = 27). Annex A and Phase two, which the source mentions but does not include,
are recorded as `not_reproduced`. The document's four case studies live in case-studies.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from .base import Point, Ref, Source
from .paraphrase import Paraphrase

FILE = "efficiency-toolkit"
PAGE = "efficiency-toolkit.md"


@dataclass
class Paragraph:
    """A paragraph as published, optionally followed by the list it leads into.

    In YAML a paragraph without a list may be written as plain text. `quote` marks a
    passage the source itself quotes from another document.
    """

    FROM_TEXT: ClassVar[str] = "text"
    text: str
    points: list[Point] = field(default_factory=list)
    quote: bool = False


@dataclass
class Passage:
    """Paragraphs under an optional sub-heading of the source ("Who?", "How?")."""

    paragraphs: list[Paragraph]
    heading: str = ""


@dataclass
class Purpose:
    paragraphs: list[str]  # verbatim
    source: Source


@dataclass
class Level:
    """One of the three areas across which partners work: strategic, design, delivery."""

    id: str  # ET-level-strategic
    label: str  # short label: "Strategic"
    name: str  # as listed in the source: "Strategic decision making"
    illustration: str  # the source's worked example for this level (commissioning), verbatim
    theme: Ref  # the theme (ET-n) that deals with this level
    source: Source


@dataclass
class Lens:
    """One of the four things each section focuses on to find efficiencies.

    The source lists each lens as one phrase; it gives no separate description.
    """

    id: str  # ET-lens-waste
    name: str  # verbatim
    source: Source


@dataclass
class Framework:
    summary: list[Paraphrase]  # our own words
    levels_lead_in: str  # verbatim: "…working across the following three areas:"
    levels: list[Level]
    lenses_lead_in: str  # verbatim
    lenses: list[Lens]
    interdependence: str  # verbatim: the three areas inform and influence each other
    illustrations_lead_in: str  # verbatim: introduces each level's `illustration`
    source: Source
    case_study: str = ""  # title of the case study printed in this section


@dataclass
class Example:
    """A practical example, numbered in the source (1. / i.)."""

    id: str  # ET-1.E1
    title: str  # verbatim
    paragraphs: list[Paragraph]  # verbatim
    source: Source


@dataclass
class KeyQuestion:
    """A key question that agencies and partnerships may wish to consider."""

    id: str  # ET-1.Q01
    title: str  # the question, verbatim, without its number
    source: Source
    points: list[Point] = field(default_factory=list)  # sub-points, verbatim


@dataclass
class Theme:
    id: str  # ET-1
    number: int
    title: str  # verbatim
    description: Paraphrase  # our own words: what the theme is about
    level: Ref  # the framework level (ET-level-…) it deals with
    introduction: list[Passage]  # verbatim
    examples: list[Example]
    key_questions: list[KeyQuestion]
    source: Source
    case_study: str = ""  # title of the theme's case study (shown on the case studies page)


@dataclass
class Alternative:
    """Where this site offers its own version of something the source does not include."""

    title: str
    description: str  # our own words
    ref: Ref | None = None  # an assessment (data/instruments/ id), linked to its page
    page: str = ""  # or a docs page, e.g. "value-for-money.md"


@dataclass
class Omission:
    """A part of the toolkit the source mentions but does not include."""

    id: str  # ET-annex-a
    title: str
    described_as: str  # how the source describes it, verbatim
    note: Paraphrase  # our own words: why it is not reproduced
    alternative: Alternative
    source: Source


@dataclass
class Document:
    title: str
    reference: str  # "Tk/EM/1.1"
    status: str  # "Please note that this is a working document." verbatim
    about: list[Paraphrase]  # our own words
    purpose: Purpose
    framework: Framework
    themes: list[Theme]
    not_reproduced: list[Omission]
    source: Source


def check(doc: Document, content) -> list[str]:
    """Ids follow the source's numbering; levels and themes point at each other."""
    errors = []
    theme_ids = {theme.id for theme in doc.themes}
    level_ids = {level.id for level in doc.framework.levels}
    for i, theme in enumerate(doc.themes):
        where = f"themes[{i}]"
        if theme.number != i + 1:
            errors.append(f"{where}.number: {theme.number} is out of order")
        if theme.id != f"ET-{theme.number}":
            errors.append(f"{where}.id: '{theme.id}' should be 'ET-{theme.number}'")
        if theme.level not in level_ids:
            errors.append(f"{where}.level: '{theme.level}' is not a framework level")
        for j, example in enumerate(theme.examples):
            expected = f"{theme.id}.E{j + 1}"
            if example.id != expected:
                errors.append(f"{where}.examples[{j}].id: '{example.id}' should be '{expected}'")
        for j, question in enumerate(theme.key_questions):
            expected = f"{theme.id}.Q{j + 1:02d}"
            if question.id != expected:
                errors.append(
                    f"{where}.key_questions[{j}].id: '{question.id}' should be '{expected}'"
                )
    for i, level in enumerate(doc.framework.levels):
        if level.theme not in theme_ids:
            errors.append(f"framework.levels[{i}].theme: '{level.theme}' is not a theme")
    for i, omission in enumerate(doc.not_reproduced):
        where, page = f"not_reproduced[{i}].alternative", omission.alternative.page
        if bool(page) == bool(omission.alternative.ref):
            errors.append(f"{where}: needs either a ref (an assessment) or a page")
        elif page and not re.fullmatch(r"[a-z0-9/-]+\.md", page):
            errors.append(f"{where}.page: '{page}' is not a docs page")
    return errors
