"""The overview: the task list's status per section, progress, counts by rating per section
(chart and table), priorities with Red first, every answer with change links to the section
pages, every action in one table, "Check your answers"; and a section page's own
progress and its links to the other sections and back to the overview. (The check itself and
"Have you completed this section?": test_assessment_check_browser.py.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import (
    ET,
    SA,
    fill_sample,
    open_form,
    open_section,
    wait_ready,
    wait_summary,
)


def counts_row(page, section: str) -> list[str]:
    row = page.locator(f"[data-counts] tr[data-section-row='{section}'] td")
    return row.all_inner_texts()


def section_progress(page, section: str):
    return page.locator(f"[data-section='{section}'] [data-section-progress]")


def task_status(page, section: str):
    return page.locator(f"[data-task-status='{section}']")


def task_reason(page, section: str):
    return page.locator(f"[data-task-reason='{section}']")


def test_progress_overall_and_per_section(page):
    open_form(page)
    expect(page.locator("[data-progress-total]")).to_have_text("0 of 12 elements rated")
    fill_sample(page)
    expect(page.locator("[data-progress-total]")).to_have_text("3 of 12 elements rated")
    # Each section's progress is on its own page.
    open_section(page, "sa-1")
    expect(section_progress(page, "SA-1")).to_have_text("2 of 4 elements rated")
    open_section(page, "sa-5")
    expect(section_progress(page, "SA-5")).to_have_text("0 of 1 elements rated")


def test_counts_table_and_chart_show_the_same_figures(page):
    fill_sample(page)
    # Columns: Red, Amber, Green, Not applicable, Not rated, Total.
    expect(page.locator("[data-counts] tr[data-section-row='SA-1'] td").first).to_have_text("1")
    assert counts_row(page, "SA-1") == ["1", "0", "1", "0", "2", "4"]
    assert counts_row(page, "SA-2") == ["0", "1", "0", "0", "1", "2"]
    assert counts_row(page, "") == ["1", "1", "1", "0", "9", "12"]
    chart = page.locator("[data-chart] .iom-bars")
    expect(chart).to_have_count(1)
    # A bar per section under its whole title, the table's; the table is what is read out.
    sections = page.locator("[data-counts] tbody th").all_inner_texts()
    assert chart.locator(".iom-bars__label").all_inner_texts() == sections
    assert chart.get_attribute("aria-hidden") == "true"
    assert bar_parts(page, 0) == [("red", "1"), ("green", "1"), ("none", "2")]
    assert bar_parts(page, 1) == [("amber", "1"), ("none", "1")]
    # Each part is its share of the largest section (4 elements): SA-5's one is a quarter.
    widths = page.eval_on_selector_all(
        "[data-chart] .iom-bars__bar",
        "bars => bars.map(b => [...b.children].map(p => p.getBoundingClientRect().width"
        " / b.getBoundingClientRect().width))",
    )
    assert widths[0] == pytest.approx([0.25, 0.25, 0.5], abs=0.01)
    assert widths[4] == pytest.approx([0.25], abs=0.01)
    # The words are on the bar where they fit: the count, then the rating.
    expect(chart.locator(".iom-bars__part--red").first).to_have_text("1 Red")


def bar_parts(page, row: int) -> list[tuple[str, str]]:
    """(tone, count) of each part of a summary bar, left to right."""
    parts = page.locator("[data-chart] .iom-bars__row").nth(row).locator(".iom-bars__part")
    return [(p.get_attribute("data-tone"), p.get_attribute("data-count")) for p in parts.all()]


def test_priorities_list_red_first_then_amber(page):
    open_section(page, "sa-4")
    page.check("#sa-4-1-rating-amber")
    open_section(page, "sa-3")
    page.check("#sa-3-2-rating-red")
    open_section(page, "sa-1")
    page.check("#sa-1-2-rating-green")
    open_section(page, "sa-2")
    page.check("#sa-2-2-rating-red")
    open_form(page)
    items = page.locator("[data-priorities] li")
    expect(items).to_have_count(3)
    texts = items.all_inner_texts()
    assert texts[0].startswith("Red SA-2.2")
    assert texts[1].startswith("Red SA-3.2")
    assert texts[2].startswith("Amber SA-4.1")
    # Each links to its item on its section page.
    expect(items.nth(0).locator("a")).to_have_attribute("href", re.compile(r"/sa-2/#sa-2-2$"))
    expect(items.nth(2).locator("a")).to_have_attribute("href", re.compile(r"/sa-4/#sa-4-1$"))


def test_every_answer_with_change_links(page):
    fill_sample(page)
    rows = page.locator("[data-check-answers] .iom-summary-list__row")
    expect(rows).to_have_count(12)
    first = rows.first
    expect(first.locator("dt")).to_contain_text("SA-1.1")
    expect(first.locator("dd").first).to_contain_text("Red")
    expect(first.locator("dd").first).to_contain_text("Evidence/Gaps: Partners signed up")
    expect(rows.nth(2).locator("dd").first).to_contain_text("Not rated")
    change = rows.nth(2).get_by_role("link", name="Change answers for SA-1.3")
    change.click()
    # The item is on its section page; arriving there puts focus on its first rating.
    page.wait_for_url(re.compile(r"/self-assessment-2010/sa-1/#sa-1-3$"))
    wait_ready(page)
    # The page may not have window focus after date fields; ask the document instead.
    page.wait_for_function("() => document.activeElement.id === 'sa-1-3-rating-red'")


def test_change_link_focuses_the_rating_given(page):
    fill_sample(page)
    rows = page.locator("[data-check-answers] .iom-summary-list__row")
    # SA-2.1 (rated Amber) is the fifth row, on the second section's page.
    rows.nth(4).get_by_role("link", name="Change answers for SA-2.1").click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/sa-2/#sa-2-1$"))
    wait_ready(page)
    page.wait_for_function("() => document.activeElement.id === 'sa-2-1-rating-amber'")
    expect(page.locator("#sa-2-1-rating-amber")).to_be_checked()
    # From there, back to the overview by the section page's own link.
    page.get_by_role("link", name="All sections, saved assessments and the summary").click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/#sections$"))
    wait_ready(page)
    expect(page.locator("[data-progress-total]")).to_have_text("3 of 12 elements rated")


def test_all_actions_in_one_table(page):
    open_form(page)
    expect(page.locator("[data-actions-empty]")).to_be_visible()
    fill_sample(page)
    rows = page.locator("[data-actions-body] tr")
    expect(rows).to_have_count(2)
    cells = rows.first.locator("th, td").all_inner_texts()
    assert cells[0].startswith("SA-1.1")
    assert cells[1:] == [
        "Invite health, then agree a plan",
        "IOM manager",
        "2027-01-31",
        "In progress",
    ]
    expect(page.locator("[data-actions-empty]")).to_be_hidden()


def test_not_applicable_is_counted_apart(page):
    open_section(page, "et-1", ET)
    page.check("#et-1-q01-rating-na")
    page.check("#et-1-q02-rating-not-yet")
    page.fill("#et-1-q01-na-reason", "No prison")
    open_form(page, ET)
    expect(page.locator("[data-progress-total]")).to_have_text(
        "1 of 26 questions rated (1 not applicable, left out of the count)"
    )
    # Columns: In place, Partly, Not yet, Not applicable, Not rated, Total.
    expect(page.locator("[data-counts] tr[data-section-row='ET-1'] td").nth(3)).to_have_text("1")
    assert counts_row(page, "ET-1") == ["0", "0", "1", "1", "7", "9"]
    expect(page.locator("[data-priorities] li")).to_have_count(1)


def test_task_list_shows_each_sections_status(page):
    open_form(page, ET)
    statuses = page.locator("ol.iom-task-list [data-task-status]")
    expect(statuses).to_have_count(3)
    expect(statuses).to_have_text(["Not started", "Not started", "Not started"])
    # The section's size and status describe its link, so a screen reader hears them with it.
    link = page.locator("ol.iom-task-list a.iom-task-list__link").first
    expect(link).to_have_accessible_description("9 questions Not started")
    link.click()
    page.wait_for_url(re.compile(r"/efficiency-review/et-1/$"))
    wait_ready(page)
    # Not applicable (even without its reason yet) counts as answered.
    page.check("#et-1-q01-rating-na")
    open_form(page, ET)
    expect(task_status(page, "ET-1")).to_have_text("In progress")
    expect(task_reason(page, "ET-1")).to_have_text("1 of 9 answered")
    expect(task_status(page, "ET-2")).to_have_text("Not started")
    open_section(page, "et-1", ET)
    for n in range(2, 10):
        page.check(f"#et-1-q0{n}-rating-in-place")
    open_section(page, "et-2", ET)
    page.check("#et-2-q08-rating-in-place")
    open_form(page, ET)
    # Every question answered, but the N/A has no reason yet: a problem, so not Completed.
    expect(statuses).to_have_text(["In progress", "In progress", "Not started"])
    expect(task_reason(page, "ET-1")).to_have_text("1 problem to fix")
    expect(task_reason(page, "ET-2")).to_have_text("1 of 8 answered")
    open_section(page, "et-1", ET)
    page.fill("#et-1-q01-na-reason", "No prison in our area")
    open_form(page, ET)
    # Nothing to fix: Completed once the person says so on the section's page.
    expect(task_reason(page, "ET-1")).to_have_text(
        "All answered: say you have completed it, at the end of its page"
    )
    open_section(page, "et-1", ET)
    page.get_by_label("Yes, I’ve completed this section").check()
    open_form(page, ET)
    expect(statuses).to_have_text(["Completed", "In progress", "Not started"])
    expect(task_reason(page, "ET-1")).to_have_text("")
    expect(page.locator("[data-task-progress]")).to_have_text("1 of 3 sections completed")
    # N/A changed to a rating: still complete.
    open_section(page, "et-1", ET)
    page.check("#et-1-q01-rating-in-place")
    open_form(page, ET)
    expect(task_status(page, "ET-1")).to_have_text("Completed")


def test_section_page_links_and_progress(page):
    open_section(page, "sa-1")
    nav = page.locator("nav.iom-section-nav")
    # The first section has no previous one.
    expect(nav.locator("a[rel=prev]")).to_have_count(0)
    expect(section_progress(page, "SA-1")).to_have_text("0 of 4 elements rated")
    nav.get_by_role("link", name="Next section: SA-2 Delivering a local response").click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/sa-2/$"))
    wait_ready(page)
    expect(page.locator("h1")).to_contain_text("SA-2")
    progress = section_progress(page, "SA-2")
    expect(progress).to_have_text("0 of 2 elements rated")
    page.check("#sa-2-1-rating-green")
    expect(progress).to_have_text("1 of 2 elements rated")
    page.check("#sa-2-2-rating-red")
    expect(progress).to_have_text("2 of 2 elements rated")
    nav.get_by_role("link", name="Previous section: SA-1 All partners").click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/sa-1/$"))
    wait_ready(page)
    expect(section_progress(page, "SA-1")).to_have_text("0 of 4 elements rated")
    nav.get_by_role("link", name="All sections, saved assessments and the summary").click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/#sections$"))
    wait_ready(page)
    # Both rated, but the Red one has neither evidence nor an action (and nobody said the
    # section is completed): in progress, with the reason.
    expect(task_status(page, "SA-2")).to_have_text("In progress")
    expect(task_reason(page, "SA-2")).to_have_text("2 problems to fix")
    expect(page.locator("[data-progress-total]")).to_have_text("2 of 12 elements rated")
    # The last section has no next one.
    open_section(page, "sa-5")
    expect(nav.locator("a[rel=next]")).to_have_count(0)
    expect(nav.locator("a[rel=prev]")).to_contain_text("SA-4")
    expect(page.locator("h1")).to_contain_text("SA-5")
    assert page.url.endswith(SA + "sa-5/")
    # The bar naming the open assessment leads to the saved list, to open another.
    page.get_by_role("link", name="open another saved assessment").click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/#iom-manage-title$"))
    wait_ready(page)
    expect(page.locator("#iom-saved-list")).to_be_visible()


def test_check_your_answers_links_to_the_reason_box_on_its_section_page(page):
    open_section(page, "et-2", ET)
    page.check("#et-2-q03-rating-na")
    open_section(page, "et-3", ET)
    page.check("#et-3-q01-rating-na")
    page.fill("#et-3-q01-na-reason", "No prison in our area")
    page.check("#et-3-q02-rating-na")
    open_form(page, ET)
    wait_summary(page)
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-check-summary]")
    expect(summary).to_be_focused()
    # Among every problem (the details, each question not rated), the two missing reasons.
    links = summary.locator("a", has_text="say why it does not apply")
    expect(links).to_have_text(
        [
            "ET-2.Q03: say why it does not apply, or choose another rating.",
            "ET-3.Q02: say why it does not apply, or choose another rating.",
        ]
    )
    expect(summary.locator("a").first).to_have_text("Enter the name of the partnership.")
    expect(links.nth(0)).to_have_attribute("href", re.compile(r"/et-2/#et-2-q03-na-reason$"))
    expect(links.nth(1)).to_have_attribute("href", re.compile(r"/et-3/#et-3-q02-na-reason$"))
    links.nth(1).click()
    page.wait_for_url(re.compile(r"/efficiency-review/et-3/#et-3-q02-na-reason$"))
    wait_ready(page)
    reason = page.locator("#et-3-q02-na-reason")
    expect(reason).to_be_visible()
    expect(reason).to_be_focused()
    # The problem shows beside its field, and the page's error summary lists only this
    # page's problems (ET-2.Q03 is on another page).
    expect(reason).to_have_attribute("aria-invalid", "true")
    message = "ET-3.Q02: say why it does not apply, or choose another rating."
    expect(page.locator("#et-3-q02-na-reason-error")).to_have_text("Error: " + message)
    on_page = page.locator("[data-error-summary] a")
    expect(on_page.first).to_have_text(message)
    expect(on_page.filter(has_text="ET-2.")).to_have_count(0)
    expect(on_page.filter(has_text="ET-3.Q03: choose a rating.")).to_have_count(1)
    # Giving the reason clears the error there and then.
    reason.fill("Covered by the regional team")
    expect(page.locator("#et-3-q02-na-reason-error")).to_be_hidden()
    expect(on_page.filter(has_text="ET-3.Q02")).to_have_count(0)
    expect(reason).not_to_have_attribute("aria-invalid", "true")
