"""axe finds nothing on the assessment forms, on the overview and on a section page: empty,
partly filled and showing errors, in the light and dark schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.render import anchor
from tests.browser.instrument_helpers import ET, FORMS, fill_sample, open_form, open_section
from tests.site_pages import content

# The first section page of each form (every section page is checked empty, in both schemes,
# by test_pages_browser.py).
FIRST_SECTION = {doc.id: anchor(doc.sections[0].id) for doc in content().instruments().values()}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("instrument_id", sorted(FORMS))
def test_empty_form(page, instrument_id, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    open_form(page, FORMS[instrument_id])
    expect(page.locator("[data-task-status]").first).to_have_text("Not started")
    assert_no_axe_violations(page)
    open_section(page, FIRST_SECTION[instrument_id], FORMS[instrument_id])
    expect(page.locator("[data-section-progress]")).not_to_be_empty()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_partly_filled_form_and_summary(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    fill_sample(page)  # ends on the overview
    expect(page.locator("[data-task-status=SA-1]")).to_have_text("In progress")
    expect(page.locator("[data-actions-table]")).to_be_visible()
    page.click("[data-command=delete]")  # the confirmation panel open too
    expect(page.locator("[data-confirm=delete]")).to_be_visible()
    assert_no_axe_violations(page)
    # The section page with ratings, evidence and an action row filled in.
    open_section(page, "sa-1")
    expect(page.locator("#sa-1-1-rating-red")).to_be_checked()
    expect(page.locator("#sa-1-1-action-1-action")).to_have_value(
        "Invite health, then agree a plan"
    )
    expect(page.locator("[data-current-name]")).to_have_text("Spring review")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_error_state(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    open_section(page, "et-1", ET)
    page.check("#et-1-q01-rating-na")
    expect(page.locator("#et-1-q01-na-reason")).to_be_visible()
    open_section(page, "et-3", ET)
    page.check("#et-3-q10-rating-not-yet")
    open_form(page, ET)
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-check-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_no_axe_violations(page)
    # Its link leads to the section page, to the empty reason box of the N/A answer, with
    # that page's problems at the top and beside their fields.
    summary.get_by_role("link", name="ET-1.Q01: say why it does not apply").click()
    page.wait_for_url("**/et-1/#et-1-q01-na-reason")
    expect(page.locator("#et-1-q01-na-reason")).to_be_focused()
    expect(page.locator("#et-1-q01-na-reason-error")).to_be_visible()
    assert_no_axe_violations(page)
