"""The Effective Practice Guide page: headings, finding anchors, header search, axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PAGE = "effective-practice/"

H2 = [
    "About the guide",
    "What is IOM?",
    "Background",
    "What the 2019 inspection found effective IOM requires",
    "Leadership, partnership and integration",
    "People and practice",
    "Casework",
    "Evaluation, benefits and impact",
    "Highlights of effectiveness",
    "Further reading",
]
STAGES = [
    "IOM registration",
    "Assessment",
    "Planning",
    "Implementation and delivery",
    "Reviewing",
]


def _headings(page, level: str) -> list[str]:
    texts = page.locator(f"article {level}").all_inner_texts()
    return [t.replace("¶", "").strip() for t in texts]


def test_page_has_its_title_sections_and_casework_stages_as_headings(page):
    page.goto(PAGE)
    assert _headings(page, "h1") == ["Effective practice 2020"]
    assert _headings(page, "h2") == H2
    h3 = _headings(page, "h3")
    assert [h for h in h3 if h in STAGES] == STAGES
    # The table of contents lists the stages too (they are Markdown headings).
    toc = page.get_by_role("navigation", name="Table of contents").inner_text()
    for stage in ["IOM registration", "Implementation and delivery", "Reviewing"]:
        assert stage in toc


def test_each_finding_shows_its_id_and_can_be_linked_to(page):
    page.goto(PAGE + "#epg-f05")
    findings = page.locator("li.iom-finding")
    expect(findings).to_have_count(10)
    target = page.locator("li.iom-finding:target")
    expect(target).to_have_attribute("id", "epg-f05")
    expect(target.locator(".iom-finding__id")).to_have_text("EPG-F05")
    expect(target).to_contain_text("the allocation of a manageable volume of cases")
    expect(target).to_be_in_viewport()


def test_findings_section_links_to_the_inspection_readiness_assessment(page):
    page.goto(PAGE)
    link = page.get_by_role("link", name=re.compile("inspection readiness", re.I)).first
    link.click()
    expect(page).to_have_url(re.compile(r"/assess/inspection-readiness-2020/$"))
    expect(page.locator("h1")).to_have_text(re.compile("Inspection readiness"))


@pytest.mark.parametrize("phrase", ["strategic umbrella", "Intelligence Driven Integrated"])
def test_header_search_finds_this_guide_by_a_phrase_from_it(page, phrase):
    page.goto("")
    page.locator("input.md-search__input").click()
    page.keyboard.type(phrase)
    # Results update with each key typed; wait for the whole phrase's to list the page.
    page.wait_for_function(
        r"""() => [...document.querySelectorAll('.md-search-result__item a')]
            .some(a => /effective-practice\/|case-studies\//.test(a.getAttribute('href')))""",
        timeout=10_000,
    )


def test_page_reads_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(PAGE)
        expect(page.locator("li.iom-finding")).to_have_count(10)
        expect(page.locator("#epg-cw-reviewing")).to_be_visible()
        expect(page.locator("table.iom-practice__figures")).to_contain_text(
            "approximately 100,000 (10 per cent)"
        )
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_axe_violations_in_either_scheme(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    page.goto(PAGE + "#epg-f03")
    assert_no_axe_violations(page)
