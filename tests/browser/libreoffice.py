"""LibreOffice, headless, as the real spreadsheet our downloads must survive.

convert() runs `soffice --headless --convert-to`; each call has its own profile folder, so
tests running at once do not share (and lock) one. `needs_libreoffice` skips a test on a
machine without it (`make test` installs it; under CI a skip fails).
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
)
# Read and write CSV as UTF-8 (76), comma-separated (44), double quotes (34), from row 1;
# on export, every sheet to its own file (the last token, -1).
CSV_IN = "CSV:44,34,76,1"
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
CSV_OUT_FIRST_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"


def convert(source: Path, to: str, outdir: Path, infilter: str | None = None) -> list[Path]:
    """Convert `source` with LibreOffice into `outdir`; the files it wrote, by name."""
    outdir.mkdir(parents=True, exist_ok=True)
    before = set(outdir.iterdir())
    profile = Path("/tmp") / f"lo-profile-{uuid.uuid4().hex}"
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
