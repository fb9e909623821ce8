"""The offline edition works opened from disk (file://): pages, links and search."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, build_site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("offline")
    result = build_site(ROOT, site_dir, "http://127.0.0.1:8000/", "mkdocs-offline.yml")
    assert result.returncode == 0, result.stderr
    return site_dir


def test_offline_pages_link_to_each_other_from_disk(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.locator("article").get_by_role("link", name="The Key Principles (2015)").click()
    assert page.url.endswith("principles.html")
    assert "Key Principles" in page.locator("h1").inner_text()


def test_offline_search_finds_pages_without_a_server(page, offline_site):
    page.goto((offline_site / "sources.html").as_uri())
    page.locator(".md-search__input").click()
    page.keyboard.type("Open Government Licence")
    # Results update as each key is typed; wait for those of the whole phrase.
    first_result = "document.querySelector('.md-search-result__item a')"
    page.wait_for_function(
        f"() => {first_result} && {first_result}.href.includes('sources.html')", timeout=10_000
    )


def test_offline_build_names_no_other_host_in_script_or_style_tags(offline_site):
    for html in offline_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'src="http' not in text and "unpkg.com" not in text, html.name


FORM_READY = "[data-module^=iom-instrument][data-iom-init=ready]"


def test_offline_form_saves_and_restores_answers_from_disk(page, offline_site):
    """From the overview to a section page by its link, answers kept across a reload, and
    the overview's task list shows the section started."""
    form = (offline_site / "assess" / "self-assessment-2010.html").as_uri()
    page.goto(form)
    page.wait_for_selector(FORM_READY)
    page.locator("ol.iom-task-list a.iom-task-list__link").first.click()
    page.wait_for_url("**/assess/self-assessment-2010/sa-1.html")
    page.wait_for_selector(FORM_READY)
    page.check("#sa-1-1-rating-amber")
    page.fill("#sa-1-1-evidence", "Written offline")
    page.wait_for_function(
        "() => /Saved in this browser/"
        ".test(document.querySelector('.iom-manage [data-status]').textContent)"
    )
    page.reload()
    page.wait_for_selector(FORM_READY)
    assert page.is_checked("#sa-1-1-rating-amber")
    assert page.input_value("#sa-1-1-evidence") == "Written offline"
    page.locator("nav.iom-section-nav").get_by_role("link", name="All sections").click()
    page.wait_for_url("**/assess/self-assessment-2010.html#sections")
    page.wait_for_selector(FORM_READY)
    status = page.locator("[data-task-status=SA-1]")
    page.wait_for_function(
        "() => document.querySelector('[data-task-status=SA-1]').textContent.trim()"
        " === 'In progress'"
    )
    assert status.inner_text().strip() == "In progress"
    assert page.locator("[data-task-reason=SA-1]").inner_text().strip() == "1 of 4 answered"
    # The board report, from its link on the overview, made from the same saved answers.
    page.get_by_role("link", name="The board report").click()
    page.wait_for_url("**/assess/self-assessment-2010/report.html")
    page.wait_for_selector("[data-module=iom-report][data-iom-init=ready]")
    sa11 = page.locator("#report-sa-1-1")
    assert "Written offline" in sa11.inner_text()
    assert "Amber" in sa11.inner_text()


def test_offline_calculator_works_from_disk(page, offline_site):
    page.goto((offline_site / "value-for-money.html").as_uri())
    page.wait_for_selector("[data-module=iom-breakeven][data-iom-init=ready]")
    page.click("[data-command=preset][data-preset-key=lancashire]")
    # The case study gives one offender's costs only: the user adds what IOM costs and the
    # reduction they expect.
    page.fill("#iom-be-interventions", "20000")
    page.fill("#iom-be-reduction", "33")
    page.click("[data-command=calculate]")
    net = page.locator("[data-out=net]").inner_text().strip()
    assert net == "£6,070 saving"
    # Downloads load their code on first use: from disk too.
    with page.expect_download() as download:
        page.click("[data-command=export-csv]")
    text = open(download.value.path(), encoding="utf-8").read()
    assert "Net position at the expected reduction,6070" in text
