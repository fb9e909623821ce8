"""The form reads and prints without JavaScript, its overview and its section pages; with
JavaScript, print gives a clean report: the overview (details and summary) and each section
page (every question with its rating, evidence and actions)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import ET, SA, fill_sample, open_section

SCREEN_ONLY = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".iom-manage",
]


@pytest.fixture
def no_js_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    yield page
    context.close()


def test_form_reads_without_javascript(no_js_page):
    page = no_js_page
    page.goto(SA)
    # The overview: no questions, the details to fill in, a link to each section's page.
    expect(page.locator("fieldset.iom-item")).to_have_count(0)
    expect(page.locator("#iom-about-partnership")).to_be_visible()
    expect(page.locator(".iom-instrument .iom-no-js").first).to_be_visible()
    # The bar naming the open assessment and the saved assessments need JavaScript.
    expect(page.locator(".iom-manage")).to_have_count(2)
    for box in page.locator(".iom-manage").all():
        expect(box).to_be_hidden()
    assert page.locator(".iom-instrument button:visible").count() == 0
    # The task list is there to follow, with Continue to the first section.
    expect(page.get_by_role("link", name="Continue", exact=True)).to_have_attribute(
        "href", re.compile(r"sa-1/$")
    )
    links = page.locator("ol.iom-task-list a.iom-task-list__link")
    expect(links).to_have_count(5)
    # Every question is on one of the section pages the task list links to.
    counts = []
    for n in range(5):
        page.goto(SA)
        page.locator("ol.iom-task-list a.iom-task-list__link").nth(n).click()
        page.wait_for_url(f"**/sa-{n + 1}/")
        counts.append(page.locator("fieldset.iom-item").count())
        expect(page.locator(".iom-instrument .iom-no-js").first).to_be_visible()
        expect(page.locator(".iom-manage")).to_be_hidden()
        assert page.locator(".iom-instrument button:visible").count() == 0
    assert counts == [4, 2, 2, 3, 1] and sum(counts) == 12
    page.goto(SA + "sa-1/")
    first = page.locator("#sa-1-1")
    expect(first.locator("legend").first).to_contain_text("SA-1.1 All the relevant agencies")
    expect(first.locator(".iom-item__criteria")).to_contain_text("All partner agencies")
    expect(first.get_by_role("radio", name="Red")).to_be_visible()
    expect(first.get_by_text("In place. The criteria are met")).to_be_visible()
    expect(first.get_by_label("Evidence/Gaps")).to_be_visible()
    expect(first.get_by_label("What will be done")).to_be_visible()
    # Radios still work as plain HTML.
    first.get_by_role("radio", name="Amber").check()
    expect(first.get_by_role("radio", name="Amber")).to_be_checked()
    # The way on to the next section and back to the overview.
    nav = page.locator("nav.iom-section-nav")
    nav.get_by_role("link", name="Next section").click()
    page.wait_for_url("**/sa-2/")
    page.locator("nav.iom-section-nav").get_by_role("link", name="All sections").click()
    page.wait_for_url("**/self-assessment-2010/#sections")


def test_na_reason_is_there_without_javascript(no_js_page):
    no_js_page.goto(ET + "et-1/")
    expect(no_js_page.locator("#et-1-q01-na-reason")).to_be_visible()


def test_prints_without_javascript(no_js_page):
    page = no_js_page
    page.emulate_media(media="print")
    page.goto(SA)
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("#iom-about-partnership")).to_be_visible()
    expect(page.locator("ol.iom-task-list")).to_be_visible()
    page.goto(SA + "sa-1/")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".iom-section-nav")).to_be_hidden()
    expect(page.locator("#sa-1-1")).to_be_visible()
    expect(page.locator("#sa-1-1-rating-red")).to_be_visible()


def test_print_is_a_clean_report(page, tmp_path):
    fill_sample(page)  # ends on the overview
    page.emulate_media(media="print")
    # The overview is the whole report: partnership details, each section's status, the
    # summary table, chart, every answer with its evidence, and the actions; no controls.
    for hidden in [*SCREEN_ONLY, ".iom-clear-data", ".iom-summary-list__actions", ".iom-check"]:
        for box in page.locator(hidden).all():
            expect(box).to_be_hidden()
    # No heading is left without the controls it was over, nor "Continue".
    for heading in ["Check your answers", "Report and downloads", "Your saved assessments"]:
        heading = page.get_by_role("heading", name=heading, include_hidden=True)
        expect(heading).to_have_count(1)
        expect(heading).to_be_hidden()
    go = page.get_by_role("link", name="Continue", exact=True, include_hidden=True)
    expect(go).to_have_count(1)
    expect(go).to_be_hidden()
    expect(page.locator("[data-task-progress]")).to_have_text("0 of 5 sections completed")
    assert page.locator("article button:visible").count() == 0
    answers = page.locator("[data-check-answers]")
    expect(answers).to_be_visible()
    expect(answers).to_contain_text("SA-1.1")
    expect(answers).to_contain_text('Partners signed up, "mostly"')
    expect(answers).to_contain_text("SA-5.1")  # unanswered items are listed too
    expect(page.locator("#iom-about-partnership")).to_be_visible()
    expect(page.locator("#iom-about-partnership")).to_have_value("Northshire IOM")
    expect(page.locator("[data-task-status=SA-1]")).to_have_text("In progress")
    expect(page.locator("[data-task-reason=SA-1]")).to_have_text("2 of 4 answered")
    expect(page.locator("[data-task-status=SA-1]")).to_be_visible()
    expect(page.locator("[data-counts]")).to_be_visible()
    expect(page.locator("[data-chart] .iom-bars")).to_be_visible()
    expect(page.locator("[data-actions-table]")).to_be_visible()
    expect(page.locator("[data-actions-table]")).to_contain_text("Invite health")
    page.pdf(path=str(tmp_path / "overview.pdf"))
    assert (tmp_path / "overview.pdf").stat().st_size > 10_000

    # A section page: every item with its rating, evidence and actions; no controls.
    open_section(page, "sa-1")
    for hidden in [*SCREEN_ONLY, ".iom-section-nav"]:
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator("article button:visible").count() == 0
    expect(page.locator("#sa-1-1-rating-red")).to_be_visible()
    expect(page.locator("#sa-1-1-rating-amber")).to_be_hidden()
    expect(page.locator("#sa-1-3-rating-amber")).to_be_visible()  # unrated: every option
    evidence = page.locator("#sa-1-1-evidence + .iom-print-value")
    expect(evidence).to_be_visible()
    expect(evidence).to_have_text(
        'Partners signed up, "mostly", see minutes,\nbut health is missing'
    )
    expect(page.locator("#sa-1-1-evidence")).to_be_hidden()
    expect(page.locator("#sa-1-1-action-1-action + .iom-print-value")).to_have_text(
        "Invite health, then agree a plan"
    )
    page.pdf(path=str(tmp_path / "section.pdf"))
    assert (tmp_path / "section.pdf").stat().st_size > 10_000
