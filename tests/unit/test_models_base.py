"""The shared loader, typed models and validator, with good and bad fixture data.

Fixtures live in tests/fixtures/base/: `good/` validates; `bad/` and `bad-yaml/` each hold
several problems that must all be reported at once, with file and key path (or line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pytest

from macros.loader import file_key, load_raw
from macros.models.base import BuildResult, Point, Ref, Source, build, walk_ids
from macros.validate import ContentInvalid, build_content
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "base"


def content_errors(folder: str) -> list[str]:
    raw, load_errors = load_raw(FIXTURES / folder)
    with pytest.raises(ContentInvalid) as caught:
        build_content(raw, load_errors)
    return caught.value.errors


# --- loader -------------------------------------------------------------------------------


def test_loader_keys_files_by_path_below_data_without_suffix(tmp_path):
    assert file_key(tmp_path, tmp_path / "instruments" / "sat.yml") == "instruments/sat"
    raw, errors = load_raw(FIXTURES / "good")
    assert errors == []
    assert set(raw) == {"sources", "principles-2015"}
    assert raw["principles-2015"]["principles"][0]["id"] == "KP-1"


def test_yaml_syntax_error_names_file_and_line():
    raw, errors = load_raw(FIXTURES / "bad-yaml")
    assert "principles-2015" not in raw
    assert errors == [
        "data/principles-2015.yml: line 3, column 13: not valid YAML: "
        "mapping values are not allowed here"
    ]


def test_unreadable_file_is_reported_not_raised(tmp_path):
    (tmp_path / "broken.yml").write_bytes(b"title: \xff\xfe\n")
    raw, errors = load_raw(tmp_path)
    assert raw == {}
    assert len(errors) == 1 and errors[0].startswith("data/broken.yml: cannot be read")


# --- models (build) -------------------------------------------------------------------------


@dataclass
class Item:
    id: str
    title: str
    count: int
    status: Literal["open", "done"]
    source: Source
    points: list[Point] = field(default_factory=list)
    related: list[Ref] = field(default_factory=list)
    note: str = ""


def build_item(raw) -> tuple[Item, BuildResult]:
    result = BuildResult()
    return build(Item, raw, "items[0]", result), result


GOOD_ITEM = {
    "id": "X-1",
    "title": "A title",
    "count": 3,
    "status": "open",
    "source": {"doc": "KP-2015", "section": "Introduction"},
    "points": ["plain text", {"text": "with sub-points", "points": ["a", {"text": "b"}]}],
    "related": ["KP-1"],
}


def test_good_item_builds_with_points_nested_and_refs_collected():
    item, result = build_item(GOOD_ITEM)
    assert result.errors == []
    assert item.points[0] == Point("plain text")
    assert [p.text for p in item.points[1].points] == ["a", "b"]
    assert item.note == ""
    # Every Ref is collected with its key path, including Source.doc.
    assert ("items[0].related[0]", "KP-1") in result.refs
    assert ("items[0].source.doc", "KP-2015") in result.refs


def test_missing_required_field_reports_its_key_path():
    raw = {k: v for k, v in GOOD_ITEM.items() if k != "title"}
    raw["source"] = {"doc": "KP-2015"}
    _, result = build_item(raw)
    assert "items[0].title: required but missing" in result.errors
    assert "items[0].source.section: required but missing" in result.errors


def test_empty_required_text_is_an_error():
    _, result = build_item({**GOOD_ITEM, "title": "   "})
    assert result.errors == ["items[0].title: required text is empty"]


def test_unknown_key_is_reported_with_the_keys_expected():
    _, result = build_item({**GOOD_ITEM, "colour": "blue"})
    assert len(result.errors) == 1
    assert result.errors[0].startswith("items[0].colour: unknown key (expected one of: id, title")


def test_wrong_types_are_each_reported():
    raw = {**GOOD_ITEM, "count": "three", "status": "closed", "points": "not a list"}
    _, result = build_item(raw)
    assert "items[0].count: expected a whole number, got str 'three'" in result.errors
    assert "items[0].status: expected one of 'open', 'done', got str 'closed'" in result.errors
    assert "items[0].points: expected a list, got str 'not a list'" in result.errors
    assert len(result.errors) == 3


def test_nested_point_problems_report_the_nested_path():
    raw = {**GOOD_ITEM, "points": [{"text": "ok", "points": [{"points": []}]}]}
    _, result = build_item(raw)
    assert result.errors == ["items[0].points[0].points[0].text: required but missing"]


def test_walk_ids_finds_nested_ids_with_paths():
    item, _ = build_item(GOOD_ITEM)
    assert list(walk_ids([item], "items")) == [("items[0]", "X-1")]


# --- validator (build_content) --------------------------------------------------------------


def test_good_fixture_validates_and_indexes_every_id():
    raw, load_errors = load_raw(FIXTURES / "good")
    content = build_content(raw, load_errors)
    assert {"OGL-3.0", "KP-2015", "KP-1", "KP-1.1", "KP-1.2"} == set(content.ids)
    assert content.page_of("KP-1.1") == "principles.md"
    assert content.get("KP-1.2").title == "Another element."


def test_bad_fixture_reports_every_problem_at_once():
    errors = content_errors("bad")
    expected = [
        "data/principles-2015.yml: principles[0].colour: unknown key",
        "data/principles-2015.yml: principles[0].number: expected a whole number, got str 'one'",
        "data/principles-2015.yml: principles[0].elements[0].title: required but missing",
        "data/principles-2015.yml: introduction.straplines[0].principle: unknown id 'KP-9'",
        "data/principles-2015.yml: principles[0].elements[1].source.doc: unknown id 'NO-SUCH-DOC'",
        "data/self-assessment.yml: principles[0].elements[0]: duplicate id 'KP-1.2' "
        "(first defined in data/principles-2015.yml: principles[0].elements[1])",
    ]
    for message in expected:
        assert any(e.startswith(message) for e in errors), f"not reported: {message}\n{errors}"
    assert len(errors) == len(expected), errors


def test_syntax_error_and_content_error_in_other_file_are_reported_together():
    errors = content_errors("bad-yaml")
    assert errors == [
        "data/principles-2015.yml: line 3, column 13: not valid YAML: "
        "mapping values are not allowed here",
        "data/self-assessment.yml: title: required but missing",
        "data/self-assessment.yml: principles: required but empty",
    ]


def test_the_exception_message_lists_every_problem():
    raw, load_errors = load_raw(FIXTURES / "bad")
    with pytest.raises(ContentInvalid) as caught:
        build_content(raw, load_errors)
    message = str(caught.value)
    assert message.startswith("6 problem(s) in data/:")
    assert message.count("\n  - ") == 6


def test_file_without_a_model_is_reported(tmp_path):
    raw = {"no-such-kind": {"a": 1}}
    with pytest.raises(ContentInvalid) as caught:
        build_content(raw)
    assert caught.value.errors == [
        "data/no-such-kind.yml: no model describes this file (add one in macros/models/)"
    ]


def test_kind_rules_run_only_once_types_and_references_are_clean():
    raw, _ = load_raw(FIXTURES / "good")
    raw["principles-2015"]["principles"][0]["elements"][1]["id"] = "KP-1.7"
    with pytest.raises(ContentInvalid) as caught:
        build_content(raw)
    assert caught.value.errors == [
        "data/principles-2015.yml: principles[0].elements[1].id: 'KP-1.7' should be 'KP-1.2'"
    ]


def test_empty_required_list_is_an_error():
    from dataclasses import dataclass

    from macros.models.base import BuildResult, build

    @dataclass
    class WithPoints:
        points: list[Point]

    result = BuildResult()
    build(WithPoints, {"points": []}, "doc", result)
    assert result.errors == ["doc.points: required but empty"]
