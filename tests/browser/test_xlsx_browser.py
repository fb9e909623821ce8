"""The xlsx writer (lib/xlsx.js): a workbook built in the page, opened in a real spreadsheet.

The part is loaded the way a component loads it (IOM.loadPart('iom-xlsx')) on a page of the
built site; the bytes come back to Python and LibreOffice reads them (`apt-get install -y
libreoffice-calc-nogui`): to one CSV per sheet for the values, to flat ODS for cell types,
styles and column widths. The frozen header row is checked in the sheet XML only: LibreOffice
converts without a view, so it writes no view settings (split, frozen panes) at all.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.browser.libreoffice import CSV_OUT, convert, convert_all, needs_libreoffice

WIDTHS = [14, 40, 8, 12, 30, 16]  # all different, so their order can be checked
ANSWERS = {
    "name": "Answers",
    "widths": WIDTHS,
    "rows": [
        ["Partnership", "Rating", "Score", "Due", "Evidence", "Note"],
        [
            "Leeds é ł 😀",
            {"text": "Red", "fill": "red"},
            3,
            {"date": "2026-03-31"},
            "line one\nline two",
            "=1+1",
        ],
        [
            "Łódź, 東京 «Ελλάδα»",
            {"text": "Amber", "fill": "amber"},
            -2,
            {"date": "2024-02-29"},
            "",
            "@SUM(A1:A2)",
        ],
        [
            "Bristol",
            {"text": "Green", "fill": "green"},
            2.75,
            {"date": "2026-02-30"},
            None,
            "_x0041_ stays",
        ],
        [
            "Hull",
            {"text": "Not rated", "fill": "grey"},
            -1234.5,
            {"date": "31/03/2026"},
            'bell\u0007 <b>&amp; "quoted"',
            "  padded  ",
        ],
        ["York", {"text": "Blue", "fill": "blue"}, 0, None, None, "+44 113"],
    ],
}
ACTIONS = {
    "name": "Actions",
    "rows": [["Action", "Owner", "Due"], ["Write the plan", "Probation", {"date": "2027-01-31"}]],
}
# What a spreadsheet shows: dates in the yyyy-mm-dd format, invalid ones as the text given,
# formula-looking text as text, the control character (not allowed in XML) dropped.
ANSWERS_SHOWN = [
    ["Partnership", "Rating", "Score", "Due", "Evidence", "Note"],
    ["Leeds é ł 😀", "Red", "3", "2026-03-31", "line one\nline two", "=1+1"],
    ["Łódź, 東京 «Ελλάδα»", "Amber", "-2", "2024-02-29", "", "@SUM(A1:A2)"],
    ["Bristol", "Green", "2.75", "2026-02-30", "", "_x0041_ stays"],
    ["Hull", "Not rated", "-1234.5", "31/03/2026", 'bell <b>&amp; "quoted"', "  padded  "],
    ["York", "Blue", "0", "", "", "+44 113"],
]
ACTIONS_SHOWN = [["Action", "Owner", "Due"], ["Write the plan", "Probation", "2027-01-31"]]

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
}
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def q(name: str) -> str:
    """'table:name' → '{urn:…table:1.0}name', for ElementTree."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def build(page, sheets: list[dict]) -> bytes:
    """The bytes IOM.lib.xlsx.build returns for these sheets, in a page of the built site."""
    page.goto("sources/")
    page.evaluate("IOM.loadPart('iom-xlsx')")
    return bytes(page.evaluate("(sheets) => Array.from(IOM.lib.xlsx.build(sheets))", sheets))


@pytest.fixture
def workbook(page, tmp_path) -> Path:
    path = tmp_path / "workbook.xlsx"
    path.write_bytes(build(page, [ANSWERS, ACTIONS]))
    return path


@needs_libreoffice
def test_libreoffice_shows_every_cell_as_written(workbook, tmp_path):
    out = tmp_path / "csv"
    convert_all(workbook, CSV_OUT, out)
    assert sorted(p.name for p in out.glob("*.csv")) == [
        "workbook-Actions.csv",
        "workbook-Answers.csv",
    ]
    for sheet, shown in [("Answers", ANSWERS_SHOWN), ("Actions", ACTIONS_SHOWN)]:
        text = (out / f"workbook-{sheet}.csv").read_text(encoding="utf-8")
        assert list(csv.reader(io.StringIO(text, newline=""))) == shown, sheet


def fods_sheet(root: ET.Element, name: str, size: int = 8) -> list[list[dict]]:
    """The first size×size cells of a sheet: value type, values and effective style name."""
    table = next(t for t in root.iter(q("table:table")) if t.get(q("table:name")) == name)
    column_styles, cell_defaults = [], []
    for column in table.iter(q("table:table-column")):
        repeat = min(int(column.get(q("table:number-columns-repeated"), "1")), size)
        column_styles += [column.get(q("table:style-name"))] * repeat
        cell_defaults += [column.get(q("table:default-cell-style-name"))] * repeat
    rows = []
    for row in list(table.iter(q("table:table-row")))[:size]:
        cells: list[dict] = []
        for cell in row:
            repeat = min(int(cell.get(q("table:number-columns-repeated"), "1")), size)
            for _ in range(repeat):
                cells.append(
                    {
                        "type": cell.get(q("office:value-type")),
                        "value": cell.get(q("office:value")),
                        "date": cell.get(q("office:date-value")),
                        "formula": cell.get(q("table:formula")),
                        "style": cell.get(q("table:style-name"))
                        or row.get(q("table:default-cell-style-name"))
                        or cell_defaults[len(cells)],
                    }
                )
        rows.append(cells[:size])
    return [column_styles[:size], *rows]


def styles_by_name(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for style in root.iter(q("style:style")):
        found[(style.get(q("style:family")), style.get(q("style:name")))] = style
    return found


def cell_property(styles, name: str, kind: str, attribute: str) -> str | None:
    """An attribute of a cell style's properties (kind: table-cell- or text-properties)."""
    properties = styles[("table-cell", name)].find(f"style:{kind}", NS)
    return None if properties is None else properties.get(q(attribute))


def date_pattern(root: ET.Element, data_style: str) -> str:
    """A date number format as a pattern: YYYY-MM-DD for long year, month, day with '-'."""
    style = next(
        s for s in root.iter(q("number:date-style")) if s.get(q("style:name")) == data_style
    )
    parts = {"year": "YYYY", "month": "MM", "day": "DD"}
    pattern = ""
    for part in style:
        local = part.tag.split("}")[1]
        if local == "text":
            pattern += part.text or ""
        else:
            long = part.get(q("number:style")) == "long"
            pattern += parts[local] if long else parts[local][0]
    return pattern


@needs_libreoffice
def test_libreoffice_reads_dates_numbers_fills_and_widths(workbook, tmp_path):
    out = tmp_path / "fods"
    convert(workbook, "fods", out)
    root = ET.parse(out / "workbook.fods").getroot()
    styles = styles_by_name(root)
    column_styles, *rows = fods_sheet(root, "Answers")

    assert not any(cell["formula"] for row in rows for cell in row), "a formula was written"
    header, leeds, lodz, bristol, hull, york = rows[:6]
    assert [cell["type"] for cell in header[:6]] == ["string"] * 6
    assert cell_property(styles, header[0]["style"], "text-properties", "fo:font-weight") == "bold"
    # The line break shows: its cell wraps.
    wrap = cell_property(styles, leeds[4]["style"], "table-cell-properties", "fo:wrap-option")
    assert wrap == "wrap"

    assert [(leeds[3]["type"], leeds[3]["date"]), (lodz[3]["type"], lodz[3]["date"])] == [
        ("date", "2026-03-31"),
        ("date", "2024-02-29"),
    ]
    data_style = styles[("table-cell", leeds[3]["style"])].get(q("style:data-style-name"))
    assert date_pattern(root, data_style) == "YYYY-MM-DD"
    assert bristol[3]["type"] == hull[3]["type"] == "string"  # invalid dates stay text
    assert york[3]["type"] is None  # empty

    numbers = [(row[2]["type"], row[2]["value"]) for row in rows[1:6]]
    assert numbers == [
        ("float", "3"),
        ("float", "-2"),
        ("float", "2.75"),
        ("float", "-1234.5"),
        ("float", "0"),
    ]
    assert [row[5]["type"] for row in rows[1:6]] == ["string"] * 5  # "=1+1", "@SUM(…)" …
    assert leeds[1]["type"] == "string"  # the word stays in a RAG cell

    fills = [
        cell_property(styles, row[1]["style"], "table-cell-properties", "fo:background-color")
        for row in rows[1:6]
    ]
    assert fills == ["#ffc7ce", "#ffeb9c", "#c6efce", "#d9d9d9", "#ddebf7"]

    def width(style: str) -> float:
        properties = styles[("table-column", style)].find("style:table-column-properties", NS)
        return float(properties.get(q("style:column-width")).removesuffix("in"))

    widths = [width(style) for style in column_styles[: len(WIDTHS)]]
    assert len(set(widths)) == len(WIDTHS)
    order = sorted(range(len(WIDTHS)), key=WIDTHS.__getitem__)
    assert sorted(range(len(WIDTHS)), key=widths.__getitem__) == order

    actions_columns, actions_header, plan = fods_sheet(root, "Actions")[:3]
    assert len({width(style) for style in actions_columns[:3]}) == 1  # no widths: the default
    assert (plan[2]["type"], plan[2]["date"]) == ("date", "2027-01-31")


def test_zip_parts_crcs_and_frozen_header(page):
    data = build(page, [ANSWERS, ACTIONS])
    assert build(page, [ANSWERS, ACTIONS]) == data  # no clock inside: the same bytes each time
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
        parts = {name: ET.fromstring(archive.read(name)) for name in archive.namelist()}

    workbook = parts["xl/workbook.xml"]
    assert [s.get("name") for s in workbook.iter(f"{MAIN}sheet")] == ["Answers", "Actions"]
    types = [o.get("PartName") for o in parts["[Content_Types].xml"]]
    assert "/xl/worksheets/sheet2.xml" in types and "/xl/styles.xml" in types
    for sheet in ("sheet1", "sheet2"):
        root = parts[f"xl/worksheets/{sheet}.xml"]
        assert root.find(f".//{MAIN}f") is None  # values only, never a formula
        pane = root.find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
        assert pane.attrib == {
            "ySplit": "1",
            "topLeftCell": "A2",
            "activePane": "bottomLeft",
            "state": "frozen",
        }
    cols = parts["xl/worksheets/sheet1.xml"].findall(f"{MAIN}cols/{MAIN}col")
    assert [float(c.get("width")) for c in cols] == WIDTHS


def test_sheet_names_are_made_valid_and_unique(page):
    long_emoji = "x" * 30 + "😀"  # 32 UTF-16 units: cut to 31 would split the emoji
    names = [
        "Answers",
        "answers",
        "a/b:c*d?e[f]g\\h and a very long name",
        "",
        "'quoted'",
        long_emoji,
        long_emoji,
        "Tom & Jerry <x>",
    ]
    data = build(page, [{"name": name, "rows": [["A"]]} for name in names])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    assert [s.get("name") for s in workbook.iter(f"{MAIN}sheet")] == [
        "Answers",
        "answers 2",
        "a-b-c-d-e-f-g-h and a very long",
        "Sheet4",
        "quoted",
        "x" * 30,
        "x" * 29 + " 2",
        "Tom & Jerry <x>",
    ]


def test_tone_fills_keep_black_text_readable(page):
    page.goto("sources/")
    page.evaluate("IOM.loadPart('iom-xlsx')")
    fills = page.evaluate("IOM.lib.xlsx.fills")
    assert set(fills) == {"red", "amber", "green", "grey", "blue"}

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for tone, colour in fills.items():
        contrast = (luminance(colour) + 0.05) / 0.05  # against black text
        assert contrast >= 4.5, (tone, colour, contrast)


@needs_libreoffice
def test_a_text_too_long_for_a_cell_is_cut_with_the_callers_note(page, tmp_path):
    long_text = "evidence " * 5000  # 45,000 characters: over Excel's 32,767 a cell
    note = " [cut: see the CSV]"
    page.goto("sources/")
    page.evaluate("IOM.loadPart('iom-xlsx')")
    data = page.evaluate(
        "([text, note]) => Array.from(IOM.lib.xlsx.build("
        "[{name: 'Answers', rows: [['Evidence'], [text], ['short']]}], {cutNote: note}))",
        [long_text, note],
    )
    path = tmp_path / "long.xlsx"
    path.write_bytes(bytes(data))
    (sheet,) = convert_all(path, CSV_OUT, tmp_path / "csv")
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"), newline="")))
    assert len(rows[1][0]) == 32767
    assert rows[1][0] == long_text[: 32767 - len(note)] + note
    assert rows[2] == ["short"]


def test_rows_are_as_tall_as_their_wrapped_text(page):
    """Every text wraps in its column, and a row is given the height its longest text needs,
    as LibreOffice does not fit rows to wrapped text when it opens a workbook."""
    words = "word " * 30  # 150 characters: five lines of 33 in a column 30 wide
    sheet = {
        "name": "Answers",
        "widths": [10, 30],
        "rows": [
            ["Id", "Evidence"],
            ["A", "one line"],
            ["B", "first\nsecond\nthird"],
            ["C", words.strip()],
            ["D", "x" * 70],  # one word longer than a line: broken into three
            ["E", "line\n" * 60],  # taller than a row may be
        ],
    }
    with zipfile.ZipFile(io.BytesIO(build(page, [sheet]))) as archive:
        root = ET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(archive.read("xl/styles.xml"))
    rows = root.findall(f"{MAIN}sheetData/{MAIN}row")
    heights = [(r.get("ht"), r.get("customHeight")) for r in rows]
    assert heights == [
        (None, None),
        (None, None),
        ("45", "1"),
        ("75", "1"),
        ("45", "1"),
        ("409", "1"),
    ]
    xfs = styles.findall(f"{MAIN}cellXfs/{MAIN}xf")
    for cell in root.iter(f"{MAIN}c"):
        wraps = xfs[int(cell.get("s", "0"))].find(f"{MAIN}alignment").get("wrapText")
        assert wraps == "1", cell.get("r")


@needs_libreoffice
def test_it_prints_landscape_with_the_heading_row_and_item_on_every_page(page, tmp_path):
    """Sixty rows of long text run over several pages, down and across: LibreOffice prints
    each on A4 landscape with the heading row at its top, the item id column (`repeat`) at
    the left of every page right of it, and the sheet's own page number below."""
    rows = [["Partnership", "Item id", "Evidence", "Actions"]]
    rows += [[f"Partnership {n}", f"I-{n}", "Evidence " * 12, "Action " * 10] for n in range(60)]
    sheet = {"name": "Answers", "widths": [40, 10, 60, 60], "rows": rows, "repeat": 1}
    path = tmp_path / "print.xlsx"
    path.write_bytes(build(page, [sheet, ACTIONS]))
    with zipfile.ZipFile(path) as archive:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        setup = ET.fromstring(archive.read("xl/worksheets/sheet1.xml")).find(f"{MAIN}pageSetup")
    titles = {d.get("localSheetId"): d.text for d in workbook.iter(f"{MAIN}definedName")}
    assert titles == {"0": "'Answers'!$B:$B,'Answers'!$1:$1", "1": "'Actions'!$1:$1"}
    assert setup.attrib == {
        "paperSize": "9",
        "firstPageNumber": "1",
        "orientation": "landscape",
        "useFirstPageNumber": "1",
    }

    pdf = convert(path, "pdf", tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape, in points
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 4
    footers = []
    across = 0
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        first = text.strip().splitlines()[0]
        assert any(heading in first for heading in rows[0] + ACTIONS["rows"][0]), (number, first)
        if first.startswith("Item id"):  # a page right of the first: its rows say their item
            across += 1
            assert re.search(r"^\s*I-\d+\s", text, re.MULTILINE), number
        footers += re.findall(r"(Answers|Actions), page (\d+)", text)
    assert across >= 1
    answers = [int(n) for sheet_name, n in footers if sheet_name == "Answers"]
    assert answers == list(range(1, len(answers) + 1))
    assert [n for sheet_name, n in footers if sheet_name == "Actions"] == ["1"]
