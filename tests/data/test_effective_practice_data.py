"""The Effective Practice Guide data validates and matches the guide (February 2020)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.loader import load_raw
from macros.models.base import Point, Source
from macros.validate import build_content
from tests.conftest import DATA, SEEDS

SEED = SEEDS / "002_280af00fc8528232.txt"

# The opening words of each of the ten findings, in the guide's order.
FINDING_OPENINGS = [
    "clearly defined governance and leadership arrangements",
    "regular monitoring and analysis of service users' profiles",
    "co-location and integration of both core",
    "the involvement of all IOM agencies in case review meetings/panels",
    "the allocation of a manageable volume of cases",
    "a comprehensive range of services",
    "practice that is, ideally, evidence-based",
    "service users who are actively engaged and supported",
    "good-quality, timely and relevant information and intelligence-sharing",
    "local oversight and evaluation of the impact and benefits",
]


@pytest.fixture(scope="module")
def guide():
    raw, errors = load_raw(DATA)
    content = build_content(raw, errors)
    return content.docs["effective-practice"]


def _items(obj, path=""):
    """Every dataclass with an `id` in the guide, with its key path."""
    if dataclasses.is_dataclass(obj):
        if getattr(obj, "id", None):
            yield path, obj
        for f in dataclasses.fields(obj):
            yield from _items(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _items(item, f"{path}[{i}]")


def _texts(points: list[Point]):
    for point in points:
        yield point.text
        yield from _texts(point.points)


def _key_lists(guide):
    for section in (guide.leadership, guide.people, guide.evaluation):
        yield from section.lists
        for sub in section.subsections:
            yield from sub.lists


def test_exactly_ten_findings_with_ids_in_order(guide):
    findings = guide.inspection.findings
    assert [f.id for f in findings] == [f"EPG-F{n:02d}" for n in range(1, 11)]
    for finding, opening in zip(findings, FINDING_OPENINGS, strict=True):
        assert finding.title.startswith(opening), finding.id


def test_five_casework_stages_in_the_guides_order_each_with_points(guide):
    stages = guide.casework.stages
    assert [s.id for s in stages] == [
        "EPG-CW-registration",
        "EPG-CW-assessment",
        "EPG-CW-planning",
        "EPG-CW-implementation-and-delivery",
        "EPG-CW-reviewing",
    ]
    assert [s.title for s in stages] == [
        "IOM registration",
        "Assessment",
        "Planning",
        "Implementation and delivery",
        "Reviewing",
    ]
    # Bullet counts as in the guide: registration's induction has 3, assessment's focus 3,
    # planning's documents 2, implementation 5, reviewing 8.
    assert len(stages[0].points[-1].points) == 3
    assert len(stages[1].points[-1].points) == 3
    assert len(stages[2].points[1].points) == 2
    assert len(stages[3].points) == 5
    assert len(stages[4].points) == 8


def test_every_item_cites_the_guide_with_a_section(guide):
    items = list(_items(guide))
    assert len(items) > 30
    for path, item in items:
        assert isinstance(item.source, Source), path
        assert item.source.doc == "EPG-2020", path
        assert item.source.section.strip(), path


def test_background_keeps_the_guides_dates_and_figures(guide):
    assert [m.date for m in guide.background.timeline] == ["2001", "2004", "2009", "2015"]
    values = {f.value for f in guide.background.figures + guide.inspection.figures}
    assert {
        "20 years",
        "around one million",
        "approximately 100,000 (10 per cent)",
        "half of all the crime",
        "seven different areas",
        "Autumn of 2019",
    } <= values
    for figure in guide.background.figures + guide.inspection.figures:
        assert figure.value in figure.quote, figure.id
        assert figure.source.section in {"Background", "Introduction"}, figure.id


def test_aims_lists_and_further_reading_counts_match_the_guide(guide):
    assert len(guide.what_is_iom.aims.points) == 3
    assert len(guide.leadership.lists[0].points) == 4
    lists = {k.id: len(k.points) for k in _key_lists(guide)}
    assert lists == {
        "EPG-LP-INTEGRATION": 4,
        "EPG-PP-BENEFITS": 3,
        "EPG-PP-SUPERVISION": 5,
        "EPG-EV-INTELLIGENCE": 3,
        "EPG-EV-DATA": 4,
        "EPG-EV-ANALYSIS": 2,
    }
    assert [r.year for r in guide.further_reading] == ["2020", "2014", "2015", "2015", "2019"]
    assert guide.introduction.foreword_by.name == "Justin Russell"
    assert guide.introduction.foreword_by.role == "HM Chief Inspector of Probation"


def _normalise(text: str) -> str:
    text = re.sub("[²³⁴⁵*]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not SEED.is_file(), reason="source text of the guide not available")
def test_framework_items_are_word_for_word_from_the_guide(guide):
    seed = _normalise(SEED.read_text(encoding="utf-8"))
    verbatim = [guide.what_is_iom.definition, guide.inspection.lead, guide.casework.lead]
    verbatim += [f.title for f in guide.inspection.findings]
    for key_list in [guide.what_is_iom.aims, *_key_lists(guide)]:
        verbatim += [key_list.lead, *_texts(key_list.points)]
    for stage in guide.casework.stages:
        verbatim += [stage.title, stage.lead, *_texts(stage.points)]
    for figure in guide.background.figures + guide.inspection.figures:
        verbatim += [figure.value, figure.quote]
    # The 2015 milestone runs over a page footnote in the source text, so it is left out.
    verbatim += [m.text for m in guide.background.timeline if m.date != "2015"]
    missing = [t for t in verbatim if _normalise(t) not in seed]
    assert not missing, missing
