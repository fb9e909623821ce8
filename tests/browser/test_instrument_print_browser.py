"""The form reads and prints without JavaScript; with it, print gives a clean report."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import ET, SA, fill_sample, open_form


@pytest.fixture
def no_js_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    yield page
    context.close()


def test_form_reads_without_javascript(no_js_page):
    page = no_js_page
    page.goto(SA)
    items = page.locator("fieldset.iom-item")
    expect(items).to_have_count(12)
    first = page.locator("#sa-1-1")
    expect(first.locator("legend").first).to_contain_text("SA-1.1 All the relevant agencies")
    expect(first.locator(".iom-item__criteria")).to_contain_text("All partner agencies")
    expect(first.get_by_role("radio", name="Red")).to_be_visible()
    expect(first.get_by_text("In place. The criteria are met")).to_be_visible()
    expect(first.get_by_label("Evidence/Gaps")).to_be_visible()
    expect(first.get_by_label("What will be done")).to_be_visible()
    expect(page.locator(".iom-instrument .iom-no-js").first).to_be_visible()
    expect(page.locator(".iom-manage")).to_be_hidden()
    assert page.locator(".iom-instrument button:visible").count() == 0
    # Radios still work as plain HTML.
    first.get_by_role("radio", name="Amber").check()
    expect(first.get_by_role("radio", name="Amber")).to_be_checked()


def test_na_reason_is_there_without_javascript(no_js_page):
    no_js_page.goto(ET)
    expect(no_js_page.locator("#et-1-q01-na-reason")).to_be_visible()


def test_prints_without_javascript(no_js_page):
    page = no_js_page
    page.goto(SA)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("#sa-1-1")).to_be_visible()
    expect(page.locator("#sa-1-1-rating-red")).to_be_visible()


def test_print_is_a_clean_report(page, tmp_path):
    open_form(page)
    fill_sample(page)
    page.emulate_media(media="print")
    for hidden in [
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".iom-manage",
        ".iom-clear-data",
        "[data-check-answers]",
    ]:
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator("article button:visible").count() == 0
    # Partnership details, every item with its rating, evidence and actions.
    expect(page.locator("#iom-about-partnership")).to_be_visible()
    expect(page.locator("#iom-about-partnership")).to_have_value("Northshire IOM")
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
    # Summary table and chart.
    expect(page.locator("[data-counts]")).to_be_visible()
    expect(page.locator("[data-chart] svg")).to_be_visible()
    expect(page.locator("[data-actions-table]")).to_be_visible()
    page.pdf(path=str(tmp_path / "report.pdf"))
    assert (tmp_path / "report.pdf").stat().st_size > 10_000
