"""Saved answers survive a new instrument version: IOM.lib.migrate in the browser.

The fixture instrument (tests/fixtures/partnership-v1 → partnership-v2) renames FC-1.2 to
FC-1.3, merges FC-2.1 and FC-2.2 into FC-2.4, removes FC-2.3 and adds FC-3.1. Its version 2
is described to the script exactly as the partnership pages describe real instruments.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.loader import load_raw
from macros.render.partnership import instrument_info
from macros.validate import build_content
from tests.browser.instrument_helpers import SA, current_doc, open_form, open_section, wait_saved

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_info(version: str) -> dict:
    raw, errors = load_raw(FIXTURES / f"partnership-{version}")
    content = build_content(raw, errors)
    return instrument_info(content, None, content.docs["instruments/fixture-check"])


V1_DOC = {
    "format": "iom-assessment",
    "formatVersion": 1,
    "instrument": {"id": "fixture-check", "version": "1.0"},
    "partnership": "Northshire IOM",
    "agency": "Police",
    "date": "2025-11-20",
    "custom": {"kept": True},  # a key this toolkit does not know: kept
    "responses": {
        "FC-1.1": {"rating": "green", "evidence": "Vision signed", "actions": []},
        "FC-1.2": {"rating": "amber", "evidence": "Meet most months", "actions": []},
        "FC-2.1": {"rating": "red", "evidence": "Police share little", "actions": []},
        "FC-2.2": {"rating": "green", "evidence": "Probation share well", "actions": []},
        "FC-2.3": {
            "rating": "amber",
            "evidence": "Paper records",
            "actions": [
                {"action": "Scan them", "owner": "Admin team", "due": "", "status": "open"}
            ],
        },
    },
}


@pytest.fixture
def lib_page(page):
    """A page on which the partnership scripts (migrate, merge) are loaded."""
    page.goto("assess/combine/")
    page.wait_for_function("() => window.IOM && IOM.lib.migrate && IOM.lib.merge")
    return page


def migrate(page, doc, info) -> dict:
    return page.evaluate(
        "([doc, info]) => { const before = JSON.stringify(doc);"
        " const r = IOM.lib.migrate.migrateWithReport(doc, info);"
        " r.untouched = JSON.stringify(doc) === before; return r; }",
        [doc, info],
    )


def test_fixture_versions_differ_as_described():
    v1, v2 = fixture_info("v1"), fixture_info("v2")
    assert (v1["version"], v2["version"]) == ("1.0", "2.0")
    assert v2["replaces"] == {
        "FC-1.2": "FC-1.3",
        "FC-2.1": "FC-2.4",
        "FC-2.2": "FC-2.4",
        "FC-2.3": None,
    }
    assert [s["items"] for s in v2["sections"]] == [["FC-1.1", "FC-1.3"], ["FC-2.4"], ["FC-3.1"]]


def test_v1_answers_move_to_v2_ids_and_none_is_dropped(lib_page):
    report = migrate(lib_page, V1_DOC, fixture_info("v2"))
    doc = report["doc"]
    assert report["untouched"], "the document given must not change"
    assert report["fromVersion"] == "1.0" and report["toVersion"] == "2.0"
    assert doc["instrument"] == {"id": "fixture-check", "version": "2.0"}
    responses = doc["responses"]
    # Unchanged id stays; renamed id moves with its text.
    assert responses["FC-1.1"]["rating"] == "green"
    assert responses["FC-1.3"] == V1_DOC["responses"]["FC-1.2"]
    # Merged: the first answer moves, the second is kept under its old id, not overwritten.
    assert responses["FC-2.4"] == V1_DOC["responses"]["FC-2.1"]
    assert responses["FC-2.2"] == V1_DOC["responses"]["FC-2.2"]
    # Removed: kept with its action.
    assert responses["FC-2.3"] == V1_DOC["responses"]["FC-2.3"]
    assert "FC-1.2" not in responses and "FC-2.1" not in responses
    assert report["moved"] == [
        {"from": "FC-1.2", "to": "FC-1.3"},
        {"from": "FC-2.1", "to": "FC-2.4"},
    ]
    assert report["earlier"] == [
        {"id": "FC-2.2", "reason": "merged", "into": "FC-2.4"},
        {"id": "FC-2.3", "reason": "removed", "into": None},
    ]
    assert doc["earlier"] == {
        "FC-2.2": {"fromVersion": "1.0", "reason": "merged", "into": "FC-2.4"},
        "FC-2.3": {"fromVersion": "1.0", "reason": "removed", "into": None},
    }
    assert doc["custom"] == {"kept": True}
    # Every answer of version 1 is somewhere in the migrated document.
    kept = {json.dumps(r, sort_keys=True) for r in responses.values()}
    for answer in V1_DOC["responses"].values():
        assert json.dumps(answer, sort_keys=True) in kept


def test_the_form_call_and_a_second_run_change_nothing_more(lib_page):
    info = fixture_info("v2")
    once = lib_page.evaluate("([d, i]) => IOM.lib.migrate.migrate(d, i)", [V1_DOC, info])
    twice = migrate(lib_page, once, info)
    assert twice["doc"] == once
    assert twice["moved"] == [] and twice["changed"] is False


def test_chains_across_versions_are_followed(lib_page):
    v3 = copy.deepcopy(fixture_info("v2"))
    v3["version"] = "3.0"
    v3["sections"][0]["items"] = ["FC-1.1", "FC-1.4"]
    v3["replaces"]["FC-1.3"] = "FC-1.4"
    v3["replaces"]["FC-3.1"] = None
    report = migrate(lib_page, V1_DOC, v3)
    assert report["doc"]["responses"]["FC-1.4"]["evidence"] == "Meet most months"
    assert {"from": "FC-1.2", "to": "FC-1.4"} in report["moved"]
    resolved = lib_page.evaluate("(i) => IOM.lib.migrate.resolve('FC-1.2', i)", v3)
    assert resolved == {"to": "FC-1.4", "reason": "moved"}


def test_answer_already_at_new_id_is_not_overwritten_and_empty_answers_go(lib_page):
    doc = copy.deepcopy(V1_DOC)
    doc["responses"]["FC-1.3"] = {"rating": "red", "evidence": "Already answered", "actions": []}
    doc["responses"]["FC-2.1"] = {"rating": None, "evidence": "  ", "actions": []}
    report = migrate(lib_page, doc, fixture_info("v2"))
    responses = report["doc"]["responses"]
    assert responses["FC-1.3"]["evidence"] == "Already answered"
    assert responses["FC-1.2"]["evidence"] == "Meet most months"
    assert report["doc"]["earlier"]["FC-1.2"]["reason"] == "taken"
    # The empty FC-2.1 moves nowhere and is not listed; FC-2.2 then takes FC-2.4.
    assert "FC-2.1" not in responses
    assert responses["FC-2.4"]["evidence"] == "Probation share well"


def test_combine_and_compare_migrate_older_files_first(lib_page):
    info = fixture_info("v2")
    v2_doc = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": "fixture-check", "version": "2.0"},
        "agency": "Probation",
        "responses": {"FC-1.3": {"rating": "green"}, "FC-2.4": {"rating": "green"}},
    }
    result = lib_page.evaluate(
        "([docs, info]) => IOM.lib.merge.combine(docs, info)", [[V1_DOC, v2_doc], info]
    )
    by_id = {item["id"]: item for item in result["items"]}
    assert by_id["FC-1.3"]["ratings"] == ["amber", "green"]
    assert by_id["FC-2.4"]["ratings"] == ["red", "green"]
    assert by_id["FC-2.4"]["flags"] == ["gap"]
    assert result["earlier"] == [{"agency": 0, "id": "FC-2.2"}, {"agency": 0, "id": "FC-2.3"}]
    change = lib_page.evaluate(
        "([a, b, info]) => IOM.lib.merge.compare(a, b, info)", [V1_DOC, v2_doc, info]
    )
    items = {i["id"]: i["change"] for i in change["items"]}
    assert items == {
        "FC-1.1": "not-compared",
        "FC-1.3": "improved",
        "FC-2.4": "improved",
        "FC-3.1": "not-compared",
    }


def test_importing_an_older_file_lists_answers_from_an_earlier_version(page, tmp_path):
    """Through the real form: an answer to an item the form no longer has is shown, kept and
    downloaded, never dropped. Import is on the overview; the answers show on section pages."""
    older = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": "self-assessment-2010", "version": "0.9"},
        "partnership": "Northshire IOM",
        "responses": {
            "SA-1.1": {"rating": "green", "evidence": "Kept as it was", "actions": []},
            "SA-0.1": {"rating": "red", "evidence": "An element of a draft tool", "actions": []},
        },
    }
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    open_form(page, SA)
    page.set_input_files("#iom-import-file", str(path))
    page.click("[data-command=import-new]")
    earlier = page.locator("[data-earlier]")
    expect(earlier).to_be_visible()
    expect(earlier.locator("[data-earlier-list]")).to_have_text(
        "SA-0.1 – Red (not an item of this form)"
    )
    open_section(page, "sa-1")
    assert page.is_checked("#sa-1-1-rating-green")
    assert page.input_value("#sa-1-1-evidence") == "Kept as it was"
    open_form(page, SA)
    with page.expect_download() as download:
        page.click("[data-command=export-json]")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved["instrument"]["version"] == "1.0"
    assert saved["responses"]["SA-0.1"]["evidence"] == "An element of a draft tool"
    assert saved["earlier"]["SA-0.1"] == {"fromVersion": "0.9", "reason": "unknown", "into": None}


def test_migrate_loads_only_for_an_older_saved_document(page):
    """A fresh form does not download lib/migrate.js; one whose saved document is from an
    earlier version fetches it, moves nothing it cannot place, and shows every answer: on the
    section page as on the overview."""
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    open_form(page, SA)
    assert page.evaluate("() => IOM.lib.migrate === undefined")
    open_section(page, "sa-1")
    assert page.evaluate("() => IOM.lib.migrate === undefined")
    assert not [url for url in scripts if "migrate" in url]

    older = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": "self-assessment-2010", "version": "0.9"},
        "name": "Draft tool answers",
        "responses": {
            "SA-1.1": {"rating": "amber", "evidence": "Kept as it was", "actions": []},
            "SA-0.1": {"rating": "red", "evidence": "An element of a draft tool", "actions": []},
        },
    }
    page.evaluate(
        """(doc) => {
            const key = 'iom:v1:assessment:self-assessment-2010:older';
            localStorage.setItem(key, JSON.stringify(doc));
            localStorage.setItem('iom:v1:current:self-assessment-2010', 'older');
        }""",
        older,
    )
    open_section(page, "sa-1")
    page.wait_for_function("() => document.querySelector('#sa-1-1-rating-amber').checked")
    assert [url for url in scripts if "migrate" in url], "lib/migrate.js was not fetched"
    assert page.input_value("#sa-1-1-evidence") == "Kept as it was"
    assert current_doc(page)["instrument"]["version"] == "0.9", "opening alone saves nothing"
    scripts.clear()
    open_form(page, SA)
    page.wait_for_function("() => !document.querySelector('[data-earlier]').hidden")
    assert [url for url in scripts if "migrate" in url], "lib/migrate.js was not fetched"
    listed = page.locator("[data-earlier] [data-earlier-list]").inner_text()
    assert listed == "SA-0.1 – Red (not an item of this form)"
    # The next change saves the moved document under the current version, keeping SA-0.1.
    page.fill("#iom-about-partnership", "Northshire IOM")
    wait_saved(page)
    saved = current_doc(page)
    assert saved["instrument"]["version"] == "1.0"
    assert saved["responses"]["SA-0.1"]["evidence"] == "An element of a draft tool"
