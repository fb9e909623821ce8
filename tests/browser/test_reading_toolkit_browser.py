"""Reading the Efficiency Toolkit (phase one) in a browser: headings, anchors, search, axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def test_toolkit_headings_and_key_questions_are_present(page):
    page.goto("efficiency-toolkit/")
    ids = page.locator("article h2").evaluate_all("els => els.map(e => e.id)")
    assert ids == ["about", "framework", "et-1", "et-2", "et-3", "not-reproduced"]
    expect(page.locator("article h2#et-3")).to_have_text(
        re.compile("Theme 3: Efficiencies in delivery")
    )
    expect(page.locator("article h3#levels")).to_be_visible()
    expect(page.locator("article h3#lenses")).to_be_visible()
    expect(page.locator("article h4")).to_have_count(15)
    expect(page.locator("article li.iom-toolkit-question")).to_have_count(27)
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    expect(toc.filter(has_text="Theme 2: Efficiencies derived from the design")).to_have_count(1)
    expect(toc.filter(has_text="Co-location")).to_have_count(1)


def test_page_says_it_is_a_working_document(page):
    page.goto("efficiency-toolkit/")
    note = page.locator("article .iom-toolkit-status")
    expect(note).to_be_visible()
    expect(note).to_contain_text("A working document")
    expect(note).to_contain_text("Tk/EM/1.1")


def test_key_question_anchor_brings_it_into_view_with_its_id(page):
    page.goto("efficiency-toolkit/#et-3-q01")
    question = page.locator("#et-3-q01")
    expect(question).to_be_in_viewport()
    expect(question).to_contain_text("ET-3.Q01 What scope is there for co-location?")
    assert page.evaluate("document.querySelector(':target')?.id") == "et-3-q01"
    page.locator("#et-2-q06 a.iom-toolkit-question__id").click()
    expect(page).to_have_url(re.compile(r"/efficiency-toolkit/#et-2-q06$"))
    expect(page.locator("#et-2-q06")).to_be_in_viewport()


def test_not_reproduced_parts_link_to_this_sites_tools(page):
    page.goto("efficiency-toolkit/#et-annex-a")
    page.locator("#et-annex-a + div a", has_text="Efficiency and effectiveness review").click()
    expect(page).to_have_url(re.compile(r"/assess/efficiency-review/$"))
    page.goto("efficiency-toolkit/#et-phase-two")
    page.locator("#et-phase-two + div a", has_text="Value for money calculator").click()
    expect(page).to_have_url(re.compile(r"/value-for-money/$"))


def test_search_for_co_location_finds_the_toolkit(page):
    page.goto("")
    page.locator(".md-search__input").click()
    page.keyboard.type("co-location")
    # Results update with each key typed; wait for the whole phrase's to list the page.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
            .some(a => a.getAttribute('href').includes('efficiency-toolkit/'))""",
        timeout=10_000,
    )


def test_reading_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto("efficiency-toolkit/#et-1-q03")
        assert page.locator("article h2").count() == 6
        target = page.locator(":target")
        expect(target).to_have_count(1)
        expect(target).to_be_in_viewport()
        expect(target.locator("li")).to_have_count(3)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_toolkit_page_passes_axe_in_both_schemes(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    page.goto("efficiency-toolkit/#et-2-q03")
    assert_no_axe_violations(page)
