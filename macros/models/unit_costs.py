"""Unit costs of crime and presets for the value-for-money (break-even) calculator.

`crime_types` are the rows of the calculator. A row carries a `default` unit cost only where
the exact published figure was found and checked: its reference, table, price year and
whether it counts recorded crimes only or includes unrecorded crime. Otherwise the cell stays
empty and the user enters their own figure. `presets` load published figures (such as the
Lancashire case study in the Efficiency Toolkit) for illustration, and only those: a preset
leaves every field its source gives no figure for (such as what IOM cost) to the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .base import Ref, Source
from .paraphrase import Paraphrase

FILE = "unit-costs"
PAGE = "value-for-money.md"


@dataclass
class Reference:
    """A published source of unit costs that is not one of the five seed documents."""

    id: str  # REF-…
    title: str
    publisher: str
    date: str  # as published, e.g. "July 2018"
    year: int
    series: str  # e.g. "Home Office Research Report 99"
    authors: str
    tables: list[str]  # tables holding unit costs, as named in the document
    note: str  # what we could and could not check
    price_year: str = ""  # e.g. "2015/16", only where we read it in the report itself


@dataclass
class UnitCost:
    """A default unit cost, used only where the exact published figure was checked."""

    value: float  # £ per crime in `price_year` prices
    reference: Ref  # a Reference id
    table: str
    price_year: str
    basis: Literal["per recorded crime", "per crime, including unrecorded crime"]


@dataclass
class CrimeType:
    id: str  # UC-…
    key: str  # short form key used in the page and saved scenarios, e.g. "burglary"
    label: str
    hint: str = ""
    default: UnitCost | None = None


@dataclass
class PresetFigure:
    """One figure as the source gives it, and which side of the sum it goes on."""

    id: str  # VFM-…
    label: str
    amount: float  # £ over the preset's period
    # "benefit": a cost of offending, saved if the offending is prevented; "cost": what IOM
    # itself costs (interventions), only where the source gives it.
    side: Literal["cost", "benefit"]
    wording: str  # how the source puts it, e.g. "approximately £73,000"


@dataclass
class Preset:
    id: str  # VFM-PRESET-…
    key: str  # used by the page's preset button
    title: str
    summary: Paraphrase  # what the source's figures are, with its sentences
    method: Paraphrase  # how the preset turns them into form values: our choice, `ours: true`
    years: int  # the period the figures cover
    cohort: int
    offending_label: str  # the single crime-type row the benefit figures are loaded into
    price_year: str  # what the source says about price years
    figures: list[PresetFigure]
    source: Source
    reduction_note: Paraphrase | None = None  # why the preset does or does not set a reduction
    expected_reduction: float | None = None  # %, only where the source gives one for the case


@dataclass
class Document:
    intro: str
    no_default_note: str  # shown where a crime type has no checked default
    references: list[Reference]
    crime_types: list[CrimeType]
    presets: list[Preset] = field(default_factory=list)


def check(doc: Document, content) -> list[str]:
    """Defaults point at a reference of this file and are positive; keys are unique."""
    errors: list[str] = []
    references = {r.id for r in doc.references}
    keys: set[str] = set()
    for i, crime in enumerate(doc.crime_types):
        where = f"crime_types[{i}]"
        if crime.key in keys:
            errors.append(f"{where}.key: duplicate key '{crime.key}'")
        keys.add(crime.key)
        if not crime.key.replace("-", "").isalnum() or crime.key != crime.key.lower():
            errors.append(f"{where}.key: use lower-case letters, digits and hyphens")
        if crime.default is None:
            continue
        if crime.default.reference not in references:
            errors.append(
                f"{where}.default.reference: '{crime.default.reference}' is not in references"
            )
        if crime.default.value <= 0:
            errors.append(f"{where}.default.value: must be more than 0")
    for i, preset in enumerate(doc.presets):
        if not any(f.side == "benefit" for f in preset.figures):
            errors.append(f"presets[{i}].figures: needs at least one cost of offending (benefit)")
        if preset.years <= 0 or preset.cohort <= 0:
            errors.append(f"presets[{i}]: years and cohort must be more than 0")
        if preset.expected_reduction is not None and not 0 <= preset.expected_reduction <= 100:
            errors.append(f"presets[{i}].expected_reduction: must be between 0 and 100")
    return errors
