"""Guidance for each gap (macros/render/guidance.py): what the crosswalk and the case studies'
principles give each item of each instrument, and whether it says element or principle."""

from __future__ import annotations

import copy

import pytest

from macros.render import Linker
from macros.render.guidance import (
    ELEMENT,
    MAX_CASES,
    PRINCIPLE,
    instrument_guidance,
    item_guidance,
    short_title,
)
from macros.validate import ContentInvalid, build_content


def groups(content, item_id: str) -> dict[str, dict]:
    return {g["kind"]: g for g in item_guidance(content, item_id)["groups"]}


def test_an_element_with_element_level_links_gets_exactly_those(content):
    found = groups(content, "SA-1.1")
    assert found["elements"] == {"kind": "elements", "basis": ELEMENT, "ids": ["KP-1.1"]}
    assert found["findings"] == {"kind": "findings", "basis": ELEMENT, "ids": ["EPG-F03"]}
    assert item_guidance(content, "SA-1.1")["through"] == ["SA-1"]


def test_an_element_without_them_gets_its_principles_links_and_says_so(content):
    found = groups(content, "SA-1.4")
    sa1 = content.docs["crosswalk"].mappings[0]
    closest = [ref for link in sa1.key_principles for ref in link.via or [link.ref]]
    assert found["elements"]["basis"] == PRINCIPLE
    assert found["elements"]["ids"] == closest  # KP-1's closest elements, and KP-5 itself
    assert "KP-5" in closest
    # Its inspection finding is matched element by element (SA-1.4 → EPG-F01).
    assert found["findings"] == {"kind": "findings", "basis": ELEMENT, "ids": ["EPG-F01"]}


def test_case_studies_are_chosen_by_the_principles_of_the_elements_shown(content):
    cases = groups(content, "SA-3.2")["cases"]  # KP-4.3, KP-4.4: principle KP-4
    assert cases["basis"] == PRINCIPLE
    assert cases["principles"] == ["KP-4"]
    for case_id in cases["ids"]:
        assert "KP-4" in content.get(case_id).principles.ids
    assert len(cases["ids"]) <= MAX_CASES
    with_kp4 = [c.id for c in content.docs["case-studies"].cases if "KP-4" in c.principles.ids]
    assert cases["more"] == (["KP-4"] if len(with_kp4) > MAX_CASES else [])


def test_items_of_other_frameworks_are_reached_through_the_rows_that_name_them(content):
    # A 2015 element named as closest to SA-1: SA-1's findings, per principle; no elements
    # (it is one), and the case studies of its own principle.
    found = groups(content, "KP-1.1")
    assert "elements" not in found
    assert found["findings"]["basis"] == PRINCIPLE
    assert found["findings"]["ids"] == [
        link.ref for link in content.docs["crosswalk"].mappings[0].inspection_findings
    ]
    assert found["cases"]["principles"] == ["KP-1"]
    # A finding: the Key Principles of every row mapping to it, as whole principles.
    f01 = item_guidance(content, "EPG-F01")
    assert f01["through"] == ["SA-1", "SA-4"]
    f01_groups = {g["kind"]: g for g in f01["groups"]}
    assert "findings" not in f01_groups
    assert f01_groups["elements"]["ids"] == ["KP-1", "KP-5", "KP-6"]


def test_an_efficiency_question_named_in_a_via_list_is_reached_by_that_row_only(content):
    assert item_guidance(content, "ET-1.Q01")["through"] == ["SA-1"]
    # One named in none is reached through its theme, in every row that maps the theme.
    rows = [
        m.principle
        for m in content.docs["crosswalk"].mappings
        if any(link.ref == "ET-1" for link in m.efficiency_themes)
    ]
    assert item_guidance(content, "ET-1.Q03")["through"] == rows


def test_every_item_the_crosswalk_reaches_has_guidance_with_links(content):
    for doc in content.instruments().values():
        linker = Linker("assess/x/report/", True, content)
        built = instrument_guidance(content, linker, doc)
        items = [item.id for s in doc.sections for item in s.items]
        # EPG-F05 (caseloads and trained staff) is the one item no crosswalk row maps.
        assert sorted(built["items"]) == sorted(set(items) - {"EPG-F05"}), doc.id
        for guidance in built["items"].values():
            for ref in guidance["through"] + [i for g in guidance["groups"] for i in g["ids"]]:
                entry = built["entries"][ref]
                assert entry["title"] and entry["href"].startswith("../../../"), ref
            for group in guidance["groups"]:
                for principle in group.get("more", []):
                    shown = [c for c in group["ids"] if principle in content.get(c).principles.ids]
                    assert built["caseStudies"][principle]["count"] > len(shown)
        for principle, more in built["caseStudies"].items():
            assert more["href"].endswith(f"case-studies/?principle={principle}")


def test_short_titles_end_at_the_first_clause_or_a_word(content):
    assert short_title(content.get("EPG-F01").title) == (
        "Clearly defined governance and leadership arrangements"
    )
    long = short_title(content.get("KP-4.2").title)
    assert long.endswith("…") and len(long) <= 91
    assert content.get("KP-4.2").title.startswith(long.removesuffix("…"))
    assert short_title("All relevant agencies are fully committed.") == (
        "All relevant agencies are fully committed"
    )


@pytest.fixture(scope="module")
def raw():
    from macros.loader import load_raw
    from tests.conftest import DATA

    raw, errors = load_raw(DATA)
    assert errors == []
    return raw


def test_an_element_link_must_refine_its_principles_mapping(raw):
    broken = copy.deepcopy(raw)
    elements = broken["crosswalk"]["mappings"][0]["elements"]
    elements[0]["item"] = "SA-2.1"  # not an element of SA-1
    elements[1]["ref"] = "EPG-F07"  # not one of SA-1's findings
    elements[2]["ours"] = False
    with pytest.raises(ContentInvalid) as caught:
        build_content(broken)
    errors = caught.value.errors
    assert (
        "data/crosswalk.yml: mappings[0].elements[0].item: 'SA-2.1' is not an element of SA-1"
        in errors
    )
    assert any(
        "elements[1].ref: 'EPG-F07' is neither a `via` delivery element" in e for e in errors
    )
    assert any("elements[2].ours: a mapping is our reading" in e for e in errors)
