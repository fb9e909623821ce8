"""Autosave: every change is kept in localStorage and comes back on reload, history and
moving between forms; several named assessments; clear all my data; storage problems shown."""

from __future__ import annotations

import re
from datetime import datetime

from playwright.sync_api import expect

from tests.browser.instrument_helpers import (
    SA,
    current_doc,
    fill_sample,
    open_form,
    open_section,
    saved_docs,
    wait_ready,
    wait_saved,
)


def assert_overview_restored(page):
    """The sample's details and progress, on the overview."""
    expect(page.locator("#iom-about-partnership")).to_have_value("Northshire IOM")
    expect(page.locator("#iom-about-date")).to_have_value("2026-11-22")
    expect(page.locator("[data-progress-total]")).to_have_text("3 of 12 elements rated")
    expect(page.locator("[data-task-status='SA-1']")).to_have_text("In progress")
    expect(page.locator("[data-task-reason='SA-1']")).to_have_text("2 of 4 answered")


def assert_sa1_restored(page):
    """The sample's answers on the SA-1 section page."""
    expect(page.locator("#sa-1-1-rating-red")).to_be_checked()
    expect(page.locator("#sa-1-2-rating-green")).to_be_checked()
    expect(page.locator("#sa-1-1-evidence")).to_have_value(
        'Partners signed up, "mostly", see minutes,\nbut health is missing'
    )
    expect(page.locator("#sa-1-1-action-1-owner")).to_have_value("IOM manager")
    expect(page.locator("#sa-1-1-action-1-status")).to_have_value("in-progress")


def follow(page, where: str, name: str, url: str):
    """Click a link and wait for the form on the new page."""
    page.locator(where).get_by_role("link", name=name).click()
    page.wait_for_url(re.compile(url))
    wait_ready(page)


def assert_sample_restored(page):
    """Starting on the overview: its details, then each section page reached by its links,
    then back to the overview."""
    assert_overview_restored(page)
    follow(page, "ol.iom-task-list", "SA-1 All partners tackling offenders together", r"/sa-1/$")
    assert_sa1_restored(page)
    follow(page, "nav.iom-section-nav", "Next section: SA-2", r"/sa-2/$")
    expect(page.locator("#sa-2-1-rating-amber")).to_be_checked()
    follow(page, "nav.iom-section-nav", "All sections", r"/self-assessment-2010/#sections$")
    assert_overview_restored(page)


def test_saved_is_announced_politely(page):
    open_section(page, "sa-1")
    status = page.locator(".iom-manage [data-status]")
    assert status.get_attribute("role") == "status"
    page.check("#sa-1-1-rating-amber")
    wait_saved(page)
    # The time and the saved list read as en-GB shows them ("14:05", "23 Nov 2026, 14:05").
    expect(status).to_have_text(re.compile(r"^Saved in this browser at \d\d:\d\d$"))
    open_form(page)
    option = page.locator("[data-saved-list] option").first.inner_text()
    today = datetime.now()
    day = f"{today.day} {today.strftime('%b')} {today.year}"
    assert re.fullmatch(rf"Untitled assessment \(last changed {day}, \d\d:\d\d\)", option), option
    # A change on the overview is announced there too.
    page.fill("#iom-about-area", "Northshire")
    wait_saved(page)


def test_nothing_is_stored_for_a_page_only_visited(page):
    open_form(page)
    open_section(page, "sa-1")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('iom:'))") == []


def test_reload_restores_everything(page):
    fill_sample(page)
    page.reload()
    wait_ready(page)
    assert_sample_restored(page)
    open_section(page, "sa-1")
    page.reload()
    wait_ready(page)
    assert_sa1_restored(page)


def test_back_and_forward_restore_everything(page):
    fill_sample(page)
    page.goto("sources/")
    page.go_back()
    wait_ready(page)
    assert_overview_restored(page)
    page.go_forward()
    page.go_back()
    wait_ready(page)
    assert_overview_restored(page)
    open_section(page, "sa-1")
    page.goto("sources/")
    page.go_back()
    wait_ready(page)
    assert_sa1_restored(page)
    page.go_forward()
    page.go_back()
    wait_ready(page)
    assert_sa1_restored(page)
    # Back from a section page to the overview shows what was just rated there.
    page.check("#sa-1-3-rating-amber")
    page.go_back()
    page.wait_for_url(re.compile(r"/self-assessment-2010/$"))
    wait_ready(page)
    expect(page.locator("[data-progress-total]")).to_have_text("4 of 12 elements rated")


def test_moving_between_forms_by_the_navigation_restores_everything(page):
    fill_sample(page)
    page.locator(".md-nav a[href$='key-principles-2015/']").first.click()
    page.wait_for_url("**/key-principles-2015/")
    wait_ready(page)
    follow(page, "ol.iom-task-list", "KP-1", r"/key-principles-2015/kp-1/$")
    page.check("#kp-1-1-rating-green")
    page.locator(".md-nav a[href$='self-assessment-2010/']").first.click()
    page.wait_for_url("**/self-assessment-2010/")
    wait_ready(page)
    assert_sample_restored(page)
    assert current_doc(page, "key-principles-2015")["responses"]["KP-1.1"]["rating"] == "green"


def test_named_assessments_new_open_duplicate_delete(page):
    fill_sample(page)
    page.click("[data-command=new]")
    expect(page.locator("#iom-about-name")).to_be_focused()
    expect(page.locator("#iom-about-partnership")).to_have_value("")
    expect(page.locator("[data-progress-total]")).to_have_text("0 of 12 elements rated")
    page.keyboard.type("Autumn review")
    open_section(page, "sa-1")
    expect(page.locator("[data-current-name]")).to_have_text("Autumn review")
    expect(page.locator("#sa-1-1-rating-red")).not_to_be_checked()
    open_section(page, "sa-5")
    page.check("#sa-5-1-rating-green")
    open_form(page)
    assert len(saved_docs(page)) == 2
    options = page.locator("[data-saved-list] option")
    expect(options).to_have_count(2)
    # Open the first one again.
    page.select_option(
        "[data-saved-list]", label=options.filter(has_text="Spring review").inner_text()
    )
    page.click("[data-command=open]")
    expect(page.locator(".iom-manage [data-status]")).to_have_text("Opened “Spring review”.")
    assert_sample_restored(page)
    # Duplicate it.
    page.click("[data-command=duplicate]")
    expect(page.locator("#iom-about-name")).to_have_value("Copy of Spring review")
    assert_sample_restored(page)
    assert sorted(d["name"] for d in saved_docs(page)) == [
        "Autumn review",
        "Copy of Spring review",
        "Spring review",
    ]
    # Delete asks first; cancel keeps it.
    page.click("[data-command=delete]")
    confirm = page.locator("[data-confirm=delete]")
    expect(confirm).to_be_visible()
    expect(confirm).to_be_focused()
    expect(confirm).to_contain_text("Copy of Spring review")
    confirm.locator("[data-command=cancel]").click()
    expect(confirm).to_be_hidden()
    assert len(saved_docs(page)) == 3
    page.click("[data-command=delete]")
    confirm.locator("[data-command=delete-confirm]").click()
    expect(page.locator(".iom-manage [data-status]")).to_have_text(
        "Deleted “Copy of Spring review”."
    )
    assert sorted(d["name"] for d in saved_docs(page)) == ["Autumn review", "Spring review"]


def test_clear_all_my_data_asks_then_removes_every_key(page):
    fill_sample(page)
    page.evaluate(
        "localStorage.setItem('iom:v1:other-tool', '1'); localStorage.setItem('keep', '1')"
    )
    page.click(".iom-clear-data [data-command=clear]")
    confirm = page.locator("[data-confirm=clear]")
    expect(confirm).to_be_focused()
    confirm.locator("[data-command=cancel]").click()
    assert len(saved_docs(page)) == 1
    page.click(".iom-clear-data [data-command=clear]")
    confirm.locator("[data-command=clear-confirm]").click()
    expect(page.locator(".iom-clear-data [data-status]")).to_contain_text(
        "All your data has been cleared"
    )
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("iom:")] == []
    assert "keep" in keys
    # The open form is emptied too, and a later change is saved afresh.
    expect(page.locator("#iom-about-partnership")).to_have_value("")
    expect(page.locator("[data-progress-total]")).to_have_text("0 of 12 elements rated")
    expect(page.locator("[data-task-status='SA-1']")).to_have_text("Not started")
    open_section(page, "sa-1")
    expect(page.locator("#sa-1-1-rating-red")).not_to_be_checked()
    page.check("#sa-1-2-rating-amber")
    assert current_doc(page)["responses"]["SA-1.2"]["rating"] == "amber"


def test_blocked_storage_is_said_plainly_and_the_form_still_works(page):
    # As when a policy blocks site data: every write this toolkit tries is refused.
    page.add_init_script(
        """const write = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (String(key).startsWith('iom:')) throw new DOMException('blocked', 'SecurityError');
          return write.call(this, key, value);
        };"""
    )
    page.goto(SA)
    wait_ready(page)
    warning = page.locator("[data-storage-warning]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("not letting the toolkit keep your answers")
    page.goto(SA + "sa-1/")
    wait_ready(page)
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("not letting the toolkit keep your answers")
    page.check("#sa-1-1-rating-red")
    expect(page.locator("[data-section='SA-1'] [data-section-progress]")).to_have_text(
        "1 of 4 elements rated"
    )
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('iom:'))") == []


def test_full_storage_is_said_plainly(page):
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    page.evaluate(
        """() => { Storage.prototype.setItem = function () {
             throw new DOMException('full', 'QuotaExceededError'); }; }"""
    )
    page.check("#sa-1-2-rating-red")
    warning = page.locator("[data-storage-warning]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("storage is full")
