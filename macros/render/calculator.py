"""The value-for-money (break-even) calculator: the form, its unit-cost notes and presets.

The form is real HTML that reads and prints without JavaScript. The script
(components/breakeven.js with lib/breakeven.js) reads the fields, checks them and shows the
results; every label and message it shows about a field comes from this markup or the lib.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..models.unit_costs import CrimeType, Document, Preset
from . import template

STAFF_ROWS = 5
STORAGE_PREFIX = "iom:"  # every key starts with it, so "clear all my data" removes them
# The largest scenario file the page reads: one from this page is about 2 KB.
SCENARIO_LIMIT_BYTES = 100 * 1024


@dataclass
class CrimeRow:
    """A crime-type row of the form with the default it shows, if any."""

    key: str
    anchor: str
    label: str
    hint: str
    editable_label: bool  # the "other" row is named by the user
    default_cost: str  # "" when no checked default exists
    default_cost_text: str  # "£5,930", or ""
    default_year: str
    default_note: str


def pounds(value: float) -> str:
    """39750.0 → "£39,750"; 13117.5 → "£13,117.50"."""
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


def _number_text(value: float) -> str:
    """12000.0 → "12000"; 12.5 → "12.5" (what the form shows and the script reads)."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def crime_rows(doc: Document) -> list[CrimeRow]:
    rows = []
    for crime in doc.crime_types:
        rows.append(_crime_row(doc, crime))
    return rows


def _crime_row(doc: Document, crime: CrimeType) -> CrimeRow:
    default = crime.default
    note = doc.no_default_note
    if default is not None:
        reference = next(r for r in doc.references if r.id == default.reference)
        note = (
            f"Default from {reference.title} ({reference.publisher}, {reference.year}), "
            f"{default.table}, {default.price_year} prices, {default.basis}."
        )
    return CrimeRow(
        key=crime.key,
        anchor=crime.id.lower(),
        label=crime.label,
        hint=crime.hint,
        editable_label=crime.key == "other",
        default_cost=_number_text(default.value) if default else "",
        default_cost_text=pounds(default.value) if default else "",
        default_year=default.price_year if default else "",
        default_note=note,
    )


def preset_inputs(doc: Document, preset: Preset) -> dict:
    """The form values a preset loads: its figures turned into one year for its cohort.

    Benefit figures (costs of offending) are added into the "other" crime-type row, counted
    as one unit a year per offender; cost figures, where the source gives any, go into
    interventions, and the reduction only where the source gives one. Only the fields it
    fills are given: loading a preset empties every other field (components/breakeven.js
    fill), so what the source does not say is left for the user to enter.
    """
    benefit = sum(f.amount for f in preset.figures if f.side == "benefit") / preset.years
    cost = sum(f.amount for f in preset.figures if f.side == "cost") / preset.years
    inputs: dict = {"cohort": str(preset.cohort)}
    if any(f.side == "cost" for f in preset.figures):
        inputs["interventions"] = _number_text(cost)
    if preset.expected_reduction is not None:
        inputs["reduction"] = _number_text(preset.expected_reduction)
    inputs["crimes"] = {
        "other": {
            "label": preset.offending_label,
            "rate": "1",
            "cost": _number_text(benefit / preset.cohort),
            "year": "Not stated",
        }
    }
    return inputs


def breakeven_calculator(content, linker) -> str:
    """The calculator form with its results area, scenario controls and presets."""
    doc: Document = content.docs["unit-costs"]
    presets = [
        {"preset": p, "inputs": json.dumps(preset_inputs(doc, p), ensure_ascii=False)}
        for p in doc.presets
    ]
    return template("calculator.html").render(
        doc=doc,
        crimes=crime_rows(doc),
        staff_rows=range(STAFF_ROWS),
        presets=presets,
        storage_prefix=STORAGE_PREFIX,
        max_bytes=SCENARIO_LIMIT_BYTES,
        linker=linker,
    )


def unit_cost_notes(content, linker) -> str:
    """Where unit costs come from: each reference, and each crime type's default or gap."""
    doc: Document = content.docs["unit-costs"]
    return template("calculator_unit_costs.html").render(doc=doc, crimes=crime_rows(doc))


def breakeven_presets(content, linker) -> str:
    """Each preset's published figures, its source section and how it maps to the form."""
    doc: Document = content.docs["unit-costs"]
    sources = {d.id: d for d in content.docs["sources"].documents}
    shown = []
    for preset in doc.presets:
        inputs = preset_inputs(doc, preset)
        shown.append(
            {
                "preset": preset,
                "source_doc": sources[preset.source.doc],
                "benefit_a_year": pounds(float(inputs["crimes"]["other"]["cost"])),
                "cost_a_year": pounds(float(inputs["interventions"]))
                if "interventions" in inputs
                else "",
            }
        )
    return template("calculator_presets.html").render(presets=shown, linker=linker)


MACROS = {
    "breakeven_calculator": breakeven_calculator,
    "unit_cost_notes": unit_cost_notes,
    "breakeven_presets": breakeven_presets,
}
