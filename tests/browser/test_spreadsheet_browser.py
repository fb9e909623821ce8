"""The spreadsheet round trip: the answers CSV goes through LibreOffice and comes back, bad
sheets are refused row by row, sheets of several agencies stack and combine, and the xlsx
workbook opens in a real spreadsheet with every rating, date and line break intact.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

from playwright.sync_api import expect

from tests.browser.instrument_helpers import (
    FORMS,
    STORAGE,
    current_doc,
    fill_sample,
    open_form,
    open_section,
    saved_docs,
    wait_ready,
)
from tests.browser.libreoffice import (
    CSV_OUT,
    CSV_OUT_FIRST_SHEET,
    convert,
    convert_all,
    fods_cells,
    fods_styles,
    needs_libreoffice,
)
from tests.browser.test_instrument_export_browser import (
    ANSWER_COLUMNS,
    EVIDENCE,
    download,
    import_file,
    read_csv,
)

COL = {title: i for i, title in enumerate(ANSWER_COLUMNS)}


def choose(page, selector: str, name: str, data: bytes):
    page.set_input_files(selector, files=[{"name": name, "mimeType": "text/csv", "buffer": data}])


def write_csv(rows: list[list[str]], delimiter=",", bom=True, newline="\r\n") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def import_and_replace(page, name: str, data: bytes) -> str:
    """Import a sheet and replace the open assessment; return what the question said the
    replacing would change."""
    choose(page, "[data-import-file]", name, data)
    page.wait_for_selector("[data-confirm=import]:not([hidden])")
    changes = page.locator("[data-confirm-import-changes]").inner_text()
    page.click("[data-command=import-replace]")
    expect(page.locator("[data-import-status]")).to_contain_text(f"with what “{name}” holds.")
    return changes


def refused(page, name: str, data: bytes) -> str:
    """Import a sheet that must be refused: the error summary's text, storage unchanged."""
    before = page.evaluate(STORAGE)
    choose(page, "[data-import-file]", name, data)
    summary = page.locator("[data-error-summary]:not([hidden])")
    expect(summary).to_contain_text(f"“{name}”")
    page.wait_for_timeout(100)
    assert page.evaluate(STORAGE) == before
    assert page.locator("[data-confirm=import]").is_hidden()
    return summary.inner_text()


def test_every_form_writes_the_same_columns(page):
    headers = {}
    for instrument_id, url in FORMS.items():
        open_form(page, url)
        _, data = download(page, "export-csv")
        rows = read_csv(data)
        headers[instrument_id] = rows[0]
        assert all(r[COL["Version"]] == "v1.0" for r in rows[1:])
        assert all(r[COL["Assessment"]] == instrument_id for r in rows[1:])
    assert all(h == ANSWER_COLUMNS for h in headers.values()), headers


@needs_libreoffice
def test_an_edit_made_in_libreoffice_comes_back_exactly(page, tmp_path):
    open_form(page)
    fill_sample(page)
    before = current_doc(page)
    name, data = download(page, "export-csv")
    source = tmp_path / name
    source.write_bytes(data)
    # Edit it in a real spreadsheet: CSV → LibreOffice's own file → change two cells → CSV.
    sheet = convert(source, "fods", tmp_path / "sheet")
    xml = sheet.read_text(encoding="utf-8")
    assert xml.count("<text:p>Red</text:p>") == 1  # SA-1.1 is the only red item
    xml = xml.replace("<text:p>Red</text:p>", "<text:p>Green</text:p>")
    assert xml.count("but health is missing") == 1
    xml = xml.replace("but health is missing", "and health joined in May")
    sheet.write_text(xml, encoding="utf-8")
    edited = convert(sheet, CSV_OUT_FIRST_SHEET, tmp_path / "back")
    back = edited.read_bytes()
    rows = list(csv.reader(io.StringIO(back.decode("utf-8-sig"), newline="")))
    assert rows[0] == ANSWER_COLUMNS
    sa11 = next(r for r in rows if r[COL["Item id"]] == "SA-1.1")
    assert sa11[COL["Date"]] == "2026-11-22"  # LibreOffice keeps the ISO date
    assert sa11[COL["Version"]] == "v1.0"
    assert sa11[COL["Number of actions"]] == "1"

    # Before anything is replaced, the question names the one answer the edit changed.
    changes = import_and_replace(page, "edited.csv", back)
    assert changes == "Replacing “Spring review” with it changes the answers to SA-1.1."
    after = current_doc(page)
    expected = json.loads(json.dumps(before))
    expected["responses"]["SA-1.1"]["rating"] = "green"
    expected["responses"]["SA-1.1"]["evidence"] = expected["responses"]["SA-1.1"][
        "evidence"
    ].replace("but health is missing", "and health joined in May")
    for doc in (after, expected):
        doc.pop("updated")
    assert after == expected
    page.reload()
    wait_ready(page)
    assert current_doc(page)["responses"] == expected["responses"]


def test_actions_with_brackets_and_semicolons_come_back_whole(page):
    open_form(page)
    fill_sample(page)
    open_section(page, "sa-1")
    page.click("#sa-1-1 [data-command=add-action]")
    page.fill("#sa-1-1-action-2-action", "Review the plan (quarterly), then report")
    page.fill("#sa-1-1-action-2-owner", "Police; Probation (joint)")
    page.fill("#sa-1-1-action-2-due", "2027-03-31")
    open_form(page)
    before = current_doc(page)
    _, data = download(page, "export-csv")
    changes = import_and_replace(page, "actions.csv", data)
    assert changes == (
        "Replacing “Spring review” with it changes nothing: the file holds the same answers"
        " and details."
    )
    assert current_doc(page)["responses"] == before["responses"]


def test_a_sheet_saved_by_excel_with_semicolons_and_uk_dates_imports(page):
    open_form(page)
    fill_sample(page)
    before = current_doc(page)
    _, data = download(page, "export-csv")
    rows = read_csv(data)
    for row in rows[1:]:
        row[COL["Date"]] = "22/11/2026"
        row[COL["Actions"]] = row[COL["Actions"]].replace("2027-01-31", "31/01/2027")
    # No byte order mark, semicolons, LF line ends; the evidence keeps its quoted line break.
    excel = write_csv(rows, delimiter=";", bom=False, newline="\n")
    assert "changes nothing" in import_and_replace(page, "from-excel.csv", excel)
    after = current_doc(page)
    assert after["date"] == "2026-11-22"
    assert after["responses"] == before["responses"]
    assert after["name"] == before["name"]  # a sheet holds no name: the open one's is kept


def test_a_sheet_with_bad_rows_is_refused_naming_each_row(page):
    open_form(page)
    fill_sample(page)
    _, data = download(page, "export-csv")
    rows = read_csv(data)
    rows[2][COL["Rating"]] = "Purple"  # row 3 of the sheet
    rows[4][COL["Item id"]] = "SA-9.9"  # row 5
    rows[6][COL["Actions"]] = "1. Review (due: next week)"  # row 7
    rows[7][COL["Actions"]] = "1. Review (status: Someday)"  # row 8
    text = refused(page, "bad-rows.csv", write_csv(rows))
    assert "row 3 (SA-1.2): “Purple” is not one of this assessment’s ratings (Red, Amber" in text
    assert "row 5: “SA-9.9” is not an item id of this assessment" in text
    assert "row 7 (SA-2.2): Actions has “next week”, which is not a date" in text
    assert "row 8 (SA-3.1): “Someday” is not an action status" in text
    # A good sheet still imports after the refusal.
    import_and_replace(page, "good.csv", data)


def test_sheets_that_are_not_answers_sheets_are_refused(page):
    open_form(page)
    fill_sample(page)
    _, actions = download(page, "export-actions")
    text = refused(page, "actions.csv", actions)
    assert "is an actions sheet: import the answers sheet" in text
    text = refused(page, "other.csv", write_csv([["Id", "Rating"], ["SA-1.1", "Red"]]))
    assert "has no Assessment, Item id column" in text
    _, data = download(page, "export-csv")
    rows = read_csv(data)
    text = refused(page, "quote.csv", data + b'"never closed\r\n')
    assert "a quoted cell that starts in row 14 is never closed" in text
    rows[3][COL["Assessment"]] = "key-principles-2015"
    text = refused(page, "mixed.csv", write_csv(rows))
    assert "row 4: “key-principles-2015” in the Assessment column" in text


@needs_libreoffice
def test_two_agencies_sheets_stack_into_one_clean_sheet_and_combine(page, tmp_path):
    open_form(page)
    fill_sample(page)
    _, police = download(page, "export-csv")
    page.fill("#iom-about-agency", "Probation")
    page.fill("#iom-about-completed-by", "Senior probation officer")
    page.wait_for_timeout(600)
    _, probation = download(page, "export-csv")
    # Stacked as an analyst does: the second sheet's rows below the first's, heading once.
    stacked = police + probation.removeprefix(b"\xef\xbb\xbf").split(b"\r\n", 1)[1]
    source = tmp_path / "stacked.csv"
    source.write_bytes(stacked)
    back = convert(source, CSV_OUT_FIRST_SHEET, tmp_path / "lo")
    rows = list(csv.reader(io.StringIO(back.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0] == ANSWER_COLUMNS
    assert len(rows) == 1 + 12 + 12
    assert all(len(r) == len(ANSWER_COLUMNS) for r in rows)
    assert [r[COL["Agency"]] for r in rows[1:]] == ["Police"] * 12 + ["Probation"] * 12

    # The form takes one assessment at a time, and says where the sheet can go.
    text = refused(page, "stacked.csv", stacked)
    assert "holds 2 assessments (Police, Probation)" in text
    # Combine reads each agency's rows as a file of its own.
    page.goto("assess/combine/")
    page.wait_for_selector("[data-module=iom-combine][data-iom-init=ready]")
    page.select_option("#iom-combine-instrument", "self-assessment-2010")
    choose(page, "#iom-combine-files", "stacked.csv", stacked)
    page.wait_for_selector("[data-results]:not([hidden])")
    heads = page.locator("[data-ratings-head] th").all_text_contents()  # may be off screen
    assert heads[1:3] == ["Police", "Probation"]
    assert page.locator("[data-file-list] li").count() == 2
    expect(page.locator("[data-file-list]")).to_contain_text("stacked.csv (Police)")


def test_compare_takes_an_answers_sheet(page):
    open_form(page)
    fill_sample(page)
    _, data = download(page, "export-csv")
    page.goto("assess/compare/")
    page.wait_for_selector("[data-module=iom-compare][data-iom-init=ready]")
    page.select_option("#iom-compare-instrument", "self-assessment-2010")
    choose(page, "#iom-compare-files", "spring.csv", data)
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    options = page.locator("#iom-compare-after option").all_inner_texts()
    assert any("spring.csv" in o for o in options), options


@needs_libreoffice
def test_the_workbook_opens_in_libreoffice_with_every_cell_right(page, tmp_path):
    open_form(page)
    fill_sample(page)
    _, answers_csv = download(page, "export-csv")
    _, actions_csv = download(page, "export-actions")
    name, book = download(page, "export-xlsx")
    assert name == "self-assessment-2010-spring-review-2026-11-22.xlsx"
    source = tmp_path / name
    source.write_bytes(book)
    # Printed, every page of either sheet says which item its rows are (the Item id column).
    with zipfile.ZipFile(source) as archive:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    titles = [d.text for d in workbook.iter() if d.tag.endswith("definedName")]
    column = "ABCDEFGHIJKLMNOPQR"[COL["Item id"]]
    assert titles[0] == f"'Answers'!${column}:${column},'Answers'!$1:$1"
    sheets = convert_all(source, CSV_OUT, tmp_path / "csv")
    by_sheet = {p.stem.rsplit("-", 1)[-1]: p for p in sheets}
    assert set(by_sheet) == {"Answers", "Actions"}, sheets
    for sheet, expected_csv in [("Answers", answers_csv), ("Actions", actions_csv)]:
        got = list(csv.reader(io.StringIO(by_sheet[sheet].read_text("utf-8"), newline="")))
        want = read_csv(expected_csv)
        # The workbook holds values, not guarded text: the apostrophe is the CSV's alone.
        want = [[c[1:] if c.startswith("'=") else c for c in row] for row in want]
        assert got == want, sheet

    flat = convert(source, "fods", tmp_path / "fods")
    cells, styles = fods_cells(flat), fods_styles(flat)
    row = next(i for i, r in enumerate(cells) if len(r) > 9 and r[COL["Item id"]][1] == "SA-1.1")
    sa11 = cells[row]
    assert sa11[COL["Date"]][0] == "date"  # a real date, not text
    assert sa11[COL["Number of actions"]][0] == "float"
    assert sa11[COL["Evidence"]][1] == EVIDENCE  # its line break kept
    assert sa11[COL["Rating"]] == ("string", "Red")  # the word stays beside the colour
    # The rating cells' styles are filled, each rating with its own colour.
    xml = flat.read_text(encoding="utf-8")
    fills = {}
    for item, rating in [("SA-1.1", "Red"), ("SA-1.2", "Green"), ("SA-2.1", "Amber")]:
        r = next(i for i, c in enumerate(cells) if len(c) > 9 and c[COL["Item id"]][1] == item)
        assert cells[r][COL["Rating"]][1] == rating
        name = styles[r][COL["Rating"]]
        style = re.search(
            rf'<style:style style:name="{re.escape(name)}".*?</style:style>', xml, re.S
        )
        fill = re.search(r'fo:background-color="(#[0-9a-fA-F]{6})"', style.group(0))
        assert fill, (rating, style.group(0))
        fills[rating] = fill.group(1).lower()
    assert len(set(fills.values())) == 3, fills
    # LibreOffice run headless keeps no view settings, so the frozen heading row is proven
    # from the workbook's own XML (test_xlsx_browser.py), as are the column widths.
    with zipfile.ZipFile(io.BytesIO(book)) as workbook:
        answers = workbook.read("xl/worksheets/sheet1.xml").decode()
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in answers


def test_the_workbook_writer_loads_only_when_first_used(page):
    open_form(page)
    assert not page.evaluate("() => !!(IOM.lib && IOM.lib.xlsx)")
    download(page, "export-xlsx")
    assert page.evaluate("() => !!IOM.lib.xlsx")


def test_an_imported_sheet_becomes_a_new_assessment_named_after_the_file(page):
    open_form(page)
    fill_sample(page)
    _, data = download(page, "export-csv")
    choose(page, "[data-import-file]", "northshire-police.csv", data)
    confirm = page.locator("[data-confirm=import]")
    expect(confirm).to_contain_text("“northshire-police.csv” is for Northshire IOM")
    page.click("[data-command=import-new]")
    expect(page.locator("[data-import-status]")).to_contain_text("northshire-police")
    docs = saved_docs(page)
    assert len(docs) == 2
    names = sorted(d["name"] for d in docs)
    assert names == ["Spring review", "northshire-police"]
    first, second = sorted(docs, key=lambda d: d["name"])
    assert first["responses"] == second["responses"]


def test_the_question_before_replacing_names_every_answer_and_detail_that_would_change(page):
    """A partner's sheet with three answers and the agency changed: the lead sees exactly
    those before choosing to replace; past twelve, changed answers are counted, not listed."""
    open_form(page)
    fill_sample(page)
    _, data = download(page, "export-csv")
    rows = read_csv(data)
    by_item = {row[COL["Item id"]]: row for row in rows[1:]}
    by_item["SA-1.2"][COL["Rating"]] = "Amber"
    by_item["SA-3.1"][COL["Evidence"]] = "Added by probation"
    by_item["SA-2.1"][COL["Actions"]] = ""  # its action taken out
    for row in rows[1:]:
        row[COL["Agency"]] = "Probation"
    changes = page.locator("[data-confirm-import-changes]")
    cancel = page.locator("[data-confirm=import] [data-command=cancel]")
    choose(page, "[data-import-file]", "partner.csv", write_csv(rows))
    expect(changes).to_have_text(
        "Replacing “Spring review” with it changes the answers to SA-1.2, SA-2.1, SA-3.1."
        " It also changes these details: Your agency."
    )
    cancel.click()

    # A saved file (JSON) carries a name and the "completed" answers too. Every answer of the
    # form rated Green (SA-1.2 already is) and two kept from an earlier version: 13 changed,
    # 12 listed in the form's order, then those of the earlier version.
    doc = current_doc(page)
    for item in by_item:
        doc["responses"].setdefault(item, {"actions": []})["rating"] = "green"
    doc["responses"]["SA-0.1"] = {"rating": "red", "evidence": "", "actions": []}
    doc["responses"]["SA-0.2"] = {"rating": "red", "evidence": "", "actions": []}
    doc["completed"] = {"SA-1": True}
    doc["name"] = "Autumn review"
    before = page.evaluate(STORAGE)
    import_file(page, json.dumps(doc).encode(), "autumn.json")
    listed = [item for item in by_item if item != "SA-1.2"] + ["SA-0.1"]
    expect(changes).to_have_text(
        f"Replacing “Spring review” with it changes the answers to {', '.join(listed)}"
        " and 1 more. It also changes these details: Name for this assessment, your “Have you"
        " completed this section?” answers."
    )
    cancel.click()
    assert page.evaluate(STORAGE) == before


def test_a_workbook_chosen_for_import_is_refused_with_how_to_save_it_as_csv(page):
    """The toolkit's own .xlsx (a zip, not text) is refused with words for a workbook, not
    "not UTF-8 … download it again", which is what the user has just done."""
    open_form(page)
    fill_sample(page)
    name, data = download(page, "export-xlsx")
    assert name.endswith(".xlsx") and data[:4] == b"PK\x03\x04"
    words = refused(page, name, data)
    assert f"“{name}” is a workbook, and the import reads an answers sheet saved as CSV." in words
    assert "“Save as type: CSV UTF-8 (Comma delimited)”" in words
