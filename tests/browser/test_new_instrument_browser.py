"""A new instrument is data only: one YAML file in data/instruments/ and one nav line.

A copy of the project gets a fixture instrument exactly that way (no page, no code, no test
list edited); it builds strictly, appears on "Choose an assessment" in its menu place, is
rated in the browser and downloads a file that the published JSON Schema accepts. Every
real instrument's download is checked against the schema too.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import expect

from scripts import static_server
from tests.browser.instrument_helpers import FORMS, open_form, wait_ready
from tests.conftest import build_site, copy_project, free_port
from tests.site_pages import content

NEW_ID = "partnership-check-2026"
NEW_INSTRUMENT = f"""\
# Added by the tests the way CONTRIBUTING says: this file and one nav line.
id: {NEW_ID}
version: "1.0"
title: Partnership check (a test's new instrument)
description: A short check added as a contributor would add one, with its own questions.
source: {{doc: KP-2015, section: Key delivery elements}}
item_noun: point
scale:
  ref: in-place
  label: Is this in place?
  not_applicable: true
fields:
  - key: evidence
    label: What we do now
sections:
  - id: PC-1
    title: Working together
    items:
      - id: PC-1.1
        title: Partners meet every month
        criteria: [Police, probation and the council attend]
      - {{id: PC-1.2, title: Partners share one list of the people they manage}}
  - id: PC-2
    title: Results
    items:
      - {{id: PC-2.1, title: The board reviews results every quarter}}
"""
NAV_AFTER = "      - Efficiency and effectiveness review: assess/efficiency-review.md\n"
NAV_LINE = f"      - Partnership check: assess/{NEW_ID}.md\n"


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    """The project copied, plus the YAML file and the nav line; built and served."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    (project / "data" / "instruments" / f"{NEW_ID}.yml").write_text(NEW_INSTRUMENT, "utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert NAV_AFTER in config
    (project / "mkdocs.yml").write_text(config.replace(NAV_AFTER, NAV_AFTER + NAV_LINE), "utf-8")
    port = free_port()
    site = project / "site"
    result = build_site(project, site, f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    process, url = static_server.start(site, port)
    yield site, url
    process.terminate()
    process.wait(timeout=10)


def _schema(site: Path) -> dict:
    return json.loads((site / "assess" / "iom-assessment.schema.json").read_text("utf-8"))


def _download_json(page) -> dict:
    with page.expect_download() as info:
        page.click("[data-command=export-json]")
    return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


def test_the_new_instrument_is_offered_after_the_others_as_in_the_menu(page, new_site):
    _, url = new_site
    page.goto(url + "assess/")
    titles = page.locator(".iom-choices__title").all_inner_texts()
    assert titles[-1] == "Partnership check (a test's new instrument)"
    assert len(titles) == len(FORMS) + 1
    expect(page.locator(".iom-choices__item").last).to_contain_text("3 points to rate")
    page.locator(".iom-choices__title a").last.click()
    page.wait_for_url(f"**/assess/{NEW_ID}/")
    wait_ready(page)
    heading = page.locator("h1").inner_text().removesuffix("¶")  # its permalink, as on every page
    assert heading == "Partnership check (a test's new instrument)"
    assert page.locator(".iom-page-sources").first.inner_text().startswith("Draws on:")
    expect(page.locator("[data-task-status]")).to_have_count(2)


def test_the_new_instrument_rates_exports_and_validates_against_the_published_schema(
    page, new_site
):
    site, url = new_site
    page.goto(url + f"assess/{NEW_ID}/")
    wait_ready(page)
    page.fill("#iom-about-partnership", "Northshire IOM")
    page.locator("ol.iom-task-list a.iom-task-list__link").first.click()
    page.wait_for_url(f"**/assess/{NEW_ID}/pc-1/")
    wait_ready(page)
    page.check("#pc-1-1-rating-partly")
    page.fill("#pc-1-1-evidence", "Monthly, but health rarely comes")
    page.check("#pc-1-2-rating-na")
    page.fill("#pc-1-2-na-reason", "One list is kept by the police alone")
    page.locator("nav.iom-section-nav").get_by_role("link", name="All sections").click()
    page.wait_for_url(f"**/assess/{NEW_ID}/#sections")
    wait_ready(page)
    doc = _download_json(page)
    assert doc["instrument"] == {"id": NEW_ID, "version": "1.0"}
    assert doc["partnership"] == "Northshire IOM"
    assert doc["responses"]["PC-1.1"]["rating"] == "partly"
    assert doc["responses"]["PC-1.1"]["evidence"] == "Monthly, but health rarely comes"
    assert doc["responses"]["PC-1.2"]["rating"] == "na"
    schema = _schema(site)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    # The schema knows this instrument's scale: a rating of another scale is refused.
    doc["responses"]["PC-1.1"]["rating"] = "amber"
    with pytest.raises(jsonschema.ValidationError, match="'amber' is not one of"):
        jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("instrument_id", sorted(FORMS))
def test_each_instruments_download_validates_against_the_published_schema(
    page, built_site, instrument_id
):
    doc = content().docs[f"instruments/{instrument_id}"]
    section, item = doc.sections[0], doc.sections[0].items[0]
    first_level = content().get(doc.scale.ref).levels[0].value
    open_form(page, FORMS[instrument_id] + section.id.lower() + "/")
    page.check(f"#{item.id.lower().replace('.', '-')}-rating-{first_level}")
    open_form(page, FORMS[instrument_id])
    downloaded = _download_json(page)
    assert downloaded["responses"][item.id]["rating"] == first_level
    jsonschema.validate(downloaded, _schema(built_site), cls=jsonschema.Draft202012Validator)
