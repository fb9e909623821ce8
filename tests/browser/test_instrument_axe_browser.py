"""axe finds nothing on the assessment forms: empty, partly filled and showing errors,
in the light and dark schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import ET, FORMS, fill_sample, open_form


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("instrument_id", sorted(FORMS))
def test_empty_form(page, instrument_id, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    open_form(page, FORMS[instrument_id])
    assert_no_axe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_partly_filled_form_and_summary(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    open_form(page)
    fill_sample(page)
    page.click("[data-command=delete]")  # the confirmation panel open too
    assert_no_axe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_error_state(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    open_form(page, ET)
    page.check("#et-1-q01-rating-na")
    page.check("#et-3-q10-rating-not-yet")
    page.click("[data-command=check]")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_no_axe_violations(page)
