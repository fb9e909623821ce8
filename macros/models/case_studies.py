"""Case studies: four from the Efficiency Toolkit (ET-2018), six from the Effective Practice
Guide (EPG-2020), written in our own words as structured fields.

Every summary, step and result carries the source sentences it rests on (`quote:`, see
models/paraphrase.py). Which 2015 Key Principles a case illustrates is our judgement, so the
`principles` links carry `ours: true`.

The file declares its own vocabularies (themes and areas) at the top; every case uses only
declared keys and every declared key is used by some case, so the filters on the case
studies page never offer an empty choice. Figures in results are quoted exactly as published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import Ref, Source
from .paraphrase import Excerpt, Paraphrase, Paraphrased

FILE = "case-studies"
PAGE = "case-studies.md"

CASE_ID = re.compile(r"CS-[a-z0-9]+(?:-[a-z0-9]+)+")
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PRINCIPLE_ID = re.compile(r"KP-\d+")  # a 2015 principle, not one of its delivery elements


@dataclass
class Term:
    """One entry of a controlled vocabulary: a stable key and the label shown to readers."""

    key: str  # lowercase slug; used in filters and in links that share a filtered view
    label: str
    description: str = ""


@dataclass
class Person:
    """A practitioner named in the source, with their role as published."""

    name: str
    role: str


@dataclass
class Result(Paraphrased):
    """An outcome the source reports. `figure` is quoted exactly as published ("£73,000")."""

    text: str
    figure: str = ""
    # For money: the period and price-year context the source gives (or that it gives none).
    context: str = ""
    quote: list[Excerpt] = field(default_factory=list)
    ours: bool = False


@dataclass
class Quotation:
    """A passage shown word for word from the source, with who said it."""

    text: str
    by: str


@dataclass
class PrincipleLinks(Paraphrased):
    """The 2015 Key Principles (KP-1 … KP-6) a case illustrates: our reading, `ours: true`."""

    ids: list[Ref]
    quote: list[Excerpt] = field(default_factory=list)
    ours: bool = False


@dataclass
class CaseStudy:
    id: str  # CS-<area>-<topic>
    title: str  # its name as published (without the guide's "Highlight of effectiveness:")
    area: str  # an `areas` key
    partners: list[str]
    themes: list[str]  # `themes` keys
    principles: PrincipleLinks
    summary: Paraphrase
    what_was_done: list[Paraphrase]
    source: Source
    locality: str = ""  # a town or borough within the area, where the source names one
    people: list[Person] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    quotation: Quotation | None = None


@dataclass
class Document:
    themes: list[Term]
    areas: list[Term]
    cases: list[CaseStudy]


def _vocabulary_errors(name: str, terms: list[Term], used: dict[str, list[str]]) -> list[str]:
    """Keys are well formed and unique; every key used is declared and every declared key used."""
    errors = []
    declared: set[str] = set()
    for i, term in enumerate(terms):
        if not KEY.fullmatch(term.key):
            errors.append(f"{name}[{i}].key: '{term.key}' is not a lowercase slug")
        if term.key in declared:
            errors.append(f"{name}[{i}].key: '{term.key}' is declared twice")
        declared.add(term.key)
    for key, paths in used.items():
        if key not in declared:
            errors.extend(f"{path}: '{key}' is not declared in `{name}`" for path in paths)
    for i, term in enumerate(terms):
        if term.key not in used:
            errors.append(f"{name}[{i}].key: '{term.key}' is declared but no case uses it")
    return errors


def check(doc: Document, content) -> list[str]:
    errors: list[str] = []
    used_themes: dict[str, list[str]] = {}
    used_areas: dict[str, list[str]] = {}
    for i, case in enumerate(doc.cases):
        where = f"cases[{i}]"
        if not CASE_ID.fullmatch(case.id):
            errors.append(f"{where}.id: '{case.id}' should look like CS-<area>-<topic>")
        elif not case.id.startswith(f"CS-{case.area}-"):
            errors.append(f"{where}.id: '{case.id}' should start with 'CS-{case.area}-'")
        used_areas.setdefault(case.area, []).append(f"{where}.area")
        for j, theme in enumerate(case.themes):
            used_themes.setdefault(theme, []).append(f"{where}.themes[{j}]")
        if len(set(case.themes)) != len(case.themes):
            errors.append(f"{where}.themes: a theme is listed twice")
        for j, principle in enumerate(case.principles.ids):
            if not PRINCIPLE_ID.fullmatch(principle):
                errors.append(
                    f"{where}.principles.ids[{j}]: '{principle}' is not a 2015 principle "
                    "(KP-1…KP-6)"
                )
            elif content is not None and content.ids[principle].file != "principles-2015":
                errors.append(f"{where}.principles.ids[{j}]: '{principle}' is not a 2015 principle")
        for j, result in enumerate(case.results):
            if "£" in result.figure and not result.context.strip():
                errors.append(
                    f"{where}.results[{j}].context: a money figure needs its period and "
                    "price-year context"
                )
    errors.extend(_vocabulary_errors("themes", doc.themes, used_themes))
    errors.extend(_vocabulary_errors("areas", doc.areas, used_areas))
    return errors
