"""Hostile and broken files are refused by construction: every file of the corpus in
tests/fixtures/bad-files (written by its make_corpus.py) is refused on each page that reads
such files, with the words cases.json gives for it, and the browser's storage is byte for
byte what it was. A good file is then still accepted, so the page was not left broken.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.browser.instrument_helpers import SA, STORAGE, open_form, wait_ready

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "bad-files"
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
GOOD = {
    "format": "iom-assessment",
    "formatVersion": 1,
    "instrument": {"id": "self-assessment-2010", "version": "1.0"},
    "agency": "Police",
    "partnership": "Good file",
    "responses": {"SA-1.1": {"rating": "amber", "evidence": "Fine", "actions": []}},
}


def test_the_corpus_is_large_and_every_file_is_listed():
    files = sorted(
        p.relative_to(CORPUS).as_posix()
        for p in [*CORPUS.glob("*/*.json"), *CORPUS.glob("*/*.csv")]
    )
    listed = sorted(case["file"] for kind in CASES.values() for case in kind)
    assert files == listed
    assert len(CASES["assessment"]) >= 50
    assert sum(case["file"].endswith(".csv") for case in CASES["assessment"]) >= 25
    assert len(CASES["scenario"]) >= 15


def payload(case: dict) -> dict:
    name = Path(case["file"]).name
    data = (CORPUS / case["file"]).read_bytes()
    kind = "text/csv" if name.endswith(".csv") else "application/json"
    return {"name": name, "mimeType": kind, "buffer": data}


def refusals(
    page, input_selector: str, message_selector: str, cases: list[dict], settle: int = 50
) -> list[str]:
    """Choose each file in turn; return what went wrong (nothing, when all were refused well)."""
    problems = []
    for case in cases:
        file = payload(case)
        before = page.evaluate(STORAGE)
        page.set_input_files(input_selector, files=[file])
        quoted = f"“{file['name']}”"
        try:
            page.wait_for_function(
                "([selector, quoted]) => [...document.querySelectorAll(selector)]"
                ".some(el => !el.closest('[hidden]') && el.textContent.includes(quoted))",
                arg=[message_selector, quoted],
                timeout=5000,
            )
        except Exception:
            problems.append(f"{case['file']}: no refusal naming the file")
            continue
        text = " ".join(page.locator(message_selector).all_inner_texts())
        if case["refused with"] not in text:
            problems.append(f"{case['file']}: said {text!r}, not {case['refused with']!r}")
        page.wait_for_timeout(settle)  # anything the page would write a moment later
        if page.evaluate(STORAGE) != before:
            problems.append(f"{case['file']}: the browser's storage changed")
    return problems


def seed_saved_assessment(page):
    page.evaluate(
        """(doc) => {
            const id = 'self-assessment-2010';
            localStorage.setItem('iom:v1:assessment:' + id + ':seed', JSON.stringify(doc));
            localStorage.setItem('iom:v1:current:' + id, 'seed');
        }""",
        {**GOOD, "name": "Already here"},
    )


def test_the_assessment_form_refuses_every_bad_file(page):
    open_form(page, SA)
    seed_saved_assessment(page)
    page.reload()
    wait_ready(page)
    problems = refusals(page, "[data-import-file]", "[data-error-summary] li", CASES["assessment"])
    assert not problems, "\n".join(problems)
    assert page.locator("[data-confirm=import]").is_hidden()
    # Nothing of the hostile files reached the page.
    assert "function" not in page.locator("[data-check-answers]").inner_text()
    # The page still imports a good file, after asking.
    page.set_input_files(
        "[data-import-file]",
        files=[
            {
                "name": "good.json",
                "mimeType": "application/json",
                "buffer": json.dumps(GOOD).encode(),
            }
        ],
    )
    page.wait_for_selector("[data-confirm=import]:not([hidden])")
    page.click("[data-command=import-new]")
    page.wait_for_function(
        "() => /Imported/.test(document.querySelector('[data-import-status]').textContent)"
    )


def test_combine_refuses_every_bad_file(page):
    page.goto("assess/combine/")
    page.wait_for_selector("[data-module=iom-combine][data-iom-init=ready]")
    page.select_option("#iom-combine-instrument", "self-assessment-2010")
    good = {
        "name": "good.json",
        "mimeType": "application/json",
        "buffer": json.dumps(GOOD).encode(),
    }
    page.set_input_files("#iom-combine-files", files=[good])
    page.wait_for_selector("[data-results]:not([hidden])")
    page.wait_for_function("() => !!localStorage.getItem('iom:v1:combine')")  # its kept session
    problems = []
    for case in CASES["assessment"]:
        if "combine" in case.get("not on", []):
            continue
        # Combine keeps its session a moment after each change: wait for that write too.
        problems += refusals(page, "#iom-combine-files", "[data-error-summary] li", [case], 350)
        # Take the refused file out again; the good one stays combined.
        page.click(f'[data-command=remove-file]:has(span:text-is(" {Path(case["file"]).name}"))')
    assert not problems, "\n".join(problems)
    assert page.locator("[data-ratings-body] tr").count() == 12
    # Text, not rendered text: the table may be off screen, where content-visibility skips it.
    heads = page.locator("[data-ratings-head] th").all_text_contents()
    assert heads[1] == "Police", heads


def test_compare_refuses_every_bad_file(page):
    page.goto("assess/compare/")
    page.wait_for_selector("[data-module=iom-compare][data-iom-init=ready]")
    page.select_option("#iom-compare-instrument", "self-assessment-2010")
    cases = [case for case in CASES["assessment"] if "compare" not in case.get("not on", [])]
    problems = refusals(page, "#iom-compare-files", "[data-error-summary] li", cases)
    assert not problems, "\n".join(problems)
    assert page.locator("#iom-compare-before option").count() == 1  # only "none saved yet"


def test_the_calculator_refuses_every_bad_scenario(page):
    page.goto("value-for-money/")
    page.wait_for_selector("[data-module=iom-breakeven][data-iom-init=ready]")
    page.click("[data-command=preset]")  # figures in the form, kept as the draft
    before = page.input_value("#iom-be-cohort")
    problems = refusals(page, "[data-import-file]", "#iom-be-import-error", CASES["scenario"])
    assert not problems, "\n".join(problems)
    assert page.locator("[data-confirm-import]").is_hidden()
    assert page.input_value("#iom-be-cohort") == before
