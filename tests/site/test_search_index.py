"""The search index holds each form's questions (on their section pages) but not its controls.

Every form repeats the same labels, hints and rating descriptions for each question; indexed,
they made a third of the search index and filled results with "Owner (a role or team)". The
browser parses the whole index on every page, so its size is felt on slow machines.
"""

from __future__ import annotations

import json

import pytest

from macros.render import anchor
from tests.site_pages import content, form_urls

FORMS = form_urls()
# Words of the form's controls, each of which appears once per question on the page.
CONTROL_WORDS = [
    "Owner (a role or team)",
    "What will be done",
    "Add an action",
    "We already do this and can show it",
    "Saved in this browser",
    "Criteria",
]


@pytest.fixture(scope="module")
def index(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]


@pytest.fixture(scope="module")
def instruments():
    return {doc.id: doc for doc in content().instruments().values()}


def _section_pages(instruments, instrument_id) -> dict[str, list]:
    """Each section page of a form (its URL) with the items it holds."""
    return {
        FORMS[instrument_id] + anchor(section.id) + "/": section.items
        for section in instruments[instrument_id].sections
    }


@pytest.mark.parametrize("instrument_id", sorted(FORMS))
def test_form_questions_are_found_on_their_section_page(index, instruments, instrument_id):
    pages = _section_pages(instruments, instrument_id)
    assert pages
    for page, items in pages.items():
        titles = {d["title"] for d in index if d["location"].startswith(page + "#")}
        assert items
        for item in items:
            assert any(t.startswith(item.id + " ") for t in titles), f"{item.id} not on {page}"


@pytest.mark.parametrize("instrument_id", sorted(FORMS))
def test_form_controls_are_not_in_the_search_index(index, instruments, instrument_id):
    for page in [FORMS[instrument_id], *_section_pages(instruments, instrument_id)]:
        text = " ".join(d["text"] for d in index if d["location"].split("#")[0] == page)
        for words in CONTROL_WORDS:
            assert words not in text, f"{words!r} is indexed on {page}"
    # The overview's introduction is still there.
    intro = next(d for d in index if d["location"] == FORMS[instrument_id])
    assert "Draws on:" in intro["text"]


def test_exclusion_markers_do_not_reach_the_published_pages(built_site, instruments):
    for instrument_id, overview in FORMS.items():
        for page in [overview, *_section_pages(instruments, instrument_id)]:
            html = (built_site / page / "index.html").read_text("utf-8")
            assert "data-search-exclude" not in html, page
