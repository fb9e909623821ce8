"""Keyboard use across the site: the skip link comes first and works; focus stays visible."""

from __future__ import annotations

import pytest

FOCUSED = """() => {
  let el = document.activeElement;
  // The theme hides its colour-scheme radios and shows a label of the form as the control.
  if (el.closest('[data-iom-palette]')) el = el.closest('[data-iom-palette]');
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
    visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
    outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
  };
}"""


@pytest.mark.parametrize(
    "path", ["", "principles/", "assess/self-assessment-2010/", "assess/self-assessment-2010/sa-1/"]
)
def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["tag"] == "A" and "Skip to content" in first["text"]
    assert first["visible"], "the skip link must show when focused"
    page.keyboard.press("Enter")
    # Focus moves to the main content (the theme's navigation may swap it first)…
    page.wait_for_function("() => !!document.activeElement.closest('.md-content')", timeout=3000)
    # …and the next Tab carries on from there.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('.md-content')")


def test_every_focus_stop_in_the_first_fifty_is_visible_and_marked(page):
    page.goto("case-studies/")
    hidden = []
    for _ in range(50):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if not state["visible"]:
            hidden.append(state)
    assert not hidden, f"focus went to invisible elements: {hidden[:5]}"
