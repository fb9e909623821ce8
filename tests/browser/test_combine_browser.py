"""Combine agencies' answers: files made through the form, ratings side by side, consensus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scripts.bench import combine_from_input
from tests.browser.instrument_helpers import SA, open_form, open_section, rate, wait_saved

COMBINE = "assess/combine/"

# What each agency rates; SA-1.1 is Red/Green/Amber (two levels apart), SA-1.2 one level apart.
AGENCIES = {
    "Police": {"sa-1-1": "red", "sa-1-2": "green", "sa-2-1": "amber"},
    "Probation": {"sa-1-1": "green", "sa-1-2": "green", "sa-2-1": "amber"},
    "Council": {"sa-1-1": "amber", "sa-1-2": "amber"},
}


def make_agency_files(page, folder: Path) -> list[Path]:
    """Fill the Self Assessment once per agency through the form and download each as JSON."""
    paths = []
    for n, (agency, ratings) in enumerate(AGENCIES.items()):
        open_form(page, SA)
        if n:
            page.click("[data-command=new]")
        page.fill("#iom-about-partnership", "Northshire IOM")
        page.fill("#iom-about-agency", agency)
        page.fill("#iom-about-date", "2026-11-2" + str(n))
        rate(page, ratings)
        open_section(page, "sa-1")
        page.fill("#sa-1-1-evidence", f"{agency} evidence for 1.1")
        wait_saved(page)
        open_form(page, SA)
        with page.expect_download() as download:
            page.click("[data-command=export-json]")
        path = folder / f"{agency.lower()}.json"
        Path(download.value.path()).replace(path)
        paths.append(path)
    return paths


@pytest.fixture
def agency_files(page, tmp_path) -> list[Path]:
    return make_agency_files(page, tmp_path)


def open_combine(page):
    page.goto(COMBINE)
    page.wait_for_function(
        "() => document.querySelector('[data-module=iom-combine]')"
        ".getAttribute('data-iom-init') === 'ready'"
    )


def add_files(page, paths):
    page.set_input_files("#iom-combine-files", [str(p) for p in paths])
    wait_combined(page)


def wait_combined(page):
    """Files read and combined, and each item's evidence drawn (just after the first paint)."""
    page.wait_for_function(
        "() => /files? added/.test(document.querySelector('[data-status]').textContent)"
        " && (document.querySelector('[data-results]').hidden"
        " || document.querySelector('[data-module=iom-combine]').hasAttribute('data-items-ready'))"
    )


def agency_heads(page) -> list[str]:
    return page.eval_on_selector_all("[data-ratings-head] th", "ths => ths.map(t => t.textContent)")


def row_ratings(page, item_id: str) -> list[str]:
    return page.eval_on_selector_all(
        f'[data-item-row="{item_id}"] td[data-agency]', "tds => tds.map(td => td.dataset.rating)"
    )


def test_three_agencies_side_by_side_with_spread_and_flags(page, agency_files):
    open_combine(page)
    assert page.is_hidden("[data-results]")
    add_files(page, agency_files)
    assert page.is_visible("[data-results]")
    assert page.is_hidden("[data-error-summary]")
    heads = agency_heads(page)
    assert heads[1:4] == ["Police", "Probation", "Council"]
    assert row_ratings(page, "SA-1.1") == ["red", "green", "amber"]
    assert row_ratings(page, "SA-1.2") == ["green", "green", "amber"]
    assert row_ratings(page, "SA-2.1") == ["amber", "amber", ""]
    # The word is in every cell, not only the colour.
    # (text_content: the table is drawn only once scrolled into view, content-visibility: auto)
    assert page.text_content('[data-item-row="SA-1.1"] td[data-agency="0"]') == "Red"
    assert page.text_content('[data-item-row="SA-2.1"] td[data-agency="2"]') == "Not rated"
    spread = page.get_attribute('[data-item-row="SA-1.1"] [data-spread]', "data-spread")
    assert spread == "2"
    assert page.get_attribute('[data-item-row="SA-1.2"] [data-spread]', "data-spread") == "1"
    assert page.get_attribute('[data-item-row="SA-2.1"] [data-spread]', "data-spread") == "0"
    assert page.get_attribute('[data-item-row="SA-1.1"] [data-flags]', "data-flags") == "gap"
    assert page.get_attribute('[data-item-row="SA-1.2"] [data-flags]', "data-flags") == ""
    flagged = page.eval_on_selector_all(
        "[data-disagree-item]", "lis => lis.map(li => li.dataset.disagreeItem)"
    )
    assert flagged == ["SA-1.1"]
    summary = page.inner_text("[data-results-summary]")
    assert "3 agencies, 12 elements, 1 where partners disagree" in summary
    # Heatmap: one named image, a column per agency under its whole name, a worded cell per
    # agency and item in the colour of its rating.
    heatmap = page.locator("[data-heatmap] [role=img]")
    assert "12 elements by 3 agencies" in heatmap.get_attribute("aria-label")
    assert heatmap.locator(".iom-heatmap__head").all_inner_texts() == list(AGENCIES)
    cells = heatmap.locator(".iom-heatmap__cell")
    assert cells.count() == 36
    assert cells.all_inner_texts()[:3] == ["Red", "Green", "Amber"]
    assert "iom-heatmap__cell--red" in cells.first.get_attribute("class")
    # Evidence from every agency, side by side.
    evidence = page.text_content("#combine-sa-1-1")
    for agency in AGENCIES:
        assert f"{agency} evidence for 1.1" in evidence


def test_consensus_is_exported_and_saved_as_an_assessment(page, agency_files):
    open_combine(page)
    add_files(page, agency_files)
    page.select_option("#combine-sa-1-1-agreed", "amber")
    page.fill("#combine-sa-1-1-note", "Health not yet on board; agreed Amber")
    page.select_option("#combine-sa-1-2-agreed", "green")
    assert "2 of 12 elements have an agreed rating" in page.inner_text("[data-agreed-count]")
    page.fill("#iom-combine-name", "Northshire combined 2026")
    page.fill("#iom-combine-lead", "Police")

    with page.expect_download() as download:
        page.click("[data-save] [data-command=export-json]")
    doc = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert doc["format"] == "iom-assessment"
    assert doc["instrument"]["id"] == "self-assessment-2010"
    assert doc["name"] == "Northshire combined 2026"
    assert doc["partnership"] == "Northshire IOM"
    sa11 = doc["responses"]["SA-1.1"]
    assert sa11["rating"] == "amber"
    assert sa11["note"] == "Health not yet on board; agreed Amber"
    assert sa11["evidence"].startswith("Agreed: Health not yet on board")
    assert "Police: Police evidence for 1.1" in sa11["evidence"]
    assert "Council: Council evidence for 1.1" in sa11["evidence"]
    assert doc["responses"]["SA-1.2"]["rating"] == "green"
    assert doc["responses"]["SA-2.1"]["rating"] is None
    assert doc["combined"]["ratings"]["SA-1.1"] == ["red", "green", "amber"]
    assert doc["combined"]["disagreements"] == ["SA-1.1"]
    assert [a["name"] for a in doc["combined"]["agencies"]] == list(AGENCIES)

    with page.expect_download() as download:
        page.click("[data-save] [data-command=export-csv]")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == ["Section", "Id", "Item", "Police", "Probation", "Council"]
    assert rows[0][-4:] == ["Spread (levels)", "Disagreement", "Agreed rating", "Note"]
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["SA-1.1"][3:6] == ["Red", "Green", "Amber"]
    assert by_id["SA-1.1"][-4:] == [
        "2",
        "Ratings two or more levels apart",
        "Amber",
        "Health not yet on board; agreed Amber",
    ]
    assert by_id["SA-1.2"][-4:-1] == ["1", "No", "Green"]
    assert len(rows) == 13

    # Saved in this browser, it is an assessment of its own that opens on the form's page.
    page.click("[data-save] [data-command=save]")
    assert "Saved “Northshire combined 2026”" in page.inner_text("[data-save-status]")
    open_form(page, SA)
    assert page.input_value("#iom-about-name") == "Northshire combined 2026"
    open_section(page, "sa-1")
    assert page.is_checked("#sa-1-1-rating-amber")
    assert page.is_checked("#sa-1-2-rating-green")


def test_mixed_and_corrupt_files_are_named_and_the_rest_combine(page, agency_files, tmp_path):
    other = tmp_path / "kp-police.json"
    other.write_text(
        json.dumps(
            {
                "format": "iom-assessment",
                "formatVersion": 1,
                "instrument": {"id": "key-principles-2015", "version": "1.0"},
                "agency": "Police",
                "responses": {"KP-1.1": {"rating": "red"}},
            }
        ),
        encoding="utf-8",
    )
    corrupt = tmp_path / "health.json"
    corrupt.write_text('{"format": "iom-assessment", "responses": {', encoding="utf-8")
    bad_rating = tmp_path / "housing.json"
    doc = json.loads(agency_files[0].read_text(encoding="utf-8"))
    doc["agency"] = "Housing"
    doc["responses"]["SA-1.1"]["rating"] = "purple"
    bad_rating.write_text(json.dumps(doc), encoding="utf-8")

    open_combine(page)
    add_files(page, [agency_files[0], other, corrupt, agency_files[1], bad_rating, agency_files[2]])
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert summary.locator("[data-error-title]").inner_text() == "Some files could not be combined"
    errors = summary.locator("[data-error-list] li").all_inner_texts()
    assert errors == [
        "“kp-police.json” is for a different assessment (key-principles-2015).",
        "“health.json” cannot be read: it is not a JSON file, or it is damaged.",
        "“housing.json”: SA-1.1 has “purple”, which is not one of this assessment’s ratings.",
    ]
    expect(page.locator("[data-status]")).to_have_text(
        "6 files added: 3 combined for Self Assessment Tool (c. 2010)."
        " 3 could not be combined: see the problems above."
    )
    listed = page.locator("[data-file-list] .iom-file-list__name").all_inner_texts()
    assert listed == [
        "police.json: Police",
        "kp-police.json: not combined (see the problems above)",
        "health.json: not combined (see the problems above)",
        "probation.json: Probation",
        "housing.json: not combined (see the problems above)",
        "council.json: Council",
    ]
    # The three good files still combine.
    heads = agency_heads(page)
    assert heads[1:4] == ["Police", "Probation", "Council"]
    assert len(heads) == 6
    assert row_ratings(page, "SA-1.1") == ["red", "green", "amber"]

    # Removing the bad files clears the summary.
    for name in ["kp-police.json", "health.json", "housing.json"]:
        page.click(f'[data-command=remove-file]:has(span:text-is(" {name}"))')
    assert page.is_hidden("[data-error-summary]")
    assert len(page.locator("[data-file-list] li").all()) == 3

    # Choosing the other assessment explicitly turns the tables: only the KP file combines.
    page.set_input_files("#iom-combine-files", [str(other)])
    page.select_option("#iom-combine-instrument", "key-principles-2015")
    assert row_ratings(page, "KP-1.1") == ["red"]
    errors = page.locator("[data-error-list] li").all_inner_texts()
    assert len(errors) == 3
    assert all("is for a different assessment (self-assessment-2010)" in e for e in errors)


def test_the_same_assessment_added_twice_counts_once(page, agency_files, tmp_path):
    """A file added again (or a copy under another name, saved at another time) would count
    its agency twice: it is refused, naming the file it repeats."""
    copy = json.loads(agency_files[0].read_text(encoding="utf-8"))
    copy["name"] = "Police copy"
    copy["updated"] = "2026-12-01T09:00:00.000Z"
    again = tmp_path / "police-again.json"
    again.write_text(json.dumps(copy), encoding="utf-8")
    open_combine(page)
    add_files(page, [agency_files[0]])
    expect(page.locator("[data-status]")).to_have_text(
        "1 file added and combined for Self Assessment Tool (c. 2010)."
    )
    expect(page.locator("[data-results-summary]")).to_have_text(
        "1 agency, 12 elements. Only one agency’s file so far: add another to compare ratings."
    )
    # One rating has no spread: the item says its count and the most common, no stray dash.
    expect(page.locator('[data-combine-item="SA-1.1"] [data-slot=ratings]')).to_have_text(
        "Red 1. Most common: Red."
    )
    add_files(page, [again, agency_files[1]])
    expect(page.locator("[data-error-list] li")).to_have_text(
        [
            "“police-again.json” holds the same assessment as “police.json”, already added,"
            " so it is left out: the same agency would count twice."
        ]
    )
    assert agency_heads(page)[1:3] == ["Police", "Probation"]
    assert len(agency_heads(page)) == 5  # item, two agencies, spread, disagreement
    expect(page.locator("[data-results-summary]")).to_contain_text("2 agencies, 12 elements")
    # The same agency with other answers is another file, kept: two teams of one agency.
    copy["responses"]["SA-1.2"]["rating"] = "red"
    again.write_text(json.dumps(copy), encoding="utf-8")
    page.click('[data-command=remove-file]:has(span:text-is(" police-again.json"))')
    add_files(page, [again])
    assert page.is_hidden("[data-error-summary]")
    assert len(agency_heads(page)) == 6
    # The very same file again: said without naming it twice; then a good file does not send
    # focus back to that problem, which the user has been told of.
    add_files(page, [agency_files[1]])
    expect(page.locator("[data-status]")).to_have_text(
        "1 file added, but it could not be combined: see the problem above."
    )
    expect(page.locator("[data-error-list] li")).to_have_text(
        [
            "“probation.json” is already added, so this copy is left out: the same agency"
            " would count twice."
        ]
    )
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    page.focus("#iom-combine-files")
    add_files(page, [agency_files[2]])
    expect(page.locator("[data-status]")).to_have_text(
        "1 file added and combined for Self Assessment Tool (c. 2010)."
    )
    assert not page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    listed = page.locator("[data-file-list] .iom-file-list__name").all_inner_texts()
    assert listed[-2:] == [
        "probation.json: not combined (see the problems above)",
        "council.json: Council",
    ]


def test_drag_and_drop_adds_files(page, agency_files):
    open_combine(page)
    payload = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in agency_files[:2]]
    page.evaluate(
        """(files) => {
            const transfer = new DataTransfer();
            files.forEach(f => transfer.items.add(new File([f.text], f.name)));
            const zone = document.querySelector('[data-dropzone]');
            const init = {dataTransfer: transfer, bubbles: true, cancelable: true};
            zone.dispatchEvent(new DragEvent('dragover', init));
            zone.dispatchEvent(new DragEvent('drop', init));
        }""",
        payload,
    )
    page.wait_for_selector("[data-results]:not([hidden])")
    assert row_ratings(page, "SA-1.1") == ["red", "green"]


def test_combine_page_without_javascript_says_what_is_needed(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(COMBINE)
    assert page.is_visible("text=Combining files needs JavaScript")
    assert page.is_hidden("#iom-combine-files")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_combine_passes_axe_with_results_and_errors(
    page, agency_files, tmp_path, assert_no_axe_violations, scheme
):
    page.emulate_media(color_scheme=scheme)
    corrupt = tmp_path / "broken.json"
    corrupt.write_text("not json", encoding="utf-8")
    open_combine(page)
    assert_no_axe_violations(page)
    add_files(page, [*agency_files, corrupt])
    page.select_option("#combine-sa-1-1-agreed", "amber")
    assert page.is_visible("[data-error-summary]")
    assert_no_axe_violations(page)


def test_fifty_agency_files_of_27_questions_combine(page, base_url):
    """Fifty agencies' files of the 27 questions, chosen through the file input as make bench
    times them, combine into a 27 × 50 table (the speed budget itself: make bench)."""
    elapsed = combine_from_input(page, base_url)
    assert elapsed > 0
    assert page.locator("[data-ratings-body] tr").count() == 27
    assert len(agency_heads(page)) == 50 + 3
    wait_combined(page)
    assert page.locator("[data-combine-item]").count() == 27


def test_combine_keeps_files_agreed_ratings_and_notes_across_a_reload(page, agency_files):
    """The fault: a reload wiped three agencies' files and every agreed rating."""
    open_combine(page)
    add_files(page, agency_files)
    page.select_option("#combine-sa-1-1-agreed", "amber")
    page.fill("#combine-sa-1-1-note", "Health not yet on board")
    page.fill("#iom-combine-name", "Northshire combined")
    page.reload()
    open_combine(page)
    page.wait_for_selector("[data-module=iom-combine][data-items-ready]")
    expect(page.locator("[data-status]")).to_have_text(
        "Kept from your last visit: 3 files and 1 agreed ratings."
    )
    assert agency_heads(page)[1:4] == ["Police", "Probation", "Council"]
    assert row_ratings(page, "SA-1.1") == ["red", "green", "amber"]
    expect(page.locator("#combine-sa-1-1-agreed")).to_have_value("amber")
    expect(page.locator("#combine-sa-1-1-note")).to_have_value("Health not yet on board")
    expect(page.locator("#iom-combine-name")).to_have_value("Northshire combined")
    assert page.evaluate("() => localStorage.getItem('iom:v1:combine') !== null")
    # Saved as an assessment, the result no longer needs the session: a reload starts afresh.
    page.click("[data-save] [data-command=save]")
    assert page.evaluate("() => localStorage.getItem('iom:v1:combine')") is None
    page.reload()
    open_combine(page)
    expect(page.locator("[data-results]")).to_be_hidden()


def test_start_again_asks_then_removes_the_kept_session(page, agency_files):
    open_combine(page)
    add_files(page, agency_files[:2])
    page.click("[data-command=start-again]")
    confirm = page.locator("[data-confirm=start-again]")
    expect(confirm).to_be_focused()
    confirm.locator("[data-command=cancel]").click()
    assert page.locator("[data-file-list] li").count() == 2
    page.click("[data-command=start-again]")
    confirm.locator("[data-command=start-again-confirm]").click()
    expect(page.locator("[data-results]")).to_be_hidden()
    expect(page.locator("[data-file-box]")).to_be_hidden()
    assert page.evaluate("() => localStorage.getItem('iom:v1:combine')") is None


def test_accept_every_item_on_which_all_agencies_agree_in_one_step(page, tmp_path):
    """The fault: 8 of 12 items on which all agencies agreed still needed a choice each."""
    ratings = {"SA-1.1": "red", "SA-1.2": "green", "SA-2.1": "amber", "SA-3.1": "na"}
    files = []
    for agency in ["Police", "Probation", "Council"]:
        responses = {
            item: {"rating": rating, "na_reason": "Adults only"} for item, rating in ratings.items()
        }
        if agency == "Council":
            responses["SA-1.2"] = {"rating": "amber"}  # one level apart: not all agree
        path = tmp_path / f"{agency}.json"
        path.write_text(
            json.dumps(
                {
                    "format": "iom-assessment",
                    "formatVersion": 1,
                    "instrument": {"id": "self-assessment-2010", "version": "1.0"},
                    "agency": agency,
                    "responses": responses,
                }
            ),
            encoding="utf-8",
        )
        files.append(path)
    open_combine(page)
    add_files(page, files)
    page.select_option("#combine-sa-1-1-agreed", "amber")  # the lead's own choice stays
    page.click("[data-command=accept-unanimous]")
    expect(page.locator("[data-status]")).to_have_text(
        "Accepted 2 agreed ratings on which all agencies agree."
    )
    expect(page.locator("#combine-sa-1-1-agreed")).to_have_value("amber")
    expect(page.locator("#combine-sa-1-2-agreed")).to_have_value("")
    expect(page.locator("#combine-sa-2-1-agreed")).to_have_value("amber")
    expect(page.locator("#combine-sa-3-1-agreed")).to_have_value("na")
    assert "3 of 12 elements have an agreed rating" in page.inner_text("[data-agreed-count]")
    page.click("[data-command=accept-unanimous]")
    expect(page.locator("[data-status]")).to_have_text(
        "No more items on which all agencies agree without an agreed rating."
    )


def test_not_applicable_against_a_rating_is_a_disagreement(page, tmp_path):
    """The fault: a partner's N/A was not flagged against another's Red."""
    files = []
    for agency, rating in [("Police", "red"), ("Probation", "na")]:
        path = tmp_path / f"{agency}.json"
        response = {"rating": rating, "na_reason": "Adults only" if rating == "na" else None}
        path.write_text(
            json.dumps(
                {
                    "format": "iom-assessment",
                    "formatVersion": 1,
                    "instrument": {"id": "self-assessment-2010", "version": "1.0"},
                    "agency": agency,
                    "responses": {"SA-4.2": response},
                }
            ),
            encoding="utf-8",
        )
        files.append(path)
    open_combine(page)
    add_files(page, files)
    assert row_ratings(page, "SA-4.2") == ["red", "na"]
    assert page.text_content('[data-item-row="SA-4.2"] td[data-agency="1"]') == "Not applicable"
    flags = page.get_attribute('[data-item-row="SA-4.2"] [data-flags]', "data-flags")
    assert flags == "na-mix"
    assert page.locator("[data-disagree-item='SA-4.2']").is_visible()
    assert "Why it does not apply: Adults only" in page.text_content("#combine-sa-4-2")
