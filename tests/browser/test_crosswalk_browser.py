"""The crosswalk page in a browser: every link lands on an element that exists."""

from __future__ import annotations

import re
from urllib.parse import urldefrag

from playwright.sync_api import expect


def _article_links(page) -> list[str]:
    return page.locator("article a[href]").evaluate_all("els => els.map(a => a.href)")


def test_every_crosswalk_link_resolves_to_an_existing_anchor(page):
    page.goto("crosswalk/")
    links = [
        href
        for href in _article_links(page)
        if urldefrag(href).fragment and "/sources/" not in href
    ]
    targets: dict[str, set[str]] = {}
    for href in links:
        url, fragment = urldefrag(href)
        targets.setdefault(url, set()).add(fragment)
    assert len(targets) >= 4, targets  # this page, principles, effective practice, toolkit
    missing = []
    for url, fragments in targets.items():
        page.goto(url)
        ids = set(page.locator("[id]").evaluate_all("els => els.map(e => e.id)"))
        missing += [f"{url}#{f}" for f in sorted(fragments - ids)]
    assert not missing, f"links to anchors that do not exist: {missing}"


def test_following_a_table_link_reaches_the_item(page):
    page.goto("crosswalk/")
    table = page.locator("table.iom-crosswalk")
    expect(table.locator("caption")).to_contain_text("Where each principle")
    table.get_by_role("link", name="EPG-F08", exact=True).click()
    expect(page).to_have_url(re.compile(r"/effective-practice/#epg-f08$"))
    expect(page.locator("#epg-f08")).to_be_attached()


def test_principle_pages_link_into_the_crosswalk_sections(page):
    page.goto("self-assessment/")
    page.locator("#sa-3 ~ .iom-principle .iom-principle__crosswalk a").first.click()
    expect(page).to_have_url(re.compile(r"/crosswalk/#map-sa-3$"))
    expect(page.locator("h2#map-sa-3")).to_contain_text("SA-3: Offenders facing")


def test_crosswalk_passes_axe_in_light_and_dark(page, assert_no_axe_violations):
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        page.goto("crosswalk/")
        assert_no_axe_violations(page)
