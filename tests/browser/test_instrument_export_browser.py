"""Downloads (JSON, CSV of answers, CSV of actions) and import with its error summary.

The CSV files are also opened with LibreOffice (`soffice --headless --convert-to xlsx`) when it
is installed (`apt-get install -y libreoffice-calc-nogui`); that one test is skipped without it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import (
    current_doc,
    fill_sample,
    open_form,
    open_section,
    saved_docs,
    wait_ready,
)
from tests.browser.libreoffice import convert, needs_libreoffice

EVIDENCE = 'Partners signed up, "mostly", see minutes,\nbut health is missing'


def download(page, command: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(f"[data-command={command}]")
    path = info.value.path()
    return info.value.suggested_filename, Path(path).read_bytes()


def import_file(page, content: bytes, name: str = "saved.json"):
    page.set_input_files(
        "[data-import-file]",
        files=[{"name": name, "mimeType": "application/json", "buffer": content}],
    )


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark missing"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline="")))


def test_json_download_holds_every_field(page):
    open_form(page)
    fill_sample(page)
    name, data = download(page, "export-json")
    assert name == "self-assessment-2010-spring-review-2026-11-22.json"
    doc = json.loads(data)
    assert doc == current_doc(page)
    assert doc["format"] == "iom-assessment"
    assert doc["formatVersion"] == 1
    assert doc["instrument"] == {"id": "self-assessment-2010", "version": "1.0"}
    assert doc["name"] == "Spring review"
    assert doc["partnership"] == "Northshire IOM"
    assert doc["area"] == "Northshire"
    assert doc["agency"] == "Police"
    assert doc["completedBy"] == "IOM police sergeant"
    assert doc["date"] == "2026-11-22"
    assert sorted(doc["responses"]) == ["SA-1.1", "SA-1.2", "SA-2.1"]
    first = doc["responses"]["SA-1.1"]
    assert first["rating"] == "red"
    assert first["evidence"] == EVIDENCE
    assert first["na_reason"] is None
    assert first["actions"] == [
        {
            "action": "Invite health, then agree a plan",
            "owner": "IOM manager",
            "due": "2027-01-31",
            "status": "in-progress",
        }
    ]


ANSWER_COLUMNS = [
    "Partnership",
    "Agency",
    "Area",
    "Date",
    "Completed by",
    "Assessment",
    "Version",
    "Section id",
    "Section",
    "Item id",
    "Item",
    "Rating",
    "Reason not applicable",
    "Evidence",
    "Scope for efficiency",
    "Agreed note",
    "Number of actions",
    "Actions",
]


def test_answers_csv_has_one_row_per_item_and_quotes_correctly(page):
    open_form(page)
    fill_sample(page)
    name, data = download(page, "export-csv")
    assert name.endswith("-answers.csv")
    rows = read_csv(data)
    assert rows[0] == ANSWER_COLUMNS
    assert len(rows) == 13
    col = {title: i for i, title in enumerate(ANSWER_COLUMNS)}
    assert [r[col["Item id"]] for r in rows[1:]][:3] == ["SA-1.1", "SA-1.2", "SA-1.3"]
    by_id = {r[col["Item id"]]: dict(zip(ANSWER_COLUMNS, r, strict=True)) for r in rows[1:]}
    sa11 = by_id["SA-1.1"]
    assert [sa11[k] for k in ANSWER_COLUMNS[:7]] == [
        "Northshire IOM",
        "Police",
        "Northshire",
        "2026-11-22",
        "IOM police sergeant",
        "self-assessment-2010",
        "v1.0",  # text in a spreadsheet, not the number 1
    ]
    assert sa11["Section id"] == "SA-1"
    assert sa11["Section"].startswith("SA-1 All partners tackling offenders together")
    assert sa11["Item"].startswith("All the relevant agencies")
    assert sa11["Rating"] == "Red"
    assert sa11["Reason not applicable"] == ""  # a reason only for "not applicable"
    assert sa11["Evidence"] == EVIDENCE
    assert sa11["Scope for efficiency"] == ""  # the efficiency review's column, empty here
    assert sa11["Number of actions"] == "1"
    assert sa11["Actions"] == (
        "1. Invite health, then agree a plan (owner: IOM manager; due: 2027-01-31; "
        "status: In progress)"
    )
    assert by_id["SA-2.1"]["Rating"] == "Amber"
    assert by_id["SA-2.1"]["Actions"] == "1. =SUM(1,2) is not a formula (status: Not started)"
    assert by_id["SA-1.3"]["Rating"] == ""
    assert by_id["SA-1.3"]["Number of actions"] == "0"
    # The number is written as a number: no quotes around it in the file.
    assert b",1," in data.split(b"\r\n")[1]


def test_actions_csv_has_one_row_per_action_and_guards_formulas(page):
    open_form(page)
    fill_sample(page)
    _, data = download(page, "export-actions")
    rows = read_csv(data)
    about = ["Northshire IOM", "Police", "self-assessment-2010"]
    assert rows == [
        [
            "Partnership",
            "Agency",
            "Assessment",
            "Section id",
            "Section",
            "Item id",
            "Item",
            "Rating",
            "Action",
            "Owner",
            "Due",
            "Status",
        ],
        [
            *about,
            "SA-1",
            rows[1][4],
            "SA-1.1",
            rows[1][6],
            "Red",
            "Invite health, then agree a plan",
            "IOM manager",
            "2027-01-31",
            "In progress",
        ],
        [
            *about,
            "SA-2",
            rows[2][4],
            "SA-2.1",
            rows[2][6],
            "Amber",
            "'=SUM(1,2) is not a formula",
            "",
            "",
            "Not started",
        ],
    ]
    assert rows[1][6].startswith("All the relevant agencies")


def _column_index(ref: str) -> int | None:
    letters = re.match(r"[A-Z]+", ref)
    if not letters:
        return None
    index = 0
    for ch in letters.group():
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


def _xlsx_rows(path: Path) -> list[list[str]]:
    """Cell texts of the first sheet of an .xlsx file (enough for our plain-text cells)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{ns['m']}}}row"):
        cells = []
        for c in row.findall("m:c", ns):
            column = _column_index(c.get("r", ""))
            while column is not None and len(cells) < column:
                cells.append("")  # empty cells are not written
            value = c.find("m:v", ns)
            inline = c.find("m:is", ns)
            if c.get("t") == "s" and value is not None:
                cells.append(shared[int(value.text)])
            elif inline is not None:
                cells.append("".join(t.text or "" for t in inline.iter(f"{{{ns['m']}}}t")))
            else:
                cells.append(value.text if value is not None else "")
        rows.append(cells)
    return rows


def _same_cell(got: str, want: str) -> bool:
    if got == want:
        return True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", want):
        serial = (date.fromisoformat(want) - date(1899, 12, 30)).days
        return got == str(serial)
    try:
        return float(got) == float(want)
    except ValueError:
        return False


@needs_libreoffice
def test_csv_files_open_cleanly_in_libreoffice(page, tmp_path):
    open_form(page)
    fill_sample(page)
    for command, expected_rows in [("export-csv", 13), ("export-actions", 3)]:
        name, data = download(page, command)
        source = tmp_path / name
        source.write_bytes(data)
        converted = convert(source, "xlsx", tmp_path)
        rows = _xlsx_rows(converted)
        assert len(rows) == expected_rows
        assert rows[0][0] == "Partnership"  # no stray byte order mark
        expected = read_csv(data)
        for got, want in zip(rows, expected, strict=True):
            # Trailing empty cells are not written to the sheet; numbers and dates become
            # spreadsheet values ("1.0" → 1, "2027-01-31" → a date serial).
            want = want[: len(got)] if not any(want[len(got) :]) else want
            assert len(got) == len(want)
            for g, w in zip(got, want, strict=True):
                assert _same_cell(g, w), (g, w)
        if command == "export-csv":
            sa11 = next(r for r in rows if r[9] == "SA-1.1")
            assert sa11[13] == EVIDENCE  # comma, quotes and line break kept in one cell
        else:
            assert rows[2][8] == "'=SUM(1,2) is not a formula"


def test_export_clear_import_restores_identical_data(page):
    open_form(page)
    fill_sample(page)
    _, data = download(page, "export-json")
    before = current_doc(page)
    page.click(".iom-clear-data [data-command=clear]")
    page.click("[data-command=clear-confirm]")
    assert saved_docs(page) == []
    open_section(page, "sa-1")
    expect(page.locator("#sa-1-1-rating-red")).not_to_be_checked()
    expect(page.locator("#sa-1-1-evidence")).to_have_value("")
    open_form(page)
    import_file(page, data, "spring.json")
    confirm = page.locator("[data-confirm=import]")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text(
        "“spring.json” is for Northshire IOM. Elements answered in it: 3."
    )
    page.click("[data-command=import-new]")
    # Said beside the file control, where focus is, and still there once the autosave has
    # said "Saved" at the top of the section.
    imported = page.locator("[data-import-status]")
    words = "Imported “spring.json” as a new assessment, “Spring review”."
    expect(imported).to_have_text(words)
    assert page.evaluate("document.activeElement.id") == "iom-import-file"
    expect(page.locator(".iom-manage [data-status]")).to_contain_text("Saved in this browser")
    expect(imported).to_have_text(words)
    assert current_doc(page) == before
    page.reload()
    wait_ready(page)
    assert current_doc(page) == before
    expect(page.locator("#iom-about-partnership")).to_have_value("Northshire IOM")
    open_section(page, "sa-1")
    assert current_doc(page) == before
    expect(page.locator("#sa-1-1-rating-red")).to_be_checked()
    expect(page.locator("#sa-1-1-evidence")).to_have_value(EVIDENCE)
    expect(page.locator("#sa-1-1-action-1-due")).to_have_value("2027-01-31")


def test_import_asks_before_replacing_and_cancel_changes_nothing(page):
    open_form(page)
    fill_sample(page)
    before = current_doc(page)
    other = json.loads(json.dumps(before))
    other["name"] = "Other"
    other["responses"] = {"SA-5.1": {"rating": "green", "actions": []}}
    import_file(page, json.dumps(other).encode())
    page.click("[data-confirm=import] [data-command=cancel]")
    assert current_doc(page) == before
    assert len(saved_docs(page)) == 1
    import_file(page, json.dumps(other).encode())
    expect(page.locator("[data-confirm=import]")).to_contain_text("Replace “Spring review”")
    page.click("[data-command=import-replace]")
    assert len(saved_docs(page)) == 1
    assert current_doc(page)["responses"] == other["responses"]
    open_section(page, "sa-5")
    expect(page.locator("#sa-5-1-rating-green")).to_be_checked()
    open_section(page, "sa-1")
    expect(page.locator("#sa-1-1-rating-red")).not_to_be_checked()


def test_unknown_keys_and_earlier_items_are_kept(page):
    open_form(page)
    doc = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": "self-assessment-2010", "version": "0.9"},
        "partnership": "Westshire",
        "futureKey": {"kept": True},
        "responses": {
            "SA-1.1": {"rating": "amber", "evidence": "x", "actions": [], "extra": "kept"},
            "SA-9.9": {"rating": "red", "actions": []},
            # Names of Object.prototype's properties are ids like any other here.
            "constructor": {"rating": "green", "evidence": "kept too"},
            "toString": {"rating": "red"},
        },
    }
    import_file(page, json.dumps(doc).encode())
    page.click("[data-command=import-new]")
    stored = current_doc(page)
    assert stored["futureKey"] == {"kept": True}
    assert stored["responses"]["SA-1.1"]["extra"] == "kept"
    assert stored["responses"]["SA-9.9"]["rating"] == "red"
    assert stored["responses"]["constructor"]["evidence"] == "kept too"
    earlier = page.locator("[data-earlier]")
    expect(earlier).to_be_visible()
    expect(earlier.locator("li")).to_have_text(
        [
            "SA-9.9 – Red (not an item of this form)",
            "constructor – Green (not an item of this form)",
            "toString – Red (not an item of this form)",
        ]
    )
    assert "function" not in page.locator(".iom-instrument").inner_text()
    _, data = download(page, "export-json")
    assert json.loads(data)["responses"]["SA-9.9"] == {"rating": "red", "actions": []}


def _valid() -> dict:
    return {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": "self-assessment-2010", "version": "1.0"},
        "partnership": "X",
        "responses": {"SA-1.1": {"rating": "red", "actions": []}},
    }


def _with(change) -> bytes:
    doc = _valid()
    change(doc)
    return json.dumps(doc).encode()


BAD_FILES = {
    "not-json": (b"{not json", "is not a JSON file"),
    "wrong-format": (json.dumps({"hello": "world"}).encode(), "is not a saved assessment from"),
    "other-instrument": (
        _with(lambda d: d["instrument"].update(id="key-principles-2015")),
        "is for a different assessment (key-principles-2015)",
    ),
    "newer-format": (_with(lambda d: d.update(formatVersion=2)), "newer version of this toolkit"),
    "newer-version": (
        _with(lambda d: d["instrument"].update(version="1.1")),
        "is for version 1.1 of this assessment; this page has version 1.0",
    ),
    "too-large": (
        _with(lambda d: d.update(padding="x" * (1024 * 1024 + 10))),
        "is too large",
    ),
    "bad-values": (
        _with(
            lambda d: d["responses"].update(
                {
                    "SA-1.2": {
                        "rating": "purple",
                        "evidence": 5,
                        "actions": [{"action": "a", "due": "31/01/2027", "status": "someday"}],
                    }
                }
            )
        ),
        "SA-1.2 has “purple”, which is not one of this assessment’s ratings.",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_import_shows_its_error_and_changes_nothing(page, case, assert_no_axe_violations):
    content, message = BAD_FILES[case]
    open_form(page)
    fill_sample(page)
    before = saved_docs(page)
    import_file(page, content, "bad.json")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("The file could not be imported")
    expect(summary).to_contain_text(message)
    if case == "bad-values":
        expect(summary).to_contain_text("SA-1.2 › evidence should be text.")
        expect(summary).to_contain_text("“31/01/2027”, which is not a date")
        expect(summary).to_contain_text("“someday”, which is not an action status")
    expect(page.locator("[data-confirm=import]")).to_be_hidden()
    assert saved_docs(page) == before
    if case in ("bad-values", "other-instrument"):
        assert_no_axe_violations(page)
    open_section(page, "sa-1")
    expect(page.locator("#sa-1-1-rating-red")).to_be_checked()
    assert saved_docs(page) == before


def test_csv_and_import_code_loads_only_when_first_used(page):
    open_form(page)
    loaded = "() => !!(IOM.lib.importer && IOM.lib.csv && IOM.lib.assessmentFile)"
    assert not page.evaluate(loaded), "CSV and import code should not load with the page"
    name, data = download(page, "export-csv")
    assert name.endswith("-answers.csv") and data.startswith(b"\xef\xbb\xbf")
    assert page.evaluate(loaded)
