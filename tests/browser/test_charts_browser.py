"""The charts fit what they are drawn in (WCAG 1.4.10) and their words fit their marks: the
bar charts' labels stay inside their parts at any width and with wider text spacing (1.4.12),
and are fitted again when the window's width changes; each chart fills its box at 320 px
without scaling its text; the heatmap scrolls inside its region with the item ids in view.
Whether chart text is whole, 12 px or more and clear of other text is in
test_text_spacing_browser.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import layout_checks
from tests.browser.page_states import AGENCIES, COMBINE, open_filled, saved_file, wait_module_ready

BAR_STATES = ["form-overview", "compare"]

# Each part's label against its part: [label, label width, part width] where it spills over.
SPILLS = """() => [...document.querySelectorAll('.iom-bars__part')]
  .map(p => [p.firstChild.textContent, p.firstChild.getBoundingClientRect().width, p.clientWidth])
  .filter(([text, need, room]) => need > room)"""

LABELS = "() => [...document.querySelectorAll('.iom-bars__part')].map(p => p.textContent)"


@pytest.mark.parametrize("spaced", [False, True], ids=["as-designed", "spaced"])
@pytest.mark.parametrize("width", [1280, 390, 320])
@pytest.mark.parametrize("state", BAR_STATES)
def test_bar_labels_stay_inside_their_parts(page, state, width, spaced, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    open_filled(page, state, tmp_path)
    if spaced:
        layout_checks.apply_text_spacing(page)
    assert page.evaluate(SPILLS) == []
    # Words on the bars where there is room: some label names its rating or change.
    assert any(" " in label for label in page.evaluate(LABELS))


@pytest.mark.parametrize("state", BAR_STATES)
def test_bar_labels_are_fitted_again_when_the_window_narrows(page, state, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_filled(page, state, tmp_path)
    wide = page.evaluate(LABELS)
    page.set_viewport_size({"width": 320, "height": 900})
    page.wait_for_function(f"(wide) => ({LABELS})().join('|') !== wide.join('|')", arg=wide)
    assert page.evaluate(SPILLS) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(f"(wide) => ({LABELS})().join('|') === wide.join('|')", arg=wide)


CHARTS = {
    "form-overview": "[data-chart] .iom-bars",
    "compare": "[data-chart] .iom-bars",
    "calculator": "[data-chart] .iom-breakeven__graph",
}


@pytest.mark.parametrize("state", sorted(CHARTS))
def test_chart_fills_its_box_at_320_px_with_text_at_its_size(page, state, tmp_path):
    page.set_viewport_size({"width": 320, "height": 900})
    open_filled(page, state, tmp_path)
    chart = page.locator(CHARTS[state])
    box = chart.evaluate(
        "c => ({chart: c.getBoundingClientRect().width, canvas: c.parentElement.clientWidth,"
        " wide: c.scrollWidth - c.clientWidth})"
    )
    assert box["chart"] == pytest.approx(box["canvas"], abs=1)
    assert box["wide"] <= 0, "something in the chart is wider than the chart"
    assert {t["px"] for t in layout_checks.chart_text(page)} == {14}


def test_heatmap_of_many_agencies_scrolls_in_its_region_with_the_ids_in_view(page, tmp_path):
    page.set_viewport_size({"width": 390, "height": 900})
    names = [f"{name} ({n})" for n in range(3) for name in AGENCIES]
    files = [
        saved_file(tmp_path, f"Review {n}", name, "2026-11-01", n) for n, name in enumerate(names)
    ]
    page.goto(COMBINE)
    wait_module_ready(page, "iom-combine")
    page.get_by_label("Add agencies’ files (JSON or CSV)").set_input_files([str(p) for p in files])
    region = page.get_by_role("region", name="Each row is an item")
    heatmap = region.get_by_role("img", name="Heatmap of ratings")
    expect(heatmap.locator(".iom-heatmap__head")).to_have_text(names)
    assert region.evaluate("r => r.scrollWidth > r.clientWidth + 500")
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    first_id = heatmap.locator(".iom-heatmap__label").first
    id_box, region_box = first_id.bounding_box(), region.bounding_box()
    assert id_box["x"] == pytest.approx(region_box["x"], abs=1)
