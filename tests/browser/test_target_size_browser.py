"""Target size (WCAG 2.5.8): every pointer target on every page is at least 24 by 24 CSS px,
or spaced as the criterion allows (the 24 px circle test), at desktop and phone widths, as the
page opens and filled in. The theme's parts count: heading permalinks, the header buttons,
the phone menu, and search with its clear button."""

from __future__ import annotations

import pytest

from tests.browser import layout_checks
from tests.browser.page_states import FILLED, open_filled
from tests.site_pages import all_pages

WIDTHS = [1280, 390]


def assert_targets_fit(page, within: str | None = None):
    findings = layout_checks.small_targets(page, within)
    assert not findings, "targets too small and too close:\n" + "\n".join(findings[:15])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", all_pages())
def test_page_targets_are_big_enough_or_spaced(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)
    assert_targets_fit(page)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", sorted(FILLED))
def test_filled_page_targets_are_big_enough_or_spaced(page, state, width, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    open_filled(page, state, tmp_path)
    assert_targets_fit(page)


def test_heading_permalinks_are_24_px(page):
    page.goto("principles/")
    marks = page.locator(".md-content .headerlink")
    assert marks.count() > 10
    sizes = marks.evaluate_all(
        "links => links.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24, sizes


@pytest.mark.parametrize("width", WIDTHS)
def test_search_and_its_clear_button(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("principles/")
    page.keyboard.press("/")
    page.keyboard.type("offender")
    page.locator(".md-search-result__item").first.wait_for()
    clear = page.get_by_role("button", name="Clear")
    box = clear.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    assert_targets_fit(page, within=".md-search")


def test_the_phone_menu(page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("assess/self-assessment-2010/sa-1/")
    page.locator("label.md-header__button[for='__drawer']").click()
    menu = page.locator(".md-sidebar--primary")
    menu.get_by_role("link", name="Home").wait_for()
    assert_targets_fit(page, within=".md-sidebar--primary")
    # A sub-menu, opened.
    menu.locator("label.md-nav__link", has_text="Assess").click()
    menu.get_by_role("link", name="Choose an assessment").wait_for()
    page.wait_for_timeout(300)  # the panel slides in
    assert_targets_fit(page, within=".md-sidebar--primary")
