"""The crosswalk maps every Self Assessment Tool principle, to items that exist, with reasons."""

from __future__ import annotations

import copy
import re

import pytest

from macros.loader import load_raw
from macros.validate import ContentInvalid, build_content
from tests.conftest import DATA


@pytest.fixture(scope="module")
def raw():
    raw, errors = load_raw(DATA)
    assert errors == []
    return raw


@pytest.fixture(scope="module")
def content(raw):
    return build_content(raw)


def test_every_sa_principle_is_mapped_once_in_order(content):
    mapped = [m.principle for m in content.docs["crosswalk"].mappings]
    assert mapped == [p.id for p in content.docs["self-assessment"].principles]
    assert mapped == ["SA-1", "SA-2", "SA-3", "SA-4", "SA-5"]


@pytest.mark.parametrize(
    ("field", "pattern", "kind"),
    [
        ("key_principles", r"KP-[1-6]", "principles-2015"),
        ("inspection_findings", r"EPG-F(0[1-9]|10)", "effective-practice"),
        ("efficiency_themes", r"ET-[1-3]", "efficiency-toolkit"),
    ],
)
def test_each_mapping_points_at_existing_items_of_the_right_kind(content, field, pattern, kind):
    for mapping in content.docs["crosswalk"].mappings:
        links = getattr(mapping, field)
        assert links, f"{mapping.principle} has no {field}"
        for link in links:
            assert re.fullmatch(pattern, link.ref), link.ref
            assert content.ids[link.ref].file == kind
            assert len(link.reason.split()) >= 5, f"{mapping.principle} → {link.ref}: reason"
            for via in link.via:
                assert via.startswith(link.ref + "."), via
                assert via in content.ids


def test_every_key_principle_and_theme_is_reached_by_some_mapping(content):
    """The later frameworks are covered: no 2015 principle or efficiency theme is left out."""
    mappings = content.docs["crosswalk"].mappings
    kp = {link.ref for m in mappings for link in m.key_principles}
    et = {link.ref for m in mappings for link in m.efficiency_themes}
    assert kp == {f"KP-{n}" for n in range(1, 7)}
    assert et == {"ET-1", "ET-2", "ET-3"}


def test_a_dangling_id_in_the_crosswalk_fails_validation(raw):
    broken = copy.deepcopy(raw)
    broken["crosswalk"]["mappings"][2]["inspection_findings"][0]["ref"] = "EPG-F11"
    with pytest.raises(ContentInvalid) as caught:
        build_content(broken)
    assert caught.value.errors == [
        "data/crosswalk.yml: mappings[2].inspection_findings[0].ref: unknown id 'EPG-F11'"
    ]


def test_a_missing_sa_principle_or_wrong_kind_fails_the_crosswalk_rules(raw):
    broken = copy.deepcopy(raw)
    del broken["crosswalk"]["mappings"][4]
    broken["crosswalk"]["mappings"][0]["efficiency_themes"][0]["ref"] = "KP-2"
    with pytest.raises(ContentInvalid) as caught:
        build_content(broken)
    errors = caught.value.errors
    assert any("mappings: expected one per SA principle" in e for e in errors), errors
    assert any(
        "mappings[0].efficiency_themes[0].ref: 'KP-2' does not belong in efficiency_themes" in e
        for e in errors
    ), errors


def test_every_mapping_is_marked_our_reading_and_quotes_both_documents(content):
    doc = content.docs["crosswalk"]
    for mapping in doc.mappings:
        for name in ("key_principles", "inspection_findings", "efficiency_themes"):
            for link in getattr(mapping, name):
                assert link.ours, (mapping.principle, link.ref)
                docs = {excerpt.doc for excerpt in link.quote}
                target = content.get(link.ref).source.doc
                assert {"SAT-2010", target} <= docs, (mapping.principle, link.ref, docs)


def test_the_exit_strategy_link_says_the_two_documents_mean_different_things(content):
    (sa4,) = [m for m in content.docs["crosswalk"].mappings if m.principle == "SA-4"]
    (exit_link,) = [link for link in sa4.key_principles if link.ref == "KP-6"]
    assert "for different things" in exit_link.reason
    assert "significantly reduced" in exit_link.reason and "still pose" in exit_link.reason
