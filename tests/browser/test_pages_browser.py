"""Every page opens, has one h1, says what it draws on, and passes axe in light and dark."""

from __future__ import annotations

import pytest

from tests.site_pages import all_pages

# Every page, the section pages of the forms too (generated, in no navigation);
# tests/site/test_section_pages.py proves this is every page of the built site.
PAGES = all_pages()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_opens_with_one_heading_and_no_axe_violations(
    page, path, scheme, assert_no_axe_violations
):
    page.emulate_media(color_scheme=scheme)
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", [p for p in all_pages() if not p.startswith("about/")])
def test_content_page_says_which_documents_it_draws_on(page, path):
    page.goto(path)
    line = page.locator(".iom-page-sources").first
    assert line.inner_text().startswith("Draws on:")
    assert line.locator("a").count() >= 1


def test_sources_page_attributes_the_open_government_licence(page):
    page.goto("sources/")
    assert "Open Government Licence v3.0" in page.locator("article").inner_text()
