"""Each instrument is an overview page and one built page per section (the task-list pattern):
every section of every instrument in data/instruments has its page, holding exactly its own
questions, and the overview's task list links to it."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from macros.render import anchor
from macros.render.instrument import overview_page
from tests.site_pages import all_pages, content, section_pages, url_of


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
