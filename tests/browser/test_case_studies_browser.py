"""Case studies page: filtering with JavaScript, everything readable without it, axe clean."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

CASE_HEADINGS = "article h2[data-iom-filter-item]"
INDEX_ROWS = "#iom-cases-index tbody tr"
COUNT = "[data-module='iom-filter'] [role='status']"


@pytest.fixture(scope="module")
def cases(content):
    return content.docs["case-studies"].cases


def open_cases(page, query: str = ""):
    page.goto("case-studies/" + query)
    page.wait_for_selector("[data-module='iom-filter'][data-iom-init='ready']")


def visible_ids(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.offsetParent !== null)"
        ".map(e => e.getAttribute('data-iom-filter-item'))",
    )


def test_filtering_by_a_theme_shows_only_matching_cases_and_announces_the_count(page, cases):
    open_cases(page)
    expect(page.locator(COUNT)).to_have_text("Showing 10 of 10 case studies")
    expected = [c.id for c in cases if "health" in c.themes]
    assert 0 < len(expected) < 10

    page.get_by_label("Theme").select_option("health")

    expect(page.locator(COUNT)).to_have_text(f"Showing {len(expected)} of 10 case studies")
    assert visible_ids(page, CASE_HEADINGS) == expected
    assert visible_ids(page, INDEX_ROWS) == expected
    assert visible_ids(page, "article div.iom-case") == expected
    assert re.search(r"[?&]theme=health\b", page.url)
    # The hidden cases leave the page's table of contents too.
    hidden = next(c for c in cases if "health" not in c.themes)
    toc_entry = page.locator(f".md-sidebar--secondary a.md-nav__link[href$='#{hidden.id.lower()}']")
    expect(toc_entry).to_be_hidden()


def test_filters_combine_and_show_all_restores_every_case(page, cases):
    open_cases(page)
    page.get_by_label("Area").select_option("south-yorkshire")
    page.get_by_label("Key Principle (2015)").select_option("KP-5")
    expected = [c.id for c in cases if c.area == "south-yorkshire" and "KP-5" in c.principles.ids]
    assert expected
    expect(page.locator(COUNT)).to_have_text(f"Showing {len(expected)} of 10 case studies")
    assert visible_ids(page, CASE_HEADINGS) == expected

    page.get_by_role("button", name="Show all case studies").click()
    expect(page.locator(COUNT)).to_have_text("Showing 10 of 10 case studies")
    assert len(visible_ids(page, CASE_HEADINGS)) == 10
    assert "area=" not in page.url and "principle=" not in page.url


def test_a_shared_filtered_address_opens_filtered_and_unknown_values_are_ignored(page, cases):
    open_cases(page, "?area=lancashire")
    expect(page.get_by_label("Area")).to_have_value("lancashire")
    expected = [c.id for c in cases if c.area == "lancashire"]
    expect(page.locator(COUNT)).to_have_text(f"Showing {len(expected)} of 10 case studies")
    assert visible_ids(page, CASE_HEADINGS) == expected

    open_cases(page, "?theme=no-such-theme")
    expect(page.get_by_label("Theme")).to_have_value("")
    expect(page.locator(COUNT)).to_have_text("Showing 10 of 10 case studies")


def test_without_javascript_all_ten_cases_are_shown_and_the_form_is_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto("case-studies/?theme=health")
        headings = page.locator(CASE_HEADINGS)
        expect(headings).to_have_count(10)
        for i in range(10):
            expect(headings.nth(i)).to_be_visible()
        expect(page.locator("article div.iom-case").first).to_be_visible()
        expect(page.locator(INDEX_ROWS)).to_have_count(10)
        assert len(visible_ids(page, INDEX_ROWS)) == 10
        expect(page.locator("form.iom-filter")).to_be_hidden()
        expect(page.locator(COUNT)).to_have_text("Showing 10 of 10 case studies")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_unfiltered_and_filtered(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    open_cases(page)
    assert_no_axe_violations(page)
    page.get_by_label("Theme").select_option("co-location")
    expect(page.locator(COUNT)).not_to_have_text("Showing 10 of 10 case studies")
    assert_no_axe_violations(page)
