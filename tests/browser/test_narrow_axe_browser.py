"""axe at 320 CSS px, in the light and dark schemes: the narrow layouts (stacked tables, tables
scrolling in named regions) on the pages that have them and on the filled states.
Every page at the default width is checked by test_pages_browser.py."""

from __future__ import annotations

import pytest

from tests.browser import layout_checks
from tests.browser.page_states import FILLED, open_filled

STACKED = ["case-studies/", "effective-practice/", "value-for-money/"]


@pytest.fixture
def narrow(page):
    page.set_viewport_size({"width": layout_checks.REFLOW_WIDTH, "height": 640})
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", STACKED)
def test_stacked_tables_pass_axe(narrow, path, scheme, assert_no_axe_violations):
    narrow.emulate_media(color_scheme=scheme)
    narrow.goto(path)
    assert_no_axe_violations(narrow)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", sorted(FILLED))
def test_filled_pages_pass_axe(narrow, state, scheme, tmp_path, assert_no_axe_violations):
    narrow.emulate_media(color_scheme=scheme)
    open_filled(narrow, state, tmp_path)
    assert_no_axe_violations(narrow)
