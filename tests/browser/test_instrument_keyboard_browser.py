"""An assessment can be completed, downloaded and imported again with the keyboard alone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.browser.instrument_helpers import current_doc, open_form


def focused(page) -> str:
    return page.evaluate(
        "document.activeElement.id || document.activeElement.getAttribute('data-command') || ''"
    )


def tab_to(page, target: str, limit: int = 400):
    for _ in range(limit):
        if focused(page) == target:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_keyboard_only_completion(page):
    open_form(page)
    tab_to(page, "iom-about-partnership")
    page.keyboard.type("Keyboard IOM")
    page.keyboard.press("Tab")
    assert focused(page) == "iom-about-area"
    tab_to(page, "sa-1-1-rating-red")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves to Amber and selects it
    assert focused(page) == "sa-1-1-rating-amber"
    page.keyboard.press("Tab")
    assert focused(page) == "sa-1-1-evidence"
    page.keyboard.type("Typed evidence")
    page.keyboard.press("Tab")
    assert focused(page) == "add-action"
    page.keyboard.press("Enter")
    assert focused(page) == "sa-1-1-action-1-action"
    page.keyboard.type("Keyboard action")
    page.keyboard.press("Tab")
    page.keyboard.type("Team lead")
    page.keyboard.press("Tab")
    assert focused(page) == "sa-1-1-action-1-due"
    # The date field's parts follow the browser's interface language: month first (US) or
    # day first. Try month first; if that made no date, go back and type day first.
    page.keyboard.type("01312027")
    if page.input_value("#sa-1-1-action-1-due") != "2027-01-31":
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type("31012027")
    tab_to(page, "sa-1-1-action-1-status", limit=4)  # Tab may first visit the date's parts
    page.keyboard.press("ArrowDown")
    tab_to(page, "check")
    page.keyboard.press("Enter")
    doc = current_doc(page)
    assert doc["partnership"] == "Keyboard IOM"
    r = doc["responses"]["SA-1.1"]
    assert r["rating"] == "amber"
    assert r["evidence"] == "Typed evidence"
    action = r["actions"][0]
    assert action["action"] == "Keyboard action"
    assert action["owner"] == "Team lead"
    assert action["due"] == "2027-01-31"
    assert action["status"] == "in-progress"

    # Download it, start afresh and import it back, still with the keyboard alone.
    tab_to(page, "export-json")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["responses"]["SA-1.1"]["evidence"] == "Typed evidence"
    tab_to(page, "new")
    page.keyboard.press("Enter")
    fresh = current_doc(page).get("responses", {})
    assert not fresh.get("SA-1.1", {}).get("rating")
    tab_to(page, "iom-import-file")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(download.value.path())
    tab_to(page, "import-new", limit=40)
    page.keyboard.press("Enter")
    imported = current_doc(page)
    assert imported["partnership"] == "Keyboard IOM"
    assert imported["responses"]["SA-1.1"] == r


def test_focus_is_visible_on_controls(page):
    open_form(page)
    tab_to(page, "sa-1-1-rating-red")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
