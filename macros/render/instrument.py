"""Scoring instruments as accessible forms, one renderer for every instrument.

Each instrument is a GOV.UK-style task list: an overview page (saved assessments, details, the
list of sections with their status, the summary) and one page per section, so no page carries
every question. The form is real HTML that reads and prints without JavaScript: a fieldset per
item with its criteria, labelled radios (each level with its description), text boxes and an
action list. Every text the script shows (messages, column names) is rendered here too, and
the instrument itself is described to the script in a JSON block made from the same data, so
the script never carries a copy of a label.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..models.base import Point
from ..models.instrument import Document, Item, page_of_doc, scale_of
from ..models.scales import NOT_APPLICABLE, Level
from . import anchor, template
from .principles import markdown_heading_text
from .sources import page_sources

STORAGE_PREFIX = "iom:"
# The largest saved-assessment file a page reads. A year of one partnership's real use of the
# longest form (27 questions, a paragraph in each box, a few actions each) is about 60 KB and a
# combined file of ten agencies about 600 KB; 1 MB leaves a margin. The pages state it, and
# the script reads it from them (data-max-bytes).
FILE_LIMIT_BYTES = 1024 * 1024


def overview_page(doc: Document) -> str:
    """The docs path of an instrument's overview page (`page:`, or assess/<id>.md)."""
    return page_of_doc(doc)


def section_page(doc: Document, section_id: str) -> str:
    """The docs path of the page holding one section's questions, in a folder named after the
    overview (the build writes it): assess/efficiency-review/et-1.md and so on."""
    return f"{overview_page(doc).removesuffix('.md')}/{anchor(section_id)}.md"


def report_page(doc: Document) -> str:
    """The docs path of an instrument's board report, beside its section pages (the build
    writes it: macros/render/report.py)."""
    return f"{overview_page(doc).removesuffix('.md')}/report.md"


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
    page: str  # docs path of the section's own page


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
        sections.append(
            ShownSection(
                section.id,
                _section_anchor(doc, section.id),
                title,
                items,
                section_page(doc, section.id),
            )
        )
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


def _levels(content, doc: Document) -> list[Level]:
    """The scale's levels plus "not applicable" where the instrument offers it."""
    scale = scale_of(doc, content)
    levels = list(scale.levels)
    if doc.scale.not_applicable:
        na = scale.not_applicable
        levels.append(Level(NOT_APPLICABLE, na.label, na.description, "grey", 0))
    return levels


def _form_info(
    content, linker, doc: Document, sections: list[ShownSection], overview: bool
) -> dict[str, Any]:
    """The instrument as the form script needs it: partnership.instrument_info, plus links.

    Levels stay in the order the form shows them (the partnership views sort them worst
    first); each section says where its page is, from the page being rendered. Item titles
    serve the overview's summary and downloads only, so a section page, which shows its own
    items, goes without them, and without the spreadsheet columns. (The script makes an
    item's anchor from its id as the `anchor` filter does: lib/assessment.js anchor.)
    """
    from .partnership import instrument_info  # partnership imports this module

    info = instrument_info(content, linker, doc)
    info["levels"] = [
        {"value": lv.value, "label": lv.label, "tone": lv.tone, "priority": lv.priority}
        for lv in scale_of(doc, content).levels
    ]
    urls = {s.id: linker.page(s.page) if linker else "#" for s in sections}
    for section in info["sections"]:
        section["url"] = urls[section["id"]]
    info["overview"] = linker.page(overview_page(doc)) if linker else "#"
    info["actions"] = doc.actions
    if not overview:
        del info["titles"]
        del info["sheet"]
    return info


def _form_context(content, linker, instrument_id: str, overview: bool) -> dict[str, Any]:
    """What both kinds of form page render from."""
    doc = instrument_doc(content, instrument_id)
    sections = shown_sections(content, linker, doc)
    sources = {d.id: d for d in content.docs["sources"].documents}
    scale = scale_of(doc, content)
    priority = sorted((lv for lv in scale.levels if lv.priority), key=lambda lv: lv.priority)
    return {
        "doc": doc,
        # What the check asks of a rating ("Check your answers", lib/check.js): evidence for
        # every priority level, an action for the most urgent.
        "priority_labels": " or ".join(lv.label for lv in priority),
        "urgent_label": priority[0].label if priority else "",
        "evidence_label": doc.fields[0].label if doc.fields else "",
        "sections": sections,
        "levels": _levels(content, doc),
        "scale_levels": scale.levels,
        "not_applicable": scale.not_applicable,
        "na_value": NOT_APPLICABLE,
        "item_count": sum(len(s.items) for s in sections),
        "source_doc": sources.get(doc.source.doc),
        "info": _form_info(content, linker, doc, sections, overview),
        "storage_prefix": STORAGE_PREFIX,
        "max_bytes": FILE_LIMIT_BYTES,
        "max_kb": FILE_LIMIT_BYTES // 1024,
        "linker": linker,
        "overview_path": overview_page(doc),
        "report_url": linker.page(report_page(doc)) if linker else "#",
    }


def instrument_form(content, linker, instrument_id: str) -> str:
    """An instrument's overview: saved assessments, details, sections to answer, summary."""
    return template("instrument_form.html").render(
        **_form_context(content, linker, instrument_id, overview=True)
    )


def instrument_section(content, linker, instrument_id: str, section_id: str) -> str:
    """One section's page: its heading (the page title) and its questions."""
    context = _form_context(content, linker, instrument_id, overview=False)
    sections = context["sections"]
    index = next((i for i, s in enumerate(sections) if s.id == section_id), None)
    if index is None:
        known = ", ".join(s.id for s in sections)
        raise KeyError(
            f"instrument_section: '{instrument_id}' has no section '{section_id}' ({known})"
        )
    return template("instrument_section.html").render(
        section=sections[index],
        previous=sections[index - 1] if index > 0 else None,
        next=sections[index + 1] if index + 1 < len(sections) else None,
        sources_line=Markup(page_sources(content, linker, context["doc"].source.doc)),
        **context,
    )


def instruments_in_order(content, nav_pages: list[str]) -> list[Document]:
    """Every instrument, in the order the site's navigation lists their pages (those it does
    not list last, by id): so "Choose an assessment" follows the Assess menu."""

    def position(doc: Document) -> tuple[int, str]:
        page = overview_page(doc)
        return (nav_pages.index(page) if page in nav_pages else len(nav_pages), doc.id)

    return sorted(content.instruments().values(), key=position)


def assessment_choices(content, linker) -> str:
    """The list of instruments on the "choose an assessment" page."""
    sources = {d.id: d for d in content.docs["sources"].documents}
    choices = [
        {
            "doc": doc,
            "href": linker.page(overview_page(doc)),
            "count": sum(len(s.items) for s in doc.sections),
            "source": sources.get(doc.source.doc),
        }
        for doc in instruments_in_order(content, linker.nav_pages)
    ]
    return template("assessment_choices.html").render(choices=choices)


def instrument_page(content, linker, instrument_id: str) -> str:
    """A whole overview page, for an instrument that has no page of its own in docs/: its
    title, sources, description, the form and "Clear all my data" (the build writes a page
    calling this)."""
    doc = instrument_doc(content, instrument_id)
    return template("instrument_page.html").render(
        doc=doc,
        title=markdown_heading_text(doc.title),
        sources_line=Markup(page_sources(content, linker, doc.source.doc)),
        form=Markup(instrument_form(content, linker, instrument_id)),
        clear=Markup(clear_data(content, linker)),
    )


def clear_data(content, linker) -> str:
    """The "clear all my data" control: removes everything this toolkit keeps in the browser."""
    return template("clear_data.html").render(storage_prefix=STORAGE_PREFIX)


def _call(macro: str, *args: str) -> str:
    """A page of Markdown calling one macro with text arguments: {{ macro("a", "b") }}."""
    return "{{ " + macro + "(" + ", ".join(json.dumps(a) for a in args) + ") }}\n"


def section_pages(content) -> dict[str, str]:
    """The page of every section of every instrument (docs path → Markdown), for the build."""
    return {
        section_page(doc, section.id): _call("instrument_section", doc.id, section.id)
        for doc in content.instruments().values()
        for section in doc.sections
    }


def overview_pages(content) -> dict[str, str]:
    """Every instrument's overview page (docs path → Markdown); the build writes those that
    docs/ does not have, so a new instrument needs no page of its own."""
    return {
        overview_page(doc): _call("instrument_page", doc.id)
        for doc in content.instruments().values()
    }


MACROS = {
    "instrument_form": instrument_form,
    "instrument_section": instrument_section,
    "assessment_choices": assessment_choices,
    "instrument_page": instrument_page,
    "clear_data": clear_data,
}
