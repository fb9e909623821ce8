"""Answering an assessment: ratings, evidence, actions, N/A with a reason, user text as text.

Questions are on each section's page (e.g. sa-1/); the About fields, the summary and "Check
for problems" are on the overview."""

from __future__ import annotations

import csv
import io
import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.instrument_helpers import (
    ET,
    FORMS,
    current_doc,
    fill_sample,
    open_form,
    open_section,
    wait_ready,
)
from tests.conftest import DATA


def test_rating_evidence_and_actions_are_saved(page):
    fill_sample(page)
    doc = current_doc(page)
    assert doc["format"] == "iom-assessment" and doc["formatVersion"] == 1
    assert doc["instrument"] == {"id": "self-assessment-2010", "version": "1.0"}
    assert doc["partnership"] == "Northshire IOM"
    assert doc["date"] == "2026-11-22"
    r = doc["responses"]
    assert r["SA-1.1"]["rating"] == "red"
    assert r["SA-1.2"]["rating"] == "green"
    assert r["SA-2.1"]["rating"] == "amber"
    assert r["SA-1.1"]["evidence"].startswith('Partners signed up, "mostly"')
    assert r["SA-1.1"]["actions"] == [
        {
            "action": "Invite health, then agree a plan",
            "owner": "IOM manager",
            "due": "2027-01-31",
            "status": "in-progress",
        }
    ]
    # Answers given on two section pages and the overview end up in one document.
    assert r["SA-2.1"]["actions"][0]["action"] == "=SUM(1,2) is not a formula"


def test_changing_a_rating_replaces_it(page):
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    page.check("#sa-1-1-rating-green")
    assert current_doc(page)["responses"]["SA-1.1"]["rating"] == "green"


def test_removing_an_action_renumbers_the_rest_and_moves_focus(page):
    open_section(page, "sa-1")
    add = page.locator("#sa-1-3 [data-command=add-action]")
    for text in ["first", "second", "third"]:
        add.click()
        page.keyboard.type(text)
    page.locator("#sa-1-3 [data-command=remove-action]").nth(1).click()
    actions = current_doc(page)["responses"]["SA-1.3"]["actions"]
    assert [a["action"] for a in actions] == ["first", "third"]
    legends = page.locator("#sa-1-3 .iom-action__legend")
    expect(legends).to_have_count(2)
    expect(legends.nth(1)).to_contain_text("Action 2")
    expect(page.locator("#sa-1-3-action-2-action")).to_be_focused()
    expect(page.locator("#sa-1-3-action-2-action")).to_have_value("third")


def test_not_applicable_needs_a_reason_and_is_left_out_of_counts(page):
    open_section(page, "et-1", ET)
    reason = page.locator("#et-1-q01-na-reason")
    expect(reason).to_be_hidden()
    page.check("#et-1-q01-rating-na")
    expect(reason).to_be_visible()
    page.check("#et-1-q02-rating-in-place")
    expect(page.locator("[data-section='ET-1'] [data-section-progress]")).to_have_text(
        "1 of 8 questions rated (1 not applicable, left out of the count)"
    )
    open_form(page, ET)
    expect(page.locator("[data-progress-total]")).to_have_text(
        "1 of 26 questions rated (1 not applicable, left out of the count)"
    )
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-check-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    missing = "ET-1.Q01: say why it does not apply, or choose another rating."
    expect(summary).to_contain_text(missing)
    # The reason box is on the section page: the error links there, to the box itself.
    summary.get_by_role("link", name=missing).click()
    page.wait_for_url(re.compile(r"/efficiency-review/et-1/#et-1-q01-na-reason$"))
    wait_ready(page)
    expect(reason).to_be_focused()
    page.keyboard.type("No prison in our area")
    # Its error goes there and then; the page's other problems (questions not rated) stay.
    expect(page.locator("#et-1-q01-na-reason-error")).to_be_hidden()
    expect(page.locator("[data-error-summary]")).not_to_contain_text("ET-1.Q01")
    doc = current_doc(page, "efficiency-review-2018")
    assert doc["responses"]["ET-1.Q01"] == {
        "rating": "na",
        "na_reason": "No prison in our area",
        "actions": [],
        "evidence": "",
        "efficiency": "",
    }
    open_form(page, ET)
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-check-summary]")).not_to_contain_text("ET-1.Q01")


def test_scope_for_efficiency_is_its_own_field(page):
    open_section(page, "et-2", ET)
    page.fill("#et-2-q03-efficiency", "Shared training")
    page.check("#et-2-q03-rating-partly")
    response = current_doc(page, "efficiency-review-2018")["responses"]["ET-2.Q03"]
    assert response["efficiency"] == "Shared training"
    assert response["rating"] == "partly"


def test_user_text_with_markup_is_shown_as_text(page):
    open_form(page)
    evil = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=1</script>'
    page.fill("#iom-about-name", evil)
    open_section(page, "sa-1")
    expect(page.locator("[data-current-name]")).to_have_text(evil)
    page.fill("#sa-1-1-evidence", evil)
    page.check("#sa-1-1-rating-red")
    page.click("#sa-1-1 [data-command=add-action]")
    page.fill("#sa-1-1-action-1-action", evil)
    page.fill("#sa-1-1-action-1-owner", "<b>boss</b>")
    page.reload()
    wait_ready(page)
    expect(page.locator("#sa-1-1-evidence")).to_have_value(evil)
    assert page.locator(".iom-instrument img, .iom-instrument b").count() == 0
    open_form(page)
    page.wait_for_timeout(300)
    expect(page.locator("[data-current-name]")).to_have_text(evil)
    expect(page.locator("[data-actions-body] td").first).to_have_text(evil)
    expect(page.locator("[data-check-answers]")).to_contain_text(evil)
    assert (
        page.locator("[data-actions-body] b, [data-check-answers] img, .iom-manage img").count()
        == 0
    )
    assert page.evaluate("window.__hacked") is None


def _instruments() -> list[tuple[str, str, str, str]]:
    """(instrument id, noun, first section's page, first item id) for every form in data/."""
    found = []
    for path in sorted((DATA / "instruments").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        section = doc["sections"][0]
        page = section["id"].lower().replace(".", "-")
        found.append((doc["id"], doc.get("item_noun", "item"), page, section["items"][0]["id"]))
    return found


@pytest.mark.parametrize(("instrument_id", "noun", "section", "item_id"), _instruments())
def test_every_form_offers_not_applicable_with_a_reason(
    page, instrument_id, noun, section, item_id
):
    """The fault: three of four forms had no N/A; "NOT APPLICABLE: adults only" typed into the
    evidence left the item not rated and its section in progress."""
    form = FORMS[instrument_id]
    item = item_id.lower().replace(".", "-")
    open_section(page, section, form)
    page.check(f"#{item}-rating-na")
    page.fill(f"#{item}-na-reason", "Adults only in our cohort")
    expect(page.locator("[data-section] [data-section-progress]")).to_contain_text(
        f"0 of {page.locator('[data-item]').count() - 1} {noun}s rated (1 not applicable"
    )
    answer = current_doc(page, instrument_id)["responses"][item_id]
    assert (answer["rating"], answer["na_reason"]) == ("na", "Adults only in our cohort")
    open_form(page, form)
    row = page.locator("[data-check-answers] .iom-summary-list__row").first
    expect(row).to_contain_text("Not applicable")
    expect(row).to_contain_text("Reason: Adults only in our cohort")
    with page.expect_download() as download:
        page.click("[data-command=export-csv]")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    header, first = rows[0], rows[1]
    assert first[header.index("Rating")] == "Not applicable"
    assert "Adults only in our cohort" in first
