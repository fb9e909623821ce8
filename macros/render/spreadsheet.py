"""The spreadsheet shape of an assessment: the one set of columns every instrument's CSV and
xlsx downloads use, so sheets from several agencies, years and forms stack into one sheet.

The columns are named here and nowhere else: the pages carry them in the instrument JSON
(`sheet`, read by lib/assessment-csv.js to write and to read sheets) and the "Saved file
format" page lists them from here. A text field of an instrument needs a column: adding a
field key to an instrument without adding it to FIELD_COLUMNS stops the build, naming it.
"""

from __future__ import annotations

from typing import Any

from . import template

# key → heading, in sheet order. The keys are what lib/assessment-csv.js fills each column
# with; "fields" stands for FIELD_COLUMNS, every instrument's text fields.
ANSWER_COLUMNS: list[tuple[str, str, str]] = [
    ("partnership", "Partnership", "the partnership, from “About this assessment”"),
    ("agency", "Agency", "the agency that gave these answers"),
    ("area", "Area", "the area the partnership covers"),
    ("date", "Date", "the date of the assessment, YYYY-MM-DD"),
    ("completedBy", "Completed by", "who completed it (a role)"),
    ("instrument", "Assessment", "the assessment’s id, such as self-assessment-2010"),
    ("version", "Version", "its version, written v1.0 so that a spreadsheet keeps it as text"),
    ("sectionId", "Section id", "the section’s id, such as SA-1"),
    ("section", "Section", "the section’s title"),
    ("itemId", "Item id", "the item’s id, such as SA-1.1"),
    ("item", "Item", "the item’s title"),
    (
        "rating",
        "Rating",
        "the rating’s label, such as Amber or Not applicable; empty when not rated",
    ),
    ("na_reason", "Reason not applicable", "why the item does not apply"),
    ("fields", "", ""),
    ("actionCount", "Number of actions", "a number"),
    ("actions", "Actions", "one action a line: what, then (owner: …; due: YYYY-MM-DD; status: …)"),
]
# Text fields of the instruments (data/instruments/*.yml `fields`), and the agreed note a
# combined assessment holds (lib/merge.js), each as one column whatever its form calls it.
FIELD_COLUMNS: list[tuple[str, str, str]] = [
    (
        "evidence",
        "Evidence",
        "the evidence box (“Evidence/Gaps”, “Evidence and gaps”, “What we do now”)",
    ),
    ("efficiency", "Scope for efficiency", "the efficiency review’s “Scope for efficiency” box"),
    ("note", "Agreed note", "in a combined assessment, the note recorded with the agreed rating"),
]
ACTION_COLUMNS: list[tuple[str, str, str]] = [
    ("partnership", "Partnership", ""),
    ("agency", "Agency", ""),
    ("instrument", "Assessment", ""),
    ("sectionId", "Section id", ""),
    ("section", "Section", ""),
    ("itemId", "Item id", ""),
    ("item", "Item", ""),
    ("rating", "Rating", "the item’s rating"),
    ("action", "Action", "what will be done"),
    ("owner", "Owner", "a role or team"),
    ("due", "Due", "YYYY-MM-DD"),
    ("status", "Status", "the action status’s label"),
]
# Column widths in an xlsx download, in characters: wide enough for a typical entry (text
# wraps in the cell beyond that). Columns not named here are 16 wide.
WIDTHS = {
    "partnership": 24, "area": 16, "date": 12, "completedBy": 18, "instrument": 24,
    "version": 9, "sectionId": 11, "section": 32, "itemId": 11, "item": 48, "rating": 14,
    "na_reason": 30, "evidence": 60, "efficiency": 40, "note": 40, "actionCount": 10,
    "actions": 60, "action": 48, "owner": 20, "due": 12, "status": 14,
}  # fmt: skip
# The section id of rows holding answers kept from an earlier version of the form: their items
# are not in this version, and an import keeps them as they are (under "earlier").
EARLIER_SECTION = "earlier-version"


def _answer_columns() -> list[tuple[str, str, str]]:
    columns: list[tuple[str, str, str]] = []
    for column in ANSWER_COLUMNS:
        columns.extend(FIELD_COLUMNS if column[0] == "fields" else [column])
    return columns


def _column(key: str, title: str) -> dict[str, Any]:
    return {"key": key, "title": title, "width": WIDTHS.get(key, 16)}


def check_fields(content) -> None:
    """Every instrument's text fields have a column (the build stops here otherwise)."""
    known = {key for key, _, _ in FIELD_COLUMNS}
    for doc in content.instruments().values():
        for field in doc.fields:
            if field.key not in known:
                raise ValueError(
                    f"{doc.id}: the text field {field.key!r} has no spreadsheet column: "
                    "add it to FIELD_COLUMNS in macros/render/spreadsheet.py"
                )


def sheet_info(content) -> dict[str, Any]:
    """The columns as the page scripts need them: keys and headings, and the field keys."""
    check_fields(content)
    return {
        "answers": [_column(k, t) for k, t, _ in _answer_columns()],
        "actions": [_column(k, t) for k, t, _ in ACTION_COLUMNS],
        "fields": [k for k, _, _ in FIELD_COLUMNS],
        "earlier": EARLIER_SECTION,
    }


def spreadsheet_columns(content, linker) -> str:
    """The "Saved file format" page's tables of the answers and the actions columns."""
    check_fields(content)
    return template("spreadsheet_columns.html").render(
        answers=_answer_columns(), actions=ACTION_COLUMNS, earlier=EARLIER_SECTION
    )


MACROS = {"spreadsheet_columns": spreadsheet_columns}
