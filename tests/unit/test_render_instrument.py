"""The instrument model and form renderer, checked through an HTML parser."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from macros.loader import load_raw
from macros.render import Linker
from macros.render.instrument import (
    assessment_choices,
    clear_data,
    instrument_form,
    instrument_section,
)
from macros.validate import ContentInvalid, build_content

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "instrument-data"
JS = Path(__file__).resolve().parent.parent.parent / "overrides" / "assets" / "javascripts"
DATA = Path(__file__).resolve().parent.parent.parent / "data"
OVERVIEW = "assess/fixture-test/"  # where the fixture's overview and its section pages are served
S1, S2 = OVERVIEW + "s1/", OVERVIEW + "s2/"


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
    """The overview page: saved assessments, details, task list, summary."""
    linker = Linker(OVERVIEW, True, fixture_content)
    return parse(instrument_form(fixture_content, linker, "fixture-test"))


@pytest.fixture(scope="module")
def section_pages(fixture_content) -> dict[str, Node]:
    """Each section's own page, rendered as it is served (assess/fixture-test/s1/ …)."""
    pages = {}
    for section_id in ("S1", "S2"):
        linker = Linker(f"{OVERVIEW}{section_id.lower()}/", True, fixture_content)
        pages[section_id] = parse(
            instrument_section(fixture_content, linker, "fixture-test", section_id)
        )
    return pages


def _items(node: Node) -> list[str]:
    return [i.attrs["data-item"] for i in node.find_all("fieldset", class_="iom-item")]


def _to(page_url: str, href: str) -> str:
    """Where a relative link on the page at page_url leads, from the site's root."""
    return urljoin("https://site/" + page_url, href).removeprefix("https://site/")


def _info(node: Node) -> dict:
    (block,) = node.find_all(data_instrument_info="")
    return json.loads(block.text())


def test_every_item_is_a_fieldset_with_a_legend_naming_it(form, section_pages):
    assert _items(form) == [], "the overview holds no questions"
    assert _items(section_pages["S1"]) == ["FX-1", "FX-2"]
    assert _items(section_pages["S2"]) == ["FX-3"]
    for page in section_pages.values():
        for item in page.find_all("fieldset", class_="iom-item"):
            legend = item.children[0]
            assert legend.tag == "legend"
            assert item.attrs["data-item"] in legend.text()


def test_radios_have_text_labels_and_a_description_of_each_level(section_pages):
    form = section_pages["S1"]
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


def test_rating_group_is_its_own_fieldset_and_criteria_sit_beside_it(section_pages):
    item = section_pages["S1"].find_all("fieldset", data_item="FX-1")[0]
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


def test_text_fields_na_reason_and_one_action_row_per_item(section_pages):
    item = section_pages["S1"].find_all("fieldset", data_item="FX-1")[0]
    fields = [t.attrs["data-field"] for t in item.find_all("textarea") if t.has("data-field")]
    assert fields == ["evidence", "efficiency"]
    assert item.find_all("textarea", data_na_reason_input="")
    rows = item.find_all("fieldset", class_="iom-action")
    assert len(rows) == 1
    keys = [n.attrs["data-action-field"] for n in rows[0].iter() if n.has("data-action-field")]
    assert keys == ["action", "owner", "due", "status"]


@pytest.mark.parametrize("page", ["overview", "S1", "S2"])
def test_every_control_has_a_label_and_ids_are_unique(form, section_pages, page):
    form = form if page == "overview" else section_pages[page]
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


def test_controls_needing_javascript_start_hidden(form, section_pages):
    on_page = {"add-action": "S1", "remove-action": "S1", "export-json": "", "delete": ""}
    on_page.update({"new": "", "check": ""})
    for command, page in on_page.items():
        buttons = (section_pages[page] if page else form).find_all("button", data_command=command)
        assert buttons, command
        for button in buttons:
            node, hidden = button, False
            while node is not None:
                hidden = hidden or "iom-js-only" in node.attrs.get("class", "").split()
                node = node.parent
            assert hidden, f"{command} is visible without JavaScript"


def test_text_from_data_is_escaped(fixture_content):
    linker = Linker("a/", True, fixture_content)
    overview = instrument_form(fixture_content, linker, "fixture-test")
    section = instrument_section(fixture_content, linker, "fixture-test", "S1")
    for html in (overview, section):
        assert "<script>" not in html
        assert "<b>markup</b>" not in html
    # Shown on the section page; inside the overview's JSON block, "<" is escaped too.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in overview


def test_root_carries_id_version_and_the_instrument_as_json(form, section_pages):
    roots = [form.find_all(data_module="iom-instrument")[0]]
    roots += [
        page.find_all(data_module="iom-instrument-section")[0] for page in section_pages.values()
    ]
    for root in roots:
        assert root.attrs["data-instrument-id"] == "fixture-test"
        assert root.attrs["data-instrument-version"] == "2.1"
        assert root.attrs["data-storage-prefix"] == "iom:"
        assert "data-replaces" not in root.attrs and "data-item-noun" not in root.attrs
        # The JSON block is the root's first child.
        assert root.children[0].has("data-instrument-info")
        info = _info(root)
        assert (info["id"], info["version"], info["noun"]) == ("fixture-test", "2.1", "point")
        assert info["replaces"] == {"FX-0": "FX-1", "FX-old": None}
        assert [lv["value"] for lv in info["levels"]] == ["low", "mid", "high"]
        assert [s["items"] for s in info["sections"]] == [["FX-1", "FX-2"], ["FX-3"]]
    assert [r.attrs.get("data-section-page") for r in roots] == [None, "S1", "S2"]


def test_links_in_the_json_lead_from_each_page_to_the_others(form, section_pages):
    overview = _info(form)
    assert [_to(OVERVIEW, s["url"]) for s in overview["sections"]] == [S1, S2]
    assert "anchors" not in overview  # the script makes them from the ids, as `anchor` does
    assert overview["titles"]["FX-2"] == "Second point"
    section = _info(section_pages["S2"])
    assert [_to(S2, s["url"]) for s in section["sections"]] == [S1, S2]
    assert _to(S2, section["overview"]) == OVERVIEW


def test_overview_lists_each_section_with_its_status(form):
    (task_list,) = form.find_all("ol", class_="iom-task-list")
    rows = task_list.find_all("li", class_="iom-task-list__item")
    expected = [("S1", "First section", S1), ("S2", "Second section", S2)]
    assert len(rows) == len(expected)
    for row, (section_id, title, url) in zip(rows, expected, strict=True):
        (link,) = row.find_all("a", class_="iom-task-list__link")
        (status,) = row.find_all(data_task_status=section_id)
        assert (link.text(), _to(OVERVIEW, link.attrs["href"])) == (title, url)
        # A screen reader hears the section's size (and why it is not done yet) and status.
        (hint,) = row.find_all(class_="iom-task-list__hint")
        assert link.attrs["aria-describedby"] == f"{hint.attrs['id']} {status.attrs['id']}"
        assert row.find_all(data_task_reason=section_id)
        # The status is the script's: without it, no section claims to be started or not.
        assert status.text() == ""
    assert rows[1].find_all(class_="iom-task-list__hint")[0].text().strip() == "1 point"


def test_overview_leads_with_progress_and_continue_then_sections(form):
    """GOV.UK task list order: progress and Continue, the sections, the details, the check,
    the report and downloads; the saved assessments and the summary after those."""
    order = []
    for node in form.iter():
        for attr in ("data-task-progress", "data-continue", "data-task-list", "data-about"):
            if node.has(attr):
                order.append(attr)
        if node.has("data-check") or node.has("data-transfer") or node.has("data-saved-list"):
            order.append(
                next(a for a in ("data-check", "data-transfer", "data-saved-list") if node.has(a))
            )
        if node.has("data-summary"):
            order.append("data-summary")
    firsts = list(dict.fromkeys(order))
    assert firsts == [
        "data-task-progress",
        "data-continue",
        "data-task-list",
        "data-about",
        "data-check",
        "data-transfer",
        "data-saved-list",
        "data-summary",
    ]
    # Before JavaScript, Continue leads to the first section's page.
    (start,) = form.find_all("a", data_continue="")
    assert _to(OVERVIEW, start.attrs["href"]) == S1
    assert start.text() == "Continue"


def test_section_page_ends_with_have_you_completed_this_section(section_pages):
    page = section_pages["S1"]
    (question,) = page.find_all(data_completed_question="")
    # Answers are kept only with JavaScript, so the question is shown only with it.
    assert "iom-js-only" in question.attrs["class"].split()
    (legend,) = question.find_all("legend")
    assert legend.text() == "Have you completed this section?"
    radios = question.find_all("input", type="radio")
    assert [r.attrs["value"] for r in radios] == ["yes", "no"]
    labels = {lab.attrs["for"]: lab.text() for lab in question.find_all("label")}
    assert [labels[r.attrs["id"]] for r in radios] == [
        "Yes, I’ve completed this section",
        "No, I’ll come back to it later",
    ]
    assert len({r.attrs["name"] for r in radios}) == 1
    (error,) = question.find_all(data_completed_error="")
    assert error.has("hidden")
    # It comes after the last question and before the links to the other sections.
    kinds = [
        "item" if n.has("data-item") else "question" if n.has("data-completed-question") else "nav"
        for n in page.iter()
        if n.has("data-item") or n.has("data-completed-question") or n.tag == "nav"
    ]
    assert kinds == ["item", "item", "question", "nav"]


def test_every_field_the_check_names_has_a_place_for_its_message(section_pages, form):
    """lib/check.js names a field by key; the form has an error slot beside each, and an id
    for the control its link lands on (assessment-page.js fieldId)."""
    page = section_pages["S1"]
    (item,) = page.find_all("fieldset", data_item="FX-1")
    slots = {n.attrs["data-error-for"] for n in item.iter() if n.has("data-error-for")}
    assert {
        "rating",
        "na_reason",
        "evidence",
        "efficiency",
        "actions",
        "action",
        "owner",
        "due",
    } <= slots
    ids = {n.attrs.get("id") for n in item.iter()}
    for field in ["fx-1-rating-low", "fx-1-na-reason", "fx-1-evidence", "fx-1-add-action"]:
        assert field in ids, field
    for field in ["fx-1-action-1-action", "fx-1-action-1-owner", "fx-1-action-1-due"]:
        assert field in ids, field
    about = {n.attrs["data-error-for"] for n in form.iter() if n.has("data-error-for")}
    assert about == {"partnership", "date"}
    ids = {n.attrs.get("id") for n in form.iter()}
    assert {"iom-about-partnership", "iom-about-date"} <= ids


def test_section_page_has_the_bar_its_progress_and_a_way_between_sections(section_pages):
    page = section_pages["S1"]
    (bar,) = page.find_all("div", class_="iom-manage iom-manage--bar iom-js-only")
    assert bar.find_all(data_current_name="") and bar.find_all(data_status="")
    assert not page.find_all(data_saved_list="") and not page.find_all(data_about_field="name")
    assert not page.find_all(data_summary="") and not page.find_all(data_transfer="")
    (section,) = page.find_all(class_="iom-section")
    assert section.attrs["data-section"] == "S1" and section.find_all(data_section_progress="")
    # Next section (none before the first), then back to the overview's list of sections.
    (nav,) = page.find_all("nav", class_="iom-section-nav")
    hrefs = [_to(S1, a.attrs["href"]) for a in nav.find_all("a")]
    assert hrefs == [S2, OVERVIEW + "#sections"]
    (nav,) = section_pages["S2"].find_all("nav", class_="iom-section-nav")
    assert [_to(S2, a.attrs["href"]) for a in nav.find_all("a")] == [S1, OVERVIEW + "#sections"]
    # Item titles are the page's second-level headings.
    titles = [
        (h.find_all(class_="iom-item__id")[0].text(), h.find_all(data_item_title="")[0].text())
        for h in page.find_all("h2", class_="iom-item__title")
    ]
    assert titles[1] == ("FX-2", "Second point") and len(titles) == 2
    assert not page.find_all("h3", class_="iom-item__title")


def test_summary_table_has_a_row_per_section_and_a_column_per_level(form):
    table = form.find_all("table", data_counts="")[0]
    heads = [th.text() for th in table.find_all("th") if th.attrs.get("scope") == "col"]
    assert heads == ["Section", "Low", "Middle", "High", "Not applicable", "Not rated", "Total"]
    rows = [
        tr.attrs["data-section-row"] for tr in table.find_all("tr") if tr.has("data-section-row")
    ]
    assert rows == ["S1", "S2", ""]


def test_messages_for_the_script_are_in_the_markup(form, section_pages):
    keys = {n.attrs["data-message"] for n in form.iter() if n.has("data-message")}
    for key in ["saved", "progress", "not-rated", "file-not-json", "file-not-utf8"]:
        assert key in keys
    for key in ["file-bad-rating", "file-too-large", "updated-elsewhere", "cleared-elsewhere"]:
        assert key in keys
    for key in ["task-not-started", "task-in-progress", "task-completed", "check-ok"]:
        assert key in keys
    for key in ["task-progress", "task-reason-problems", "continue-next", "continue-check"]:
        assert key in keys
    page = section_pages["S1"]
    keys = {n.attrs["data-message"] for n in page.iter() if n.has("data-message")}
    needed = ["saved", "storage-unavailable", "storage-full", "progress", "progress-na"]
    needed += ["untitled", "error-title-check", "check-na-reason-missing", "not-saved-full"]
    needed += ["error-title-completed", "completed-blocked", "error-prefix"]
    needed += ["not-saved-blocked", "updated-elsewhere", "removed-elsewhere", "cleared-elsewhere"]
    for key in needed:
        assert key in keys, key
    assert page.find_all("template", data_action_template="")


def test_every_problem_the_check_finds_has_its_message_on_both_pages(form, section_pages):
    """The codes lib/check.js gives problems, read from its source: each has a "check-<code>"
    message on the overview and on a section page (the script has no words of its own)."""
    source = (JS / "lib" / "check.js").read_text(encoding="utf-8")
    codes = set(re.findall(r'add\((?:errors|warnings), "([a-z-]+)"', source))
    codes |= {
        f"{key}-missing" for key in re.findall(r'"([a-z]+)"', _between(source, "ABOUT = [", "]"))
    }
    assert {"not-rated", "evidence-missing", "action-overdue", "date-missing"} <= codes
    for node in (form, section_pages["S1"]):
        keys = {n.attrs["data-message"] for n in node.iter() if n.has("data-message")}
        assert {f"check-{code}" for code in codes} <= keys


def _between(text: str, start: str, end: str) -> str:
    at = text.index(start) + len(start)
    return text[at : text.index(end, at)]


def test_unknown_instrument_names_the_known_ones(fixture_content):
    with pytest.raises(KeyError, match="fixture-test"):
        instrument_form(fixture_content, None, "nope")


def test_unknown_section_names_the_known_ones(fixture_content):
    with pytest.raises(KeyError, match="S1, S2"):
        instrument_section(fixture_content, None, "fixture-test", "S9")


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
    for name in ("sources.yml", "scales.yml"):
        (target / name).write_text((FIXTURE / name).read_text())
    doc = yaml.safe_load((FIXTURE / "instruments" / "fixture-test.yml").read_text())
    change(doc)
    (target / "instruments" / "fixture-test.yml").write_text(yaml.safe_dump(doc))
    with pytest.raises(ContentInvalid) as caught:
        content_from(target)
    return str(caught.value)


def test_duplicate_item_is_reported(tmp_path):
    def change(doc):
        doc["sections"][1]["items"][0]["id"] = "FX-1"

    message = _broken(tmp_path, change)
    assert "sections[1].items[0].id: 'FX-1' appears twice" in message


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
    linker = Linker("assess/x/y/", True, content)
    for key, doc in content.instruments().items():
        for section in doc.sections:
            page = parse(instrument_section(content, linker, doc.id, section.id))
            for item in page.find_all("fieldset", class_="iom-item"):
                title = item.find_all(data_item_title="")[0].text().strip()
                assert title, f"{key}: {item.attrs['data-item']} has no title"
    page = parse(instrument_section(content, linker, "self-assessment-2010", "SA-1"))
    first = page.find_all("fieldset", data_item="SA-1.1")[0]
    assert copy.copy(content.get("SA-1.1").title) in first.text()
