"""The four real instruments: item counts match the sources and every ref resolves."""

from __future__ import annotations

import re

import pytest

from macros.loader import load_raw
from macros.models.instrument import all_items
from macros.validate import build_content
from tests.conftest import DATA

EXPECTED = {
    "self-assessment-2010": (12, r"SA-[1-5]\.\d", "SA-1.1", "SA-5.1"),
    "key-principles-2015": (24, r"KP-[1-6]\.\d", "KP-1.1", "KP-6.2"),
    "inspection-readiness-2020": (10, r"EPG-F\d\d", "EPG-F01", "EPG-F10"),
    "efficiency-review-2018": (27, r"ET-[1-3]\.Q\d\d", "ET-1.Q01", "ET-3.Q10"),
}


@pytest.fixture(scope="module")
def content():
    raw, errors = load_raw(DATA)
    return build_content(raw, errors)


def test_there_are_exactly_the_four_instruments(content):
    assert sorted(k.split("/", 1)[1] for k in content.instruments()) == sorted(EXPECTED)


@pytest.mark.parametrize("instrument_id", sorted(EXPECTED))
def test_item_count_ids_and_refs(content, instrument_id):
    count, pattern, first, last = EXPECTED[instrument_id]
    doc = content.docs[f"instruments/{instrument_id}"]
    assert doc.id == instrument_id  # the file name is the id saved documents carry
    items = all_items(doc)
    assert len(items) == count
    assert items[0].id == first and items[-1].id == last
    for item in items:
        assert re.fullmatch(pattern, item.id), item.id
        assert item.ref == item.id  # each item shows the framework item it is keyed by
        assert item.ref in content.ids
        assert content.get(item.ref).title.strip()


@pytest.mark.parametrize("instrument_id", sorted(EXPECTED))
def test_sections_follow_the_framework(content, instrument_id):
    doc = content.docs[f"instruments/{instrument_id}"]
    for section in doc.sections:
        if section.ref:
            for item in section.items:
                assert item.id.startswith(section.ref + "."), (section.ref, item.id)


def test_scales(content):
    def values(instrument_id):
        return [lv.value for lv in content.docs[f"instruments/{instrument_id}"].scale.levels]

    assert values("self-assessment-2010") == ["red", "amber", "green"]
    assert values("efficiency-review-2018") == ["in-place", "partly", "not-yet"]
    assert content.docs["instruments/efficiency-review-2018"].scale.not_applicable
    assert not content.docs["instruments/self-assessment-2010"].scale.not_applicable
    for key, doc in content.instruments().items():
        assert all(level.description for level in doc.scale.levels), key
        assert doc.replaces == {}, key  # version 1.0: nothing replaced yet


def test_every_rating_level_description_is_marked_as_our_reading():
    """No source defines its ratings: the descriptions people choose by are ours, and say so."""
    raw, errors = load_raw(DATA)
    content = build_content(raw, errors)
    for key, doc in content.instruments().items():
        for level in doc.scale.levels:
            assert level.ours, (key, level.value)
