"""The board report (assess/<id>/report/), made from the saved assessment: printed to PDF by
Chromium and read back with pdftotext, it holds the partnership on page 1 and in every page's
margin, every item with its rating and evidence, the actions' owners, the related guidance's
ids beside each item at the scale's worst level, and none of the form's hints or controls; a
combined assessment's report shows every agency's rating and the disputed items; the
standalone HTML download opens with no script; without saved answers or without JavaScript
the page says what it needs; axe finds nothing in either scheme.

Assessments come in the documented saved-file format (docs/assess/file-format.md), made from
data/instruments, through the form's own import; the combined one is made on the combine page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from macros.render import Linker
from macros.render.guidance import instrument_guidance
from tests.browser.instrument_helpers import FORMS, open_form
from tests.browser.page_states import COMBINE, saved_file, wait_module_ready
from tests.conftest import DATA
from tests.site_pages import content, report_pages

REPORTS = report_pages()  # instrument id → the report's URL
PARTNERSHIP = "Northshire Integrated Offender Management"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) not installed",
)


def instrument(instrument_id: str) -> dict:
    return yaml.safe_load((DATA / "instruments" / f"{instrument_id}.yml").read_text("utf-8"))


def scale_levels(instrument_id: str) -> list[dict]:
    scales = yaml.safe_load((DATA / "scales.yml").read_text("utf-8"))["scales"]
    ref = instrument(instrument_id)["scale"]["ref"]
    return next(s for s in scales if s["id"] == ref)["levels"]


def filled_document(instrument_id: str) -> dict:
    """Every item rated, cycling through the scale (one "not applicable" with its reason),
    each with its own evidence; items at a priority level have actions with owners."""
    ins = instrument(instrument_id)
    levels = scale_levels(instrument_id)
    items = [item["id"] for section in ins["sections"] for item in section["items"]]
    responses = {}
    for n, item in enumerate(items):
        level = levels[n % len(levels)]
        rating = "na" if n == 4 and ins["scale"]["not_applicable"] else level["value"]
        response = {
            "rating": rating,
            "na_reason": "No youth service in this area" if rating == "na" else None,
            "actions": [],
        }
        for field in ins["fields"]:
            response[field["key"]] = f"{field['label']} for {item}: May board minutes"
        if rating != "na" and level.get("priority"):
            response["actions"] = [
                {
                    "action": f"Plan for {item}",
                    "owner": f"Lead for {item}",
                    "due": "2027-01-31",
                    "status": "open",
                },
                {
                    "action": "Invite health to the board",
                    "owner": "Board chair",
                    "due": "",
                    "status": "in-progress",
                },
            ]
        responses[item] = response
    return {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": ins["id"], "version": ins["version"]},
        "name": "Spring review",
        "partnership": PARTNERSHIP,
        "area": "Northshire",
        "agency": "Police",
        "completedBy": "IOM police sergeant",
        "date": "2026-11-22",
        "updated": "2026-11-22T10:00:00.000Z",
        "responses": responses,
    }


def import_assessment(page, instrument_id: str, folder: Path) -> dict:
    """Import a filled assessment on its form's overview, as a new saved assessment."""
    document = filled_document(instrument_id)
    path = folder / f"{instrument_id}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    open_form(page, FORMS[instrument_id])
    page.get_by_label("Import a saved file (JSON or CSV)").set_input_files(str(path))
    page.get_by_role("button", name="Import as a new assessment").click()
    expect(page.locator("[data-current-name]")).to_have_text("Spring review")
    return document


def open_report(page, instrument_id: str):
    page.goto(REPORTS[instrument_id])
    wait_module_ready(page, "iom-report")


def print_pdf(page, path: Path) -> list[str]:
    """The page printed by Chromium (A4 from the page's CSS), as text, one string per page."""
    page.emulate_media(media="print")
    page.pdf(path=str(path), prefer_css_page_size=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    """Text as one line: runs of white space as one space, and words the browser broke at a
    hyphen (case study ids) whole again."""
    return re.sub(r"(?<=\w-) ", "", " ".join(text.split()))


def labels(instrument_id: str) -> dict[str, str]:
    found = {level["value"]: level["label"] for level in scale_levels(instrument_id)}
    return {**found, "na": "Not applicable"}


@needs_poppler
@pytest.mark.parametrize("instrument_id", sorted(REPORTS))
def test_a_filled_assessment_prints_as_a_board_paper(page, instrument_id, tmp_path):
    document = import_assessment(page, instrument_id, tmp_path)
    page.get_by_role("link", name="The board report").click()
    wait_module_ready(page, "iom-report")
    title = page.title()
    assert PARTNERSHIP in title and "2026-11-22" in title  # the PDF's suggested file name
    pages = print_pdf(page, tmp_path / "report.pdf")
    images = _page_images(tmp_path / "report.pdf", tmp_path)
    assert len(images) == len(pages)
    text = flat("\n".join(pages))
    # Page 1: the cover, with the partnership; every page names it and is numbered.
    cover = flat(pages[0])
    for words in [
        PARTNERSHIP,
        "Northshire",
        "Spring review",
        "22 November 2026",
        "IOM police sergeant",
        "version " + document["instrument"]["version"],
    ]:
        assert words in cover, words
    for n, one in enumerate(pages, start=1):
        assert flat(one).startswith(PARTNERSHIP), f"page {n} has no partnership at its head"
        assert f"Page {n} of {len(pages)}" in one
    # Every item, with its rating's word and its evidence; every action's owner.
    names = labels(instrument_id)
    items_part = text.split(f"Every {instrument(instrument_id)['item_noun']}, by section", 1)[1]
    ids = list(document["responses"])
    for item, after in zip(ids, ids[1:] + [None], strict=True):
        start = items_part.index(item + " ")
        chunk = items_part[start : items_part.index(after + " ", start) if after else None]
        response = document["responses"][item]
        rating = "Rating " + names[response["rating"]]
        assert rating in chunk, f"{item}: no '{rating}'"
        for key, value in response.items():
            if key not in ("rating", "na_reason", "actions"):
                assert value in chunk, f"{item}: {key}"
        if response["na_reason"]:
            assert response["na_reason"] in chunk
        for action in response["actions"]:
            assert action["owner"] in chunk and action["action"] in chunk, item
    # Beside each item at the worst level, under Priorities: its guidance, by id.
    guidance = instrument_guidance(content(), Linker("x/", True, content()), _doc(instrument_id))
    worst = next(lv["value"] for lv in scale_levels(instrument_id) if lv.get("priority") == 1)
    priorities = text.split("Priorities", 1)[1].split("Every ", 1)[0]
    priority = {lv["value"]: lv.get("priority", 0) for lv in scale_levels(instrument_id)}
    listed = sorted(
        (i for i in ids if priority.get(document["responses"][i]["rating"])),
        key=lambda i: (priority[document["responses"][i]["rating"]], ids.index(i)),
    )
    worst_items = [i for i in listed if document["responses"][i]["rating"] == worst]
    assert worst_items
    for item in worst_items:
        after = listed[listed.index(item) + 1] if item != listed[-1] else None
        start = priorities.index(item + " ")
        chunk = priorities[start : priorities.index(after + " ", start) if after else None]
        mine = guidance["items"].get(item, {"groups": []})
        same = re.search(r"the same as for (\S+), above", chunk)
        if same:  # shown once, under the first priority that has it
            assert guidance["items"][same.group(1)] == mine, item
            continue
        for group in mine["groups"]:
            for ref in group["ids"]:
                assert ref in chunk, f"{item}: guidance {ref} missing"
    # None of the form's hints, buttons or instructions.
    hints = [f["hint"] for f in instrument(instrument_id)["fields"] if f.get("hint")]
    for words in hints + [
        "Shown in your list of saved assessments",
        "A role or team, not a person",
        "Print or save as PDF",
        "Download report",
        "Report on",
        "Add an action",
        "Check for problems",
        "needs JavaScript",
    ]:
        assert words not in text, f"printed: {words!r}"


def _doc(instrument_id: str):
    return next(d for d in content().instruments().values() if d.id == instrument_id)


def _page_images(pdf: Path, folder: Path) -> list[Path]:
    """Each page as a PNG (pdftoppm), to look at."""
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def test_print_hides_controls_and_link_styling_and_keeps_headings_with_content(page, tmp_path):
    import_assessment(page, "self-assessment-2010", tmp_path)
    open_report(page, "self-assessment-2010")
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", "[data-report-controls]"]:
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator("article button:visible, article select:visible").count() == 0
    # The theme fades a link's colour (a transition): let the switch to print settle first.
    page.wait_for_function(
        """() => getComputedStyle(document.querySelector('.iom-report a')).color
             === getComputedStyle(document.querySelector('.iom-report__item')).color""",
        timeout=2000,
    )
    styles = page.evaluate(
        """() => {
          const a = document.querySelector('.iom-report a');
          const item = document.querySelector('.iom-report__item');
          const h = document.querySelector('.iom-report h3');
          const style = (el) => getComputedStyle(el);
          return {decoration: style(a).textDecorationLine, colour: style(a).color,
                  text: style(item).color, item: style(item).breakInside,
                  heading: style(h).breakAfter};
        }"""
    )
    assert styles == {
        "decoration": "none",
        "colour": styles["text"],
        "text": styles["text"],
        "item": "avoid",
        "heading": "avoid",
    }


def test_a_combined_assessment_shows_every_agency_and_the_disputed_items(page, tmp_path):
    agencies = ["Northshire Police", "Probation (Northshire)", "Northshire Council"]
    files = [
        saved_file(tmp_path, f"Agency file {n}", agency, f"2026-11-2{n}", shift)
        for n, (agency, shift) in enumerate(zip(agencies, [0, 0, 1], strict=True))
    ]
    page.goto(COMBINE)
    wait_module_ready(page, "iom-combine")
    page.get_by_label("Add agencies’ files (JSON or CSV)").set_input_files([str(p) for p in files])
    page.get_by_role("heading", name="Files added").wait_for()
    page.get_by_label("Agreed rating for SA-1.1", exact=True).select_option(label="Amber")
    page.get_by_label("Note on the agreed rating for SA-1.1").fill("Health to join; agreed Amber")
    page.get_by_label("Name for the combined assessment").fill("Northshire combined 2026")
    page.get_by_role("button", name="Save in this browser").click()
    expect(page.locator("[data-save-status]")).to_contain_text("Saved")
    open_report(page, "self-assessment-2010")

    report = page.locator("[data-report]")
    expect(report.locator(".iom-report__cover")).to_contain_text("Agencies that contributed")
    for agency in agencies:
        expect(report.locator(".iom-report__cover")).to_contain_text(agency)
    stored = page.evaluate(
        """() => JSON.parse(localStorage.getItem('iom:v1:assessment:self-assessment-2010:'
             + localStorage.getItem('iom:v1:current:self-assessment-2010')))"""
    )
    ratings = stored["combined"]["ratings"]
    disputed = stored["combined"]["disagreements"]
    assert disputed, "the files were made to disagree"
    names = labels("self-assessment-2010") | {None: "Not rated"}
    for item, given in ratings.items():
        block = report.locator(f"#report-{item.lower().replace('.', '-')}")
        listed = block.locator(".iom-report__agency-ratings li").all_inner_texts()
        assert listed == [f"{a}: {names[r]}" for a, r in zip(agencies, given, strict=True)], item
        expect(block.locator(".iom-report__flag")).to_have_count(1 if item in disputed else 0)
    sa11 = report.locator("#report-sa-1-1")
    expect(sa11).to_contain_text("Agreed note")
    expect(sa11).to_contain_text("Health to join; agreed Amber")
    # The note is its own field: not glued to the head of the evidence.
    evidence = sa11.locator("dt:text-is('Evidence/Gaps') + dd").inner_text()
    assert "Health to join" not in evidence and evidence.startswith("Northshire Police:")
    if shutil.which("pdftotext"):
        text = flat("\n".join(print_pdf(page, tmp_path / "combined.pdf")))
        assert "Each agency’s rating" in text and "Disputed" in text
        for agency in agencies:
            assert f"{agency}: " in text


def test_the_standalone_html_report_opens_offline_with_no_script(page, browser, tmp_path):
    import_assessment(page, "self-assessment-2010", tmp_path)
    open_report(page, "self-assessment-2010")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download report (HTML)").click()
    name = download.value.suggested_filename
    assert name == "self-assessment-2010-spring-review-2026-11-22-report.html"
    path = tmp_path / name
    Path(download.value.path()).replace(path)
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"<link[^>]+stylesheet", html), "a stylesheet it would have to fetch"
    assert "@page" in html and ".iom-report" in html  # its stylesheet inline
    expect(page.locator("[data-status]")).to_have_text(f"Downloaded {name}.")

    context = browser.new_context(java_script_enabled=False)
    offline = context.new_page()
    requests: list[str] = []
    offline.on("request", lambda r: requests.append(r.url))
    offline.goto(path.as_uri())
    assert all(url == path.as_uri() for url in requests), f"it fetched {requests}"
    assert PARTNERSHIP in offline.title()
    expect(offline.locator("h1")).to_have_text("Report: Self Assessment Tool (c. 2010)")
    report = offline.locator(".iom-report")
    expect(report).to_be_visible()
    expect(report.locator(".iom-report__partnership")).to_have_text(PARTNERSHIP)
    expect(report.locator(".iom-report__item")).to_have_count(12)
    expect(report.locator("#report-sa-1-1")).to_contain_text("Evidence/Gaps for SA-1.1")
    expect(report.locator("#report-sa-1-1")).to_contain_text("Lead for SA-1.1")
    expect(report.locator("svg.iom-chart__svg")).to_be_visible()
    # Styled from its own stylesheet: the rating tags have their colours.
    red = report.locator(".iom-level-tag--red").first
    assert red.evaluate("t => getComputedStyle(t).backgroundColor") == "rgb(179, 38, 30)"
    # Links lead back to the site, whole.
    hrefs = report.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("http://127.0.0.1:") for h in hrefs), hrefs[:3]
    context.close()


def test_without_saved_answers_the_report_says_so_and_links_to_the_form(page):
    open_report(page, "key-principles-2015")
    notice = page.locator("[data-report-empty]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("none are saved yet")
    expect(page.locator("[data-report]")).to_be_hidden()
    expect(page.locator("[data-report-controls]")).to_be_hidden()
    notice.get_by_role("link", name="the form").click()
    page.wait_for_url("**/" + FORMS["key-principles-2015"])


def test_without_javascript_the_report_says_it_needs_it(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(REPORTS["self-assessment-2010"])
    notice = page.locator(".iom-report-page__needs")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("needs JavaScript")
    expect(notice.get_by_role("link")).to_have_attribute(
        "href", re.compile("self-assessment-2010/$")
    )
    assert page.locator("article button:visible").count() == 0
    context.close()


def test_choosing_another_saved_assessment_reports_on_it(page, tmp_path):
    import_assessment(page, "self-assessment-2010", tmp_path)
    open_form(page, FORMS["self-assessment-2010"])
    page.get_by_role("button", name="Start a new assessment").click()
    page.get_by_label("Name for this assessment").fill("Autumn review")
    page.get_by_label("Partnership", exact=True).fill("Southshire IOM")
    page.wait_for_timeout(400)  # saved once typing pauses
    open_report(page, "self-assessment-2010")
    expect(page.locator(".iom-report__partnership")).to_have_text("Southshire IOM")
    pick = page.get_by_label("Report on")
    spring = pick.locator("option", has_text="Spring review").inner_text()
    pick.select_option(label=spring)
    expect(page.locator(".iom-report__partnership")).to_have_text(PARTNERSHIP)
    assert PARTNERSHIP in page.title()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_report_passes_axe(page, scheme, tmp_path, assert_no_axe_violations):
    page.emulate_media(color_scheme=scheme)
    import_assessment(page, "self-assessment-2010", tmp_path)
    open_report(page, "self-assessment-2010")
    expect(page.locator(".iom-report__guidance").first).to_be_visible()
    assert_no_axe_violations(page)
