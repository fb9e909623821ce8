"""The Effective Practice Guide renderer, checked through an HTML parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from macros.render import Linker
from macros.render.effective_practice import effective_practice_guide, epg_findings, heading_text


class Tree(HTMLParser):
    """Collects elements (tag, attrs, text inside) from rendered HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag=None, **attrs) -> list[dict]:
        found = []
        for e in self.elements:
            if tag and e["tag"] != tag:
                continue
            if all(_has(e["attrs"].get(k.rstrip("_")), v) for k, v in attrs.items()):
                found.append(e)
        return found


def _has(actual, wanted) -> bool:
    if actual is None:
        return False
    if wanted is True:
        return True
    return wanted in actual.split() if " " not in wanted else actual == wanted


def _clean(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page(content):
    """The guide rendered as MkDocs would: macro output through Markdown with attr_list."""
    source = effective_practice_guide(content, Linker("effective-practice/", True, content))
    html = markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc"])
    return Tree(html)


def test_sections_are_markdown_headings_in_order(page):
    h2 = [(e["attrs"].get("id"), _clean(e["text"])) for e in page.find("h2")]
    assert h2 == [
        ("about-the-guide", "About the guide"),
        ("epg-what", "What is IOM?"),
        ("epg-background", "Background"),
        ("inspection-findings", "What the 2019 inspection found effective IOM requires"),
        ("epg-leadership", "Leadership, partnership and integration"),
        ("epg-people", "People and practice"),
        ("epg-casework", "Casework"),
        ("epg-evaluation", "Evaluation, benefits and impact"),
        ("highlights-of-effectiveness", "Highlights of effectiveness"),
        ("further-reading", "Further reading"),
    ]


def test_each_casework_stage_is_an_h3_with_its_anchor(page, content):
    h3_ids = [e["attrs"].get("id") for e in page.find("h3")]
    for stage in content.docs["effective-practice"].casework.stages:
        assert stage.id.lower() in h3_ids
    stage_blocks = page.find("div", class_="iom-practice__stage")
    assert [b["attrs"]["data-id"] for b in stage_blocks] == [
        s.id for s in content.docs["effective-practice"].casework.stages
    ]
    reviewing = stage_blocks[-1]
    assert "EPG-CW-reviewing" in reviewing["text"]
    assert "at least a monthly basis" in _clean(reviewing["text"])


def test_every_finding_has_anchor_visible_id_and_verbatim_title(page, content):
    findings = content.docs["effective-practice"].inspection.findings
    items = page.find("li", class_="iom-finding")
    assert len(items) == 10
    for item, finding in zip(items, findings, strict=True):
        anchor = finding.id.lower()
        assert item["attrs"]["id"] == anchor
        assert _clean(item["text"]).startswith(finding.id + " ")
        assert _clean(finding.title) in _clean(item["text"])
    self_links = [a["attrs"]["href"] for a in page.find("a", class_="iom-finding__id")]
    assert self_links == [f"#{f.id.lower()}" for f in findings]


def test_findings_section_links_to_the_inspection_readiness_assessment(page):
    links = [a["attrs"]["href"] for a in page.find("a", href=True)]
    assert "../assess/inspection-readiness-2020/" in links


def test_verbatim_text_sits_in_captioned_quotations(page):
    quotes = page.find("figure", class_="iom-practice__quote")
    assert len(quotes) >= 12
    captions = page.find("figcaption")
    assert all(_clean(c["text"]).startswith("From the guide:") for c in captions)


def test_figures_table_has_header_cells_and_each_figure(page, content):
    guide = content.docs["effective-practice"]
    table = page.find("table", class_="iom-practice__figures")
    assert len(table) == 1
    assert [_clean(th["text"]) for th in page.find("th", scope="col")] == [
        "Figure (as published)",
        "What it refers to",
        "Section of the guide",
    ]
    row_heads = [_clean(th["text"]) for th in page.find("th", scope="row")]
    assert row_heads == [f.value for f in guide.background.figures + guide.inspection.figures]
    assert "approximately 100,000 (10 per cent)" in row_heads


def test_further_reading_lists_each_entry_as_given(page, content):
    entries = page.find("ul", class_="iom-practice__reading")[0]
    text = _clean(entries["text"])
    for reading in content.docs["effective-practice"].further_reading:
        assert _clean(reading.title) in text
    assert "../sources/#kp-2015" in [a["attrs"]["href"] for a in page.find("a", href=True)]


def test_data_text_is_escaped(content):
    guide = content.docs["effective-practice"]
    original = guide.inspection.findings[0].title
    guide.inspection.findings[0].title = "<script>alert(1)</script>"
    try:
        html = epg_findings(content, Linker("other/", True, content))
    finally:
        guide.inspection.findings[0].title = original
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_findings_elsewhere_link_back_to_the_guide(content):
    tree = Tree(epg_findings(content, Linker("assess/inspection-readiness-2020/", True, content)))
    hrefs = [a["attrs"]["href"] for a in tree.find("a", class_="iom-finding__id")]
    assert hrefs[0] == "../../effective-practice/#epg-f01"
    assert len(hrefs) == 10
    assert not tree.find("li", id=True)  # anchors live on the guide's page only


def test_heading_text_escapes_markdown_markup():
    assert heading_text("a *b*_c\n d") == r"a \*b\*\_c d"
    assert not re.search(r"(?<!\\)[*_]", heading_text("x*y_z"))
