"""Key findings from a survey of IOM implementation (Home Office, 2011), source SURVEY-2011.

The survey's method, then its sections in the order of the document. Each section holds a
summary in our own words (each paragraph with the sentences it rests on, `quote:`), the
figures it reports (ids `SV-…`, each with its statement verbatim), any bulleted lists it
publishes (verbatim) and the charts drawn from its figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .base import Ref, Source
from .paraphrase import Paraphrase

FILE = "survey-2011"
PAGE = "survey-2011.md"


@dataclass
class RespondentGroup:
    name: str  # "IOM respondents", as the document names them
    description: str  # verbatim
    source: Source


@dataclass
class Method:
    fieldwork: str  # "December 2010 – January 2011"
    mode: Paraphrase  # how it was run, in our words
    sent_to: str  # verbatim list of recipients
    respondents: int  # 493
    respondent_groups: list[RespondentGroup]
    summary: list[Paraphrase]  # purpose, coverage and limits, in our own words
    source: Source
    figures: list[Figure] = field(default_factory=list)  # respondents, coverage


@dataclass
class Figure:
    """One number the survey reports, with the words it is reported in."""

    id: str  # SV-IMP-FULLY
    label: str  # short label for charts, our words
    statement: str  # the sentence or clause carrying the figure, verbatim
    unit: Literal["%", "count"]
    base: str  # whom the figure counts: "IOM respondents", "those who had used the tool"
    source: Source
    value: float | None = None  # the number as published; None where only words are given
    approximate: str = ""  # the words used where no number is given ("Around half")
    qualifier: str = ""  # words that qualify the number ("at least")
    respondents: int | None = None  # the count behind a percentage, where stated
    base_count: int | None = None  # the size of the base, where stated


@dataclass
class Chart:
    id: str  # SV-CHART-…
    title: str  # our words, or the document's own figure title
    figures: list[Ref]  # percentage figures of the same section, in the order drawn


@dataclass
class PublishedList:
    """A bulleted list as published (barriers, implications)."""

    lead_in: str
    points: list[str]
    source: Source


@dataclass
class Section:
    slug: str  # anchor on the page
    title: str  # the document's heading, verbatim
    summary: list[Paraphrase]  # our own words, each with the sentences it rests on
    source: Source
    figures: list[Figure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    lists: list[PublishedList] = field(default_factory=list)


@dataclass
class Document:
    title: str
    method: Method
    sections: list[Section]


def all_figures(doc: Document) -> list[Figure]:
    """Every figure in document order, the method's first."""
    return doc.method.figures + [figure for section in doc.sections for figure in section.figures]


def check(doc: Document, content) -> list[str]:
    """Figures are well formed; charts draw only numeric percentages of their own section."""
    errors = []
    groups = [("method", doc.method.figures, [])]
    groups += [(f"sections[{i}]", s.figures, s.charts) for i, s in enumerate(doc.sections)]
    for path, figures, charts in groups:
        by_id = {}
        for j, figure in enumerate(figures):
            where = f"{path}.figures[{j}]"
            by_id[figure.id] = figure
            if not figure.id.startswith("SV-"):
                errors.append(f"{where}.id: '{figure.id}' should start with 'SV-'")
            if (figure.value is None) == (not figure.approximate):
                errors.append(f"{where}: give either value or approximate, not both or neither")
            if figure.value is not None and figure.unit == "%" and not 0 <= figure.value <= 100:
                errors.append(f"{where}.value: {figure.value} is not a percentage (0–100)")
            if figure.unit == "count" and figure.respondents is not None:
                errors.append(f"{where}.respondents: only percentages have a count behind them")
        for j, chart in enumerate(charts):
            for k, ref in enumerate(chart.figures):
                figure = by_id.get(ref)
                where = f"{path}.charts[{j}].figures[{k}]"
                if figure is None:
                    errors.append(f"{where}: '{ref}' is not a figure of this section")
                elif figure.unit != "%" or figure.value is None:
                    errors.append(f"{where}: '{ref}' is not a percentage with a value")
    return errors
