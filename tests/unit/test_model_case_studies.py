"""The case-study model's own rules: declared vocabularies, id scheme, principles, money context."""

from __future__ import annotations

import copy

import pytest

from macros.loader import load_raw
from macros.validate import ContentInvalid, build_content
from tests.conftest import DATA


@pytest.fixture(scope="module")
def real_raw():
    raw, errors = load_raw(DATA)
    assert not errors
    return raw


def _errors(raw) -> list[str]:
    try:
        build_content(raw)
    except ContentInvalid as invalid:
        return invalid.errors
    return []


def _case(raw, index=0):
    return raw["case-studies"]["cases"][index]


def test_the_real_file_has_no_problems(real_raw):
    assert _errors(real_raw) == []


def test_an_undeclared_theme_is_reported_with_its_key_path(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["themes"].append("housing")
    assert "data/case-studies.yml: cases[0].themes[4]: 'housing' is not declared in `themes`" in (
        _errors(raw)
    )


def test_a_declared_theme_that_no_case_uses_is_reported(real_raw):
    raw = copy.deepcopy(real_raw)
    raw["case-studies"]["themes"].append({"key": "women", "label": "Women"})
    assert any("'women' is declared but no case uses it" in e for e in _errors(raw))


def test_an_undeclared_area_and_a_mismatched_id_are_reported(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["area"] = "somewhere"
    errors = _errors(raw)
    assert any("cases[0].area: 'somewhere' is not declared in `areas`" in e for e in errors)
    assert any("should start with 'CS-somewhere-'" in e for e in errors)


def test_a_delivery_element_or_unknown_id_is_not_accepted_as_a_principle(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["principles"] = {"ids": ["KP-1.1"], "ours": True}
    assert any("'KP-1.1' is not a 2015 principle" in e for e in _errors(raw))
    _case(raw)["principles"] = {"ids": ["KP-9"], "ours": True}
    assert any("unknown id 'KP-9'" in e for e in _errors(raw))


def test_a_case_needs_at_least_one_principle(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["principles"] = {"ids": [], "ours": True}
    # Required lists may not be empty: models/base.py reports it for every kind.
    assert any("cases[0].principles.ids: required but empty" in e for e in _errors(raw))


def test_a_summary_without_a_quote_or_ours_is_reported_with_its_file_and_key_path(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["summary"] = "The West Midlands IDOM team holds a court session for its offenders."
    assert (
        "data/case-studies.yml: cases[0].summary: our own words need `quote:` (the source "
        "sentences they rest on, word for word) or `ours: true` (our own judgement)"
    ) in _errors(raw)


def test_a_summary_marked_ours_needs_no_quote(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["summary"] = {"text": "Our own view of the case.", "ours": True}
    assert _errors(raw) == []


def test_which_principles_a_case_illustrates_must_say_it_is_our_reading(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["principles"] = {"ids": ["KP-1"]}
    assert any(
        e.startswith("data/case-studies.yml: cases[0].principles: our own words")
        for e in _errors(raw)
    )


def test_a_quote_passage_must_name_a_known_document(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["summary"]["quote"] = [{"text": "A passage.", "doc": "NOT-A-DOC"}]
    assert "data/case-studies.yml: cases[0].summary.quote[0].doc: unknown id 'NOT-A-DOC'" in (
        _errors(raw)
    )


def test_a_money_figure_without_its_context_is_reported(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["results"].append({"text": "Cost.", "figure": "£1", "quote": ["a cost of £1"]})
    assert any("a money figure needs its period and price-year context" in e for e in _errors(raw))
