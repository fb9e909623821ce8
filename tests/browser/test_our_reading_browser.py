"""Our own judgements say so in words where a reader meets them: the "Our reading" tag.

The tag is text, not colour alone: it reads without JavaScript, in print and to screen
readers (with a colon heard, not seen), and passes axe. One page of each kind that carries it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# (page, where on it the tag marks our judgement, the text it introduces)
TAGGED = [
    ("crosswalk/", ".iom-crosswalk__reason", "The same principle under a new name"),
    ("case-studies/", ".iom-case__facts dt", "Key Principles it illustrates"),
    ("assess/self-assessment-2010/sa-1/", ".iom-rating__hint", "Not in place, or with major gaps"),
    ("assess/inspection-readiness-2020/", ".iom-page-text p", "Calling this an inspection"),
    ("value-for-money/", ".iom-page-text p", "The method below is this toolkit's own"),
    ("glossary/", ".iom-glossary__expansion", "Anti-Social Behaviour Order"),
    ("sources/", ".iom-source p", "Its five principles predate"),
]


def _first_tagged(page, where: str, text: str):
    return page.locator(where).filter(has=page.locator(".iom-ours")).filter(has_text=text).first


@pytest.fixture
def page_without_js(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("path", "where", "text"), TAGGED)
def test_the_tag_is_a_visible_word_without_javascript_and_in_print(
    page_without_js, path, where, text
):
    page = page_without_js
    page.goto(path)
    holder = _first_tagged(page, where, text)
    tag = holder.locator(".iom-ours").first
    expect(tag).to_be_visible()
    expect(tag).to_have_text("Our reading:")  # the colon is in the text, for screen readers
    colon = tag.locator(".iom-ours__colon").bounding_box()
    assert colon["width"] <= 1 and colon["height"] <= 1  # … and not drawn
    style = tag.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopWidth] }"
    )
    assert style[0] == "solid" and style[1] != "0px"  # a box around a word, not a colour
    page.emulate_media(media="print")
    expect(tag).to_be_visible()


def test_screen_readers_hear_the_tag_before_the_text_it_marks(page):
    page.goto("assess/self-assessment-2010/sa-1/")
    radio = page.locator("#sa-1-1-rating-red")
    described = radio.evaluate(
        "el => document.getElementById(el.getAttribute('aria-describedby')).textContent"
    )
    assert described.startswith("Our reading: Not in place")


def test_quoted_paraphrases_carry_no_tag(page):
    """Text resting on quotes is the source's meaning in our words: only judgements are tagged."""
    page.goto("case-studies/")
    summaries = page.locator(".iom-case__summary")
    expect(summaries).to_have_count(10)
    expect(page.locator(".iom-case__summary .iom-ours")).to_have_count(0)
    expect(page.locator(".iom-case__facts dt .iom-ours")).to_have_count(10)


@pytest.mark.parametrize("path", sorted({path for path, _, _ in TAGGED}))
def test_pages_with_the_tag_pass_axe(page, path, assert_no_axe_violations):
    page.goto(path)
    expect(page.locator(".iom-ours").first).to_be_visible()
    assert_no_axe_violations(page)


def test_the_tag_keeps_its_contrast_in_the_dark_scheme(page, assert_no_axe_violations):
    page.emulate_media(color_scheme="dark")
    page.goto("crosswalk/")
    expect(page.locator(".iom-ours").first).to_be_visible()
    assert_no_axe_violations(page)
