"""The value-for-money calculator in the browser: results, errors, scenarios, files, axe."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import libreoffice

PAGE = "value-for-money/"
SCENARIOS_PART = "**/bundles/part-iom-breakeven-scenarios.js"
SCENARIOS_LOADED = "() => !!(window.IOM.breakevenParts && IOM.breakevenParts.scenarios)"


def open_calculator(page):
    page.goto(PAGE)
    page.wait_for_function(
        "() => document.querySelector('[data-module=iom-breakeven]')"
        ".getAttribute('data-iom-init') === 'ready'"
    )


def fill_example(page):
    """Worked example 1 (see test_breakeven_maths_browser.py): break-even at 90 offences."""
    page.fill("#iom-be-cohort", "40")
    page.fill("#iom-be-staff-0-role", "Police officer")
    page.fill("#iom-be-staff-0-posts", "2")
    page.fill("#iom-be-staff-0-cost", "40,000")
    page.fill("#iom-be-staff-1-posts", "1")
    page.fill("#iom-be-staff-1-cost", "£30000")
    page.fill("#iom-be-interventions", "50000")
    page.fill("#iom-be-other", "20000")
    page.fill("#iom-be-crime-domestic-burglary-rate", "2")
    page.fill("#iom-be-crime-domestic-burglary-cost", "5000")
    page.fill("#iom-be-crime-domestic-burglary-year", "2015/16")
    page.fill("#iom-be-crime-theft-from-vehicle-rate", "5")
    page.fill("#iom-be-crime-theft-from-vehicle-cost", "800")
    page.fill("#iom-be-reduction", "25")


def wait_for_status(page, word: str):
    page.wait_for_function(
        "(word) => document.querySelector('[data-status]').textContent.includes(word)", arg=word
    )


def out(page, name: str) -> str:
    return page.locator(f"[data-out='{name}']").inner_text().strip()


def assert_no_nan_or_infinity(page):
    text = page.locator("body").inner_text()
    for bad in ["NaN", "Infinity", "undefined"]:
        assert bad not in text, bad
    svg = page.locator("[data-chart]").inner_html()
    assert "NaN" not in svg and "Infinity" not in svg


@pytest.fixture
def calculator(page):
    open_calculator(page)
    return page


def test_worked_example_gives_hand_computed_results(calculator, assert_no_axe_violations):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")
    assert out(page, "totalCost") == "£180,000"
    assert out(page, "staffCost") == "£110,000"
    assert out(page, "costPerOffender") == "£4,500"
    assert out(page, "baselineOffences") == "280 offences"
    assert out(page, "baselineCost") == "£560,000"
    assert out(page, "costPerOffence") == "£2,000"
    assert out(page, "priceYears") == "2015/16"
    assert out(page, "breakEvenOffences") == "90 offences"
    assert out(page, "breakEvenPercent").startswith("32.1%")
    assert out(page, "offencesPrevented") == "70 offences"
    assert out(page, "savings") == "£140,000"
    assert out(page, "net") == "£40,000 shortfall"
    assert out(page, "netPerOffender") == "£1,000 shortfall"
    assert out(page, "savingsPerPound") == "£0.78"
    assert page.locator("[data-error-summary]").is_hidden()
    assert_no_nan_or_infinity(page)
    assert_no_axe_violations(page)


def test_chart_is_an_image_with_a_name_and_the_table_has_the_same_figures(calculator):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")
    svg = page.locator("[data-chart] svg[role=img]")
    assert svg.get_attribute("role") == "img"
    name = page.evaluate(
        "() => [...document.querySelector('[data-chart] svg[role=img]')"
        ".getAttribute('aria-labelledby').split(' ')]"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "Net position" in name
    assert "32.1%" in name and "£40,000 shortfall" in name
    assert svg.locator("circle").count() == 1  # the break-even point
    # The words are page text beside the drawing: the axes, their ticks and the key.
    assert svg.locator("text").count() == 0
    chart = page.locator("[data-chart]")
    assert chart.locator(".iom-breakeven__key").inner_text().split("\n") == [
        "Break-even 32.1%",
        "Expected 25%",
    ]
    assert chart.locator(".iom-breakeven__axis").all_inner_texts() == [
        "Net position a year",
        "Reduction in the cohort’s offending",
    ]
    y_ticks = chart.locator(".iom-breakeven__ticks--y .iom-breakeven__tick").all_inner_texts()
    assert y_ticks == ["−£200,000", "£0", "£200,000", "£400,000"]
    # Each y tick is centred on its grid line.
    offsets = page.evaluate(
        """() => {
          const chart = document.querySelector('[data-chart]');
          const lines = [...chart.querySelectorAll('.iom-breakeven__svg-grid > line:not([class])')];
          const ticks = [...chart.querySelectorAll('.iom-breakeven__ticks--y > *')];
          return ticks.map((t, i) => {
            const b = t.getBoundingClientRect(), l = lines[i].getBoundingClientRect();
            return Math.abs((b.top + b.bottom) / 2 - l.top);
          });
        }"""
    )
    assert len(offsets) == len(y_ticks) and max(offsets) < 1.5
    rows = page.locator("[data-table-body] tr")
    cells = [rows.nth(i).locator("th, td").all_inner_texts() for i in range(rows.count())]
    assert cells[0] == ["0%", "0", "£0", "£180,000 shortfall"]
    assert ["25% (your expected reduction)", "70", "£140,000", "£40,000 shortfall"] in cells
    assert ["32.1% (break-even)", "90", "£180,000", "£0 (breaks even)"] in cells
    assert cells[-1] == ["100%", "280", "£560,000", "£380,000 saving"]


def test_break_even_impossible_is_said_in_words(calculator):
    page = calculator
    page.fill("#iom-be-cohort", "5")
    page.fill("#iom-be-staff-0-posts", "1")
    page.fill("#iom-be-staff-0-cost", "100000")
    page.fill("#iom-be-crime-robbery-rate", "2")
    page.fill("#iom-be-crime-robbery-cost", "5000")
    page.fill("#iom-be-reduction", "100")
    page.click("[data-command=calculate]")
    assert out(page, "breakEvenOffences") == "Not possible"
    note = out(page, "breakEvenNote")
    assert "Break-even is not possible" in note
    assert "£50,000" in note  # saved by preventing every offence, and the gap is the same
    assert out(page, "net") == "£50,000 shortfall"
    assert page.locator("[data-chart] svg[role=img] circle").count() == 0
    assert "Break-even" not in page.locator("[data-chart] .iom-breakeven__key").inner_text()
    assert_no_nan_or_infinity(page)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cohort", "0", "Number of offenders must be more than 0"),
        ("cohort", "", "Enter the number of offenders in the cohort"),
        ("cohort", "forty", "Number of offenders must be a number, like 40"),
        ("interventions", "-100", "Interventions must be 0 or more"),
        ("reduction", "", "Enter the reduction in offending you expect"),
        ("crime-theft-from-vehicle-cost", "eight hundred", "Theft from a vehicle: unit cost"),
        ("staff-0-posts", "two", "Police officer: number of posts must be a number"),
    ],
)
def test_bad_input_gets_an_inline_error_and_a_summary_link(
    calculator, field, value, message, assert_no_axe_violations
):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")  # a good result first, which must then go away
    page.fill(f"#iom-be-{field}", value)
    page.click("[data-command=calculate]")
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "iom-be-error-summary"
    link = summary.locator("a")
    assert link.count() == 1
    assert message in link.inner_text()
    assert link.get_attribute("href") == f"#iom-be-{field}"
    inline = page.locator(f"#iom-be-{field}-error")
    assert inline.is_visible() and message in inline.inner_text()
    # The message is made when needed, in GOV.UK order: in the field's box, before its input.
    assert page.evaluate(
        """(id) => {
            const message = document.getElementById(id + "-error");
            const input = document.getElementById(id);
            const box = message.parentNode;
            return box.contains(input) && box.matches(".iom-breakeven__field, td") &&
                !!(message.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        f"iom-be-{field}",
    )
    field_input = page.locator(f"#iom-be-{field}")
    assert field_input.get_attribute("aria-invalid") == "true"
    assert f"iom-be-{field}-error" in field_input.get_attribute("aria-describedby").split()
    # A thick border in the error colour as well as the words (GOV.UK error pattern).
    border = field_input.evaluate(
        "(el) => { const s = getComputedStyle(el); return [s.borderTopWidth, s.borderTopColor]; }"
    )
    assert border == ["3px", "rgb(179, 38, 30)"], border
    assert page.locator("[data-results]").is_hidden()
    assert_no_nan_or_infinity(page)
    assert_no_axe_violations(page)
    link.click()
    assert page.evaluate("() => document.activeElement.id") == f"iom-be-{field}"
    # Correcting the field clears its error.
    good = {"cohort": "40", "interventions": "50000", "staff-0-posts": "2"}
    page.fill(f"#iom-be-{field}", good.get(field, "800"))
    if field == "reduction":
        page.fill("#iom-be-reduction", "25")
    page.click("[data-command=calculate]")
    assert summary.is_hidden()
    assert field_input.get_attribute("aria-invalid") is None
    assert out(page, "totalCost") == "£180,000"


def test_lancashire_preset_loads_the_case_study_as_published_and_asks_for_the_rest(calculator):
    page = calculator
    page.click("[data-command=preset][data-preset-key=lancashire]")
    assert page.input_value("#iom-be-cohort") == "1"
    # One offender's crimes, courts, prison and interventions over four years, a year:
    # (£73,000 + £12,000 + £74,000 + £157,000) / 4.
    assert page.input_value("#iom-be-crime-other-cost") == "79000"
    assert "this offender" in page.input_value("#iom-be-crime-other-label")
    # The case study gives neither what IOM cost nor a reduction: the form asks for both.
    assert page.input_value("#iom-be-interventions") == ""
    assert page.input_value("#iom-be-reduction") == ""
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    assert "Enter at least one cost" in summary.inner_text()
    assert "Enter the reduction in offending you expect" in summary.inner_text()
    page.fill("#iom-be-interventions", "20000")
    page.fill("#iom-be-reduction", "33")
    page.click("[data-command=calculate]")
    assert out(page, "baselineCost") == "£79,000"
    assert out(page, "breakEvenPercent").startswith("25.3%")  # £20,000 / £79,000
    assert out(page, "savings") == "£26,070"  # 33% of £79,000
    assert out(page, "net") == "£6,070 saving"
    assert_no_nan_or_infinity(page)


def test_scenarios_save_list_open_and_delete(calculator, assert_no_axe_violations):
    page = calculator
    fill_example(page)
    page.fill("[data-scenario-name]", "Current team")
    page.click("[data-command=save]")
    wait_for_status(page, "Saved")
    page.click("[data-command=clear]")
    page.click("[data-command=preset]")
    page.fill("[data-scenario-name]", "Lancashire")
    page.click("[data-command=save]")
    options = page.locator("[data-scenario-list] option").all_inner_texts()
    assert "Current team" in options and "Lancashire" in options
    keys = [k for k in page.evaluate("() => Object.keys(localStorage)") if "breakeven" in k]
    assert len(keys) == 3  # two scenarios and the form as last typed
    assert all(k.startswith("iom:") for k in keys)

    page.reload()
    open_calculator(page)
    page.select_option("[data-scenario-list]", label="Current team")
    page.click("[data-command=open]")  # the first use on this page: its code loads first
    expect(page.locator("#iom-be-cohort")).to_have_value("40")
    assert page.input_value("#iom-be-staff-0-role") == "Police officer"
    assert out(page, "totalCost") == "£180,000"
    wait_for_status(page, "Opened")

    page.select_option("[data-scenario-list]", label="Lancashire")
    page.click("[data-command=delete]")
    # Nothing goes until the user confirms; Cancel keeps it.
    expect(page.locator("[data-confirm-delete]")).to_be_visible()
    assert page.locator("[data-confirm-delete] [data-confirm-name]").inner_text() == "Lancashire"
    assert_no_axe_violations(page)
    page.click("[data-command=delete-cancel]")
    assert "Lancashire" in page.locator("[data-scenario-list] option").all_inner_texts()
    page.click("[data-command=delete]")
    page.click("[data-command=delete-confirm]")
    assert page.locator("[data-scenario-list] option").all_inner_texts() == [
        "Choose a scenario",
        "Current team",
    ]


def test_saving_needs_a_name(calculator, assert_no_axe_violations):
    page = calculator
    page.click("[data-command=save]")
    error = page.locator("#iom-be-scenario-name-error")
    expect(error).to_contain_text("Enter a name")
    expect(error).to_be_visible()
    assert page.locator("[data-scenario-name]").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)


def test_the_form_is_kept_as_typed_when_the_page_is_reopened(calculator):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")
    page.reload()
    open_calculator(page)
    assert page.input_value("#iom-be-cohort") == "40"
    assert out(page, "totalCost") == "£180,000"


def test_json_export_imports_back(calculator, tmp_path):
    page = calculator
    fill_example(page)
    page.fill("[data-scenario-name]", "Export me")
    page.click("[data-command=calculate]")
    with page.expect_download() as download:
        page.click("[data-command=export-json]")
    assert download.value.suggested_filename == "iom-value-for-money-export-me.json"
    doc = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert doc["format"] == "iom-breakeven" and doc["formatVersion"] == 1
    assert doc["name"] == "Export me"
    assert doc["inputs"]["cohort"] == "40"
    assert doc["inputs"]["staff"][0] == {"role": "Police officer", "posts": "2", "cost": "40,000"}
    assert doc["inputs"]["crimes"]["domestic-burglary"]["year"] == "2015/16"

    page.click("[data-command=clear]")
    assert page.input_value("#iom-be-cohort") == ""
    page.set_input_files("[data-import-file]", download.value.path())
    page.click("[data-command=import-confirm]")  # it asks before it replaces the form
    page.wait_for_function("() => document.getElementById('iom-be-cohort').value === '40'")
    assert page.input_value("[data-scenario-name]") == "Export me"
    assert out(page, "totalCost") == "£180,000"

    bad = tmp_path / "not-a-scenario.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    page.set_input_files("[data-import-file]", str(bad))
    error = page.locator("#iom-be-import-error")
    error.wait_for(state="visible")
    assert "not a scenario downloaded from this page" in error.inner_text()
    assert page.input_value("#iom-be-cohort") == "40"  # nothing replaced


# The only words in the value column of rows without a unit, besides names and price years.
WORDS = {"Not possible", "Correct the problems in the form first"}


def download_csv(page, tmp_path: Path) -> tuple[Path, list[list[str]]]:
    """Download the figures and results; the saved file and its rows."""
    with page.expect_download() as download:
        page.click("[data-command=export-csv]")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")
    return path, list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))


def assert_numbers_have_units(rows: list[list[str]]) -> None:
    """Every row with a unit holds a plain number an analyst can compute with; others words."""
    for section, item, value, unit in rows[1:]:
        if unit:
            assert "£" not in value and "," not in value and "%" not in value, (item, value)
            float(value)  # raises on anything that is not a plain number
        else:
            words = section == "Scenario" or item.endswith(": price year") or value in WORDS
            assert words, (item, value)


def test_csv_export_has_inputs_results_and_net_table(calculator, tmp_path):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")
    _, rows = download_csv(page, tmp_path)
    # Burglary's unit cost has a price year, theft from a vehicle's has none: no one year.
    assert rows[0] == ["Section", "Item", "Value (£, mixed price years, see each row)", "Unit"]
    assert_numbers_have_units(rows)
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    units = {(r[0], r[1]): r[3] for r in rows[1:]}
    assert table[("Inputs", "Number of offenders managed")] == "40"
    assert units[("Inputs", "Number of offenders managed")] == "offenders"
    # Typed as "40,000" and "£30000": the numbers the sums used.
    assert table[("Inputs", "Post 1 (Police officer): cost per post")] == "40000"
    assert table[("Inputs", "Post 2: cost per post")] == "30000"
    assert units[("Inputs", "Post 2: number of posts")] == "full-time equivalent"
    assert table[("Inputs", "Domestic burglary: unit cost")] == "5000"
    assert table[("Inputs", "Domestic burglary: price year")] == "2015/16"
    assert table[("Inputs", "Theft from a vehicle: price year")] == "Not stated"
    assert table[("Inputs", "Theft from a vehicle: multiplier for unrecorded crime")] == "1"
    assert table[("Inputs", "Expected reduction")] == "25"
    assert units[("Inputs", "Expected reduction")] == "per cent"
    assert table[("Results", "Total cost")] == "180000"
    assert units[("Results", "Total cost")] == "£ a year"
    assert table[("Results", "Offences to prevent to break even")] == "90"
    # Not rounded for show: 180,000 / 560,000 of the offending.
    percent = table[("Results", "Reduction needed to break even")]
    assert float(percent) == pytest.approx(100 * 180000 / 560000, abs=1e-12)
    assert units[("Results", "Reduction needed to break even")] == "per cent"
    assert table[("Results", "Net position at the expected reduction")] == "-40000"
    assert table[("Net position by reduction", "At 100%")] == "380000"
    assert table[("Net position by reduction", "At 0%")] == "-180000"


def test_csv_header_names_the_price_year_only_when_every_unit_cost_gives_it(calculator, tmp_path):
    page = calculator
    fill_example(page)
    page.fill("#iom-be-crime-theft-from-vehicle-year", "2015/16")
    page.click("[data-command=calculate]")
    _, rows = download_csv(page, tmp_path)
    assert rows[0][2] == "Value (£, 2015/16 prices)"
    # Uprated unit costs are no longer in their price year's prices.
    page.fill("#iom-be-uprating", "1.1")
    page.click("[data-command=calculate]")
    _, rows = download_csv(page, tmp_path)
    assert rows[0][2] == "Value (£, 2015/16 prices, unit costs uprated by 1.1)"
    assert_numbers_have_units(rows)


def test_csv_of_a_figure_with_no_price_year_claims_none(calculator, tmp_path):
    page = calculator
    page.click("[data-command=preset][data-preset-key=lancashire]")
    page.fill("#iom-be-interventions", "20000")
    page.fill("#iom-be-reduction", "33")
    page.click("[data-command=calculate]")
    _, rows = download_csv(page, tmp_path)
    # The source gives no price year; the form says "Not stated" and so does the file.
    assert rows[0][2] == "Value (£, price year not stated)"
    price_years = [r for r in rows if r[1].endswith(": price year")]
    assert [r[2] for r in price_years] == ["Not stated"]
    assert_numbers_have_units(rows)


def test_csv_of_a_form_with_errors_keeps_what_was_typed(calculator, tmp_path):
    page = calculator
    fill_example(page)
    page.fill("#iom-be-cohort", "forty")
    _, rows = download_csv(page, tmp_path)
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert table[("Inputs", "Number of offenders managed")] == "forty"
    assert table[("Results", "Not calculated")] == "Correct the problems in the form first"
    assert not any(r[0] == "Net position by reduction" for r in rows)


@pytest.mark.skipif(not libreoffice.available, reason="LibreOffice (soffice) not installed")
def test_csv_value_cells_are_numbers_in_libreoffice(calculator, tmp_path):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")
    source, rows = download_csv(page, tmp_path)
    numbered = [i for i, row in enumerate(rows) if i and row[3]]  # every row with a unit
    assert len(numbered) > 20

    sheet = libreoffice.fods_cells(libreoffice.convert(source, "fods", tmp_path / "fods"))
    assert len(sheet) == len(rows)
    assert sheet[0][2] == ("string", "Value (£, mixed price years, see each row)")
    for i in numbered:
        kind, shown = sheet[i][2]
        assert kind == "float", (rows[i], sheet[i])
        assert float(shown) == pytest.approx(float(rows[i][2])), (rows[i], shown)
    net = next(i for i, r in enumerate(rows) if r[1] == "Net position at the expected reduction")
    assert sheet[net][2] == ("float", "-40000")  # a value, not a formula or text
    year = next(i for i, r in enumerate(rows) if r[1] == "Domestic burglary: price year")
    assert sheet[year][2] == ("string", "2015/16")  # not read as a date or a fraction

    # Saved again as CSV from LibreOffice: the same figures come back.
    back = libreoffice.convert(
        source, "csv:Text - txt - csv (StarCalc):" + libreoffice.CSV_OPTIONS, tmp_path / "csv"
    )
    again = list(csv.reader(io.StringIO(back.read_text(encoding="utf-8").lstrip("\ufeff"))))
    assert again[0] == rows[0]
    for i in numbered:
        assert float(again[i][2]) == pytest.approx(float(rows[i][2])), (rows[i], again[i])


def hold(page, pattern: str) -> list:
    """Hold back every request matching pattern until release() lets it go."""
    held: list = []

    def keep(route):
        held.append(route)

    page.route(pattern, keep)
    return held


def release(page, held: list) -> None:
    for _ in range(100):  # let the page send its request (waiting also runs the route handler)
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the scenarios code was never requested"
    for route in held:
        route.continue_()


def test_scenario_code_loads_on_first_use_and_a_click_while_it_loads_still_downloads(
    calculator,
):
    page = calculator
    assert not page.evaluate(SCENARIOS_LOADED), "scenario code should not load with the page"
    assert not page.evaluate("() => !!IOM.lib.csv"), "CSV code should not load with the page"
    fill_example(page)
    page.click("[data-command=calculate]")
    held = hold(page, SCENARIOS_PART)
    with page.expect_download() as download:
        page.click("[data-command=export-csv]")  # arrives before the code it needs
        assert not page.evaluate(SCENARIOS_LOADED)
        release(page, held)
    assert download.value.suggested_filename == "iom-value-for-money-scenario.csv"
    raw = open(download.value.path(), encoding="utf-8").read()
    assert "Total cost,180000" in raw
    assert page.evaluate(SCENARIOS_LOADED)
    wait_for_status(page, "Downloaded the figures and results as CSV")


def test_first_download_works_by_keyboard_while_its_code_loads(calculator):
    page = calculator
    held = hold(page, SCENARIOS_PART)
    page.fill("[data-scenario-name]", "By keyboard")  # focus here starts loading the code
    page.focus("[data-command=delete]")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.command") == "export-json"
    with page.expect_download() as download:
        page.keyboard.press("Enter")
        assert not page.evaluate(SCENARIOS_LOADED)
        release(page, held)
    assert download.value.suggested_filename == "iom-value-for-money-by-keyboard.json"
    doc = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert doc["format"] == "iom-breakeven" and doc["name"] == "By keyboard"


def test_first_import_works_before_the_scenario_code_has_loaded(calculator, tmp_path):
    page = calculator
    assert not page.evaluate(SCENARIOS_LOADED)
    scenario = {
        "format": "iom-breakeven",
        "formatVersion": 1,
        "name": "From a file",
        "inputs": {
            "cohort": "40",
            "interventions": "180000",
            "reduction": "25",
            "crimes": {"robbery": {"rate": "1", "cost": "4500"}},
        },
    }
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    page.set_input_files("[data-import-file]", str(path))
    page.click("[data-command=import-confirm]")  # it asks before it replaces the form
    expect(page.locator("#iom-be-cohort")).to_have_value("40")
    expect(page.locator("#iom-be-crime-robbery-cost")).to_have_value("4500")
    assert page.input_value("[data-scenario-name]") == "From a file"
    assert out(page, "totalCost") == "£180,000"
    assert out(page, "breakEvenPercent").startswith("100%")
    wait_for_status(page, "Imported scenario")


def test_if_the_scenario_code_cannot_load_the_user_is_told_and_a_retry_works(calculator):
    page = calculator
    page.route(SCENARIOS_PART, lambda route: route.abort())
    page.click("[data-command=export-json]")
    wait_for_status(page, "could not be loaded. Try again.")
    assert not page.evaluate(SCENARIOS_LOADED)
    page.unroute(SCENARIOS_PART)
    with page.expect_download() as download:
        page.click("[data-command=export-json]")
    assert download.value.suggested_filename == "iom-value-for-money-scenario.json"


def test_without_javascript_the_form_reads_and_says_results_need_it(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(PAGE)
    assert page.locator("label[for=iom-be-cohort]").is_visible()
    assert page.locator("#iom-be-cohort").is_visible()
    assert page.locator("[data-no-js-results]").is_visible()
    assert re.search(r"results need JavaScript", page.locator("[data-no-js-results]").inner_text())
    assert page.locator("[data-command=calculate]").is_hidden()
    assert page.locator("[data-command=save]").is_hidden()
    # Enter in a field submits the form; no figure may go into the address sent to the host.
    page.fill("#iom-be-cohort", "4321")
    page.press("#iom-be-cohort", "Enter")
    page.wait_for_load_state()
    assert "4321" not in page.url and "cohort" not in page.url
    context.close()


def test_page_passes_axe_in_dark_scheme_with_results_and_errors(page, assert_no_axe_violations):
    page.emulate_media(color_scheme="dark")
    open_calculator(page)
    page.click("[data-command=preset]")
    assert_no_axe_violations(page)
    page.fill("#iom-be-cohort", "0")
    page.click("[data-command=calculate]")
    assert page.locator("[data-error-summary]").is_visible()
    assert_no_axe_violations(page)


def test_import_over_an_open_scenario_asks_first_and_cancel_changes_nothing(calculator, tmp_path):
    """The fault: importing a calculator file replaced the open scenario without asking."""
    page = calculator
    fill_example(page)
    page.fill("[data-scenario-name]", "Ours, not saved yet")
    page.click("[data-command=calculate]")
    draft = page.evaluate("() => localStorage.getItem('iom:v1:assessment:breakeven:draft')")
    scenario = {
        "format": "iom-breakeven",
        "formatVersion": 1,
        "name": "Theirs",
        "inputs": {
            "cohort": "12",
            "interventions": "5000",
            "reduction": "10",
            "crimes": {"robbery": {"rate": "1", "cost": "4500"}},
        },
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    page.set_input_files("[data-import-file]", str(path))
    confirm = page.locator("[data-confirm-import]")
    expect(confirm).to_be_visible()
    expect(confirm).to_be_focused()
    expect(confirm).to_contain_text("Replace the figures in the form with the scenario “Theirs”")
    assert page.input_value("#iom-be-cohort") == "40"
    confirm.get_by_role("button", name="Cancel").click()
    expect(confirm).to_be_hidden()
    assert page.input_value("#iom-be-cohort") == "40"
    assert page.input_value("[data-scenario-name]") == "Ours, not saved yet"
    assert page.evaluate("() => localStorage.getItem('iom:v1:assessment:breakeven:draft')") == draft
    page.set_input_files("[data-import-file]", str(path))
    confirm.get_by_role("button", name="Yes, replace the figures").click()
    expect(page.locator("#iom-be-cohort")).to_have_value("12")
    assert page.input_value("[data-scenario-name]") == "Theirs"
    assert out(page, "totalCost") == "£5,000"


def test_clear_all_my_data_in_another_tab_clears_the_calculator_too(calculator):
    page = calculator
    fill_example(page)
    page.click("[data-command=calculate]")
    other = page.context.new_page()
    other.goto("about/privacy/")
    other.click(".iom-clear-data [data-command=clear]")
    other.click("[data-command=clear-confirm]")
    expect(page.locator("#iom-be-cohort")).to_have_value("")
    wait_for_status(page, "cleared in another tab")
    page.keyboard.press("Tab")  # the page keeps working; nothing cleared comes back
    assert page.evaluate("() => localStorage.getItem('iom:v1:assessment:breakeven:draft')") is None
