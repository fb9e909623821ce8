"""Reflow (WCAG 1.4.10): at 320 CSS px wide (1280 px at 400% zoom) no page scrolls sideways,
as it opens or filled in. A table that cannot stack scrolls inside its own named, focusable
region; tables of records stack."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import layout_checks
from tests.browser.page_states import open_filled, open_page, pages_and_states

WIDTH = layout_checks.REFLOW_WIDTH


def narrow(page):
    page.set_viewport_size({"width": WIDTH, "height": 640})


def assert_reflows(page):
    found = layout_checks.reflow(page)
    assert found["scrollWidth"] <= found["width"], (
        f"the page is {found['scrollWidth']} px wide in a {found['width']} px window; "
        "past the edge: " + "; ".join(found["sticksOut"][:8])
    )
    assert not found["unnamedScrollers"], (
        "boxes that scroll sideways but are not a named, focusable region: "
        + "; ".join(found["unnamedScrollers"])
    )


@pytest.mark.parametrize("where", pages_and_states())
def test_page_fits_320_px(page, where, tmp_path):
    open_page(page, where, tmp_path, WIDTH)
    assert_reflows(page)


def test_a_wide_table_scrolls_from_the_keyboard_inside_its_region(page, tmp_path):
    narrow(page)
    open_filled(page, "combine", tmp_path)
    region = page.get_by_role("region", name="Each agency’s rating")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the table fits: pick another"
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle(), timeout=2000)


def test_a_table_of_records_stacks_and_keeps_its_table_roles(page):
    narrow(page)
    page.goto("case-studies/")
    table = page.get_by_role("table", name="The case studies")
    first = table.get_by_role("row").nth(1)
    cells = first.get_by_role("cell")
    # Each cell on its own line, under the case's title, naming its column.
    assert cells.nth(0).evaluate("c => getComputedStyle(c).display") == "block"
    assert cells.nth(0).evaluate("c => getComputedStyle(c, '::before').content") == '"Area: "'
    title = first.get_by_role("rowheader").bounding_box()
    area = cells.nth(0).bounding_box()
    assert area["y"] >= title["y"] + title["height"] - 1
    assert table.get_by_role("columnheader").count() == 4


def test_the_calculator_grids_stack_with_each_input_labelled_on_screen(page):
    narrow(page)
    page.goto("value-for-money/")
    label = page.locator("label[for='iom-be-staff-0-cost']")
    expect(label).to_have_text("Post 1: cost per post in pounds a year")
    box = label.bounding_box()
    assert box["width"] > 100 and box["height"] > 10, "the label is still visually hidden"
    page.set_viewport_size({"width": 1280, "height": 720})
    assert label.bounding_box()["width"] <= 1, "in the table the column heading labels it"
