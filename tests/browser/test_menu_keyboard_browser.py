"""The menu on phones and tablets (the theme's drawer) from the keyboard: its button takes focus
and opens and closes it; closed, its links are out of the tab order (they used to take 22
presses of Tab while nobody could see them)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import settle
from tests.browser.instrument_helpers import SA

SECTION = SA + "sa-1/"
FOCUSED = """() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return { text: (el.getAttribute("aria-label") || el.textContent).trim(),
           inMenu: !!el.closest(".md-sidebar--primary"), inItem: !!el.closest(".iom-item"),
           onScreen: r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight };
}"""


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 390, "height": 800})
    return page


def menu_button(page):
    return page.get_by_role("button", name="Navigation")


def test_the_closed_menu_is_not_in_the_tab_order(phone):
    phone.goto(SECTION)
    for presses in range(1, 40):
        phone.keyboard.press("Tab")
        focused = phone.evaluate(FOCUSED)
        assert not focused["inMenu"], f"press {presses} reached {focused['text']} in the menu"
        assert focused["onScreen"], f"press {presses}: {focused['text']} is off the screen"
        if focused["inItem"]:
            break
    assert focused["inItem"], "Tab never reached the first question"
    assert presses <= 12, f"{presses} presses of Tab to the first question"


def test_the_menu_button_opens_and_closes_the_menu_from_the_keyboard(phone):
    phone.goto(SECTION)
    button = menu_button(phone)
    expect(button).to_have_attribute("aria-expanded", "false")
    phone.keyboard.press("Tab")  # the skip link
    phone.keyboard.press("Tab")
    expect(button).to_be_focused()
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    home = phone.locator(".md-sidebar--primary").get_by_role("link", name="Home")
    expect(home).to_be_visible()
    settle(phone)  # the menu slides in: a link is on screen once it has arrived
    for _ in range(6):
        phone.keyboard.press("Tab")
        if phone.evaluate(FOCUSED)["inMenu"]:
            break
    focused = phone.evaluate(FOCUSED)
    assert focused["inMenu"] and focused["onScreen"], focused
    phone.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    phone.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(home).to_be_visible()


def test_the_menu_still_opens_and_closes_with_a_pointer(phone):
    phone.goto(SECTION)
    menu_button(phone).click()
    home = phone.locator(".md-sidebar--primary").get_by_role("link", name="Home")
    expect(home).to_be_visible()
    phone.locator(".md-overlay").click(position={"x": 370, "y": 400})
    expect(menu_button(phone)).to_have_attribute("aria-expanded", "false")
    phone.wait_for_timeout(400)  # slides away, then leaves the tab order
    assert (
        phone.locator(".md-sidebar--primary").evaluate("s => getComputedStyle(s).visibility")
        == "hidden"
    )


def test_on_a_wide_screen_the_menu_is_a_sidebar_with_no_button(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(SECTION)
    expect(menu_button(page)).to_be_hidden()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Home")).to_be_visible()
