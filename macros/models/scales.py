"""Rating scales, each declared once in data/scales.yml and named by its id wherever it is used.

An instrument (data/instruments/<id>.yml) rates on one scale (`scale: {ref: rag, …}`), and so
does the Self Assessment Tool's own description (data/self-assessment.yml). A scale holds its
levels, what each means, and how "not applicable" reads on it; whether an instrument offers
"not applicable" is the instrument's own switch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

FILE = "scales"

NOT_APPLICABLE = "na"  # the rating value stored for "not applicable"
_VALUE = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass
class Level:
    """One point on a rating scale, e.g. Red, with what it means."""

    value: str  # stored in saved answers: lower case letters, digits and hyphens
    label: str  # shown beside the radio and in every summary
    description: str  # what choosing this level means
    tone: Literal["red", "amber", "green", "blue", "grey"] = "grey"  # colour of its tag
    priority: int = 0  # 1 = listed first among priorities; 0 = not a priority
    ours: bool = False  # the description is this toolkit's, not the source's ("Our reading")


@dataclass
class NotApplicable:
    """How "not applicable" reads on this scale, where an instrument offers it."""

    label: str  # shown as the last choice: "Not applicable"
    description: str  # what choosing it means
    reason_label: str  # the box for why it does not apply


@dataclass
class Scale:
    id: str  # named by instruments: `scale: {ref: <id>}`
    title: str  # what the scale is, for contributors: "Red, Amber, Green"
    levels: list[Level]
    not_applicable: NotApplicable


@dataclass
class Document:
    scales: list[Scale]


def check(doc: Document, content) -> list[str]:
    """Level values are distinct slugs, never the value kept for N/A; two levels at least."""
    errors = []
    for s, scale in enumerate(doc.scales):
        values = [level.value for level in scale.levels]
        for i, value in enumerate(values):
            where = f"scales[{s}].levels[{i}].value"
            if not _VALUE.fullmatch(value):
                errors.append(f"{where}: '{value}' should be lower-case-with-hyphens")
            elif value == NOT_APPLICABLE:
                errors.append(f"{where}: '{NOT_APPLICABLE}' is kept for not applicable")
            elif values.index(value) != i:
                errors.append(f"{where}: '{value}' appears twice")
        if len(values) < 2:
            errors.append(f"scales[{s}].levels: a scale needs at least two levels")
    return errors
