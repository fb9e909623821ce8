"""Every page of the site and every instrument, for the tests that check each one.

Written pages come from docs/; each instrument in data/instruments has an overview page (its
own in docs/, or one the build writes), a page per section and a board report, which are in
no navigation, so they are listed the way the build makes them (macros/render/instrument.py).
tests/site/test_section_pages.py proves the list matches the built site exactly, so a page or
an instrument added either way is checked without editing a list.
"""

from __future__ import annotations

import functools

from macros import load_content
from macros.render.instrument import overview_page, report_page, section_page
from macros.validate import Content
from tests.conftest import DATA, ROOT


@functools.cache
def content() -> Content:
    """The real data/, validated as the build validates it."""
    return load_content(DATA)


def instrument_ids() -> list[str]:
    """The id of every instrument in data/instruments, sorted."""
    return sorted(doc.id for doc in content().instruments().values())


def url_of(doc_path: str) -> str:
    """The served URL (directory URLs) of a docs path: "assess/index.md" → "assess/"."""
    stem = doc_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def form_urls() -> dict[str, str]:
    """Each instrument's id with the URL of its overview page."""
    return {doc.id: url_of(overview_page(doc)) for doc in content().instruments().values()}


def section_pages() -> dict[str, list[str]]:
    """Each instrument's overview URL with the URLs of its section pages, in section order."""
    return {
        url_of(overview_page(doc)): [url_of(section_page(doc, s.id)) for s in doc.sections]
        for doc in content().instruments().values()
    }


def report_pages() -> dict[str, str]:
    """Each instrument's id with the URL of its board report (written by the build)."""
    return {doc.id: url_of(report_page(doc)) for doc in content().instruments().values()}


def written_pages() -> list[str]:
    docs = ROOT / "docs"
    return sorted(url_of(str(md.relative_to(docs))) for md in docs.rglob("*.md"))


def all_pages() -> list[str]:
    """Every page a visitor can open, written or generated."""
    pages = written_pages()
    generated = [url for urls in section_pages().values() for url in urls]
    overviews = [url for url in section_pages() if url not in pages]
    return pages + overviews + generated + sorted(report_pages().values())
