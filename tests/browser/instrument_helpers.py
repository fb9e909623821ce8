"""Shared steps for the assessment-form browser tests."""

from __future__ import annotations

import json

from tests.site_pages import form_urls

# Everything the browser keeps, in a form to compare before and after: a refused file must
# leave it byte for byte as it was.
STORAGE = (
    "() => JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))"
)
SA = "assess/self-assessment-2010/"
ET = "assess/efficiency-review/"
KP = "assess/key-principles-2015/"
EPG = "assess/inspection-readiness-2020/"
FORMS = form_urls()  # every instrument in data/instruments: id → its overview's URL


def open_form(page, path: str = SA):
    """Open an assessment's overview (or any form page) and wait until its script has started."""
    page.goto(path)
    wait_ready(page)


def open_section(page, section: str, form: str = SA):
    """Open one section's page of a form, e.g. open_section(page, "sa-1")."""
    open_form(page, form + section + "/")


def rate(page, ratings: dict[str, str], form: str = SA):
    """Give ratings by item anchor ({"sa-1-2": "green"}), each on its section page."""
    for item, rating in ratings.items():
        section = item.rsplit("-", 1)[0]  # "sa-1-2" is on the page "sa-1/"
        if not page.url.endswith(f"/{section}/"):
            open_section(page, section, form)
        page.check(f"#{item}-rating-{rating}")


def wait_ready(page):
    page.wait_for_function(
        "() => { const r = document.querySelector('[data-module^=iom-instrument]');"
        " return r && r.getAttribute('data-iom-init') === 'ready'; }"
    )


def saved_docs(page, instrument_id: str = "self-assessment-2010") -> list[dict]:
    """Every saved assessment of one instrument in localStorage, once typing has settled."""
    wait_stored(page)
    raw = page.evaluate(
        """(id) => Object.keys(localStorage)
            .filter(k => k.startsWith('iom:v1:assessment:' + id + ':'))
            .map(k => localStorage.getItem(k))""",
        instrument_id,
    )
    return [json.loads(text) for text in raw]


def wait_stored(page):
    """Let typing settle: the form saves text once it pauses (data-pending until then)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-module^=iom-instrument][data-pending]')"
    )


def current_doc(page, instrument_id: str = "self-assessment-2010") -> dict:
    """The assessment open on the page, as stored once typing has settled."""
    wait_stored(page)
    uid = page.evaluate("(id) => localStorage.getItem('iom:v1:current:' + id)", instrument_id)
    assert uid, "nothing saved yet"
    text = page.evaluate(
        "([id, uid]) => localStorage.getItem('iom:v1:assessment:' + id + ':' + uid)",
        [instrument_id, uid],
    )
    return json.loads(text)


def wait_saved(page):
    """Wait for the polite "Saved" announcement."""
    page.wait_for_function(
        "() => /Saved in this browser/"
        ".test(document.querySelector('.iom-manage [data-status]').textContent)"
    )


def wait_summary(page):
    """Let the summary (refreshed shortly after each change) catch up."""
    page.wait_for_timeout(200)


def fill_sample(page):
    """A partly filled Self Assessment: details, three ratings, evidence, two actions.

    Starts and ends on the overview; the ratings are given on the section pages.
    """
    open_form(page)
    page.fill("#iom-about-name", "Spring review")
    page.fill("#iom-about-partnership", "Northshire IOM")
    page.fill("#iom-about-area", "Northshire")
    page.fill("#iom-about-agency", "Police")
    page.fill("#iom-about-completed-by", "IOM police sergeant")
    page.fill("#iom-about-date", "2026-11-22")
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    page.check("#sa-1-2-rating-green")
    page.fill(
        "#sa-1-1-evidence", 'Partners signed up, "mostly", see minutes,\nbut health is missing'
    )
    page.click("#sa-1-1 [data-command=add-action]")
    page.fill("#sa-1-1-action-1-action", "Invite health, then agree a plan")
    page.fill("#sa-1-1-action-1-owner", "IOM manager")
    page.fill("#sa-1-1-action-1-due", "2027-01-31")
    page.select_option("#sa-1-1-action-1-status", "in-progress")
    open_section(page, "sa-2")
    page.check("#sa-2-1-rating-amber")
    page.click("#sa-2-1 [data-command=add-action]")
    page.fill("#sa-2-1-action-1-action", "=SUM(1,2) is not a formula")
    open_form(page)
    wait_summary(page)
