"""The case studies renderer, checked through an HTML parser after Markdown as the site runs it."""

from __future__ import annotations

import copy
from html.parser import HTMLParser

import markdown
import pytest

from macros.render import Linker, anchor
from macros.render.case_studies import case_studies, heading_text


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                child.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()
            ):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class TreeBuilder(HTMLParser):
    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        node = self.current
        while node is not None:
            node.parts.append(data)
            node = node.parent


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


def to_html(page_markdown: str) -> str:
    """The page's Markdown as mkdocs.yml's extensions turn it into HTML."""
    return markdown.markdown(
        page_markdown, extensions=["attr_list", "md_in_html", "tables", "toc", "def_list"]
    )


@pytest.fixture(scope="module")
def linker(content):
    return Linker("case-studies/", True, content)


@pytest.fixture(scope="module")
def page(content, linker):
    return parse(to_html(case_studies(content, linker)))


@pytest.fixture(scope="module")
def cases(content):
    return content.docs["case-studies"].cases


def test_the_filter_form_is_for_javascript_only_with_labelled_selects_in_a_fieldset(page, content):
    (form,) = page.find_all("form")
    assert "iom-js-only" in form.classes()
    (fieldset,) = form.find_all("fieldset")
    (legend,) = fieldset.find_all("legend")
    assert legend.text == "Filter the case studies"
    selects = fieldset.find_all("select")
    assert [s.attrs["name"] for s in selects] == ["theme", "area", "principle"]
    labels = {label.attrs["for"]: label.text for label in fieldset.find_all("label")}
    for select in selects:
        assert labels[select.attrs["id"]], select.attrs["name"]
    doc = content.docs["case-studies"]
    theme_values = [o.attrs["value"] for o in selects[0].find_all("option")]
    assert theme_values == [""] + [t.key for t in doc.themes]
    area_values = [o.attrs["value"] for o in selects[1].find_all("option")]
    assert area_values == [""] + [a.key for a in doc.areas]
    principle_options = selects[2].find_all("option")[1:]
    used = {p for case in doc.cases for p in case.principles.ids}
    assert {o.attrs["value"] for o in principle_options} == used
    assert principle_options[0].text == "KP-1: " + content.get("KP-1").title


def test_the_count_is_a_polite_status_that_reads_correctly_without_javascript(page, cases):
    (count,) = page.find_all(role="status")
    assert count.attrs["aria-live"] == "polite"
    assert count.text == f"Showing {len(cases)} of {len(cases)} case studies"
    assert count.attrs["data-iom-filter-count"] == "Showing {shown} of {total} case studies"
    assert "iom-js-only" not in count.classes()


def test_the_index_has_one_row_per_case_with_its_filter_tokens_and_links(page, cases):
    (table,) = page.find_all("table")
    assert [th.text for th in table.find_all("th", scope="col")] == [
        "Case study",
        "Area",
        "Themes",
        "Key Principles",
    ]
    rows = [tr for tr in table.find_all("tr") if "data-iom-filter-item" in tr.attrs]
    assert [r.attrs["data-iom-filter-item"] for r in rows] == [c.id for c in cases]
    for row, case in zip(rows, cases, strict=True):
        assert row.attrs["data-filter-theme"].split() == case.themes
        assert row.attrs["data-filter-area"] == case.area
        assert row.attrs["data-filter-principle"].split() == case.principles.ids
        title_link = row.find_all("th")[0].find_all("a")[0]
        assert title_link.attrs["href"] == f"#{anchor(case.id)}"
        assert title_link.text == case.title
        principle_hrefs = [a.attrs["href"] for a in row.find_all("td")[2].find_all("a")]
        assert principle_hrefs == [f"../principles/#{anchor(p)}" for p in case.principles.ids]


def test_each_case_has_a_toc_heading_with_its_anchor_and_a_body_with_the_same_tokens(page, cases):
    headings = [h for h in page.find_all("h2") if "data-iom-filter-item" in h.attrs]
    assert [h.attrs["id"] for h in headings] == [anchor(c.id) for c in cases]
    bodies = page.find_all("div", **{"class": "iom-case"})
    assert len(bodies) == len(cases)
    for heading, body, case in zip(headings, bodies, cases, strict=True):
        assert heading.text == case.title
        for name in ("data-iom-filter-item", "data-filter-theme", "data-filter-area"):
            assert heading.attrs[name] == body.attrs[name]
        assert body.attrs["data-filter-principle"] == " ".join(case.principles.ids)


def test_each_case_shows_every_field_and_links_to_principles_and_source(page, cases, content):
    bodies = page.find_all("div", **{"class": "iom-case"})
    for body, case in zip(bodies, cases, strict=True):
        facts = dict(zip([dt.text for dt in body.find_all("dt")], body.find_all("dd"), strict=True))
        assert case.summary.text.split()[0] in body.find_all("p")[0].text
        assert [li.text for li in facts["Partners"].find_all("li")] == case.partners
        (illustrates,) = [dt for dt in facts if dt.startswith("Key Principles it illustrates")]
        # Which principles a case illustrates is our judgement, and the page says so in words.
        assert illustrates.split(maxsplit=4)[4] == "Our reading:"
        principle_links = facts[illustrates].find_all("a")
        assert [a.attrs["href"] for a in principle_links] == [
            f"../principles/#{anchor(p)}" for p in case.principles.ids
        ]
        (source_link,) = facts["Source"].find_all("a")
        assert source_link.attrs["href"] == f"../sources/#{anchor(case.source.doc)}"
        assert case.source.section in facts["Source"].text
        steps = body.find_all("ul", **{"class": "iom-case__done"})[0].find_all("li")
        assert len(steps) == len(case.what_was_done)
        figures = [s.text for s in body.find_all("strong", **{"class": "iom-case__figure"})]
        assert figures == [r.figure for r in case.results if r.figure]
        for person in case.people:
            assert f"{person.name}, {person.role}" in body.text


def test_money_figures_are_shown_with_their_context(page, cases):
    costs = next(c for c in cases if c.id == "CS-lancashire-offender-costs")
    body = page.find_all("div", data_iom_filter_item=costs.id)[0]
    items = body.find_all("ul", **{"class": "iom-case__results"})[0].find_all("li")
    first = items[0]
    assert first.find_all("strong")[0].text == "£73,000"
    assert "four-year period" in first.find_all("span", **{"class": "iom-case__context"})[0].text


def test_text_from_data_is_escaped_in_headings_and_markup(content, linker):
    hostile = copy.deepcopy(content)
    case = hostile.docs["case-studies"].cases[0]
    case.title = "<script>alert(1)</script> *bold* {#x}"
    case.partners = ["<b>Police</b>"]
    html = to_html(case_studies(hostile, linker))
    assert "<script>" not in html
    assert "<b>Police</b>" not in html
    tree = parse(html)
    heading = [h for h in tree.find_all("h2") if h.attrs.get("data-iom-filter-item") == case.id]
    assert heading[0].text == case.title
    assert heading[0].attrs["id"] == anchor(case.id)
    assert not tree.find_all("em")


def test_heading_text_escapes_markdown_and_joins_lines():
    assert heading_text("a *b*\n c_d [e] {#f}") == r"a \*b\* c\_d \[e\] \{\#f\}"
