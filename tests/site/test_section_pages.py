"""Each instrument is an overview page and one built page per section (the task-list pattern):
every section of every instrument in data/instruments has its page, holding exactly its own
questions, and the overview's task list links to it."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from macros.render import anchor
from macros.render.instrument import overview_page
from tests.site_pages import all_pages, content, report_pages, section_pages, url_of


class FormPage(HTMLParser):
    """The item fieldsets, the form root's attributes and the task list's links of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []
        self.roots: list[dict] = []
        self.task_links: list[str] = []
        self.task_statuses: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        classes = attrs.get("class", "").split()
        if tag == "fieldset" and "iom-item" in classes:
            self.items.append(attrs["data-item"])
        if attrs.get("data-module", "").startswith("iom-instrument"):
            self.roots.append(attrs)
        if tag == "a" and "iom-task-list__link" in classes:
            self.task_links.append(attrs["href"])
        if "data-task-status" in attrs:
            self.task_statuses.append(attrs["data-task-status"])


def _read(built_site, url: str) -> FormPage:
    return FormPage((built_site / url / "index.html").read_text(encoding="utf-8"))


def _to(page_url: str, href: str) -> str:
    """Where a relative link on the page at page_url leads, from the site's root."""
    return urljoin("https://site/" + page_url, href).removeprefix("https://site/")


@pytest.fixture(scope="module")
def instruments():
    return list(content().instruments().values())


def test_every_instrument_in_the_data_has_its_pages(instruments):
    assert len(instruments) >= 4
    assert sorted(section_pages()) == sorted(url_of(overview_page(d)) for d in instruments)


def test_each_section_has_a_page_holding_exactly_its_items(built_site, instruments):
    checked = 0
    for doc in instruments:
        for section in doc.sections:
            url = url_of(overview_page(doc)) + anchor(section.id) + "/"
            assert (built_site / url / "index.html").is_file(), f"{section.id}: no page {url}"
            page = _read(built_site, url)
            assert page.items == [item.id for item in section.items], url
            assert len(page.roots) == 1, url
            root = page.roots[0]
            assert root["data-module"] == "iom-instrument-section", url
            assert root["data-section-page"] == section.id, url
            assert root["data-instrument-id"] == doc.id, url
            checked += 1
    assert checked >= 15


def test_overview_links_each_section_page_from_its_task_list_and_holds_no_items(
    built_site, instruments
):
    for doc in instruments:
        overview = url_of(overview_page(doc))
        page = _read(built_site, overview)
        assert page.items == [], f"{overview} holds questions"
        assert [r["data-module"] for r in page.roots] == ["iom-instrument"], overview
        expected = [overview + anchor(s.id) + "/" for s in doc.sections]
        assert [_to(overview, href) for href in page.task_links] == expected, overview
        assert page.task_statuses == [s.id for s in doc.sections], overview


def test_the_list_of_every_page_matches_the_built_site(built_site):
    """The pages the "every page" tests visit are all the built pages, generated ones too."""
    built = {
        url_of(str(html.relative_to(built_site)).removesuffix(".html") + ".md")
        for html in built_site.rglob("*.html")
        if html.name != "404.html"
    }
    listed = all_pages()
    assert len(listed) == len(set(listed))
    assert set(listed) == built
    assert "assess/self-assessment-2010/sa-1/" in listed
    assert "assess/inspection-readiness-2020/epg-findings/" in listed


class ReportPage(HTMLParser):
    """The report root's attributes, the text of its <template> blocks and every link."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.roots: list[dict] = []
        self.templates: dict[str, str] = {}
        self.links: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if attrs.get("data-module") == "iom-report":
            self.roots.append(attrs)
        if tag == "template":
            self._in = next((k for k in attrs if k.startswith("data-")), None)
            self.templates[self._in] = ""
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "template":
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.templates[self._in] += data


def test_each_instrument_has_a_report_page_carrying_what_it_reads(built_site, instruments):
    reports = report_pages()
    assert sorted(reports) == sorted(d.id for d in instruments)
    for doc in instruments:
        url = reports[doc.id]
        assert url == url_of(overview_page(doc)) + "report/"
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        page = ReportPage(html)
        assert [r["data-instrument-id"] for r in page.roots] == [doc.id], url
        info = json.loads(page.templates["data-instrument-info"])
        assert info["id"] == doc.id and info["titles"], url
        guidance = json.loads(page.templates["data-guidance"])
        assert guidance["items"] and guidance["entries"], url
        # The stylesheet the standalone download inlines, minified, with its print rules.
        assert ".iom-report" in page.templates["data-report-css"]
        assert "@page" in page.templates["data-report-css"]
        # Without JavaScript it says what it needs and links to the form.
        assert "needs JavaScript" in html
        overview = url_of(overview_page(doc))
        assert overview in {_to(url, href) for href in page.links}, url
        # The overview links to its report.
        assert url in {_to(overview, href) for href in _read_links(built_site, overview)}


def _read_links(built_site, url: str) -> list[str]:
    return ReportPage((built_site / url / "index.html").read_text(encoding="utf-8")).links
