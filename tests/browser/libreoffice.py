"""Open a downloaded CSV in LibreOffice (headless) and read back what the spreadsheet made of it.

Each run gets its own profile under /tmp: LibreOffice refuses a second instance on a profile
in use, and another engineer's tests may run soffice at the same time.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

# Comma, double quote, UTF-8 (76), from line 1: how our CSV files are written.
CSV_OPTIONS = "44,34,76,1"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

available = shutil.which("soffice") is not None


def convert(source: Path, target: str, outdir: Path) -> Path:
    """Convert source (a CSV) with soffice to `target` (a --convert-to argument); the new file."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="lo-calc-", dir="/tmp")
    try:
        result = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--infilter=CSV:" + CSV_OPTIONS,
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    converted = outdir / (source.stem + "." + target.split(":")[0])
    assert converted.exists(), result.stdout + result.stderr
    return converted


def fods_cells(path: Path) -> list[list[tuple[str, str]]]:
    """The first sheet of a flat ODF spreadsheet as rows of (value type, shown text) cells.

    Value type is ODF's office:value-type ("float", "string", …), "" for an empty cell.
    Trailing empty cells and rows are left out.
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
