"""The spreadsheet columns (macros/render/spreadsheet.py): one set for every instrument, every
text field with a column, and the "Saved file format" page listing them."""

from __future__ import annotations

import dataclasses

import pytest

from macros.render import spreadsheet


def test_every_instrument_shares_one_set_of_columns(content):
    info = spreadsheet.sheet_info(content)
    keys = [c["key"] for c in info["answers"]]
    assert keys[:7] == [
        "partnership",
        "agency",
        "area",
        "date",
        "completedBy",
        "instrument",
        "version",
    ]
    assert keys[-2:] == ["actionCount", "actions"]
    assert len(set(c["title"] for c in info["answers"])) == len(keys)  # headings are unique
    fields = {f.key for doc in content.instruments().values() for f in doc.fields}
    assert fields <= set(info["fields"]) <= set(keys)
    assert all(isinstance(c["width"], int) and c["width"] > 0 for c in info["answers"])


def test_a_text_field_without_a_column_stops_the_build(content):
    doc = next(iter(content.instruments().values()))
    field = dataclasses.replace(doc.fields[0], key="new_box")
    broken = dataclasses.replace(doc, fields=[*doc.fields, field])

    class Content:
        def instruments(self):
            return {doc.id: broken}

    with pytest.raises(ValueError, match="'new_box' has no spreadsheet column"):
        spreadsheet.sheet_info(Content())


def test_the_file_format_page_lists_every_column(content):
    html = spreadsheet.spreadsheet_columns(content, None)
    for column in (
        spreadsheet.sheet_info(content)["answers"] + spreadsheet.sheet_info(content)["actions"]
    ):
        assert f"<td>{column['title']}</td>" in html
    assert "<code>earlier-version</code>" in html
