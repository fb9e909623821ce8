"""The value-for-money calculator markup, checked through an HTML parser."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from macros.render import Linker
from macros.render.calculator import (
    STAFF_ROWS,
    breakeven_calculator,
    breakeven_presets,
    pounds,
    preset_inputs,
    unit_cost_notes,
)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each label by its `for`."""

    VOID = {"input", "br", "img", "meta", "link", "hr"}

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.labels: dict[str, str] = {}
        self.js_only: list[dict] = []  # elements inside (or being) an .iom-js-only element
        self._label_for: str | None = None
        self._open: list[bool] = []  # per open element: is it or an ancestor .iom-js-only

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        hidden = "iom-js-only" in attributes.get("class", "").split() or (
            bool(self._open) and self._open[-1]
        )
        if hidden:
            self.js_only.append(attributes)
        if tag not in self.VOID:
            self._open.append(hidden)
        if tag == "label":
            self._label_for = attributes.get("for")
            self.labels[self._label_for] = ""

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._open:
            self._open.pop()
        if tag == "label":
            self._label_for = None

    def handle_data(self, data):
        if self._label_for:
            self.labels[self._label_for] += data


@pytest.fixture(scope="module")
def form(content):
    parser = Elements()
    parser.feed(breakeven_calculator(content, Linker("value-for-money/", True, content)))
    return parser


def test_every_input_has_a_label(form):
    inputs = [a for tag, a in form.tags if tag in ("input", "select")]
    assert len(inputs) > 40
    for attributes in inputs:
        assert attributes["id"] in form.labels, attributes["id"]
        assert form.labels[attributes["id"]].strip(), attributes["id"]


def test_fields_the_script_reads_have_ids_and_every_description_exists(form, content):
    ids = {a.get("id") for _, a in form.tags}
    for key in ["cohort", "interventions", "other", "uprating", "reduction"]:
        assert f"iom-be-{key}" in ids
    for i in range(STAFF_ROWS):
        assert {f"iom-be-staff-{i}-{part}" for part in ("role", "posts", "cost")} <= ids
    for crime in content.docs["unit-costs"].crime_types:
        for part in ("rate", "multiplier", "cost", "year"):
            assert f"iom-be-crime-{crime.key}-{part}" in ids
    for _, attributes in form.tags:
        for described in attributes.get("aria-describedby", "").split():
            assert described in ids, described


def test_fields_have_no_names_so_nothing_typed_can_be_submitted(form):
    # Without JavaScript, Enter in a field still submits the form: with no names, no figure
    # goes into the address (and so into history or a server log).
    assert [a for tag, a in form.tags if tag in ("input", "select") and "name" in a] == []


def test_the_root_names_the_module_and_a_storage_prefix_cleared_with_all_data(form):
    (root,) = [a for tag, a in form.tags if a.get("data-module") == "iom-breakeven"]
    assert root["data-storage-prefix"] == "iom:"


def test_controls_that_need_javascript_start_hidden(form):
    commands = [a for _, a in form.tags if "data-command" in a]
    assert len(commands) >= 9
    for attributes in commands + [a for _, a in form.tags if "data-import-file" in a]:
        assert attributes in form.js_only, attributes


def test_preset_button_carries_the_lancashire_inputs_a_year(form, content):
    (button,) = [a for tag, a in form.tags if a.get("data-preset-key") == "lancashire"]
    inputs = json.loads(button["data-preset"])
    assert inputs["cohort"] == "1"
    # (£73,000 + £12,000 + £74,000 + £157,000) / 4: one offender's costs in a year
    assert inputs["crimes"]["other"]["cost"] == "79000"
    assert inputs["crimes"]["other"]["rate"] == "1"
    # What IOM cost and how far this offender's offending fell are not in the case study.
    assert "interventions" not in inputs and "reduction" not in inputs
    doc = content.docs["unit-costs"]
    assert preset_inputs(doc, doc.presets[0]) == inputs


def test_unit_cost_notes_say_there_is_no_default_to_enter(content):
    html = unit_cost_notes(content, Linker("value-for-money/", True, content))
    parser = Elements()
    parser.feed(html)
    assert "No crime type in this calculator has a default unit cost" in html
    assert "Domestic burglary" in html
    # The tables are named; no price year is claimed that we could not read.
    assert "Table 1: Unit costs of crimes by category (page 15)" in html
    assert "2015/16" not in html


def test_preset_notes_link_to_the_source_and_give_yearly_figures(content):
    html = breakeven_presets(content, Linker("value-for-money/", True, content))
    parser = Elements()
    parser.feed(html)
    hrefs = [a["href"] for tag, a in parser.tags if tag == "a"]
    assert "../sources/#et-2018" in hrefs
    assert "£79,000" in html
    assert "the case study gives neither" in html
    assert "no price year" in html
    assert "Our reading" in html  # how the preset loads the figures is our choice


def test_pounds():
    assert pounds(39750.0) == "£39,750"
    assert pounds(13117.5) == "£13,117.50"
