"""The pages with something in them: the states the layout tests check besides each empty page.

Reflow, text spacing and target size are checked on every page as it opens, and on the pages
whose content grows with what a user does: an assessment's overview and a section page filled
in, its board report, the overview's check run and a section's "Have you completed" refused
(each showing its problems), combine and compare with files added, the calculator with results.
The states are reached through visible labels and buttons, and the files are written in the
documented saved-file format (docs/assess/file-format.md) from data/instruments, so they do
not depend on the components' own data-* hooks.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.browser.conftest import settle
from tests.browser.instrument_helpers import SA, fill_sample, open_section, wait_ready
from tests.conftest import DATA
from tests.site_pages import all_pages

COMBINE = "assess/combine/"
COMPARE = "assess/compare/"
CALCULATOR = "value-for-money/"

# Long, real-looking agency names: the widest text the combine table and heatmap must hold.
AGENCIES = [
    "Northshire Police",
    "National Probation Service (Northshire)",
    "Northshire County Council Community Safety",
    "Northshire Drug and Alcohol Recovery Service",
]
RATINGS = ["red", "amber", "green"]
SA_FILE = DATA / "instruments" / "self-assessment-2010.yml"


def self_assessment() -> dict:
    return yaml.safe_load(SA_FILE.read_text(encoding="utf-8"))


def saved_file(folder: Path, name: str, agency: str, date: str, shift: int) -> Path:
    """A Self Assessment with every item rated (cycling through the scale from `shift`)."""
    instrument = self_assessment()
    items = [item["id"] for section in instrument["sections"] for item in section["items"]]
    responses = {
        item: {
            "rating": RATINGS[(n + shift) % len(RATINGS)],
            "na_reason": None,
            "evidence": f"{agency}: minutes of the {date} board, https://intranet.example.gov.uk/"
            "iom/partnership-board/minutes/2026/item-7-evidence-and-gaps",
            "actions": [],
        }
        for n, item in enumerate(items)
    }
    document = {
        "format": "iom-assessment",
        "formatVersion": 1,
        "instrument": {"id": instrument["id"], "version": instrument["version"]},
        "name": name,
        "partnership": "Northshire Integrated Offender Management partnership",
        "area": "Northshire",
        "agency": agency,
        "completedBy": "IOM manager",
        "date": date,
        "updated": date + "T10:00:00.000Z",
        "responses": responses,
    }
    path = folder / f"{name.lower().replace(' ', '-')}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def wait_module_ready(page, module: str):
    page.wait_for_function(
        "(m) => { const r = document.querySelector(`[data-module=${m}]`);"
        " return r && r.getAttribute('data-iom-init') === 'ready'; }",
        arg=module,
    )


def form_overview(page, folder: Path):
    fill_sample(page)  # details, ratings, evidence and actions; ends on the overview


def form_section(page, folder: Path):
    fill_sample(page)
    open_section(page, "sa-1")


def report(page, folder: Path):
    """The board report of the filled Self Assessment, reached by its link on the overview."""
    fill_sample(page)
    page.get_by_role("link", name="The board report").click()
    wait_module_ready(page, "iom-report")


def form_checked(page, folder: Path):
    """The overview with "Check your answers" run: its problems, warnings, marked fields."""
    fill_sample(page)
    page.get_by_role("button", name="Check your answers").click()
    page.get_by_role("link", name="SA-1.3: choose a rating.").wait_for()


def form_section_refused(page, folder: Path):
    """A section page whose "Yes, I've completed this section" was refused: its problems at
    the top, under the question and beside their fields."""
    fill_sample(page)
    open_section(page, "sa-2")
    page.get_by_label("Yes, I’ve completed this section").click()
    question = page.get_by_role("group", name="Have you completed this section?")
    question.get_by_text("You cannot say you have completed this section yet").wait_for()


def combine(page, folder: Path):
    files = [
        saved_file(folder, f"Spring review {n + 1}", agency, "2026-11-2" + str(n), n)
        for n, agency in enumerate(AGENCIES)
    ]
    page.goto(COMBINE)
    wait_module_ready(page, "iom-combine")
    page.get_by_label("Add agencies’ files (JSON or CSV)").set_input_files([str(p) for p in files])
    page.get_by_role("heading", name="Files added").wait_for()
    page.get_by_role("table", name="Each agency’s rating").wait_for()


def compare(page, folder: Path):
    earlier = saved_file(folder, "Spring review 2025", AGENCIES[1], "2025-05-01", 0)
    later = saved_file(folder, "Spring review 2026", AGENCIES[1], "2026-05-01", 1)
    page.goto(COMPARE)
    wait_module_ready(page, "iom-compare")
    page.get_by_label("Assessment", exact=True).select_option(label=self_assessment()["title"])
    page.get_by_label("Or add saved files (JSON or CSV)").set_input_files(
        [str(earlier), str(later)]
    )
    page.get_by_label("Earlier assessment").select_option(label=_option(page, "Earlier", "2025"))
    page.get_by_label("Later assessment").select_option(label=_option(page, "Later", "2026"))
    page.get_by_role("table", name="Changes by section").wait_for()


def _option(page, which: str, year: str) -> str:
    """The label of the option for the file of `year` in the Earlier/Later list (once read)."""
    option = page.get_by_label(f"{which} assessment").locator(
        "option", has_text=f"Spring review {year}"
    )
    option.wait_for(state="attached")
    return option.inner_text()


def calculator(page, folder: Path):
    """A case study's published figures, with a cost of IOM and an expected reduction (which a
    preset may leave to the user), calculated."""
    page.goto(CALCULATOR)
    wait_module_ready(page, "iom-breakeven")
    page.get_by_role("button", name="Load figures:").first.click()
    page.get_by_label("Interventions", exact=True).fill("250000")
    page.get_by_label("Expected reduction in the cohort’s offending").fill("20")
    page.get_by_role("button", name="Calculate", exact=True).click()
    page.get_by_role("table", name="Net position").first.wait_for()
    page.get_by_label("Scenario name").fill("Current team with the Lancashire figures, 20%")
    page.get_by_role("button", name="Save scenario").click()
    page.get_by_label("Scenarios saved in this browser").locator("option").nth(1).wait_for(
        state="attached"
    )


FILLED = {
    "form-overview": (SA, form_overview),
    "form-section": (SA + "sa-1/", form_section),
    "report": (SA + "report/", report),
    "form-checked": (SA, form_checked),
    "form-section-refused": (SA + "sa-2/", form_section_refused),
    "combine": (COMBINE, combine),
    "compare": (COMPARE, compare),
    "calculator": (CALCULATOR, calculator),
}
"""Each filled state: the page it ends on and the steps that fill it."""


def open_filled(page, state: str, folder: Path) -> str:
    """Bring `page` into the filled `state`; returns the page's path."""
    path, fill = FILLED[state]
    fill(page, folder)
    if state.startswith("form-"):
        wait_ready(page)
    return path


FILLED_PREFIX = "filled:"


def pages_and_states() -> list[str]:
    """Every page's path (tests/site_pages.py), then each filled state as "filled:<name>"."""
    return all_pages() + [FILLED_PREFIX + state for state in sorted(FILLED)]


def open_page(page, where: str, folder: Path, width: int | None = None) -> None:
    """Open a page's path, or bring a "filled:<name>" state about (files go in `folder`),
    in a window `width` CSS px wide if given."""
    if width:
        page.set_viewport_size({"width": width, "height": 900})
    if where.startswith(FILLED_PREFIX):
        open_filled(page, where.removeprefix(FILLED_PREFIX), folder)
    else:
        page.goto(where)


# The theme's parts that open over a page.
MENU = ".md-sidebar--primary"
SEARCH = ".md-search"


def open_phone_menu(page):
    """A section page 390 px wide with its menu (the theme's drawer) opened by a tap."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(SA + "sa-1/")
    page.get_by_role("button", name="Navigation").click()
    page.locator(MENU).get_by_role("link", name="Home").wait_for()


def open_search(page, width: int):
    """The Key Principles page `width` px wide, searched for "offender" from the keyboard."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("principles/")
    page.keyboard.press("/")
    page.keyboard.type("offender")  # the theme's search reacts to key events
    page.locator(".md-search-result__item").first.wait_for()
    # The search box grows into place: measured mid-way, its clear button was 23.99 px wide
    # under load (a whole-suite run on a fresh clone), where at rest it is 24.
    settle(page)
