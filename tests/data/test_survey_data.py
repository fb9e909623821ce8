"""The 2011 survey findings in data/ hold every figure of the source, word for word."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.models.survey_2011 import all_figures
from tests.conftest import SEEDS

SURVEY_SEED = SEEDS / "004_1d7564c6f8c29ca9.txt"

# Numbers in the source that are not findings: years, figure and phase numbers.
NOT_STATISTICS = [
    r"\b(?:19|20)\d\d/\d\d\b",  # 2010/11
    r"\b(?:19|20)\d\d\b",  # 2004, December 2010
    r"\bFigure \d+\b",
    r"\bPhase \d+\b",
]

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


def words_to_number(words: str) -> int:
    """ "Seventy-seven" → 77, "Three" → 3 (the forms the survey writes percentages in)."""
    total = 0
    for part in words.lower().split("-"):
        total += TENS.get(part) or UNITS[part]
    return total


def numbers_in_source(text: str) -> Counter:
    """Every statistic the source gives: digits, and percentages written out in words."""
    for pattern in NOT_STATISTICS:
        text = re.sub(pattern, " ", text)
    found = Counter(int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.]\d)", text))
    for words in re.findall(r"\b([A-Z][a-z]+(?:-[a-z]+)?) per ?cent", text):
        found[words_to_number(words)] += 1
    return found


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def survey(content):
    return content.docs["survey-2011"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SURVEY_SEED.is_file():
        pytest.skip(f"source text not available at {SURVEY_SEED}")
    return SURVEY_SEED.read_text(encoding="utf-8")


def test_words_to_number_reads_the_source_forms():
    assert words_to_number("Seventy-seven") == 77
    assert words_to_number("Three") == 3
    assert words_to_number("Forty") == 40


def test_numbers_in_source_ignores_years_and_figure_numbers():
    text = "In 2009, as Figure 1 shows, 31 per cent and Forty-six per cent (58) in 2010/11."
    assert numbers_in_source(text) == Counter({31: 1, 46: 1, 58: 1})


def test_method_as_published(survey):
    assert survey.method.fieldwork == "December 2010 – January 2011"
    assert survey.method.respondents == 493
    assert [g.name for g in survey.method.respondent_groups] == [
        "IOM respondents",
        "PPO respondents",
        "DIP respondents",
    ]


def test_sections_follow_the_document(survey):
    assert [s.title for s in survey.sections] == [
        "Implementation",
        "Alignment of local offender management approaches",
        "Partnership working",
        "Views on barriers to implementation",
        "Efficiency gains from IOM",
        "Existing tools for IOM, PPO and DIP",
        "Effective practice information",
        "Implications for decision makers",
        "Conclusions",
    ]


def test_every_number_in_the_source_is_a_figure_and_no_other(survey, seed_text):
    """Every number the source reports is held in data/, and nothing else is."""
    in_data = Counter()
    for figure in all_figures(survey):
        for number in (figure.value, figure.respondents, figure.base_count):
            if number is not None:
                in_data[int(number)] += 1
    in_source = numbers_in_source(seed_text)
    # 42 published values, 6 respondent counts behind percentages, 3 bases (329, 324, 232)
    assert sum(in_source.values()) == 51
    assert in_data == in_source


def test_figure_count(survey):
    figures = all_figures(survey)
    assert len(figures) == 44
    assert (
        len([f for f in figures if f.value is None]) == 2
    )  # "Around half", "Around three-quarters"
    assert len({f.id for f in figures}) == len(figures)


def test_every_statement_and_published_list_is_verbatim(survey, seed_text):
    source = normalise(seed_text)
    for figure in all_figures(survey):
        assert normalise(figure.statement) in source, figure.id
        assert figure.approximate in figure.statement, figure.id
        if figure.value is not None:
            assert figure.statement, figure.id
    for section in survey.sections:
        for published in section.lists:
            for text in [published.lead_in, *published.points]:
                assert normalise(text) in source, text


def test_percentages_are_between_0_and_100(survey):
    for figure in all_figures(survey):
        if figure.unit == "%" and figure.value is not None:
            assert 0 <= figure.value <= 100, figure.id


def test_figure_1_as_described_in_the_text(content):
    chart = content.get("SV-CHART-FIGURE-1")
    assert chart.title.startswith(
        "Figure 1: Respondent views on the extent to which local IOM schemes have been established"
    )
    values = {content.get(ref).label: content.get(ref).value for ref in chart.figures}
    assert values == {
        "Fully established": 31,
        "Partially established": 61,
        "Not yet established": 7,
    }
    assert {content.get(ref).base for ref in chart.figures} == {"IOM respondents"}


def test_every_figure_with_a_value_is_charted_except_counts(survey):
    charted = {ref for s in survey.sections for c in s.charts for ref in c.figures}
    for section in survey.sections:
        for figure in section.figures:
            if figure.value is not None and figure.unit == "%":
                assert figure.id in charted, figure.id
