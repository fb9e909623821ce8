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
    _case(raw)["principles"] = ["KP-1.1"]
    assert any("'KP-1.1' is not a 2015 principle" in e for e in _errors(raw))
    _case(raw)["principles"] = ["KP-9"]
    assert any("unknown id 'KP-9'" in e for e in _errors(raw))


def test_a_case_needs_at_least_one_principle(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["principles"] = []
    # Required lists may not be empty: models/base.py reports it for every kind.
    assert any("cases[0].principles: required but empty" in e for e in _errors(raw))


def test_a_money_figure_without_its_context_is_reported(real_raw):
    raw = copy.deepcopy(real_raw)
    _case(raw)["results"].append({"text": "Cost.", "figure": "£1"})
    assert any("a money figure needs its period and price-year context" in e for e in _errors(raw))
