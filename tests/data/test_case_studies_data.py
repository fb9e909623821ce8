"""The ten case studies validate and match their sources: 4 in the Efficiency Toolkit (ET-2018),
6 in the Effective Practice Guide (EPG-2020: five highlights and one good practice example)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.conftest import DATA, SEEDS

SEED_FILES = {"ET-2018": "003_f454314f6e9682f8.txt", "EPG-2020": "002_280af00fc8528232.txt"}


@pytest.fixture(scope="module")
def cases(content):
    return content.docs["case-studies"].cases


def _flat(text: str) -> str:
    """Whitespace and quote styles normalised, so wrapped YAML compares with the seed."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _seed(doc: str) -> str:
    path = SEEDS / SEED_FILES[doc]
    if not path.is_file():
        pytest.skip(f"source text not available at {path} (set IOM_SEEDS)")
    return _flat(path.read_text(encoding="utf-8").replace("**", ""))


def test_there_are_exactly_ten_cases_four_from_the_toolkit_and_six_from_the_guide(cases):
    assert len(cases) == 10
    assert Counter(case.source.doc for case in cases) == {"ET-2018": 4, "EPG-2020": 6}


def test_every_case_has_a_source_section_and_at_least_one_2015_principle(cases, content):
    for case in cases:
        assert case.source.doc in SEED_FILES, case.id
        assert case.source.section.strip(), case.id
        assert case.principles.ids, case.id
        assert case.principles.ours, case.id  # our reading of the case, never the source's
        for principle in case.principles.ids:
            assert re.fullmatch(r"KP-[1-6]", principle), (case.id, principle)
            assert content.ids[principle].file == "principles-2015"


def test_ids_follow_the_scheme_and_are_unique(cases):
    ids = [case.id for case in cases]
    assert len(set(ids)) == len(ids)
    for case in cases:
        assert re.fullmatch(rf"CS-{case.area}-[a-z0-9]+(-[a-z0-9]+)*", case.id), case.id


def test_the_guide_cases_are_its_five_highlights_and_the_good_practice_example(cases):
    guide = [case for case in cases if case.source.doc == "EPG-2020"]
    highlights = [c for c in guide if c.source.section.count("Highlight of effectiveness") == 1]
    assert len(highlights) == 6  # the good practice example sits inside the casework highlight
    assert sum("Good practice example" in c.source.section for c in guide) == 1


def test_every_toolkit_case_title_is_a_published_case_study_heading(cases):
    seed = _seed("ET-2018")
    toolkit = [case for case in cases if case.source.doc == "ET-2018"]
    for case in toolkit:
        assert f"CASE STUDY {_flat(case.title)}" in seed, case.title


def test_every_guide_case_title_is_a_published_highlight(cases):
    seed = _seed("EPG-2020")
    for case in cases:
        if case.source.doc == "EPG-2020" and "good practice" not in case.title.lower():
            assert f"Highlight of effectiveness: {_flat(case.title)}" in seed, case.title


def test_every_figure_is_quoted_exactly_as_published(cases):
    figures = 0
    for case in cases:
        seed = _seed(case.source.doc)
        for result in case.results:
            if result.figure:
                figures += 1
                assert _flat(result.figure) in seed, (case.id, result.figure)
    assert figures == 8  # 5 in Lancashire's costing, 2 in Bristol, 1 in South Yorkshire


def test_money_figures_carry_their_period_and_price_year_context(cases):
    for case in cases:
        for result in case.results:
            if "£" in result.figure:
                assert "four-year" in result.context or "pilot" in result.context, case.id
                assert "price year" in result.context, case.id


def test_named_people_and_quotations_are_as_published(cases):
    people = 0
    for case in cases:
        seed = _seed(case.source.doc)
        for person in case.people:
            people += 1
            assert _flat(person.name) in seed, person.name
            assert _flat(person.role).split(" (")[0] in seed, person.role
        if case.quotation:
            assert _flat(case.quotation.text).rstrip(".") in seed, case.id
    assert people == 7  # Luke Shepherd appears in three highlights


def test_each_declared_theme_and_area_is_used(content, cases):
    doc = content.docs["case-studies"]
    assert {t.key for t in doc.themes} == {t for case in cases for t in case.themes}
    assert {a.key for a in doc.areas} == {case.area for case in cases}


NUMBER_WORDS = {6: "six", 10: "ten"}


def test_the_home_page_counts_the_cases_and_their_areas_from_the_data(cases):
    # "Case studies from ten areas" was wrong: ten cases come from six areas.
    home = (DATA.parent / "docs" / "index.md").read_text(encoding="utf-8")
    areas = {case.area for case in cases}
    claim = f"{NUMBER_WORDS[len(cases)]} from {NUMBER_WORDS[len(areas)]} areas"
    assert claim in home
