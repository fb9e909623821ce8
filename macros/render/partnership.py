"""Partnership views: combine agencies' assessments, and compare two assessments over time.

Both pages work on every instrument: each instrument is described to the script in a JSON
block rendered from the same data as the form (scale, sections, item titles, replaces), so
the script never carries a copy of a label. The views need JavaScript (they read files in the
browser); without it the page says so and points to the forms, which print.
"""

from __future__ import annotations

from typing import Any

from ..models.instrument import Document, scale_of
from ..models.scales import NOT_APPLICABLE, Level
from . import template
from .instrument import FILE_LIMIT_BYTES, STORAGE_PREFIX, instrument_doc, shown_sections
from .spreadsheet import sheet_info

# Within the same priority, tones run from worst to best.
_TONE_ORDER = {"red": 0, "amber": 1, "blue": 2, "grey": 2, "green": 3}


def ordered_levels(content, doc: Document) -> list[Level]:
    """The scale's levels from worst to best, as the data declares them.

    A level's `priority` says how urgent it is (1 first); levels that are not priorities
    (priority 0) are the good ones and come last. Ties are broken by tone (red before amber
    before green), then by the order in the file.
    """
    levels = list(enumerate(scale_of(doc, content).levels))
    levels.sort(
        key=lambda pair: (
            pair[1].priority if pair[1].priority > 0 else 1000,
            _TONE_ORDER.get(pair[1].tone, 2),
            pair[0],
        )
    )
    return [level for _, level in levels]


def instrument_info(content, linker, doc: Document) -> dict[str, Any]:
    """What the partnership scripts need to know about one instrument (see lib/merge.js)."""
    sections = shown_sections(content, linker, doc)
    levels = ordered_levels(content, doc)
    na_label = scale_of(doc, content).not_applicable.label if doc.scale.not_applicable else ""
    labels = {level.value: level.label for level in levels}
    if na_label:
        labels[NOT_APPLICABLE] = na_label
    return {
        "id": doc.id,
        "version": doc.version,
        "title": doc.title,
        "noun": doc.item_noun,
        "na": doc.scale.not_applicable,
        "naLabel": na_label,
        "levels": [
            {"value": lv.value, "label": lv.label, "tone": lv.tone, "priority": lv.priority}
            for lv in levels
        ],
        "labels": labels,
        "fields": [f.key for f in doc.fields],
        "fieldLabels": {f.key: f.label for f in doc.fields},
        "statuses": [s.value for s in doc.action_statuses],
        "statusLabels": {s.value: s.label for s in doc.action_statuses},
        "sections": [
            {"id": s.id, "title": s.title, "items": [item.id for item in s.items]} for s in sections
        ],
        "titles": {item.id: item.title for s in sections for item in s.items},
        "replaces": dict(doc.replaces),
        "sheet": sheet_info(content),
    }


def _instruments(content, linker, instrument_id: str | None) -> list[dict[str, Any]]:
    if instrument_id:
        docs = [instrument_doc(content, instrument_id)]
    else:
        docs = sorted(content.instruments().values(), key=lambda d: d.title)
    return [instrument_info(content, linker, doc) for doc in docs]


def combine_view(content, linker, instrument_id: str | None = None) -> str:
    """Load several agencies' files, see ratings side by side, agree a rating, save it.

    With `instrument_id` the page combines that instrument only; without, every instrument
    is offered and the files decide.
    """
    return template("partnership_combine.html").render(
        instruments=_instruments(content, linker, instrument_id),
        storage_prefix=STORAGE_PREFIX,
        max_bytes=FILE_LIMIT_BYTES,
        max_kb=FILE_LIMIT_BYTES // 1024,
    )


def compare_view(content, linker, instrument_id: str | None = None) -> str:
    """Pick two assessments of one instrument and see what improved, stayed or declined."""
    return template("partnership_compare.html").render(
        instruments=_instruments(content, linker, instrument_id),
        storage_prefix=STORAGE_PREFIX,
        max_bytes=FILE_LIMIT_BYTES,
        max_kb=FILE_LIMIT_BYTES // 1024,
    )


MACROS = {"combine_view": combine_view, "compare_view": compare_view}
