"""The crosswalk from the Self Assessment Tool (c. 2010) to the other frameworks."""

from __future__ import annotations

from dataclasses import dataclass

from . import template
from .principles import crosswalk_anchor, markdown_heading_text


@dataclass(frozen=True)
class Column:
    name: str  # the Mapping field
    label: str
    short_titles: bool  # show titles in the table too (the findings are too long for it)


COLUMNS = [
    Column("key_principles", "Key Principles (2015)", True),
    Column("inspection_findings", "Inspection findings (2020)", False),
    Column("efficiency_themes", "Efficiency Toolkit themes (c. 2010–11)", True),
]


def _rows(content) -> list[dict]:
    doc = content.docs["crosswalk"]
    return [
        {
            "principle": content.get(m.principle),
            "heading": markdown_heading_text(content.get(m.principle).title),
            "anchor": crosswalk_anchor(m.principle),
            "links": {c.name: getattr(m, c.name) for c in COLUMNS},
            "elements": m.elements,
        }
        for m in doc.mappings
    ]


def _items(content, rows) -> dict:
    """Every item a mapping points at, by id, for its title."""
    refs = {link.ref for row in rows for links in row["links"].values() for link in links}
    refs |= {ref for row in rows for e in row["elements"] for ref in (e.item, e.ref)}
    return {ref: content.get(ref) for ref in refs}


def _render(content, linker, part: str, caption: str = "") -> str:
    rows = _rows(content)
    return template("crosswalk.html").render(
        part=part,
        rows=rows,
        columns=COLUMNS,
        items=_items(content, rows),
        caption=caption,
        linker=linker,
    )


def crosswalk_introduction(content, linker) -> str:
    """Our introduction to the mapping, as paragraphs."""
    return template("crosswalk.html").render(
        part="introduction", introduction=content.docs["crosswalk"].introduction
    )


def crosswalk_table(
    content,
    linker,
    caption: str = "Where each principle of the Self Assessment Tool (c. 2010) is covered "
    "in the Key Principles (2015), the inspection findings (2020) and the Efficiency "
    "Toolkit (c. 2010–11)",
) -> str:
    """One row per SA principle, one column per other framework, ids linked to their items."""
    return _render(content, linker, "table", caption)


def crosswalk_lists(content, linker) -> str:
    """Per SA principle: a heading, then each mapped item with its title, reason and links."""
    return _render(content, linker, "lists")


MACROS = {
    "crosswalk_introduction": crosswalk_introduction,
    "crosswalk_table": crosswalk_table,
    "crosswalk_lists": crosswalk_lists,
}
