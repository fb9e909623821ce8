"""Text spacing (WCAG 1.4.12): with line height 1.5, letter spacing 0.12em, word spacing
0.16em and paragraph spacing 2em applied as a user stylesheet would, no text on any page is
cut off by its box or runs over other text, at desktop and phone widths, as the page opens and
filled in. The theme's menu and search count too. The charts' own text is checked on its own
(tests at the end): whole, at least 12 CSS px on screen, and neither cut off nor overlapping."""

from __future__ import annotations

import pytest

from tests.browser import layout_checks
from tests.browser.page_states import (
    FILLED_PREFIX,
    MENU,
    SEARCH,
    open_page,
    open_phone_menu,
    open_search,
    pages_and_states,
)

WIDTHS = [1280, 390]


def assert_text_fits(page, part: str = "page", within: str | None = None):
    for label, spaced in (("as designed", False), ("with the text-spacing override", True)):
        if spaced:
            layout_checks.apply_text_spacing(page)
        found = layout_checks.text_boxes(page, part, within)
        problems = found["clipped"] + found["overlaps"]
        assert not problems, f"{label}: " + "; ".join(problems[:10])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("where", pages_and_states())
def test_text_fits_with_wider_spacing(page, where, width, tmp_path):
    open_page(page, where, tmp_path, width)
    assert_text_fits(page)


def test_the_phone_menu_fits_with_wider_spacing(page):
    open_phone_menu(page)
    assert_text_fits(page, within=MENU)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_results_fit_with_wider_spacing(page, width):
    open_search(page, width)
    assert_text_fits(page, within=SEARCH)


# --- Chart text ---------------------------------------------------------------------------
# Each state with a chart, at each width: the labels are whole (no ellipsis), at least 12 CSS
# px on screen, and neither cut off nor overlapping, as drawn and with wider spacing. Before
# the charts' words became page text (issue 17), every state failed one of these: SVG labels
# scaled down to 9.8 px at 1280 px and 7.3 px at 390 px, section titles and agency names cut
# short, and with wider spacing titles ran past the chart and axis labels over each other.

CHART_STATES = [
    FILLED_PREFIX + state for state in ("calculator", "combine", "compare", "form-overview")
] + ["survey-2011/"]
"""The pages and states with charts: those drawn by the components once filled in, and the
survey's, drawn by the build."""


def open_chart(page, where: str, width: int, folder) -> list[dict]:
    open_page(page, where, folder, width)
    texts = layout_checks.chart_text(page)
    assert texts, f"no chart drawn on {where}"
    return texts


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", CHART_STATES)
def test_chart_text_fits_with_wider_spacing(page, state, width, tmp_path):
    open_chart(page, state, width, tmp_path)
    assert_text_fits(page, part="charts")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", CHART_STATES)
def test_chart_labels_are_whole(page, state, width, tmp_path):
    texts = open_chart(page, state, width, tmp_path)
    shortened = [t["text"] for t in texts if t["text"].endswith("…")]
    assert not shortened, f"labels cut short: {shortened}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", CHART_STATES)
def test_chart_text_is_at_least_12_px(page, state, width, tmp_path):
    texts = open_chart(page, state, width, tmp_path)
    small = sorted({t["px"] for t in texts if t["px"] < 12})
    assert not small, f"chart text at {small} CSS px"
