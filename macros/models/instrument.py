"""Scoring instruments: one file per instrument in data/instruments/<id>.yml.

An instrument is data, not code: its rating scale (declared once, with what each level
means), its sections and items, and the free-text fields each item carries. Items either
point at a framework item (`ref: SA-1.1`, whose title and criteria are shown) or carry their
own `title` and `criteria`. Item ids are the keys of saved answers, so they never change once
published; when an instrument changes, `version` goes up and `replaces` says where old item
ids went (an id mapped to nothing is kept as "from an earlier version").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .base import Point, Ref, Source

FILE = "instruments/*"

NOT_APPLICABLE = "na"  # the rating value stored for "not applicable"
RESERVED_FIELD_KEYS = {"rating", "na_reason", "actions"}


@dataclass
class Level:
    """One point on the rating scale, e.g. Red, with what it means."""

    value: str  # stored in saved answers: lower case letters, digits and hyphens
    label: str  # shown beside the radio and in every summary
    description: str  # what choosing this level means
    tone: Literal["red", "amber", "green", "blue", "grey"] = "grey"  # colour of its tag
    priority: int = 0  # 1 = listed first among priorities; 0 = not a priority
    ours: bool = False  # the description is this toolkit's, not the source's ("Our reading")


@dataclass
class Scale:
    label: str  # the question the radios answer, e.g. "Self assessment rating"
    levels: list[Level]
    not_applicable: bool = False  # whether "Not applicable" (with a reason) is offered
    na_label: str = "Not applicable"
    na_description: str = "This does not apply to our partnership; say why below."
    na_reason_label: str = "Why it does not apply"


@dataclass
class ItemField:
    """A free-text box every item carries, stored under `key` in its saved answer."""

    key: str
    label: str
    hint: str = ""


@dataclass
class ActionStatus:
    value: str
    label: str


def _default_statuses() -> list[ActionStatus]:
    return [
        ActionStatus("open", "Not started"),
        ActionStatus("in-progress", "In progress"),
        ActionStatus("done", "Done"),
    ]


@dataclass
class Item:
    id: str  # key of the saved answer; usually the framework id it points at
    ref: Ref | None = None  # framework item whose title and criteria are shown
    title: str = ""  # own text, when there is no ref
    criteria: list[Point] = field(default_factory=list)


@dataclass
class Section:
    id: str
    items: list[Item]
    ref: Ref | None = None  # framework principle/theme whose title is shown
    title: str = ""


@dataclass
class Document:
    id: str  # the file name without .yml; also the saved document's instrument id
    version: str  # raise when items change, with a `replaces` map
    title: str
    description: str  # what the instrument is for, one or two sentences
    source: Source
    scale: Scale
    fields: list[ItemField]
    sections: list[Section]
    short_title: str = ""
    item_noun: str = "item"  # "element", "question", "finding": used in progress text
    actions: bool = True  # whether each item carries an action list
    action_statuses: list[ActionStatus] = field(default_factory=_default_statuses)
    replaces: dict[str, str | None] = field(default_factory=dict)


def all_items(doc: Document) -> list[Item]:
    return [item for section in doc.sections for item in section.items]


_VALUE = re.compile(r"[a-z0-9][a-z0-9-]*")
_VERSION = re.compile(r"\d+(\.\d+)*")


def check(doc: Document, content) -> list[str]:
    """Rules beyond types: unique ids and values, text or a ref for every item, replaces map."""
    errors: list[str] = []
    if not _VERSION.fullmatch(doc.version):
        errors.append(f"version: '{doc.version}' should be numbers and dots, like 1.0")
    values = [level.value for level in doc.scale.levels]
    for i, value in enumerate(values):
        if not _VALUE.fullmatch(value):
            errors.append(f"scale.levels[{i}].value: '{value}' should be lower-case-with-hyphens")
        elif value == NOT_APPLICABLE:
            errors.append(f"scale.levels[{i}].value: '{NOT_APPLICABLE}' is kept for N/A")
        elif values.index(value) != i:
            errors.append(f"scale.levels[{i}].value: '{value}' appears twice")
    if len(values) < 2:
        errors.append("scale.levels: a scale needs at least two levels")
    keys = [f.key for f in doc.fields]
    for i, key in enumerate(keys):
        if not _VALUE.fullmatch(key) or key in RESERVED_FIELD_KEYS:
            errors.append(f"fields[{i}].key: '{key}' is not allowed")
        elif keys.index(key) != i:
            errors.append(f"fields[{i}].key: '{key}' appears twice")
    seen: set[str] = set()
    for s, section in enumerate(doc.sections):
        if not section.ref and not section.title.strip():
            errors.append(f"sections[{s}]: needs a ref or a title")
        if not section.items:
            errors.append(f"sections[{s}].items: a section needs at least one item")
        for i, item in enumerate(section.items):
            where = f"sections[{s}].items[{i}]"
            if item.id in seen:
                errors.append(f"{where}.id: '{item.id}' appears twice")
            seen.add(item.id)
            if not item.ref and not item.title.strip():
                errors.append(f"{where}: needs a ref or a title")
            if item.ref and (item.title or item.criteria):
                errors.append(f"{where}: has a ref, so its title and criteria come from there")
    for old, new in doc.replaces.items():
        if old in seen:
            errors.append(f"replaces.{old}: '{old}' is still an item of this version")
        # Across versions the map may chain (A → B, then B → C): follow it to its end, which
        # must be an item of this version or null.
        end, visited = new, {old}
        while end is not None and end not in seen and end in doc.replaces and end not in visited:
            visited.add(end)
            end = doc.replaces[end]
        if end is not None and end not in seen:
            loop = " (the chain of replaces loops)" if end in visited else ""
            errors.append(f"replaces.{old}: '{new}' is not an item of this version{loop}")
    return errors
