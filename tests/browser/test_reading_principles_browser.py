"""Reading the Key Principles (2015) and the Self Assessment Tool in a browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def test_key_principles_headings_in_order(page):
    page.goto("principles/")
    h2 = page.locator("article h2")
    expect(h2.first).to_contain_text("Introduction")
    ids = h2.evaluate_all("els => els.map(e => e.id)")
    assert ids == ["introduction"] + [f"kp-{n}" for n in range(1, 7)]
    expect(page.locator("article h3")).to_have_count(6)
    expect(page.locator("article li.iom-element")).to_have_count(24)
    # The table of contents lists each principle.
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    expect(toc.filter(has_text="Principle 4: Offenders face up")).to_have_count(1)


def test_element_anchor_brings_the_element_into_view_and_marks_it(page):
    page.goto("principles/#kp-4-3")
    element = page.locator("#kp-4-3")
    expect(element).to_be_in_viewport()
    expect(element).to_contain_text("KP-4.3 Information given to managed offenders")
    # :target styling shows which element the link pointed to.
    assert page.evaluate("document.querySelector(':target')?.id") == "kp-4-3"


def test_strapline_and_element_id_links_point_at_existing_targets(page):
    # What our markup owns is where each link points; following it is the browser's job.
    page.goto("principles/")
    straplines = page.locator("dl.iom-straplines > dt > a")
    # Compare page and hash, whichever form the href takes.
    assert set(straplines.evaluate_all("els => els.map(a => a.pathname)")) == {"/principles/"}
    hrefs = straplines.evaluate_all("els => els.map(a => a.hash)")
    assert hrefs == [f"#kp-{n}" for n in range(1, 7)]
    for href in hrefs:
        expect(page.locator(f"h2{href}")).to_have_count(1)
    self_links = page.locator("li.iom-element > a.iom-element__id")
    pairs = self_links.evaluate_all(
        "els => els.map(a => [a.hash, a.closest('li').id, a.textContent])"
    )
    assert len(pairs) == 24
    for href, element_id, label in pairs:
        assert href == f"#{element_id}"
        assert element_id == label.lower().replace(".", "-")


def test_self_assessment_headings_elements_and_rate_links(page):
    page.goto("self-assessment/#sa-3-2")
    expect(page.locator("#sa-3-2")).to_be_in_viewport()
    ids = page.locator("article h2").evaluate_all("els => els.map(e => e.id)")
    assert ids[-5:] == [f"sa-{n}" for n in range(1, 6)]
    expect(page.locator("article section.iom-element h3")).to_have_count(12)
    page.locator("#sa-3-2 .iom-element__rate a").click()
    expect(page).to_have_url(re.compile(r"/assess/self-assessment-2010/$"))
    expect(page.locator("h1")).to_contain_text("Self Assessment Tool")


def test_search_box_finds_the_principles_page(page):
    page.goto("")
    page.locator(".md-search__input").click()
    page.keyboard.type("carrot and stick")
    # Results update with each key typed; wait for the whole phrase's to list the page.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
            .some(a => a.getAttribute('href').includes('principles/')
                       && !a.getAttribute('href').includes('self-assessment'))""",
        timeout=10_000,
    )


@pytest.mark.parametrize("path", ["principles/", "self-assessment/"])
def test_reading_works_without_javascript(browser, base_url, path):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto(path + "#" + ("kp-2-4" if path == "principles/" else "sa-4-1"))
        headings = page.locator("article h2")
        assert headings.count() >= 6
        target = page.locator(":target")
        expect(target).to_have_count(1)
        expect(target).to_be_in_viewport()
    finally:
        context.close()


def wait_for_animations(page) -> None:
    """Poll (the page's CSP forbids wait_for_function's eval) until no CSS animation runs."""
    for _ in range(50):
        if page.evaluate("() => document.getAnimations().every(a => a.playState !== 'running')"):
            return
        page.wait_for_timeout(100)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_principles_pages_pass_axe_in_both_schemes(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    for path in ["principles/#kp-1-1", "self-assessment/#sa-1-1"]:
        page.goto(path)
        # Scrolling to the target fades the header title in; check once that has settled.
        wait_for_animations(page)
        assert_no_axe_violations(page)
