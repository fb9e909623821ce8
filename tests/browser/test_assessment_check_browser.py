"""Check your answers (lib/check.js) and "Have you completed this section?".

The check's logic is called in the page on documents made for each rule; then, in the form,
every kind of problem is listed on the overview with a link that lands on its field on its
section page, a section's Yes is refused while the section has a problem, and the task list
says Completed only after a Yes with nothing left to fix. Assessments come in as files in the
documented saved-file format (docs/assess/file-format.md), imported through the overview.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import current_doc, open_form, open_section, wait_ready
from tests.browser.page_states import self_assessment

TODAY = "2026-06-01"  # the check's "today", so that the overdue rule does not move with time


def sa_doc(responses: dict, **about) -> dict:
    """A Self Assessment (2010) document in the saved-file format."""
    instrument = self_assessment()
    doc = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": instrument["id"], "version": instrument["version"]},
        "name": "Check test",
        "partnership": "Northshire IOM",
        "area": "Northshire",
        "agency": "Police",
        "completedBy": "IOM manager",
        "date": "2026-05-20",
        "updated": "2026-05-20T10:00:00.000Z",
        "responses": responses,
    }
    doc.update(about)
    return doc


def answer(rating, evidence="", actions=(), na_reason=None) -> dict:
    return {
        "rating": rating,
        "na_reason": na_reason,
        "evidence": evidence,
        "actions": list(actions),
    }


def act(action="Invite health to the board", owner="IOM manager", due="2027-01-31", status="open"):
    return {"action": action, "owner": owner, "due": due, "status": status}


ALL_GREEN = {
    item["id"]: answer("green")
    for section in self_assessment()["sections"]
    for item in section["items"]
}


def import_doc(page, folder: Path, doc: dict):
    """Import `doc` as a new assessment on the Self Assessment's overview, as a user would."""
    path = folder / "assessment.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    open_form(page)
    page.get_by_label("Import a saved file (JSON or CSV)").set_input_files(str(path))
    page.get_by_role("button", name="Import as a new assessment").click()
    expect(page.locator("[data-current-name]")).to_have_text(doc["name"])


def run_check(page, doc: dict, today: str = TODAY) -> dict:
    """lib/check.js on `doc`, with the instrument the overview page carries."""
    return page.evaluate(
        """([doc, today]) => {
            const root = document.querySelector('[data-module=iom-instrument]');
            const ins = IOM.ui.instrument(root);
            const found = IOM.lib.check.run(doc, ins, {today});
            const brief = (p) => [p.code, p.item || p.key, p.n || null];
            return {errors: found.errors.map(brief), warnings: found.warnings.map(brief),
                    sections: IOM.lib.check.sections(doc, ins, found)};
        }""",
        [doc, today],
    )


# One document with every kind of problem, and answers that have none, item by item.
EVERY_KIND = sa_doc(
    {
        "SA-1.1": answer("red"),  # no evidence, no action
        "SA-1.2": answer("amber", "Minutes of the board"),  # no action: only a warning
        "SA-1.3": answer("na"),  # no reason
        "SA-1.4": answer("green"),  # Green needs neither evidence nor an action
        # An empty first row is left alone; the second's missing fields and the third's past
        # date count, numbered as the form numbers the rows.
        "SA-2.1": answer(
            "red",
            "Partly",
            [act("", "", "", "open"), act(owner="", due=""), act(due="2020-03-01")],
        ),
        "SA-2.2": answer("red", "Some", [act(action="", due="2020-03-01", status="in-progress")]),
        "SA-3.1": answer("red", "Some", [act(due="2020-03-01", status="done")]),  # done: fine
        "SA-3.2": answer("na", na_reason="No prison in our area"),
    },
    partnership="  ",
    date="",
)


def test_the_check_finds_each_kind_of_problem_in_form_order(page):
    open_form(page)
    found = run_check(page, EVERY_KIND)
    assert found["errors"] == [
        ["partnership-missing", "partnership", None],
        ["date-missing", "date", None],
        ["evidence-missing", "SA-1.1", None],
        ["action-missing", "SA-1.1", None],
        ["na-reason-missing", "SA-1.3", None],
        ["action-owner-missing", "SA-2.1", 2],
        ["action-due-missing", "SA-2.1", 2],
        ["action-overdue", "SA-2.1", 3],
        ["action-what-missing", "SA-2.2", 1],
        ["action-overdue", "SA-2.2", 1],
        ["not-rated", "SA-4.1", None],
        ["not-rated", "SA-4.2", None],
        ["not-rated", "SA-4.3", None],
        ["not-rated", "SA-5.1", None],
    ]
    assert found["warnings"] == [["action-suggested", "SA-1.2", None]]
    # Before its due date an open action is not overdue.
    assert ["action-overdue", "SA-2.1", 3] not in run_check(page, EVERY_KIND, "2020-02-29")[
        "errors"
    ]


def test_a_section_is_completed_only_when_said_and_without_problems(page):
    open_form(page)
    doc = sa_doc(
        {**ALL_GREEN, "SA-2.1": answer("red", "Board minutes"), "SA-3.1": answer(None)},
        completed={"SA-1": True, "SA-2": True, "SA-4": False},
    )
    del doc["responses"]["SA-3.2"]
    for item in ["SA-5.1"]:
        doc["responses"][item] = answer(None, evidence="Started on this one")
    sections = {s["id"]: s for s in run_check(page, doc)["sections"]["sections"]}
    summary = {k: (s["status"], s["reason"]) for k, s in sections.items()}
    assert summary == {
        "SA-1": ("completed", ""),  # said yes, nothing to fix
        "SA-2": ("in-progress", "problems"),  # said yes, but a Red has no action
        "SA-3": ("not-started", ""),  # nothing in it
        "SA-4": ("in-progress", "unconfirmed"),  # all answered, said no
        "SA-5": ("in-progress", "unanswered"),  # evidence typed, not rated yet
    }
    overall = run_check(page, doc)["sections"]
    assert (overall["completed"], overall["total"], overall["next"]) == (1, 5, "SA-2")


def test_the_task_list_shows_each_status_with_its_reason(page, tmp_path):
    doc = sa_doc(
        {
            **{k: v for k, v in ALL_GREEN.items() if not k.startswith(("SA-3", "SA-5"))},
            "SA-2.2": answer("amber"),
            "SA-5.1": answer(None, evidence="Started"),
        },
        completed={"SA-1": True, "SA-2": True},
    )
    import_doc(page, tmp_path, doc)
    statuses = page.locator("ol.iom-task-list [data-task-status]")
    expect(statuses).to_have_text(
        ["Completed", "In progress", "Not started", "In progress", "In progress"]
    )
    reasons = page.locator("ol.iom-task-list [data-task-reason]")
    expect(reasons).to_have_text(
        [
            "",
            "1 problem to fix",
            "",
            "All answered: say you have completed it, at the end of its page",
            "0 of 1 answered",
        ]
    )
    expect(page.locator("[data-task-progress]")).to_have_text("1 of 5 sections completed")
    # A screen reader hears the section's size, why it is not done yet, and its status.
    link = page.get_by_role("link", name="SA-2 Delivering a local response to local problems")
    expect(link.first).to_have_accessible_description("2 elements 1 problem to fix In progress")
    # The status is a tag with its word; Completed is plain text (GOV.UK task list).
    expect(statuses.nth(1).locator(".iom-status-tag")).to_have_text("In progress")
    expect(statuses.nth(0).locator(".iom-status-tag")).to_have_count(0)


def test_continue_goes_to_the_first_unfinished_section(page, tmp_path):
    open_form(page)
    go = page.get_by_role("link", name="Continue", exact=True)
    expect(go).to_have_accessible_description(
        "Start with SA-1 All partners tackling offenders together"
    )
    go.click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/sa-1/$"))
    wait_ready(page)
    # Answer the first section, say it is completed, and Continue leads on to the second.
    for item in ["sa-1-1", "sa-1-2", "sa-1-3", "sa-1-4"]:
        page.check(f"#{item}-rating-green")
    page.get_by_label("Yes, I’ve completed this section").check()
    expect(page.get_by_label("Yes, I’ve completed this section")).to_be_checked()
    open_form(page)
    expect(page.locator("[data-task-progress]")).to_have_text("1 of 5 sections completed")
    expect(go).to_have_accessible_description(
        "Next: SA-2 Delivering a local response to local problems"
    )
    go.click()
    page.wait_for_url(re.compile(r"/self-assessment-2010/sa-2/$"))
    wait_ready(page)
    # A later section done first: Continue still goes to the first that is not.
    open_section(page, "sa-4")
    for item in ["sa-4-1", "sa-4-2", "sa-4-3"]:
        page.check(f"#{item}-rating-green")
    page.get_by_label("Yes, I’ve completed this section").check()
    open_form(page)
    expect(page.locator("[data-task-progress]")).to_have_text("2 of 5 sections completed")
    expect(go).to_have_attribute("href", re.compile(r"/sa-2/$"))
    # Every section completed: Continue leads to the check.
    completed = {s["id"]: True for s in self_assessment()["sections"]}
    import_doc(page, tmp_path, sa_doc(dict(ALL_GREEN), completed=completed))
    expect(page.locator("[data-task-progress]")).to_have_text("5 of 5 sections completed")
    expect(go).to_have_accessible_description("Every section is completed: check your answers")
    go.click()
    expect(page).to_have_url(re.compile(r"/self-assessment-2010/#check-your-answers$"))


def test_yes_is_refused_while_the_section_has_problems(page):
    open_section(page, "sa-1")
    page.check("#sa-1-1-rating-red")
    page.check("#sa-1-2-rating-green")
    yes = page.get_by_label("Yes, I’ve completed this section")
    yes.click()
    # Not kept: the answer goes back, and the page says what is missing, at the top (focus
    # moves there) and under the question.
    expect(yes).not_to_be_checked()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.locator("[data-error-title]")).to_have_text("This section is not complete yet")
    missing = [
        "SA-1.1 is rated Red: fill in “Evidence/Gaps”.",
        "SA-1.1 is rated Red: add an action.",
        "SA-1.3: choose a rating.",
        "SA-1.4: choose a rating.",
    ]
    expect(summary.locator("a")).to_have_text(missing)
    question = page.get_by_role("group", name="Have you completed this section?")
    expect(question).to_have_accessible_description(
        re.compile("^Error: You cannot say you have completed this section yet. First:")
    )
    expect(page.locator("[data-completed-error] li")).to_have_text(missing)
    assert current_doc(page).get("completed", {}).get("SA-1") is not True
    # Fixing them clears them as it goes; then Yes is kept.
    page.fill("#sa-1-1-evidence", "No health partner on the board")
    page.click("#sa-1-1-add-action")
    page.fill("#sa-1-1-action-1-action", "Invite health to the board")
    page.fill("#sa-1-1-action-1-owner", "IOM manager")
    page.fill("#sa-1-1-action-1-due", "2027-01-31")
    page.check("#sa-1-3-rating-amber")
    page.fill("#sa-1-3-evidence", "Half the cohort")
    expect(summary.locator("a")).to_have_text(["SA-1.4: choose a rating."])
    page.check("#sa-1-4-rating-green")
    expect(summary).to_be_hidden()
    expect(page.locator("[data-completed-error]")).to_be_hidden()
    yes.check()
    expect(yes).to_be_checked()
    assert current_doc(page)["completed"]["SA-1"] is True
    # "No" is kept as no.
    page.get_by_label("No, I’ll come back to it later").check()
    assert current_doc(page)["completed"]["SA-1"] is False
    yes.check()
    open_form(page)
    expect(page.locator("[data-task-status='SA-1']")).to_have_text("Completed")
    # A problem made after the Yes: the section is no longer Completed, and its page says why.
    open_section(page, "sa-1")
    page.fill("#sa-1-1-action-1-owner", "")
    expect(page.locator("[data-completed-error]")).to_contain_text(
        "SA-1.1, action 1: give an owner (a role or team)."
    )
    open_form(page)
    expect(page.locator("[data-task-status='SA-1']")).to_have_text("In progress")
    expect(page.locator("[data-task-reason='SA-1']")).to_have_text("1 problem to fix")


# Each problem of EVERY_KIND: its message, and the field its link lands on (None: this page).
LINKS = [
    ("Enter the name of the partnership.", None, "iom-about-partnership"),
    ("Enter the date of this assessment.", None, "iom-about-date"),
    ("SA-1.1 is rated Red: fill in “Evidence/Gaps”.", "sa-1", "sa-1-1-evidence"),
    ("SA-1.1 is rated Red: add an action.", "sa-1", "sa-1-1-add-action"),
    (
        "SA-1.3: say why it does not apply, or choose another rating.",
        "sa-1",
        "sa-1-3-na-reason",
    ),
    ("SA-2.1, action 2: give an owner (a role or team).", "sa-2", "sa-2-1-action-2-owner"),
    ("SA-2.1, action 2: give a due date.", "sa-2", "sa-2-1-action-2-due"),
    (
        "SA-2.1, action 3: it was due on 2020-03-01 and is not done. "
        "Change its due date or its status.",
        "sa-2",
        "sa-2-1-action-3-due",
    ),
    ("SA-2.2, action 1: say what will be done.", "sa-2", "sa-2-2-action-1-action"),
    (
        "SA-2.2, action 1: it was due on 2020-03-01 and is not done. "
        "Change its due date or its status.",
        "sa-2",
        "sa-2-2-action-1-due",
    ),
    ("SA-4.1: choose a rating.", "sa-4", "sa-4-1-rating-red"),
    ("SA-4.2: choose a rating.", "sa-4", "sa-4-2-rating-red"),
    ("SA-4.3: choose a rating.", "sa-4", "sa-4-3-rating-red"),
    ("SA-5.1: choose a rating.", "sa-5", "sa-5-1-rating-red"),
]


def test_every_problem_links_to_its_field_and_lands_on_it(page, tmp_path):
    import_doc(page, tmp_path, EVERY_KIND)
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-check-summary]")
    expect(summary).to_be_focused()
    links = summary.locator("a")
    expect(links).to_have_text([message for message, _, _ in LINKS])
    expect(page.locator("[data-check-status]")).to_have_text("14 problems found.")
    # A warning informs, apart from the problems.
    warnings = page.locator("[data-check-warnings]")
    expect(warnings.get_by_role("link")).to_have_text(
        ["SA-1.2 is rated Amber and has no action: consider adding one."]
    )
    expect(warnings.get_by_role("link")).to_have_attribute(
        "href", re.compile(r"/sa-1/#sa-1-2-add-action$")
    )
    for n, (message, section, field) in enumerate(LINKS):
        link = page.locator("[data-check-summary] a").nth(n)
        expect(link).to_have_text(message)
        link.click()
        if section:
            page.wait_for_url(re.compile(rf"/self-assessment-2010/{section}/#{field}$"))
            wait_ready(page)
        page.wait_for_function("(id) => document.activeElement.id === id", arg=field)
        target = page.locator(f"#{field}")
        expect(target).to_be_in_viewport()
        # The message is beside the field too, and the field (a rating: its group) is
        # described by it.
        described = target.locator("xpath=ancestor::fieldset[1]") if "-rating-" in field else target
        expect(described).to_have_accessible_description(re.compile(re.escape(message)))
        if section:
            # The section page lists its own problems at the top, without taking the focus.
            expect(page.locator("[data-error-summary]")).to_contain_text(message)
            open_form(page)
            page.get_by_role("button", name="Check your answers").click()


def test_the_check_follows_changes_once_run(page, tmp_path):
    doc = sa_doc(dict(ALL_GREEN), partnership="", date="")
    import_doc(page, tmp_path, doc)
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-check-summary]")
    expect(summary.locator("a")).to_have_text(
        ["Enter the name of the partnership.", "Enter the date of this assessment."]
    )
    partnership = page.get_by_label("Partnership", exact=True)
    expect(partnership).to_have_attribute("aria-invalid", "true")
    partnership.fill("Northshire IOM")
    expect(summary.locator("a")).to_have_text(["Enter the date of this assessment."])
    expect(partnership).not_to_have_attribute("aria-invalid", "true")
    page.fill("#iom-about-date", "2026-05-20")
    expect(summary).to_be_hidden()
    expect(page.locator("[data-check-status]")).to_have_text("No problems found.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_problems_shown(page, scheme, tmp_path, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    import_doc(page, tmp_path, {**EVERY_KIND, "completed": {"SA-1": True}})
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-check-summary]")).to_be_visible()
    expect(page.locator("[data-check-warnings]")).to_be_visible()
    assert_no_axe_violations(page)
    open_section(page, "sa-2")
    page.get_by_label("Yes, I’ve completed this section").click()
    expect(page.locator("[data-completed-error]")).to_be_visible()
    expect(page.locator("#sa-2-1-action-2-owner-error")).to_be_visible()
    assert_no_axe_violations(page)
