"""Every page of the site, for the tests that check each one.

Written pages come from docs/; the section pages of the assessment forms are generated at build
time from data/instruments (macros/section_pages_hook.py) and are in no navigation, so they are
listed the way the hook makes them. tests/site/test_section_pages.py proves the list matches
the built site exactly, so a page added either way is checked without editing a list.
"""

from __future__ import annotations

import yaml

from macros.render.instrument import overview_page, section_page
from tests.conftest import DATA, ROOT


def url_of(doc_path: str) -> str:
    """The served URL (directory URLs) of a docs path: "assess/index.md" → "assess/"."""
    stem = doc_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def section_pages() -> dict[str, list[str]]:
    """Each instrument's overview URL with the URLs of its section pages, in section order."""
    forms = {}
    for path in sorted((DATA / "instruments").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        forms[url_of(overview_page(data["id"]))] = [
            url_of(section_page(data["id"], section["id"])) for section in data["sections"]
        ]
    return forms


def written_pages() -> list[str]:
    docs = ROOT / "docs"
    return sorted(url_of(str(md.relative_to(docs))) for md in docs.rglob("*.md"))


def all_pages() -> list[str]:
    """Every page a visitor can open, written or generated."""
    generated = [url for urls in section_pages().values() for url in urls]
    return written_pages() + generated
