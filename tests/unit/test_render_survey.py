"""Survey charts and tables, checked through an HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
import yaml

from macros.render import Linker
from macros.render.survey import BAR_SHARE, figure_text, survey_chart, survey_findings
from macros.validate import build_content
from tests.conftest import DATA

SOURCE = {"doc": "SURVEY-2011", "section": "Test"}


def figure(fid: str, label: str, value, **extra) -> dict:
    return {
        "id": fid,
        "label": label,
        "statement": f"statement for {fid}",
        "unit": "%",
        "value": value,
        "base": "IOM respondents",
        "source": SOURCE,
        **extra,
    }


@pytest.fixture
def content():
    survey = {
        "title": "Test survey",
        "method": {
            "fieldwork": "December 2010 – January 2011",
            "mode": {"text": "Online.", "quote": ["conducted online"]},
            "sent_to": "Chairs",
            "respondents": 493,
            "respondent_groups": [
                {"name": "IOM respondents", "description": "d", "source": SOURCE}
            ],
            "summary": [{"text": "About it.", "quote": ["a national survey"]}],
            "source": SOURCE,
        },
        "sections": [
            {
                "slug": "implementation",
                "title": "Implementation",
                "summary": [{"text": "Ours.", "ours": True}],
                "source": SOURCE,
                "figures": [
                    figure("SV-A", "Fully <established>", 31),
                    figure("SV-B", "Partially & more", 62.5, respondents=228),
                    figure("SV-C", "Not yet", 7),
                    figure("SV-D", "Around", None, approximate="Around half", unit="%"),
                ],
                "charts": [
                    {
                        "id": "SV-CHART-X",
                        "title": "Chart <b>title</b>",
                        "figures": ["SV-A", "SV-B", "SV-C"],
                    }
                ],
            }
        ],
    }
    sources = yaml.safe_load((DATA / "sources.yml").read_text(encoding="utf-8"))
    return build_content({"sources": sources, "survey-2011": survey})


class Tree(HTMLParser):
    """Collects elements (tag, attrs, text inside) in document order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def all(self, tag: str, cls: str | None = None) -> list[dict]:
        return [
            e
            for e in self.elements
            if e["tag"] == tag and (cls is None or cls in e["attrs"].get("class", "").split())
        ]


def render_chart(content) -> Tree:
    return Tree(survey_chart(content, Linker("survey-2011/", True, content), "SV-CHART-X"))


def test_bar_widths_are_proportional_to_the_values(content):
    tree = render_chart(content)
    widths = [float(r["attrs"]["width"].rstrip("%")) for r in tree.all("rect")]
    assert widths == pytest.approx(
        [31 * BAR_SHARE / 100, 62.5 * BAR_SHARE / 100, 7 * BAR_SHARE / 100]
    )
    assert all(r["attrs"]["width"].endswith("%") for r in tree.all("rect"))
    ratios = [w / v for w, v in zip(widths, [31, 62.5, 7], strict=True)]
    assert max(ratios) == pytest.approx(min(ratios))


def test_each_bar_has_its_label_and_value_as_text_beside_it(content):
    tree = render_chart(content)
    labels = [t["text"] for t in tree.all("text", "iom-chart__label")]
    values = tree.all("text", "iom-chart__value")
    assert labels == ["Fully <established>", "Partially & more", "Not yet"]
    assert [v["text"] for v in values] == ["31%", "62.5% (228 respondents)", "7%"]
    # The value sits at the end of its bar.
    for rect, value in zip(tree.all("rect"), values, strict=True):
        assert value["attrs"]["x"] == rect["attrs"]["width"]


def test_chart_svg_is_an_image_named_by_its_caption_and_described_by_its_values(content):
    tree = render_chart(content)
    (svg,) = tree.all("svg")
    assert svg["attrs"]["role"] == "img"
    ids = {e["attrs"].get("id"): e for e in tree.elements}
    name = ids[svg["attrs"]["aria-labelledby"]]
    assert name["tag"] == "figcaption"
    assert name["text"] == "Chart <b>title</b>"
    description = ids[svg["attrs"]["aria-describedby"]]["text"]
    assert "Fully <established>: 31%" in description
    assert "Not yet: 7%" in description


def test_data_text_is_escaped(content):
    html = survey_chart(content, Linker("survey-2011/", True, content), "SV-CHART-X")
    assert "<b>" not in html
    assert "&lt;established&gt;" in html
    assert "Partially &amp; more" in html


def test_findings_table_lists_every_figure_with_caption_and_anchor(content):
    html = survey_findings(content, Linker("survey-2011/", True, content))
    tree = Tree(html)
    (table,) = tree.all("table")
    (caption,) = tree.all("caption")
    assert caption["text"] == "Implementation: figures as published"
    rows = [tr["attrs"]["id"] for tr in tree.all("tr") if "id" in tr["attrs"]]
    assert rows == ["sv-a", "sv-b", "sv-c", "sv-d"]
    cells = [td["text"] for td in tree.all("td", "iom-survey-table__figure")]
    assert cells == ["31%", "62.5% (228 respondents)", "7%", "Around half"]
    assert "## Implementation {#implementation}" in html


def test_figure_text_forms():
    class F:
        value, unit, respondents, qualifier, approximate, base = (
            43.0,
            "%",
            142,
            "at least",
            "",
            "CSPs",
        )

    assert figure_text(F) == "at least 43% (142)"
