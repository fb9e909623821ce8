"""The layout checks themselves (tests/browser/checks/) find what they look for, and only that:
small pages made to fail each check one way, beside pages that pass it."""

from __future__ import annotations

import pytest

from tests.browser import layout_checks

PAGE = """<!doctype html><html lang="en"><head><style>
body {{ margin: 0; font: 16px/1.4 sans-serif; }}
{css}
</style></head><body>{body}</body></html>"""


def show(page, body: str, css: str = "", width: int = 320):
    page.set_viewport_size({"width": width, "height": 600})
    page.set_content(PAGE.format(body=body, css=css))


# --- Reflow -----------------------------------------------------------------------------


def test_reflow_finds_a_page_wider_than_the_window(page):
    show(page, '<div style="width: 400px">A wide box</div>')
    found = layout_checks.reflow(page)
    assert found["scrollWidth"] == 400
    assert any("A wide box" in line for line in found["sticksOut"])


def test_reflow_finds_a_scroll_box_without_a_name_or_focus(page):
    show(page, '<div style="overflow-x: auto"><div style="width: 600px">Wide table</div></div>')
    found = layout_checks.reflow(page)
    assert found["scrollWidth"] == 320
    assert len(found["unnamedScrollers"]) == 1


@pytest.mark.parametrize(
    "attributes",
    [
        'role="region" aria-label="Ratings" tabindex="0"',
        'role="region" aria-labelledby="c" tabindex="0"',
    ],
)
def test_reflow_accepts_a_named_focusable_region(page, attributes):
    show(
        page,
        f'<p id="c">Ratings</p><div style="overflow-x: auto" {attributes}>'
        '<div style="width: 600px">Wide table</div></div>',
    )
    assert layout_checks.reflow(page)["unnamedScrollers"] == []


@pytest.mark.parametrize(
    "attributes", ['role="region" tabindex="0"', 'role="region" aria-label="Ratings"']
)
def test_reflow_refuses_a_region_without_a_name_or_without_focus(page, attributes):
    show(
        page,
        f'<div style="overflow-x: auto" {attributes}><div style="width: 600px">Wide</div></div>',
    )
    assert len(layout_checks.reflow(page)["unnamedScrollers"]) == 1


# --- Text boxes -------------------------------------------------------------------------


def test_text_boxes_find_text_cut_off_by_a_fixed_height(page):
    show(
        page,
        '<div style="height: 20px; overflow: hidden">First line<br>Second line</div>'
        "<p>Other text</p>",
    )
    found = layout_checks.text_boxes(page)
    assert len(found["clipped"]) == 1 and "Second line" in found["clipped"][0]
    assert found["overlaps"] == []


def test_text_boxes_find_text_running_out_of_a_fixed_height_over_the_next(page):
    show(
        page,
        '<div style="height: 20px">First line<br>Second line</div><p style="margin: 0">Next</p>',
    )
    found = layout_checks.text_boxes(page)
    assert found["clipped"] == []
    assert len(found["overlaps"]) == 1 and "Next" in found["overlaps"][0]


def test_text_boxes_find_an_ellipsis(page):
    show(
        page,
        '<p style="width: 100px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;'
        ' padding: 0 8px">A title much longer than its box</p>',
    )
    assert len(layout_checks.text_boxes(page)["clipped"]) == 1


def test_text_boxes_pass_wrapped_hidden_and_scrollable_text(page):
    show(
        page,
        '<p style="width: 100px">A title much longer than its box</p>'
        '<span style="position: absolute; width: 1px; height: 1px; overflow: hidden;'
        ' clip-path: inset(50%)">Heard, not seen, and longer than its box</span>'
        '<div style="overflow-y: auto; height: 20px">Scrolls<br>to here</div>'
        # A menu panel slid out of its box (the theme's phone menu).
        '<div style="overflow: hidden; width: 100px"><div style="transform: translateX(100%)">'
        "Slid away</div></div>",
    )
    assert layout_checks.text_boxes(page) == {"clipped": [], "overlaps": []}


def test_text_boxes_measure_a_part_drawn_near_the_screen_at_its_own_size(page):
    # Off screen, a content-visibility: auto box keeps its 20 px placeholder; its three lines
    # would run over the heading after it if measured so.
    show(
        page,
        '<div style="height: 2000px">Spacer</div>'
        '<div style="content-visibility: auto; contain-intrinsic-size: auto 20px">'
        "<p>One</p><p>Two</p><p>Three</p></div><h2>After</h2>",
    )
    assert layout_checks.text_boxes(page) == {"clipped": [], "overlaps": []}


CHART = (
    '<figure><div data-chart><svg viewBox="0 0 200 60" width="200" height="60">{texts}</svg>'
    "</div></figure><p>Page text</p>"
)


def test_text_boxes_check_chart_text_on_its_own(page):
    show(
        page,
        CHART.format(
            texts='<text x="0" y="20" font-size="14">'
            "A label that runs on past the right edge</text>"
            '<text x="0" y="50" font-size="14">Tick</text><text x="10" y="52" font-size="14">'
            "Title</text>"
        ),
    )
    charts = layout_checks.text_boxes(page, "charts")
    assert len(charts["clipped"]) == 1 and "A label" in charts["clipped"][0]
    assert len(charts["overlaps"]) == 1
    assert layout_checks.text_boxes(page, "page") == {"clipped": [], "overlaps": []}


def test_text_boxes_compare_turned_labels_by_their_outline(page):
    # Two names turned 35 degrees, side by side: their square boxes overlap, the text does not.
    texts = "".join(
        f'<text x="{x}" y="55" font-size="12" transform="rotate(-35 {x} 55)">Agency name</text>'
        for x in (40, 70)
    )
    show(page, CHART.format(texts=texts))
    assert layout_checks.text_boxes(page, "charts")["overlaps"] == []


def test_chart_text_gives_the_size_on_screen(page):
    show(
        page,
        '<div data-chart><svg viewBox="0 0 400 40" style="width: 200px">'
        '<text x="0" y="20" font-size="16">Half size</text></svg></div>',
    )
    assert layout_checks.chart_text(page)[0]["px"] == 8


def test_chart_text_counts_html_text_in_a_chart_and_only_what_is_shown(page):
    show(
        page,
        '<figure><div data-chart><p style="font-size: 10px">A label</p>'
        '<svg width="100" height="20"><text x="0" y="15" font-size="14">Tick</text></svg>'
        "<span hidden>Not shown</span>"
        '<span style="position: absolute; width: 1px; height: 1px; overflow: hidden;'
        ' clip-path: inset(50%)">Heard, not seen</span></div></figure>'
        "<p>Page text</p>",
    )
    texts = {t["text"]: t["px"] for t in layout_checks.chart_text(page)}
    assert texts == {"A label": 10, "Tick": 14}


def test_text_boxes_find_html_chart_text_running_over_its_neighbour(page):
    # Two labels set in one spot, as a chart that places its labels by hand might.
    show(
        page,
        '<div data-chart style="display: grid"><span style="grid-area: 1 / 1">First label</span>'
        '<span style="grid-area: 1 / 1; margin-left: 30px">Second</span></div>',
    )
    charts = layout_checks.text_boxes(page, "charts")
    assert len(charts["overlaps"]) == 1 and "Second" in charts["overlaps"][0]
    assert layout_checks.text_boxes(page, "page") == {"clipped": [], "overlaps": []}


# --- Target size ------------------------------------------------------------------------

BUTTON = '<button style="all: unset; display: inline-block; width: {w}px; height: {h}px">x</button>'


def test_target_size_finds_small_targets_too_close_together(page):
    small = BUTTON.format(w=16, h=16)
    show(page, f'<p>{small}<span style="margin-left: 4px"></span>{small}</p>')
    assert layout_checks.small_targets(page) == [
        'button "x" is 16×16 px and too close to button "x"'  # each, the same words
    ]


@pytest.mark.parametrize(
    "body",
    [
        # Small, but 30 px apart: the 24 px circles do not meet.
        '<p>{small}<span style="display: inline-block; width: 14px"></span>{small}</p>',
        # Full size, side by side.
        "<p>{big}{big}</p>",
        # Links in a sentence.
        '<p>Read <a href="#a">one</a> or <a href="#b">two</a>, then <a href="#c">three</a>.</p>',
    ],
)
def test_target_size_passes_what_the_criterion_allows(page, body):
    show(
        page,
        body.format(small=BUTTON.format(w=16, h=16), big=BUTTON.format(w=24, h=24)),
        css="button { vertical-align: top; }",
    )
    assert layout_checks.small_targets(page) == []


def test_target_size_counts_a_radio_with_its_label(page):
    radios = "".join(
        f'<label style="display: flex; gap: 4px; padding: 4px 0">'
        f'<input type="radio" name="r" style="margin: 0">{word}</label>'
        for word in ("Red", "Amber")
    )
    show(page, radios, css="label { line-height: 24px; }")
    assert layout_checks.small_targets(page) == []
    show(page, radios, css="label { line-height: 14px; padding: 0 !important; }")
    assert layout_checks.small_targets(page) != []
