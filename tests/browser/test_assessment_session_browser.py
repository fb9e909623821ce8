"""Never lose an answer: two tabs, reload and close mid-typing, the back/forward cache, full and
blocked storage, "Clear all my data" with another tab open.

Each test runs in its own browser context (pytest-playwright's `page`); a second tab is a
second page of that context, so the two share the browser's storage as a user's tabs do.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import (
    SA,
    current_doc,
    open_form,
    open_section,
    saved_docs,
    wait_ready,
)


def second_tab(page):
    """Another tab of the same browser profile."""
    return page.context.new_page()


def stored(page, item: str, key: str = "rating"):
    """One field of one answer as the browser's storage holds it now."""
    doc = current_doc(page)
    return doc["responses"].get(item, {}).get(key)


def status(page):
    return page.locator("[data-module^=iom-instrument] [data-status]").first


def test_two_tabs_editing_different_items_keep_both(page):
    """The fault: the second tab saved its older copy of the document over the first's."""
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    other = second_tab(page)
    open_section(other, "sa-2")  # opened now: its copy has SA-1.1 Red and nothing else
    page.fill("#sa-1-1-evidence", "Tab one: signed agreement")
    page.check("#sa-1-2-rating-green")
    other.check("#sa-2-1-rating-amber")
    other.fill("#sa-2-1-evidence", "Tab two: weekly meetings")
    other.close()  # leaving flushes what was typed
    doc = current_doc(page)
    assert len(saved_docs(page)) == 1
    assert doc["responses"]["SA-1.1"]["rating"] == "red"
    assert doc["responses"]["SA-1.1"]["evidence"] == "Tab one: signed agreement"
    assert doc["responses"]["SA-1.2"]["rating"] == "green"
    assert doc["responses"]["SA-2.1"]["rating"] == "amber"
    assert doc["responses"]["SA-2.1"]["evidence"] == "Tab two: weekly meetings"


def test_two_new_tabs_make_one_assessment_not_two(page):
    """Two sections opened in tabs before anything was saved: both answers in one assessment."""
    open_section(page, "sa-1")
    other = second_tab(page)
    open_section(other, "sa-3")
    page.check("#sa-1-1-rating-amber")
    other.check("#sa-3-1-rating-green")
    docs = saved_docs(other)
    assert len(docs) == 1, [sorted(d["responses"]) for d in docs]
    assert docs[0]["responses"]["SA-1.1"]["rating"] == "amber"
    assert docs[0]["responses"]["SA-3.1"]["rating"] == "green"


def test_the_same_item_in_two_tabs_later_wins_and_the_other_tab_is_told(page):
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    other = second_tab(page)
    open_section(other, "sa-1")
    expect(other.locator("#sa-1-1-rating-red")).to_be_checked()
    other.check("#sa-1-1-rating-green")
    # The first tab shows the later answer, and says so politely.
    expect(page.locator("#sa-1-1-rating-green")).to_be_checked()
    expect(status(page)).to_have_text("Updated in another tab.")
    assert status(page).get_attribute("role") == "status"
    assert stored(page, "SA-1.1") == "green"
    # Text too: the later typing wins in storage and shows in the other tab.
    page.fill("#sa-1-1-evidence", "First version")
    expect(other.locator("#sa-1-1-evidence")).to_have_value("First version")
    other.fill("#sa-1-1-evidence", "Second version, typed later")
    expect(page.locator("#sa-1-1-evidence")).to_have_value("Second version, typed later")
    assert stored(page, "SA-1.1", "evidence") == "Second version, typed later"
    # The first tab's next change keeps the second tab's answers: nothing older comes back.
    page.check("#sa-1-2-rating-amber")
    doc = current_doc(page)
    assert doc["responses"]["SA-1.1"]["rating"] == "green"
    assert doc["responses"]["SA-1.1"]["evidence"] == "Second version, typed later"
    assert doc["responses"]["SA-1.2"]["rating"] == "amber"


def test_the_overview_in_another_tab_follows_the_answers(page):
    open_form(page)
    other = second_tab(page)
    open_section(other, "sa-1")
    other.check("#sa-1-1-rating-red")
    expect(page.locator("[data-progress-total]")).to_have_text("1 of 12 elements rated")
    expect(page.locator("[data-task-status='SA-1']")).to_have_text("In progress")
    expect(page.locator("[data-task-reason='SA-1']")).to_have_text("1 of 4 answered")


@pytest.mark.parametrize("leave", ["reload", "close"])
def test_typing_is_kept_when_the_page_is_reloaded_or_closed_mid_typing(page, leave):
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-amber")
    page.locator("#sa-1-1-evidence").press_sequentially("Typed just before leaving")
    # No pause: the text is still waiting to be saved when the page goes.
    if leave == "reload":
        page.reload()
        wait_ready(page)
        expect(page.locator("#sa-1-1-evidence")).to_have_value("Typed just before leaving")
        return
    later = second_tab(page)
    page.close()
    open_section(later, "sa-1")
    expect(later.locator("#sa-1-1-evidence")).to_have_value("Typed just before leaving")


@pytest.fixture
def bfcache_page(browser_type, browser_type_launch_args, base_url):
    """A browser whose back/forward cache is on (Playwright turns it off by default)."""
    args = {**browser_type_launch_args, "ignore_default_args": ["--disable-back-forward-cache"]}
    browser = browser_type.launch(**args)
    context = browser.new_context(base_url=base_url)
    yield context.new_page()
    browser.close()


def test_back_from_the_cache_shows_what_another_tab_saved(bfcache_page):
    page = bfcache_page
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    page.evaluate("window.__stillHere = true")
    page.goto("sources/")
    other = page.context.new_page()
    open_section(other, "sa-1")
    other.check("#sa-1-2-rating-green")
    other.fill("#sa-1-1-evidence", "Written while the first tab was away")
    other.close()
    page.go_back(wait_until="commit")  # a page from the cache fires no load event
    page.wait_for_url("**/sa-1/", wait_until="commit")
    assert page.evaluate("window.__stillHere === true"), "not restored from the back/forward cache"
    expect(page.locator("#sa-1-2-rating-green")).to_be_checked()
    expect(page.locator("#sa-1-1-evidence")).to_have_value("Written while the first tab was away")
    page.check("#sa-1-3-rating-amber")
    doc = current_doc(page)
    assert doc["responses"]["SA-1.1"]["evidence"] == "Written while the first tab was away"
    assert [doc["responses"][i]["rating"] for i in ("SA-1.1", "SA-1.2", "SA-1.3")] == [
        "red",
        "green",
        "amber",
    ]


FILL_STORAGE = """() => {
    // Fill this site's storage to its quota with other data, as a full browser profile is.
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
        const part = chunk.slice(0, size);
        for (;;) {
            try { localStorage.setItem('other-site-data-' + n++, part); } catch (e) { break; }
        }
    }
    return n;
}"""

FREE_STORAGE = """() => Object.keys(localStorage)
    .filter(k => k.startsWith('other-site-data-')).forEach(k => localStorage.removeItem(k))"""


def test_full_storage_is_said_beside_the_field_and_nothing_is_lost(page):
    """The fault: typing into a full storage gave no warning."""
    page.on("dialog", lambda dialog: dialog.accept())
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    before = current_doc(page)
    page.evaluate(FILL_STORAGE)
    page.fill("#sa-1-1-evidence", "Typed when the storage was full " + "y" * 2000)
    inline = page.locator("#sa-1-1 .iom-storage-inline")
    expect(inline).to_be_visible()
    expect(inline).to_contain_text("Not saved: this browser’s storage is full")
    evidence = page.locator("#sa-1-1-evidence")
    assert "iom-storage-inline" in evidence.get_attribute("aria-describedby")
    warning = page.locator("[data-storage-warning]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("storage is full")
    # The saved copy is as it was: not damaged, not half written.
    uid = page.evaluate("localStorage.getItem('iom:v1:current:self-assessment-2010')")
    raw = page.evaluate(f"localStorage.getItem('iom:v1:assessment:self-assessment-2010:{uid}')")
    assert json.loads(raw) == before
    # The answer stays on the page and in a download.
    expect(evidence).to_have_value("Typed when the storage was full " + "y" * 2000)
    page.check("#sa-1-2-rating-amber")
    with page.expect_download() as download:
        warning.get_by_role("button", name="Download your answers (JSON)").click()
    copy = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert copy["responses"]["SA-1.1"]["evidence"].startswith("Typed when the storage was full")
    assert copy["responses"]["SA-1.2"]["rating"] == "amber"
    # Once there is room again, the next change saves everything that was waiting.
    page.evaluate(FREE_STORAGE)
    page.check("#sa-1-3-rating-green")
    expect(warning).to_be_hidden()
    expect(inline).to_have_count(0)
    doc = current_doc(page)
    assert doc["responses"]["SA-1.1"]["evidence"].startswith("Typed when the storage was full")
    assert doc["responses"]["SA-1.2"]["rating"] == "amber"
    assert doc["responses"]["SA-1.3"]["rating"] == "green"


def test_blocked_storage_is_said_beside_the_field_and_a_download_keeps_the_answers(page):
    # As when a policy blocks site data: the browser refuses every use of its storage.
    page.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
             get() { throw new DOMException('blocked', 'SecurityError'); } });"""
    )
    open_section(page, "sa-1")
    warning = page.locator("[data-storage-warning]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("not letting the toolkit keep your answers")
    page.check("#sa-1-1-rating-red")
    page.fill("#sa-1-1-evidence", "Kept on this page only")
    inline = page.locator("#sa-1-1 .iom-storage-inline")
    expect(inline).to_be_visible()
    expect(inline).to_contain_text("Not kept: this browser is not letting the toolkit save")
    expect(page.locator("[data-section='SA-1'] [data-section-progress]")).to_have_text(
        "1 of 4 elements rated"
    )
    # Leaving with answers not kept anywhere asks first.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    with page.expect_event("dialog"):  # not a fixed pause: a loaded machine asks later
        page.evaluate("location.href = '../'")
    assert dialogs == ["beforeunload"]
    expect(page.locator("#sa-1-1-evidence")).to_have_value("Kept on this page only")
    with page.expect_download() as download:
        warning.get_by_role("button", name="Download your answers (JSON)").click()
    copy = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert copy["responses"]["SA-1.1"] == {
        "rating": "red",
        "na_reason": None,
        "actions": [],
        "evidence": "Kept on this page only",
    }
    # With a copy downloaded, leaving does not ask again.
    page.goto(SA)
    assert dialogs == ["beforeunload"]


def test_clear_all_my_data_is_final_in_every_open_tab(page):
    """The fault: a tab left open wrote the cleared answers back."""
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    page.fill("#sa-1-1-evidence", "Sensitive notes")
    other = second_tab(page)
    open_form(other, SA)
    expect(other.locator("[data-progress-total]")).to_have_text("1 of 12 elements rated")
    # The section tab is typing when the other tab clears everything.
    page.locator("#sa-1-2-evidence").press_sequentially("Half a sen")
    other.click(".iom-clear-data [data-command=clear]")
    # One assessment: one saved item (the note of which one is open is not counted).
    expect(other.locator('[data-confirm="clear"]')).to_contain_text("Saved items: 1.")
    other.click("[data-command=clear-confirm]")
    expect(other.locator(".iom-clear-data [data-status]")).to_have_text(
        "All your data has been cleared from this browser. Saved items deleted: 1."
    )
    expect(page.locator("#sa-1-1-rating-red")).not_to_be_checked()
    expect(page.locator("#sa-1-1-evidence")).to_have_value("")
    expect(page.locator("#sa-1-2-evidence")).to_have_value("")
    expect(status(page)).to_have_text("All your data was cleared in another tab.")
    # Leaving, or the typing's pause, writes nothing back.
    page.wait_for_timeout(600)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.goto("sources/")
    keys = other.evaluate("Object.keys(localStorage).filter(k => k.startsWith('iom:'))")
    assert keys == []
    # A change made afterwards starts a new assessment holding only that change.
    open_section(page, "sa-1")
    page.check("#sa-1-4-rating-green")
    docs = saved_docs(page)
    assert len(docs) == 1
    assert sorted(docs[0]["responses"]) == ["SA-1.4"]
