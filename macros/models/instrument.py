"""Scoring instruments: one file per instrument in data/instruments/<id>.yml.

An instrument is data, not code: the rating scale it uses (declared once, in data/scales.yml),
its sections and items, and the free-text fields each item carries. Its overview page is
`assess/<id>.md` (or `page:`); the build writes that page when docs/ has none, and a page per
section beside it. Items either
point at a framework item (`ref: SA-1.1`, whose title and criteria are shown) or carry their
own `title` and `criteria`. Item ids are the keys of saved answers, so they never change once
published; when an instrument changes, `version` goes up and `replaces` says where old item
ids went (an id mapped to nothing is kept as "from an earlier version").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import Point, Ref, Source
from .scales import Scale

FILE = "instruments/*"

RESERVED_FIELD_KEYS = {"rating", "na_reason", "actions"}


@dataclass
class ScaleUse:
    """The scale an instrument rates on, and the question its radios answer."""

    ref: Ref  # a scale's id in data/scales.yml
    label: str  # the question the radios answer, e.g. "Self assessment rating"
    not_applicable: bool = False  # offer "not applicable" (with a reason), as the scale words it


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
    scale: ScaleUse
    fields: list[ItemField]  # the first holds the evidence "Check your answers" asks for
    sections: list[Section]
    page: str = ""  # its overview page, where not assess/<id>.md (published URLs never move)
    short_title: str = ""
    item_noun: str = "item"  # "element", "question", "finding": used in progress text
    actions: bool = True  # whether each item carries an action list
    # From not started to finished: the last means done (an action past its due date in any
    # other status is a problem for "Check your answers", lib/check.js).
    action_statuses: list[ActionStatus] = field(default_factory=_default_statuses)
    replaces: dict[str, str | None] = field(default_factory=dict)


def all_items(doc: Document) -> list[Item]:
    return [item for section in doc.sections for item in section.items]


def page_of_doc(doc: Document) -> str:
    """The docs path of an instrument's overview page: `page`, or assess/<id>.md."""
    return doc.page or f"assess/{doc.id}.md"


def scale_of(doc: Document, content) -> Scale:
    """The scale (data/scales.yml) an instrument rates on."""
    return content.get(doc.scale.ref)


_VALUE = re.compile(r"[a-z0-9][a-z0-9-]*")
_VERSION = re.compile(r"\d+(\.\d+)*")
_PAGE = re.compile(r"assess/[a-z0-9][a-z0-9-]*\.md")


def check(doc: Document, content) -> list[str]:
    """Rules beyond types: a scale, unique ids, text or a ref for every item, replaces map."""
    errors: list[str] = []
    if not _VALUE.fullmatch(doc.id):
        errors.append(f"id: '{doc.id}' should be lower-case-with-hyphens")
    if not _VERSION.fullmatch(doc.version):
        errors.append(f"version: '{doc.version}' should be numbers and dots, like 1.0")
    if doc.page and not _PAGE.fullmatch(doc.page):
        errors.append(f"page: '{doc.page}' should be assess/<name>.md")
    if not isinstance(content.get(doc.scale.ref), Scale):
        errors.append(f"scale.ref: '{doc.scale.ref}' is not a scale in data/scales.yml")
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
