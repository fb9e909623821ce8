"""Every page opens, has one h1, and passes axe in light and dark schemes."""

from __future__ import annotations

import pytest

PAGES = [
    "",
    "principles/",
    "self-assessment/",
    "effective-practice/",
    "efficiency-toolkit/",
    "case-studies/",
    "survey-2011/",
    "crosswalk/",
    "glossary/",
    "sources/",
    "assess/",
    "assess/self-assessment-2010/",
    "assess/key-principles-2015/",
    "assess/inspection-readiness-2020/",
    "assess/efficiency-review/",
    "assess/combine/",
    "assess/compare/",
    "assess/file-format/",
    "value-for-money/",
    "about/accessibility/",
    "about/privacy/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_opens_with_one_heading_and_no_axe_violations(page, path, assert_no_axe_violations):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


def test_sources_page_attributes_the_open_government_licence(page):
    page.goto("sources/")
    assert "Open Government Licence v3.0" in page.locator("article").inner_text()
