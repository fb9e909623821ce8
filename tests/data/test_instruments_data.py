"""Every instrument in data/instruments/: ids, refs and scales; the four built on the source
documents also match those documents' item counts."""

from __future__ import annotations

import re

import pytest

from macros.models.instrument import all_items, page_of_doc, scale_of
from macros.models.scales import Scale
from tests.site_pages import instrument_ids

# What the source documents publish, for the instruments built on them: item count, id
# pattern, first and last id. Their ids and pages are published: these never go away.
FROM_THE_SOURCES = {
    "self-assessment-2010": (12, r"SA-[1-5]\.\d", "SA-1.1", "SA-5.1"),
    "key-principles-2015": (24, r"KP-[1-6]\.\d", "KP-1.1", "KP-6.2"),
    "inspection-readiness-2020": (10, r"EPG-F\d\d", "EPG-F01", "EPG-F10"),
    "efficiency-review-2018": (27, r"ET-[1-3]\.Q\d\d", "ET-1.Q01", "ET-3.Q10"),
}
# Published addresses of their overview pages (section pages sit in a folder of that name).
PUBLISHED_PAGES = {
    "self-assessment-2010": "assess/self-assessment-2010.md",
    "key-principles-2015": "assess/key-principles-2015.md",
    "inspection-readiness-2020": "assess/inspection-readiness-2020.md",
    "efficiency-review-2018": "assess/efficiency-review.md",
}
INSTRUMENTS = instrument_ids()


def test_the_published_instruments_keep_their_ids_and_pages(content):
    for instrument_id, page in PUBLISHED_PAGES.items():
        assert page_of_doc(content.docs[f"instruments/{instrument_id}"]) == page
    assert set(FROM_THE_SOURCES) <= set(INSTRUMENTS)


@pytest.mark.parametrize("instrument_id", sorted(FROM_THE_SOURCES))
def test_item_count_and_ids_match_the_source(content, instrument_id):
    count, pattern, first, last = FROM_THE_SOURCES[instrument_id]
    items = all_items(content.docs[f"instruments/{instrument_id}"])
    assert len(items) == count
    assert items[0].id == first and items[-1].id == last
    for item in items:
        assert re.fullmatch(pattern, item.id), item.id
        assert item.ref == item.id  # each item shows the framework item it is keyed by


@pytest.mark.parametrize("instrument_id", INSTRUMENTS)
def test_items_show_framework_text_or_their_own(content, instrument_id):
    doc = content.docs[f"instruments/{instrument_id}"]
    assert doc.id == instrument_id  # the file name is the id saved documents carry
    for item in all_items(doc):
        if item.ref:
            assert item.ref in content.ids
            assert content.get(item.ref).title.strip()
        else:
            assert item.title.strip()


@pytest.mark.parametrize("instrument_id", INSTRUMENTS)
def test_sections_follow_the_framework(content, instrument_id):
    doc = content.docs[f"instruments/{instrument_id}"]
    for section in doc.sections:
        if section.ref:
            for item in section.items:
                assert item.id.startswith(section.ref + "."), (section.ref, item.id)


@pytest.mark.parametrize("instrument_id", INSTRUMENTS)
def test_each_instrument_rates_on_a_declared_scale_whose_levels_all_say_what_they_mean(
    content, instrument_id
):
    doc = content.docs[f"instruments/{instrument_id}"]
    scale = scale_of(doc, content)
    assert isinstance(scale, Scale)
    assert all(level.description for level in scale.levels)
    assert scale.not_applicable.label and scale.not_applicable.reason_label


def test_scales_of_the_published_instruments(content):
    def values(instrument_id):
        doc = content.docs[f"instruments/{instrument_id}"]
        return [level.value for level in scale_of(doc, content).levels]

    assert values("self-assessment-2010") == ["red", "amber", "green"]
    assert values("efficiency-review-2018") == ["in-place", "partly", "not-yet"]
    for key, doc in content.instruments().items():
        assert doc.scale.not_applicable, f"{key}: every form offers 'Not applicable'"
        assert all(level.description for level in scale_of(doc, content).levels), key
    for instrument_id in FROM_THE_SOURCES:
        assert content.docs[f"instruments/{instrument_id}"].replaces == {}  # version 1.0


def test_every_rating_level_description_is_marked_as_our_reading(content):
    """No source defines its ratings: the descriptions people choose by are ours, and say so."""
    for key, doc in content.instruments().items():
        for level in scale_of(doc, content).levels:
            assert level.ours, (key, level.value)
