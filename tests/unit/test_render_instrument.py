"""The instrument model and form renderer, checked through an HTML parser."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.loader import load_raw
from macros.render import Linker
from macros.render.instrument import assessment_choices, clear_data, instrument_form
from macros.validate import ContentInvalid, build_content

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "instrument-data"
DATA = Path(__file__).resolve().parent.parent.parent / "data"


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text_parts: list[str] = []

    def text(self) -> str:
        return "".join(self.text_parts) + "".join(c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and all(n.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def has(self, attr: str) -> bool:
        return attr in self.attrs


VOID = {"input", "br", "img", "meta", "link", "hr"}


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = Node("root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"unmatched </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.text_parts.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


def content_from(data_dir: Path):
    raw, errors = load_raw(data_dir)
    return build_content(raw, errors)


@pytest.fixture(scope="module")
def fixture_content():
    return content_from(FIXTURE)


@pytest.fixture(scope="module")
def form(fixture_content) -> Node:
    linker = Linker("assess/fixture/", True, fixture_content)
    return parse(instrument_form(fixture_content, linker, "fixture-test"))


def test_every_item_is_a_fieldset_with_a_legend_naming_it(form):
    items = form.find_all("fieldset", class_="iom-item")
    assert [i.attrs["data-item"] for i in items] == ["FX-1", "FX-2", "FX-3"]
    for item in items:
        legend = item.children[0]
        assert legend.tag == "legend"
        assert item.attrs["data-item"] in legend.text()


def test_radios_have_text_labels_and_a_description_of_each_level(form):
    item = form.find_all("fieldset", data_item="FX-2")[0]
    radios = [n for n in item.find_all("input") if n.attrs.get("type") == "radio"]
    assert [r.attrs["value"] for r in radios] == ["low", "mid", "high", "na"]
    assert len({r.attrs["name"] for r in radios}) == 1
    labels = {label.attrs["for"]: label.text().strip() for label in item.find_all("label")}
    assert [labels[r.attrs["id"]] for r in radios] == ["Low", "Middle", "High", "Not applicable"]
    ids = {n.attrs["id"]: n for n in form.iter() if "id" in n.attrs}
    hints = [ids[r.attrs["aria-describedby"]].text() for r in radios]
    assert hints[:3] == ["Hardly in place.", "Partly in place.", "In place."]
    assert "say why" in hints[3].lower()


def test_rating_group_is_its_own_fieldset_and_criteria_sit_beside_it(form):
    item = form.find_all("fieldset", data_item="FX-1")[0]
    body = item.find_all(class_="iom-item__body")[0]
    kinds = [c.attrs.get("class") for c in body.children]
    assert kinds == ["iom-item__criteria", "iom-rating"]
    points = body.find_all("li")
    assert [
        p.text().split("Sub")[0].strip()
        if p.children[0].text().startswith("Second")
        else p.text().strip()
        for p in points
    ] == [
        "First criterion",
        "Second criterion",
        "Sub-point one",
        "Sub-point two",
    ]


def test_text_fields_na_reason_and_one_action_row_per_item(form):
    item = form.find_all("fieldset", data_item="FX-1")[0]
    fields = [t.attrs["data-field"] for t in item.find_all("textarea") if t.has("data-field")]
    assert fields == ["evidence", "efficiency"]
    assert item.find_all("textarea", data_na_reason_input="")
    rows = item.find_all("fieldset", class_="iom-action")
    assert len(rows) == 1
    keys = [n.attrs["data-action-field"] for n in rows[0].iter() if n.has("data-action-field")]
    assert keys == ["action", "owner", "due", "status"]


def test_every_control_has_a_label_and_ids_are_unique(form):
    ids = [n.attrs["id"] for n in form.iter() if "id" in n.attrs and n.tag != "template"]
    outside_template = []
    for node in form.iter():
        inside = False
        parent = node.parent
        while parent is not None:
            if parent.tag == "template":
                inside = True
                break
            parent = parent.parent
        if not inside and "id" in node.attrs:
            outside_template.append(node.attrs["id"])
    assert len(outside_template) == len(set(outside_template)), "duplicate ids"
    labelled = {label.attrs.get("for") for label in form.find_all("label")}
    for control in form.iter():
        if control.tag in ("input", "textarea", "select") and "{prefix}" not in control.attrs.get(
            "id", ""
        ):
            assert control.attrs.get("id") in labelled, f"unlabelled {control.attrs}"
    assert ids


def test_controls_needing_javascript_start_hidden(form):
    for command in ["add-action", "remove-action", "export-json", "delete", "new"]:
        buttons = form.find_all("button", data_command=command)
        assert buttons, command
        for button in buttons:
            node, hidden = button, False
            while node is not None:
                hidden = hidden or "iom-js-only" in node.attrs.get("class", "").split()
                node = node.parent
            assert hidden, f"{command} is visible without JavaScript"


def test_text_from_data_is_escaped(fixture_content):
    html = instrument_form(fixture_content, Linker("a/", True, fixture_content), "fixture-test")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>markup</b>" not in html


def test_root_carries_id_version_and_replaces_map(form):
    root = form.find_all(data_module="iom-instrument")[0]
    assert root.attrs["data-instrument-id"] == "fixture-test"
    assert root.attrs["data-instrument-version"] == "2.1"
    assert json.loads(root.attrs["data-replaces"]) == {"FX-0": "FX-1", "FX-old": None}
    assert root.attrs["data-storage-prefix"] == "iom:"


def test_summary_table_has_a_row_per_section_and_a_column_per_level(form):
    table = form.find_all("table", data_counts="")[0]
    heads = [th.text() for th in table.find_all("th") if th.attrs.get("scope") == "col"]
    assert heads == ["Section", "Low", "Middle", "High", "Not applicable", "Not rated", "Total"]
    rows = [
        tr.attrs["data-section-row"] for tr in table.find_all("tr") if tr.has("data-section-row")
    ]
    assert rows == ["S1", "S2", ""]


def test_messages_for_the_script_are_in_the_markup(form):
    keys = {n.attrs["data-message"] for n in form.iter() if n.has("data-message")}
    for key in ["saved", "progress", "not-rated", "import-not-json", "import-bad-rating"]:
        assert key in keys


def test_unknown_instrument_names_the_known_ones(fixture_content):
    with pytest.raises(KeyError, match="fixture-test"):
        instrument_form(fixture_content, None, "nope")


def test_choices_and_clear_data_render(fixture_content):
    linker = Linker("assess/", True, fixture_content)
    choices = parse(assessment_choices(fixture_content, linker))
    assert "Fixture instrument" in choices.text()
    assert "3 points to rate" in choices.text()
    clear = parse(clear_data(fixture_content, linker))
    assert clear.find_all(data_module="iom-clear-data")


def _broken(tmp_path: Path, change) -> str:
    target = tmp_path / "data"
    (target / "instruments").mkdir(parents=True)
    (target / "sources.yml").write_text((FIXTURE / "sources.yml").read_text())
    doc = yaml.safe_load((FIXTURE / "instruments" / "fixture-test.yml").read_text())
    change(doc)
    (target / "instruments" / "fixture-test.yml").write_text(yaml.safe_dump(doc))
    with pytest.raises(ContentInvalid) as caught:
        content_from(target)
    return str(caught.value)


def test_duplicate_item_and_level_are_reported(tmp_path):
    def change(doc):
        doc["sections"][1]["items"][0]["id"] = "FX-1"
        doc["scale"]["levels"][1]["value"] = "low"

    message = _broken(tmp_path, change)
    assert "sections[1].items[0].id: 'FX-1' appears twice" in message
    assert "scale.levels[1].value: 'low' appears twice" in message


def test_dangling_ref_is_reported(tmp_path):
    def change(doc):
        doc["sections"][0]["items"][1] = {"id": "FX-2", "ref": "NO-SUCH"}

    message = _broken(tmp_path, change)
    assert "sections[0].items[1].ref: unknown id 'NO-SUCH'" in message


def test_bad_replaces_map_is_reported(tmp_path):
    def change(doc):
        doc["replaces"] = {"FX-1": None, "FX-9": "FX-404"}

    message = _broken(tmp_path, change)
    assert "replaces.FX-1: 'FX-1' is still an item" in message
    assert "replaces.FX-9: 'FX-404' is not an item" in message


def test_item_without_text_or_ref_is_reported(tmp_path):
    def change(doc):
        doc["sections"][0]["items"][1] = {"id": "FX-2"}

    assert "sections[0].items[1]: needs a ref or a title" in _broken(tmp_path, change)


def test_real_instruments_render_framework_text(tmp_path):
    content = content_from(DATA)
    for key, doc in content.instruments().items():
        form = parse(instrument_form(content, Linker("assess/x/", True, content), doc.id))
        for item in form.find_all("fieldset", class_="iom-item"):
            title = item.find_all(data_item_title="")[0].text().strip()
            assert title, f"{key}: {item.attrs['data-item']} has no title"
    sa = content.docs["instruments/self-assessment-2010"]
    form = parse(instrument_form(content, Linker("assess/x/", True, content), sa.id))
    first = form.find_all("fieldset", data_item="SA-1.1")[0]
    assert copy.copy(content.get("SA-1.1").title) in first.text()
