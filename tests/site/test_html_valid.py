"""The Nu HTML checker finds no error in our markup on any built page.

The theme (mkdocs-material 9.8) itself produces two kinds of error on every page, in markup
we do not own; they are listed here with the reason and filtered out by element, so an error
of the same kind in our own markup still fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / "tools/node_modules/vnu-jar/build/dist/vnu.jar"))

THEME_OWNED = [
    # base.html: autocomplete="off" on the hidden drawer/search toggle checkboxes.
    ("Attribute “autocomplete” is only allowed when", 'class="md-toggle"'),
    # partials/nav-item.html: tabindex="" on section labels of the navigation.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link"'),
]


def _theme_owned(message: dict) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(text.startswith(m) and marker in extract for m, marker in THEME_OWNED)


def test_built_pages_have_no_html_errors_of_our_own(built_site):
    if not VNU_JAR.is_file():
        pytest.fail(f"Nu HTML checker missing at {VNU_JAR}: run `make test` (it installs it)")
    assert shutil.which("java"), "java is needed for the Nu HTML checker"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "json",
            str(built_site),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [m for m in messages if not _theme_owned(m)]
    report = [
        f"{m.get('url', '?').rsplit(str(built_site), 1)[-1]}: "
        f"{m['message']} — {m.get('extract', '').strip()[:120]}"
        for m in ours[:30]
    ]
    assert not ours, f"{len(ours)} HTML error(s) in our markup:\n" + "\n".join(report)
