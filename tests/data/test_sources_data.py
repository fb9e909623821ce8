"""Each source's date is the one the document states, or says how we inferred it."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, SEED_FILES, SEEDS
from tests.data.test_quotes_data import normalise


@pytest.fixture(scope="module")
def documents(content):
    return content.docs["sources"].documents


def test_every_source_says_how_its_date_is_known(documents):
    assert {d.id for d in documents} == set(SEED_FILES)
    for d in documents:
        assert d.dated in {"stated", "inferred", "unknown"}, d.id
        assert d.date_basis.text.strip() and d.date_basis.quote, d.id
        if d.dated == "inferred":
            assert d.date.startswith("c. "), d.id  # an inferred date reads as approximate
            assert "prints no date" in d.date_basis.text, d.id


def test_a_stated_date_is_printed_in_the_document(documents):
    for d in documents:
        path = SEEDS / SEED_FILES[d.id]
        if d.dated == "stated" and path.is_file():
            assert normalise(d.date) in normalise(path.read_text(encoding="utf-8")), d.id


def test_the_efficiency_toolkit_is_not_dated_by_the_web_page_it_was_saved_from(documents):
    (toolkit,) = [d for d in documents if d.id == "ET-2018"]  # the published id stays
    assert toolkit.dated == "inferred"
    assert "2018" not in toolkit.date and "2018" not in toolkit.short_title
    assert "Tuesday 24 April 2018" in toolkit.date_basis.text
    # Nowhere else in data/ does the page's date stand for the document's.
    for path in DATA.rglob("*.yml"):
        if path.name != "sources.yml":
            assert "April 2018" not in path.read_text(encoding="utf-8"), path.name
