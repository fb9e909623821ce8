"""HM Inspectorate of Probation's Effective Practice Guide (February 2020).

Framework items (the ten inspection findings, the casework points, the guide's lists and its
figures) are transcribed word for word. Fields named `summary` or `notes` hold guidance in our
own words, each with the guide's sentences it rests on (`quote:`, models/paraphrase.py). The
guide's five "highlights of effectiveness" are case studies and live in data/case-studies.yml,
not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import Point, Ref, Source
from .paraphrase import Excerpt, Paraphrase, Paraphrased

FILE = "effective-practice"
PAGE = "effective-practice.md"

FINDING_IDS = [f"EPG-F{n:02d}" for n in range(1, 11)]
CASEWORK_STAGE_IDS = [
    "EPG-CW-registration",
    "EPG-CW-assessment",
    "EPG-CW-planning",
    "EPG-CW-implementation-and-delivery",
    "EPG-CW-reviewing",
]


@dataclass
class Person:
    """A named official, with the role exactly as the guide gives it."""

    name: str
    role: str


@dataclass
class Note(Paraphrased):
    """A piece of guidance in our own words under a short heading."""

    heading: str
    text: str
    quote: list[Excerpt] = field(default_factory=list)
    ours: bool = False


@dataclass
class KeyList:
    """A verbatim lead-in from the guide with the list that follows it."""

    id: str
    lead: str
    points: list[Point]
    source: Source


@dataclass
class Figure:
    """A number or date from the guide: `value` and `quote` are verbatim, `label` ours."""

    id: str
    value: str
    label: str
    quote: str
    source: Source


@dataclass
class Milestone:
    """A dated step in the history of IOM; `text` is the guide's own sentence(s)."""

    id: str
    date: str
    text: str
    source: Source


@dataclass
class Introduction:
    summary: Paraphrase  # our words
    foreword_by: Person
    source: Source


@dataclass
class WhatIsIom:
    id: str
    definition: str  # verbatim
    aims: KeyList  # verbatim
    summary: Paraphrase  # our words
    source: Source


@dataclass
class Background:
    id: str
    summary: Paraphrase  # our words
    timeline: list[Milestone]
    figures: list[Figure]
    source: Source


@dataclass
class Finding:
    """One of the ten things the 2019 joint thematic inspection found effective IOM requires."""

    id: str
    title: str  # the finding, verbatim
    source: Source
    points: list[Point] = field(default_factory=list)


@dataclass
class Inspection:
    id: str
    summary: Paraphrase  # our words
    figures: list[Figure]
    lead: str  # verbatim
    findings: list[Finding]
    reference: str  # the inspection report as the guide cites it
    source: Source


@dataclass
class Subsection:
    """A titled part of a section: our notes first, then the guide's own lists."""

    title: str
    notes: list[Note] = field(default_factory=list)
    lists: list[KeyList] = field(default_factory=list)


@dataclass
class Section:
    """A part of the guide: our summary and notes, with the guide's own lists."""

    id: str
    title: str
    summary: Paraphrase  # our words
    source: Source
    lists: list[KeyList] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)


@dataclass
class CaseworkStage:
    """One of the five casework stages; `lead` and `points` are verbatim."""

    id: str
    title: str
    summary: Paraphrase  # our words
    points: list[Point]
    source: Source
    lead: str = ""


@dataclass
class Casework:
    id: str
    summary: Paraphrase  # our words
    lead: str  # verbatim
    stages: list[CaseworkStage]
    source: Source


@dataclass
class Reading:
    """An entry in the guide's further reading list, as given there."""

    id: str
    author: str
    year: str
    title: str
    source: Source
    details: str = ""  # series, place and publisher as given
    on_site: Ref | None = None  # a sources.yml id where the document is part of this site


@dataclass
class Document:
    introduction: Introduction
    what_is_iom: WhatIsIom
    background: Background
    inspection: Inspection
    leadership: Section
    people: Section
    casework: Casework
    evaluation: Section
    further_reading: list[Reading]


def check(doc: Document, content) -> list[str]:
    """The guide has exactly ten findings and five casework stages, in its order."""
    errors = []
    finding_ids = [f.id for f in doc.inspection.findings]
    if finding_ids != FINDING_IDS:
        errors.append(
            f"inspection.findings: expected ids {FINDING_IDS[0]}…{FINDING_IDS[-1]} in order "
            f"(ten findings), got {finding_ids}"
        )
    stage_ids = [s.id for s in doc.casework.stages]
    if stage_ids != CASEWORK_STAGE_IDS:
        errors.append(f"casework.stages: expected ids {CASEWORK_STAGE_IDS}, got {stage_ids}")
    return errors
