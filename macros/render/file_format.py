"""The saved-file format, described from the instruments in data/: the JSON Schema the site
publishes (assess/iom-assessment.schema.json, written by the build) and the lists on the
"Saved file format" page. Adding an instrument adds it to both, with its scale's values.
"""

from __future__ import annotations

import json
from typing import Any

from ..models.instrument import Document, all_items, scale_of
from ..models.scales import NOT_APPLICABLE
from . import TEMPLATES, template
from .instrument import instruments_in_order
from .sources import page_sources

SCHEMA_PAGE = "assess/iom-assessment.schema.json"  # where the site publishes it
_SCHEMA_TEMPLATE = TEMPLATES / "iom-assessment.schema.json"  # everything not from data/


def _name(doc: Document) -> str:
    return doc.short_title or doc.title


def rating_values(content, doc: Document) -> list[str | None]:
    """Every rating an answer to this instrument may hold: its scale's values, "na" where it
    offers not applicable, and null (not rated)."""
    values: list[str | None] = [level.value for level in scale_of(doc, content).levels]
    return [*values, *([NOT_APPLICABLE] if doc.scale.not_applicable else []), None]


def _statuses(docs: list[Document]) -> dict[str, str]:
    """Every action status (value → label) of the instruments, in the order first declared."""
    statuses: dict[str, str] = {}
    for doc in docs:
        for status in doc.action_statuses:
            statuses.setdefault(status.value, status.label)
    return statuses


def assessment_schema(content, nav_pages: list[str]) -> dict[str, Any]:
    """The JSON Schema of a saved assessment: the fixed shape from the template, with the
    instruments, each one's ratings per item, and the action statuses from data/."""
    schema = json.loads(_SCHEMA_TEMPLATE.read_text(encoding="utf-8"))
    docs = instruments_in_order(content, nav_pages)
    schema["properties"]["instrument"]["properties"]["id"]["enum"] = [d.id for d in docs]
    rating = schema["$defs"]["response"]["properties"]["rating"]
    rating["description"] = (
        "A value of the instrument's scale, 'na' for not applicable where the instrument "
        "offers it, or null for not rated. "
        + "; ".join(f"{d.id}: {', '.join(v for v in rating_values(content, d) if v)}" for d in docs)
        + "."
    )
    statuses = _statuses(docs)
    status = schema["$defs"]["action"]["properties"]["status"]
    status["enum"] = list(statuses)
    status["description"] = ", ".join(f"{value}: {label}" for value, label in statuses.items())
    schema["$defs"]["ratings"] = {d.id: {"enum": rating_values(content, d)} for d in docs}
    # Answers to the current items must hold one of the instrument's ratings; answers under
    # other ids (from an earlier version) are kept whatever they hold, as on import.
    schema["allOf"] = [
        {
            "if": {
                "required": ["instrument"],
                "properties": {
                    "instrument": {"required": ["id"], "properties": {"id": {"const": d.id}}}
                },
            },
            "then": {
                "properties": {
                    "responses": {
                        "properties": {
                            item.id: {"properties": {"rating": {"$ref": f"#/$defs/ratings/{d.id}"}}}
                            for item in all_items(d)
                        }
                    }
                }
            },
        }
        for d in docs
    ]
    return schema


def assessment_sources(content, linker) -> str:
    """The "Draws on" line for a page about every assessment: each one's source document."""
    docs = instruments_in_order(content, linker.nav_pages)
    return page_sources(content, linker, *dict.fromkeys(d.source.doc for d in docs))


def saved_file_instruments(content, linker) -> str:
    """The instrument ids a saved file may name, as inline code: `a`, `b` or `c`."""
    ids = [f"`{d.id}`" for d in instruments_in_order(content, linker.nav_pages)]
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " or " + ids[-1]


def saved_file_responses(content, linker) -> str:
    """The table of what a response holds: rating values, text fields, actions, per instrument."""
    docs = instruments_in_order(content, linker.nav_pages)
    scales: dict[tuple, list[str]] = {}  # rating values → the instruments rating on them
    fields: dict[str, dict[str, list[str]]] = {}  # field key → label → instruments
    for doc in docs:
        values = tuple(v for v in rating_values(content, doc) if v and v != NOT_APPLICABLE)
        scales.setdefault(values, []).append(_name(doc))
        for f in doc.fields:
            fields.setdefault(f.key, {}).setdefault(f.label, []).append(_name(doc))
    return template("file_format.html").render(
        scales=scales,
        na_offered=[_name(d) for d in docs if d.scale.not_applicable],
        fields=fields,
        statuses=_statuses(docs),
        with_actions=[_name(d) for d in docs if d.actions],
    )


MACROS = {
    "assessment_sources": assessment_sources,
    "saved_file_instruments": saved_file_instruments,
    "saved_file_responses": saved_file_responses,
}
