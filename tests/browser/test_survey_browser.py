"""The survey findings page: headings in order, charts named and labelled, tables, axe."""

from __future__ import annotations

import re

import pytest

SECTIONS = [
    "How the survey was done",
    "Implementation",
    "Alignment of local offender management approaches",
    "Partnership working",
    "Views on barriers to implementation",
    "Efficiency gains from IOM",
    "Existing tools for IOM, PPO and DIP",
    "Effective practice information",
    "Implications for decision makers",
    "Conclusions",
]


def test_survey_page_has_its_sections_as_headings_in_order(page):
    page.goto("survey-2011/")
    assert page.locator("article h1").inner_text().startswith("Survey findings 2011")
    headings = [h.strip().rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings == SECTIONS
    # No heading level is skipped inside the article.
    levels = [
        int(t[1])
        for t in page.locator("article :is(h1,h2,h3,h4)").evaluate_all(
            "els => els.map(e => e.tagName.toLowerCase())"
        )
    ]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_figure_1_chart_is_a_named_image_with_values_beside_the_bars(page):
    page.goto("survey-2011/")
    chart = page.get_by_role("img", name=re.compile(r"^Figure 1: Respondent views"))
    assert chart.count() == 1
    assert chart.is_visible()
    values = chart.locator(".iom-chart__value").all_text_contents()
    assert values == ["31%", "61%", "7%"]
    widths = chart.locator("rect").evaluate_all(
        "rects => rects.map(r => r.getBoundingClientRect().width)"
    )
    assert widths[1] > widths[0] > widths[2] > 0
    assert widths[0] / widths[1] == pytest.approx(31 / 61, rel=0.02)


def test_every_chart_svg_has_an_accessible_name(page):
    page.goto("survey-2011/")
    svgs = page.locator("article svg.iom-chart__svg")
    assert svgs.count() >= 14
    for i in range(svgs.count()):
        svg = svgs.nth(i)
        assert svg.get_attribute("role") == "img"
        label_id = svg.get_attribute("aria-labelledby")
        assert page.locator(f"#{label_id}").inner_text().strip()


def test_tables_carry_the_same_figures_with_captions(page):
    page.goto("survey-2011/")
    table = page.get_by_role("table", name="Implementation: figures as published", exact=True)
    assert table.count() == 1
    row = table.locator("#sv-imp-fully")
    assert "31%" in row.inner_text()
    assert "IOM respondents" in row.inner_text()
    assert page.locator("article table caption").count() == 8  # method + 7 sections with figures


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_survey_page_passes_axe(page, scheme, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    page.goto("survey-2011/")
    assert_no_axe_violations(page)
