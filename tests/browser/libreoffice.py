"""LibreOffice, headless, as the real spreadsheet our downloads must survive.

convert() runs `soffice --headless --convert-to`; each run gets its own profile under /tmp:
LibreOffice refuses a second instance on a profile in use, and tests may run at once.
fods_cells() reads back what the spreadsheet made of each cell (its value type and text).
`needs_libreoffice` skips a test on a machine without it (`make test` installs it; under CI a
skip fails).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

available = shutil.which("soffice") is not None
needs_libreoffice = pytest.mark.skipif(not available, reason="LibreOffice (soffice) not installed")

# Comma (44), double quote (34), UTF-8 (76), from line 1: how our CSV files are written.
CSV_OPTIONS = "44,34,76,1"
CSV_IN = "CSV:" + CSV_OPTIONS
# Export as shown, quoting text only where needed; the last token -1 writes every sheet to
# its own file (name-SheetName.csv), without it only the first sheet is written.
_CSV_OUT = "csv:Text - txt - csv (StarCalc):" + CSV_OPTIONS + ",,0,false,true,false,false,false"
CSV_OUT_FIRST_SHEET = _CSV_OUT
CSV_OUT = _CSV_OUT + ",-1"

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def convert_all(source: Path, to: str, outdir: Path, infilter: str | None = None) -> list[Path]:
    """Convert `source` with LibreOffice into `outdir` (`to` as --convert-to takes it); every
    file it wrote. `infilter` (such as CSV_IN) says how to read a CSV source."""
    outdir.mkdir(parents=True, exist_ok=True)
    before = set(outdir.iterdir())
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir="/tmp")
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", to, "--outdir", str(outdir), str(source)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    written = sorted(set(outdir.iterdir()) - before)
    assert written, f"LibreOffice wrote nothing: {result.stdout} {result.stderr}"
    return written


def convert(source: Path, to: str, outdir: Path, infilter: str | None = None) -> Path:
    """convert_all() for a conversion that writes one file: that file. A CSV source is read
    as our CSV files are written unless `infilter` says otherwise."""
    if infilter is None and source.suffix.lower() == ".csv":
        infilter = CSV_IN
    (written,) = convert_all(source, to, outdir, infilter)
    return written


def fods_cells(path: Path) -> list[list[tuple[str, str]]]:
    """The first sheet of a flat ODF spreadsheet as rows of (value type, shown text) cells.

    Value type is ODF's office:value-type ("float", "date", "string", …), "" for an empty
    cell. Trailing empty cells and rows are left out.
    """
    sheet = ET.parse(path).getroot().find(f".//{{{TABLE}}}table")
    rows = []
    for row in sheet.iter(f"{{{TABLE}}}table-row"):
        cells: list[tuple[str, str]] = []
        for cell in row:
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            kind = cell.get(f"{{{OFFICE}}}value-type", "")
            shown = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT}}}p"))
            cells.extend([(kind, shown)] * min(repeat, 50))
        while cells and cells[-1] == ("", ""):
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def fods_styles(path: Path) -> list[list[str]]:
    """The style name of each cell of the first sheet, in the same shape as fods_cells()."""
    sheet = ET.parse(path).getroot().find(f".//{{{TABLE}}}table")
    rows = []
    for row in sheet.iter(f"{{{TABLE}}}table-row"):
        styles: list[str] = []
        for cell in row:
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            styles.extend([cell.get(f"{{{TABLE}}}style-name", "")] * min(repeat, 50))
        rows.append(styles)
    return rows
