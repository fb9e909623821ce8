"""The partnership views (combine, compare) checked through an HTML parser."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.loader import load_raw
from macros.models.instrument import scale_of
from macros.render import Linker
from macros.render.partnership import combine_view, compare_view, instrument_info, ordered_levels
from macros.validate import ContentInvalid, build_content

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


class Collector(HTMLParser):
    """Start tags with their attributes, the text of JSON blocks, and every label's target."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.json_blocks: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self._json_id: str | None = None
        self._label_for: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "template" and "data-instrument-info" in attributes:
            self._json_id = attributes["data-instrument-info"]
            self.json_blocks[self._json_id] = ""
        if tag == "label" and "for" in attributes:
            self._label_for = attributes["for"]
            self.labels[self._label_for] = ""

    def handle_endtag(self, tag):
        if tag == "template":
            self._json_id = None
        if tag == "label":
            self._label_for = None

    def handle_data(self, data):
        if self._json_id:
            self.json_blocks[self._json_id] += data
        if self._label_for:
            self.labels[self._label_for] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k) == v or (v == "*" and k in a) for k, v in wanted.items())
        ]


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


@pytest.fixture(scope="module")
def fixture_v2():
    raw, errors = load_raw(FIXTURES / "partnership-v2")
    return build_content(raw, errors)


def linker(content, url="assess/combine/"):
    return Linker(url, True, content)


def test_levels_run_from_worst_to_best_whatever_the_file_order(content):
    efficiency = content.docs["instruments/efficiency-review-2018"]
    in_file = scale_of(efficiency, content).levels
    assert [lv.value for lv in in_file] == ["in-place", "partly", "not-yet"]
    ordered = ordered_levels(content, efficiency)
    assert [lv.value for lv in ordered] == ["not-yet", "partly", "in-place"]
    sat = content.docs["instruments/self-assessment-2010"]
    assert [lv.value for lv in ordered_levels(content, sat)] == ["red", "amber", "green"]


def test_instrument_info_carries_items_titles_and_replaces(fixture_v2):
    info = instrument_info(fixture_v2, None, fixture_v2.docs["instruments/fixture-check"])
    assert info["id"] == "fixture-check" and info["version"] == "2.0"
    assert info["na"] is True
    assert info["labels"] == {
        "red": "Red",
        "amber": "Amber",
        "green": "Green",
        "na": "Not applicable",
    }
    assert info["titles"]["FC-1.3"] == "Partners meet at least monthly"
    assert info["replaces"]["FC-2.3"] is None
    assert info["fields"] == ["evidence"]
    assert info["statuses"] == ["open", "in-progress", "done"]


def test_combine_view_describes_every_instrument_in_json(content):
    page = parse(combine_view(content, linker(content)))
    root = page.find("div", data_module="iom-combine")
    assert len(root) == 1 and root[0]["data-storage-prefix"] == "iom:"
    assert set(page.json_blocks) == {
        "self-assessment-2010",
        "key-principles-2015",
        "inspection-readiness-2020",
        "efficiency-review-2018",
    }
    efficiency = json.loads(page.json_blocks["efficiency-review-2018"])
    assert sum(len(s["items"]) for s in efficiency["sections"]) == 27
    sat = json.loads(page.json_blocks["self-assessment-2010"])
    assert sum(len(s["items"]) for s in sat["sections"]) == 12
    assert sat["titles"]["SA-1.1"]
    options = [o["value"] for o in page.find("option")]
    assert options[0] == "" and len(options) == 5


def test_combine_view_controls_are_labelled_and_hidden_without_javascript(content):
    page = parse(combine_view(content, linker(content)))
    files = page.find("input", type="file")
    assert len(files) == 1 and "multiple" in files[0]
    for control in page.find("input", id="*") + page.find("select", id="*"):
        assert control["id"] in page.labels, f"{control['id']} has no label"
    assert "Add agencies’ files (JSON or CSV)" in page.labels["iom-combine-files"]
    no_js = [a for _, a in page.tags if "iom-no-js" in a.get("class", "").split()]
    assert no_js, "the page says what it needs without JavaScript"
    summary = page.find("div", data_error_summary="")
    assert summary and "hidden" in summary[0] and summary[0]["tabindex"] == "-1"


def test_one_instrument_only_when_named(content):
    page = parse(combine_view(content, linker(content), "key-principles-2015"))
    assert list(page.json_blocks) == ["key-principles-2015"]
    assert page.find("input", type="hidden", data_instrument_select="*")[0]["value"] == (
        "key-principles-2015"
    )
    with pytest.raises(KeyError, match="no instrument 'nope'"):
        combine_view(content, linker(content), "nope")


def test_json_block_cannot_close_its_script():
    raw, errors = load_raw(FIXTURES / "partnership-v2")
    fixture_v2 = build_content(raw, errors)
    doc = fixture_v2.docs["instruments/fixture-check"]
    doc.title = "Breaks </script><script>alert(1)</script>"
    html = combine_view(fixture_v2, linker(fixture_v2))
    assert "</script><script>alert(1)" not in html
    page = parse(html)
    assert json.loads(page.json_blocks["fixture-check"])["title"] == doc.title


def test_compare_view_has_two_labelled_pickers_and_tables(content):
    page = parse(compare_view(content, linker(content, "assess/compare/")))
    assert page.find("div", data_module="iom-compare")
    assert page.labels["iom-compare-before"] == "Earlier assessment"
    assert page.labels["iom-compare-after"] == "Later assessment"
    assert page.find("table", data_section_table="")
    assert page.find("table", data_item_table="")
    assert len(page.json_blocks) == 4


def _fixture_raw_v2():
    raw, errors = load_raw(FIXTURES / "partnership-v2")
    assert not errors
    return raw


def test_replaces_may_chain_across_versions_to_a_current_item():
    raw = _fixture_raw_v2()
    instrument = raw["instruments/fixture-check"]
    instrument["version"] = "3.0"
    instrument["sections"][0]["items"][1] = {"id": "FC-1.4", "title": "Partners meet"}
    instrument["replaces"]["FC-1.3"] = "FC-1.4"  # FC-1.2 → FC-1.3 → FC-1.4
    content = build_content(raw, [])
    info = instrument_info(content, None, content.docs["instruments/fixture-check"])
    assert info["replaces"]["FC-1.2"] == "FC-1.3"


@pytest.mark.parametrize(
    ("replaces", "message"),
    [
        ({"FC-1.2": "FC-9.9"}, "replaces.FC-1.2: 'FC-9.9' is not an item of this version"),
        (
            {"FC-1.2": "FC-1.0", "FC-1.0": "FC-1.2"},
            "replaces.FC-1.2: 'FC-1.0' is not an item of this version (the chain of replaces"
            " loops)",
        ),
    ],
)
def test_replaces_that_lead_nowhere_fail_with_the_key_path(replaces, message):
    raw = _fixture_raw_v2()
    raw["instruments/fixture-check"]["replaces"] = replaces
    with pytest.raises(ContentInvalid) as failure:
        build_content(raw, [])
    assert any(message in error for error in failure.value.errors), failure.value.errors
