"""Survey findings 2011: the method, and each section's summary, charts and table of figures.

Charts are horizontal bar charts drawn here, at build time, as inline SVG: no script, no
request, and every bar carries its label and value as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import template

# Bars share the SVG's width with the value printed after them: a 100% bar takes this share.
BAR_SHARE = 85.0
ROW_HEIGHT = 48  # px: label line, then the bar with its value beside it
LABEL_BASELINE = 16
BAR_TOP = 24
BAR_HEIGHT = 16


@dataclass
class Bar:
    label: str
    value_text: str  # "31%"
    width: float  # percentage of the SVG's width
    label_y: int
    bar_y: int
    value_y: int


def number(value: float | None) -> str:
    """31.0 → "31"; keeps a decimal only where the source has one."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def figure_text(figure) -> str:
    """The figure as a reader sees it: "31%", "75% (228 respondents)", "at least 43% (142)"."""
    if figure.value is None:
        return figure.approximate
    text = number(figure.value) + ("%" if figure.unit == "%" else "")
    if figure.respondents is not None:
        text += f" ({figure.respondents}"
        text += " respondents)" if "respondents" in figure.base else ")"
    return f"{figure.qualifier} {text}" if figure.qualifier else text


def base_text(figure) -> str:
    """Whom the figure counts, with the size of that group where the source gives it."""
    if figure.base_count is not None:
        return f"{figure.base_count} {figure.base}"
    return figure.base


def bars(figures) -> list[Bar]:
    """Geometry for one chart: bar widths are proportional to the values (100% = BAR_SHARE)."""
    rows = []
    for i, figure in enumerate(figures):
        top = i * ROW_HEIGHT
        rows.append(
            Bar(
                label=figure.label,
                value_text=figure_text(figure),
                width=round(figure.value * BAR_SHARE / 100, 3),
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                value_y=top + BAR_TOP + BAR_HEIGHT - 3,
            )
        )
    return rows


def chart_view(content, chart_id: str) -> dict:
    """What the chart macro needs for one chart (SV-CHART-…)."""
    item = content.get(chart_id)
    figures = [content.get(ref) for ref in item.figures]
    return {
        "chart": item,
        "bars": bars(figures),
        "height": len(figures) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
        "description": "; ".join(f"{f.label}: {figure_text(f)}" for f in figures),
    }


def _macros():
    return template("survey.html").make_module({"figure_text": figure_text, "base_text": base_text})


def survey_chart(content, linker, chart_id: str) -> str:
    """One chart by id, as a figure holding an SVG bar chart and its caption."""
    return str(_macros().chart(chart_view(content, chart_id)))


def survey_method(content, linker) -> str:
    """How the survey was run, whom it reached, and its method figures in a table."""
    return str(_macros().method(content.docs["survey-2011"].method))


def survey_findings(content, linker) -> str:
    """Every section of the findings, in the document's order, with charts and tables."""
    sections = [
        {"section": s, "charts": [chart_view(content, c.id) for c in s.charts]}
        for s in content.docs["survey-2011"].sections
    ]
    return str(_macros().findings(sections))


MACROS = {
    "survey_chart": survey_chart,
    "survey_method": survey_method,
    "survey_findings": survey_findings,
}
