"""The light/dark switch in the header (overrides/partials/javascripts/palette.html): follows the
system setting until someone picks, keeps their pick across pages and visits, works from the
keyboard, and tells the browser's own parts (scrollbars, address bar) which scheme is showing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
SAVED = "() => Object.keys(localStorage).filter(key => key.endsWith('__palette'))"
META = "name => document.querySelector(`meta[name=${name}]`)?.content"
# The page's own scrollbars and canvas: through CSS on the root element (iom.css).
ROOT_SCHEME = "() => getComputedStyle(document.documentElement).colorScheme"
# The address bar colour (theme-color) is the header's background, as the theme had it.
HEADER_HEX = """() => '#' + getComputedStyle(document.querySelector('header')).backgroundColor
  .match(/\\d+/g).slice(0, 3).map(n => (+n).toString(16).padStart(2, '0')).join('')"""
SHOWN_TOGGLE = "form[data-iom-palette] label:not([hidden])"


@pytest.mark.parametrize(
    "system, scheme, root", [("light", "default", "normal"), ("dark", "slate", "dark")]
)
def test_first_visit_follows_the_system_setting_and_saves_nothing(page, system, scheme, root):
    page.emulate_media(color_scheme=system)
    page.goto("principles/")
    assert page.evaluate(SCHEME) == scheme
    assert page.evaluate(ROOT_SCHEME) == root
    assert page.evaluate(META, "theme-color") == page.evaluate(HEADER_HEX)
    # One toggle shows, offering the other scheme (the label is for the other option's radio).
    expect(page.locator(SHOWN_TOGGLE)).to_have_count(1)
    other = "__palette_1" if system == "light" else "__palette_0"
    expect(page.locator(SHOWN_TOGGLE)).to_have_attribute("for", other)
    # Nothing is stored until someone picks: a later change of system setting is followed.
    assert page.evaluate(SAVED) == []


def test_a_pick_applies_at_once_and_is_kept_across_pages_and_visits(page):
    page.emulate_media(color_scheme="light")
    page.goto("")
    page.locator(SHOWN_TOGGLE).click()
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate(ROOT_SCHEME) == "dark"
    assert page.evaluate(META, "theme-color") == page.evaluate(HEADER_HEX)
    expect(page.locator(SHOWN_TOGGLE)).to_have_attribute("for", "__palette_0")
    assert len(page.evaluate(SAVED)) == 1
    # On the next page and after a fresh load alike.
    page.goto("principles/")
    assert page.evaluate(SCHEME) == "slate"
    page.reload()
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate(ROOT_SCHEME) == "dark"
    # The system setting no longer decides; switching back works on the new page.
    page.locator(SHOWN_TOGGLE).click()
    assert page.evaluate(SCHEME) == "default"
    page.goto("glossary/")
    assert page.evaluate(SCHEME) == "default"


def test_the_switch_works_from_the_keyboard(page):
    page.emulate_media(color_scheme="light")
    page.goto("")
    page.locator("form[data-iom-palette] input").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused == "Switch to light mode"
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "default"
    # Enter on the switch does not submit its form (the address stays the same).
    assert "?" not in page.url


@pytest.mark.parametrize(
    "stored, scheme",
    [
        ('{"index": 7}', "slate"),  # beyond the options: the last one, as the theme did
        ('{"index": 1.5}', "default"),  # not an option: the system setting decides
        ('{"color": {}}', "default"),  # no index: the system setting decides
        ("{oops", "default"),  # not JSON: the system setting decides
    ],
)
def test_a_saved_pick_that_names_no_option_does_not_break_the_switch(page, stored, scheme):
    page.emulate_media(color_scheme="light")
    page.goto("")
    page.evaluate(
        "value => localStorage.setItem(__md_scope.pathname + '.__palette', value)", stored
    )
    page.reload()
    assert page.evaluate(SCHEME) == scheme
    expect(page.locator(SHOWN_TOGGLE)).to_have_count(1)


def test_with_site_data_blocked_the_switch_still_works_on_the_page(page):
    # As when a policy blocks site data: reading or writing the browser's storage throws.
    page.add_init_script(
        """Storage.prototype.getItem = Storage.prototype.setItem = function () {
          throw new DOMException('blocked', 'SecurityError');
        };"""
    )
    page.emulate_media(color_scheme="dark")
    page.goto("glossary/")
    assert page.evaluate(SCHEME) == "slate"
    page.locator(SHOWN_TOGGLE).click()
    assert page.evaluate(SCHEME) == "default"
    expect(page.locator(SHOWN_TOGGLE)).to_have_attribute("for", "__palette_1")
