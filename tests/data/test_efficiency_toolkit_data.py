"""The Efficiency Toolkit (ET-2018) validates and matches its source: 3 themes, 9 + 8 + 10 = 27
key questions numbered in order, every item cited, and the transcribed text word for word."""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.loader import load_raw
from macros.models.base import Source
from macros.validate import build_content
from tests.conftest import DATA, SEEDS

SEED = "003_f454314f6e9682f8.txt"
# The toolkit, the bibliography it cites and the review built on it (which it links to).
TOOLKIT_FILES = ("sources", "efficiency-toolkit", "scales", "instruments/efficiency-review-2018")


@pytest.fixture(scope="module")
def toolkit():
    """The toolkit validated with the bibliography it cites and the review it links to."""
    raw, errors = load_raw(DATA)
    assert not errors
    content = build_content({k: raw[k] for k in TOOLKIT_FILES})
    return content.docs["efficiency-toolkit"]


def test_there_are_three_themes_in_order(toolkit):
    assert [t.id for t in toolkit.themes] == ["ET-1", "ET-2", "ET-3"]
    assert [t.title for t in toolkit.themes] == [
        "Achieving efficiencies through a strategic framework",
        "Efficiencies derived from the design of the local approach",
        "Efficiencies in delivery",
    ]


def test_key_questions_are_nine_eight_and_ten_with_ids_in_order(toolkit):
    counts = [len(t.key_questions) for t in toolkit.themes]
    assert counts == [9, 8, 10]
    assert sum(counts) == 27
    for theme in toolkit.themes:
        expected = [f"{theme.id}.Q{n:02d}" for n in range(1, len(theme.key_questions) + 1)]
        assert [q.id for q in theme.key_questions] == expected


def test_practical_examples_are_four_four_and_seven_with_ids_in_order(toolkit):
    assert [len(t.examples) for t in toolkit.themes] == [4, 4, 7]
    for theme in toolkit.themes:
        expected = [f"{theme.id}.E{n}" for n in range(1, len(theme.examples) + 1)]
        assert [e.id for e in theme.examples] == expected


def test_framework_has_three_levels_each_pointing_at_its_theme_and_four_lenses(toolkit):
    levels = toolkit.framework.levels
    assert [level.label for level in levels] == ["Strategic", "Design", "Delivery"]
    assert [level.theme for level in levels] == ["ET-1", "ET-2", "ET-3"]
    assert [t.level for t in toolkit.themes] == [level.id for level in levels]
    assert [lens.name for lens in toolkit.framework.lenses] == [
        "eliminating waste and reducing duplication",
        "increasing alignment between agencies and approaches",
        "increasing effectiveness",
        "realising efficiency savings",
    ]


def test_sub_points_are_nested_where_the_source_has_them(toolkit):
    questions = {q.id: q for t in toolkit.themes for q in t.key_questions}
    assert [len(questions[i].points) for i in ("ET-1.Q01", "ET-1.Q03", "ET-2.Q03", "ET-2.Q06")] == [
        3,
        3,
        5,
        2,
    ]
    with_points = {qid for qid, q in questions.items() if q.points}
    assert with_points == {"ET-1.Q01", "ET-1.Q03", "ET-2.Q03", "ET-2.Q06"}


def test_annex_a_and_phase_two_are_recorded_as_not_reproduced_with_our_alternatives(toolkit):
    alternatives = {o.id: o.alternative for o in toolkit.not_reproduced}
    assert alternatives["ET-annex-a"].ref == "efficiency-review-2018"  # an assessment, by id
    assert alternatives["ET-phase-two"].page == "value-for-money.md"
    assert (DATA.parent / "docs" / "value-for-money.md").is_file()


def _items_with_ids(obj):
    if dataclasses.is_dataclass(obj):
        if isinstance(getattr(obj, "id", None), str):
            yield obj
        for f in dataclasses.fields(obj):
            yield from _items_with_ids(getattr(obj, f.name))
    elif isinstance(obj, list):
        for item in obj:
            yield from _items_with_ids(item)


def test_every_item_cites_the_toolkit_with_a_section(toolkit):
    items = list(_items_with_ids(toolkit))
    assert len(items) == 3 + 4 + 3 + 15 + 27 + 2  # levels, lenses, themes, examples, questions, …
    for item in items + [toolkit, toolkit.purpose, toolkit.framework]:
        assert isinstance(item.source, Source), getattr(item, "id", item)
        assert item.source.doc == "ET-2018", getattr(item, "id", item)
        assert item.source.section.strip(), getattr(item, "id", item)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip().lower()


@pytest.fixture(scope="module")
def seed_text() -> str:
    path = SEEDS / SEED
    if not path.is_file():
        pytest.skip(f"source text not available at {path} (set IOM_SEEDS)")
    text = path.read_text(encoding="utf-8")
    # Extraction noise the data corrects: "i.Title" numbering, a footnote mark, a lost space.
    text = re.sub(r"(?m)^(\s*)(i|ii|iii|iv|v|vi|vii)\.(?=[A-Za-z])", r"\1\2. ", text)
    text = text.replace("partners1 ", "partners ").replace("(c)the", "(c) the")
    return _flat(text)


def _point_texts(points):
    for point in points:
        yield point.text
        yield from _point_texts(point.points)


def _transcribed(toolkit):
    """Every field the data says is word for word from the source."""
    framework = toolkit.framework
    yield toolkit.status
    yield from toolkit.purpose.paragraphs
    yield from (framework.levels_lead_in, framework.lenses_lead_in, framework.interdependence)
    yield framework.illustrations_lead_in
    for level in framework.levels:
        yield from (level.name, level.illustration)
    yield from (lens.name for lens in framework.lenses)
    for theme in toolkit.themes:
        yield theme.title
        paragraphs = [p for passage in theme.introduction for p in passage.paragraphs]
        for example in theme.examples:
            yield example.title
            paragraphs += example.paragraphs
        for paragraph in paragraphs:
            yield paragraph.text
            yield from _point_texts(paragraph.points)
        for question in theme.key_questions:
            yield question.title
            yield from _point_texts(question.points)
    yield from (o.described_as for o in toolkit.not_reproduced)


def test_transcribed_text_is_word_for_word_from_the_source(toolkit, seed_text):
    missing = [text for text in _transcribed(toolkit) if _flat(text) not in seed_text]
    assert not missing, "not found in the source:\n" + "\n".join(m[:120] for m in missing)


def test_each_key_question_is_found_under_its_own_theme_in_source_order(toolkit, seed_text):
    position = 0
    for theme in toolkit.themes:
        for question in theme.key_questions:
            found = seed_text.find(_flat(question.title), position)
            assert found >= 0, question.id
            position = found
