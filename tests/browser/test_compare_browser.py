"""Compare over time: two assessments made through the form, what improved, stayed or declined."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.instrument_helpers import SA, open_form, rate, wait_saved

COMPARE = "assess/compare/"


def make_two_assessments(page):
    """Last year's and this year's Self Assessment, saved in this browser through the form:
    details on the overview, ratings on the section pages."""
    years = [
        ("Spring 2025", "2025-05-01", {"sa-1-1": "red", "sa-1-2": "green", "sa-2-1": "amber"}),
        ("Spring 2026", "2026-05-01", {"sa-1-1": "amber", "sa-1-2": "amber", "sa-2-1": "amber"}),
    ]
    for n, (name, date, ratings) in enumerate(years):
        open_form(page, SA)
        if n:
            page.click("[data-command=new]")
        page.fill("#iom-about-name", name)
        page.fill("#iom-about-date", date)
        rate(page, ratings)
        wait_saved(page)


def open_compare(page):
    page.goto(COMPARE)
    page.wait_for_function(
        "() => document.querySelector('[data-module=iom-compare]')"
        ".getAttribute('data-iom-init') === 'ready'"
    )


def changes(page) -> dict[str, str]:
    return dict(
        page.eval_on_selector_all(
            "[data-item-body] tr", "rows => rows.map(r => [r.dataset.itemRow, r.dataset.change])"
        )
    )


def counts(page, section: str) -> dict[str, str]:
    return dict(
        page.eval_on_selector_all(
            f'[data-section-row="{section}"] td',
            "tds => tds.map(td => [td.dataset.count, td.textContent])",
        )
    )


@pytest.fixture
def two_saved(page):
    make_two_assessments(page)


def test_two_saved_assessments_are_compared_item_and_section(page, two_saved):
    open_compare(page)
    assert page.input_value("#iom-compare-instrument") == "self-assessment-2010"
    before = page.eval_on_selector("#iom-compare-before", "s => s.selectedOptions[0].textContent")
    after = page.eval_on_selector("#iom-compare-after", "s => s.selectedOptions[0].textContent")
    assert before.startswith("Spring 2025, 2025-05-01")
    assert after.startswith("Spring 2026, 2026-05-01")
    assert page.is_visible("[data-results]")
    found = changes(page)
    assert found["SA-1.1"] == "improved"
    assert found["SA-1.2"] == "declined"
    assert found["SA-2.1"] == "unchanged"
    assert found["SA-1.3"] == "not-compared"
    assert len(found) == 12
    assert page.inner_text('[data-item-row="SA-1.1"] td:last-child') == "▲ Improved"
    assert page.inner_text('[data-item-row="SA-1.2"] td:nth-child(3)') == "Green"
    assert counts(page, "SA-1") == {
        "improved": "1",
        "unchanged": "0",
        "declined": "1",
        "not-compared": "2",
    }
    assert counts(page, "SA-2") == {
        "improved": "0",
        "unchanged": "1",
        "declined": "0",
        "not-compared": "1",
    }
    assert counts(page, "")["not-compared"] == "9"
    summary = page.inner_text("[data-results-summary]")
    expected = "1 improved, 1 unchanged, 1 declined, 9 not compared (of 12 elements)"
    assert summary.startswith(expected)
    chart = page.locator("[data-chart] .iom-bars")
    assert chart.get_attribute("role") == "img"
    assert "improved, stayed the same or declined" in chart.get_attribute("aria-label")
    # A part per change that happened in a section (8), each as wide as its share, in words.
    assert chart.locator(".iom-bars__part").count() == 8
    sa1 = chart.locator(".iom-bars__row").first
    parts = sa1.locator(".iom-bars__part").all()
    assert [(p.get_attribute("data-tone"), p.inner_text()) for p in parts] == [
        ("improved", "1 improved"),
        ("declined", "1 declined"),
        ("not-compared", "2 not compared"),
    ]
    shares = sa1.locator(".iom-bars__bar").evaluate(
        "b => [...b.children].map(p => p.getBoundingClientRect().width / b.clientWidth)"
    )
    assert shares == pytest.approx([0.25, 0.25, 0.5], abs=0.01)
    # Swapping the two turns improvements into declines.
    page.select_option("#iom-compare-before", index=2)
    page.select_option("#iom-compare-after", index=1)
    assert changes(page)["SA-1.1"] == "declined"
    page.select_option("#iom-compare-after", index=2)
    assert page.is_hidden("[data-results]")
    assert page.inner_text("[data-results-empty]") == "Choose two different assessments."


def test_a_file_can_be_compared_and_other_files_are_refused(page, two_saved, tmp_path):
    later = tmp_path / "spring-2027.json"
    later.write_text(
        json.dumps(
            {
                "format": "iom-assessment",
                "formatVersion": 1,
                "instrument": {"id": "self-assessment-2010", "version": "1.0"},
                "name": "Spring 2027",
                "date": "2027-05-01",
                "responses": {"SA-1.1": {"rating": "green"}, "SA-1.2": {"rating": "red"}},
            }
        ),
        encoding="utf-8",
    )
    other = tmp_path / "kp.json"
    other.write_text(
        json.dumps(
            {
                "format": "iom-assessment",
                "formatVersion": 1,
                "instrument": {"id": "key-principles-2015", "version": "1.0"},
                "responses": {},
            }
        ),
        encoding="utf-8",
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    open_compare(page)
    page.set_input_files("#iom-compare-files", [str(later), str(other), str(broken)])
    page.wait_for_selector("[data-error-summary]:not([hidden])")
    errors = page.locator("[data-error-list] li").all_inner_texts()
    assert errors == [
        "“kp.json” is for a different assessment (key-principles-2015).",
        "“broken.json” cannot be read: it is not a JSON file, or it is damaged.",
    ]
    after = page.eval_on_selector("#iom-compare-after", "s => s.selectedOptions[0].textContent")
    assert after == "Spring 2027, 2027-05-01 (file spring-2027.json)"
    found = changes(page)
    assert found["SA-1.1"] == "improved"  # Red in 2025, Green in 2027
    assert found["SA-1.2"] == "declined"
    assert found["SA-2.1"] == "not-compared"


def test_compare_page_without_javascript_says_what_is_needed(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(COMPARE)
    assert page.is_visible("text=Comparing needs JavaScript")
    assert page.is_hidden("#iom-compare-before")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_compare_passes_axe(page, two_saved, assert_no_axe_violations, scheme):
    page.emulate_media(color_scheme=scheme)
    open_compare(page)
    assert page.is_visible("[data-results]")
    assert_no_axe_violations(page)


def saved_file(folder, name: str, date: str, ratings: dict[str, str]):
    """An assessment in the documented saved-file format (docs/assess/file-format.md)."""
    path = folder / f"{name.lower().replace(' ', '-')}.json"
    document = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": "self-assessment-2010", "version": "1.0"},
        "name": name,
        "partnership": "Northshire IOM",
        "date": date,
        "responses": {item: {"rating": rating} for item, rating in ratings.items()},
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_compare_names_the_two_assessments_and_the_partnership_and_downloads_csv(page, tmp_path):
    earlier = saved_file(
        tmp_path, "Spring 2025", "2025-05-01", {"SA-1.1": "red", "SA-1.2": "green"}
    )
    later = saved_file(tmp_path, "Spring 2026", "2026-05-01", {"SA-1.1": "amber", "SA-1.2": "red"})
    open_compare(page)
    page.get_by_label("Assessment", exact=True).select_option(
        label="Self Assessment Tool (c. 2010)"
    )
    page.get_by_label("Or add saved files (JSON or CSV)").set_input_files(
        [str(earlier), str(later)]
    )
    heading = page.get_by_role("heading", name="Northshire IOM: Spring 2025")
    expect(heading).to_have_text(
        "Northshire IOM: Spring 2025 (2025-05-01) compared with Spring 2026 (2026-05-01)"
    )
    # The document's title too: a printed page's header and a PDF's suggested file name.
    expect(page).to_have_title(
        "Northshire IOM – Self Assessment Tool (c. 2010): Spring 2025 (2025-05-01) compared"
        " with Spring 2026 (2026-05-01)"
    )
    page.emulate_media(media="print")
    expect(heading).to_be_visible()
    for control in ["#iom-compare-before", "#iom-compare-files", "[data-command=download-csv]"]:
        expect(page.locator(control)).to_be_hidden()
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download this table (CSV spreadsheet)").click()
    assert download.value.suggested_filename == (
        "compare-self-assessment-2010-northshire-iom-2025-05-01-2026-05-01.csv"
    )
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw  # lib/csv.js: BOM, CRLF
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "Section",
        "Id",
        "Element",
        "Earlier: Spring 2025 (2025-05-01)",
        "Later: Spring 2026 (2026-05-01)",
        "Change",
    ]
    by_id = {row[1]: row for row in rows[1:]}
    assert len(by_id) == 12
    assert by_id["SA-1.1"][0].startswith("SA-1 ")
    assert by_id["SA-1.1"][3:] == ["Red", "Amber", "Improved"]
    assert by_id["SA-1.2"][3:] == ["Green", "Red", "Declined"]
    assert by_id["SA-2.1"][3:] == ["Not rated", "Not rated", "Not compared"]
    expect(page.locator("[data-csv-status]")).to_contain_text("Downloaded compare-")
