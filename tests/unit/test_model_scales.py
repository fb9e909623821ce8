"""Rating scales (macros/models/scales.py): declared once, named by id, checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from macros.loader import load_raw
from macros.validate import ContentInvalid, build_content

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "instrument-data"


def _problems(tmp_path: Path, change_scales=None, change_instrument=None) -> str:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    for name, change in [
        ("scales.yml", change_scales),
        ("instruments/fixture-test.yml", change_instrument),
    ]:
        if change:
            doc = yaml.safe_load((data / name).read_text())
            change(doc)
            (data / name).write_text(yaml.safe_dump(doc))
    raw, errors = load_raw(data)
    with pytest.raises(ContentInvalid) as caught:
        build_content(raw, errors)
    return str(caught.value)


def test_level_values_are_distinct_slugs_and_not_the_value_kept_for_na(tmp_path):
    def change(doc):
        levels = doc["scales"][0]["levels"]
        levels[1]["value"] = "low"
        levels[2]["value"] = "na"
        levels.append({"value": "Top Level", "label": "Top", "description": "Top."})

    message = _problems(tmp_path, change_scales=change)
    assert "data/scales.yml: scales[0].levels[1].value: 'low' appears twice" in message
    assert "scales[0].levels[2].value: 'na' is kept for not applicable" in message
    assert "scales[0].levels[3].value: 'Top Level' should be lower-case-with-hyphens" in message


def test_a_scale_needs_two_levels(tmp_path):
    def change(doc):
        doc["scales"][0]["levels"] = doc["scales"][0]["levels"][:1]

    message = _problems(tmp_path, change_scales=change)
    assert "scales[0].levels: a scale needs at least two levels" in message


def test_a_scale_says_how_not_applicable_reads(tmp_path):
    def change(doc):
        del doc["scales"][0]["not_applicable"]["reason_label"]

    message = _problems(tmp_path, change_scales=change)
    assert "scales[0].not_applicable.reason_label: required but missing" in message


def test_an_instrument_names_a_scale_that_exists(tmp_path):
    def change(doc):
        doc["scale"]["ref"] = "no-such-scale"

    message = _problems(tmp_path, change_instrument=change)
    assert "data/instruments/fixture-test.yml: scale.ref: unknown id 'no-such-scale'" in message


def test_an_instrument_names_a_scale_not_another_kind_of_item(tmp_path):
    def change(doc):
        doc["scale"]["ref"] = "FIX-1"  # a source document's id

    message = _problems(tmp_path, change_instrument=change)
    assert "scale.ref: 'FIX-1' is not a scale in data/scales.yml" in message


def test_an_instrument_id_is_its_file_name(tmp_path):
    def change(doc):
        doc["id"] = "another-name"

    message = _problems(tmp_path, change_instrument=change)
    assert "fixture-test.yml: id: 'another-name' should be the file name" in message


def test_an_instrument_page_is_under_assess(tmp_path):
    def change(doc):
        doc["page"] = "elsewhere/form.md"

    message = _problems(tmp_path, change_instrument=change)
    assert "fixture-test.yml: page: 'elsewhere/form.md' should be assess/<name>.md" in message


def test_two_instruments_cannot_share_a_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    doc = yaml.safe_load((data / "instruments" / "fixture-test.yml").read_text())
    doc.update(id="fixture-other", page="assess/fixture-test.md")
    (data / "instruments" / "fixture-other.yml").write_text(yaml.safe_dump(doc))
    raw, errors = load_raw(data)
    with pytest.raises(ContentInvalid, match="page: 'assess/fixture-test.md' is data/"):
        build_content(raw, errors)
