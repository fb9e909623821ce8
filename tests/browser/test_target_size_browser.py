"""Target size (WCAG 2.5.8): every pointer target on every page is at least 24 by 24 CSS px,
or spaced as the criterion allows (the 24 px circle test), at desktop and phone widths, as the
page opens and filled in. The theme's parts count: heading permalinks, the header buttons,
the phone menu, and search with its clear button."""

from __future__ import annotations

import pytest

from tests.browser import layout_checks
from tests.browser.page_states import (
    MENU,
    SEARCH,
    open_page,
    open_phone_menu,
    open_search,
    pages_and_states,
)

WIDTHS = [1280, 390]


def assert_targets_fit(page, within: str | None = None):
    findings = layout_checks.small_targets(page, within)
    assert not findings, "targets too small and too close:\n" + "\n".join(findings[:15])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("where", pages_and_states())
def test_targets_are_big_enough_or_spaced(page, where, width, tmp_path):
    open_page(page, where, tmp_path, width)
    assert_targets_fit(page)


def test_heading_permalinks_are_24_px(page):
    page.goto("principles/")
    marks = page.locator(".md-content .headerlink")
    assert marks.count() > 10
    boxes = [mark.bounding_box() for mark in marks.all()]
    sizes = [(box["width"], box["height"]) for box in boxes]
    assert min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24, sizes


@pytest.mark.parametrize("width", WIDTHS)
def test_search_and_its_clear_button(page, width):
    open_search(page, width)
    clear = page.get_by_role("button", name="Clear")
    box = clear.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    assert_targets_fit(page, within=SEARCH)


def test_the_phone_menu(page):
    open_phone_menu(page)
    assert_targets_fit(page, within=MENU)
    menu = page.locator(MENU)
    # A sub-menu, opened.
    menu.locator("label.md-nav__link", has_text="Assess").click()
    menu.get_by_role("link", name="Choose an assessment").wait_for()
    page.wait_for_timeout(300)  # the panel slides in
    assert_targets_fit(page, within=MENU)
