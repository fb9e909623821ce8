"""Scoring instruments as accessible forms, one renderer for every instrument.

The form is real HTML that reads and prints without JavaScript: a fieldset per item with
its criteria, labelled radios (each level with its description), text boxes and an action
list. Every text the script shows (messages, column names) is rendered here too, so the
script reads labels from the page and never carries a copy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..models.base import Point
from ..models.instrument import NOT_APPLICABLE, Document, Item, Level
from . import anchor, template

STORAGE_PREFIX = "iom:"


@dataclass
class ShownItem:
    """An instrument item with the text it shows, resolved from its framework ref if any."""

    id: str
    anchor: str
    title: str
    criteria: list[Point]
    link: str  # to the framework item, or ""


@dataclass
class ShownSection:
    id: str
    anchor: str
    title: str
    items: list[ShownItem]


def _points(raw: Any) -> list[Point]:
    return [p if isinstance(p, Point) else Point(str(p)) for p in raw or []]


def _framework_text(content, ref: str) -> tuple[str, list[Point]]:
    target = content.get(ref)
    title = getattr(target, "title", "") or getattr(target, "text", "")
    criteria = getattr(target, "criteria", None) or getattr(target, "points", None)
    return title, _points(criteria)


def _item_link(content, linker, ref: str) -> str:
    if linker is None or content.page_of(ref) is None:
        return ""
    return linker.item(ref)


def shown_sections(content, linker, doc: Document) -> list[ShownSection]:
    """Sections and items with the text to show: own text, or the framework item's."""
    sections = []
    for section in doc.sections:
        title = section.title
        if section.ref and not title:
            title = getattr(content.get(section.ref), "title", "")
            title = f"{section.ref} {title}".strip()
        items = [_shown_item(content, linker, item) for item in section.items]
        sections.append(ShownSection(section.id, _section_anchor(doc, section.id), title, items))
    return sections


def _shown_item(content, linker, item: Item) -> ShownItem:
    if item.ref:
        title, criteria = _framework_text(content, item.ref)
        link = _item_link(content, linker, item.ref)
    else:
        title, criteria, link = item.title, item.criteria, ""
    return ShownItem(item.id, anchor(item.id), title, criteria, link)


def _section_anchor(doc: Document, section_id: str) -> str:
    return f"section-{anchor(section_id)}"


def instrument_doc(content, instrument_id: str) -> Document:
    key = f"instruments/{instrument_id}"
    if key not in content.docs:
        known = ", ".join(sorted(k.split("/", 1)[1] for k in content.instruments()))
        raise KeyError(f"instrument_form: no instrument '{instrument_id}' (known: {known})")
    return content.docs[key]


def _levels(doc: Document) -> list[Level]:
    """The scale's levels plus "not applicable" where the instrument allows it."""
    levels = list(doc.scale.levels)
    if doc.scale.not_applicable:
        levels.append(
            Level(NOT_APPLICABLE, doc.scale.na_label, doc.scale.na_description, "grey", 0)
        )
    return levels


def instrument_form(content, linker, instrument_id: str) -> str:
    """The whole assessment form for one instrument, with its summary and controls."""
    doc = instrument_doc(content, instrument_id)
    sections = shown_sections(content, linker, doc)
    sources = {d.id: d for d in content.docs["sources"].documents}
    return template("instrument_form.html").render(
        doc=doc,
        sections=sections,
        levels=_levels(doc),
        scale_levels=doc.scale.levels,
        na_value=NOT_APPLICABLE,
        item_count=sum(len(s.items) for s in sections),
        source_doc=sources.get(doc.source.doc),
        replaces_json=json.dumps(doc.replaces, sort_keys=True),
        storage_prefix=STORAGE_PREFIX,
        linker=linker,
    )


def assessment_choices(content, linker) -> str:
    """The list of instruments on the "choose an assessment" page."""
    pages = {
        "self-assessment-2010": "assess/self-assessment-2010.md",
        "key-principles-2015": "assess/key-principles-2015.md",
        "inspection-readiness-2020": "assess/inspection-readiness-2020.md",
        "efficiency-review-2018": "assess/efficiency-review.md",
    }
    sources = {d.id: d for d in content.docs["sources"].documents}
    choices = []
    for _key, doc in sorted(content.instruments().items(), key=lambda kv: _order(kv[1], pages)):
        page = pages.get(doc.id, f"assess/{doc.id}.md")
        choices.append(
            {
                "doc": doc,
                "href": linker.page(page),
                "count": sum(len(s.items) for s in doc.sections),
                "source": sources.get(doc.source.doc),
            }
        )
    return template("assessment_choices.html").render(choices=choices)


def _order(doc: Document, pages: dict[str, str]) -> tuple[int, str]:
    known = list(pages)
    return (known.index(doc.id) if doc.id in known else len(known), doc.id)


def clear_data(content, linker) -> str:
    """The "clear all my data" control: removes everything this toolkit keeps in the browser."""
    return template("clear_data.html").render(storage_prefix=STORAGE_PREFIX)


MACROS = {
    "instrument_form": instrument_form,
    "assessment_choices": assessment_choices,
    "clear_data": clear_data,
}
