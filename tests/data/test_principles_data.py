"""The two principle frameworks in data/ validate and match their sources' counts and wording."""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.models.base import Point, Source
from tests.conftest import SEEDS

KP_SEED = SEEDS / "001_538bf9ca126331f5.txt"
SAT_SEED = SEEDS / "000_1c7252d396654d29.txt"

# Key delivery elements per principle, as numbered in the Key Principles (2015).
KP_ELEMENTS = {1: 6, 2: 5, 3: 3, 4: 5, 5: 3, 6: 2}
# Elements per principle in the Self Assessment Tool (c. 2010).
SA_ELEMENTS = {1: 4, 2: 2, 3: 2, 4: 3, 5: 1}


@pytest.fixture(scope="module")
def kp(content):
    return content.docs["principles-2015"]


@pytest.fixture(scope="module")
def sa(content):
    return content.docs["self-assessment"]


def test_key_principles_has_six_principles_kp1_to_kp6(kp):
    assert [p.id for p in kp.principles] == [f"KP-{n}" for n in range(1, 7)]


def test_key_principles_has_24_delivery_elements_in_published_order(kp):
    ids = [e.id for p in kp.principles for e in p.elements]
    expected = [f"KP-{n}.{m}" for n, count in KP_ELEMENTS.items() for m in range(1, count + 1)]
    assert len(ids) == 24
    assert ids == expected
    assert ids[0] == "KP-1.1" and ids[-1] == "KP-6.2"


def test_introduction_has_six_straplines_one_per_principle_in_order(kp):
    straplines = kp.introduction.straplines
    assert [s.principle for s in straplines] == [f"KP-{n}" for n in range(1, 7)]
    assert straplines[0].strapline == "all partners manage offenders together"


def test_principles_keep_their_published_structure(kp):
    by_id = {p.id: p for p in kp.principles}
    assert len(by_id["KP-1"].local_partners) == 3
    assert len(by_id["KP-2"].informed_by) == 6
    assert by_id["KP-2"].statement[-1].endswith("This to be informed by:")
    for other in ["KP-3", "KP-4", "KP-5", "KP-6"]:
        assert len(by_id[other].statement) == 2
        assert not by_id[other].local_partners and not by_id[other].informed_by


def test_self_assessment_has_five_principles_and_twelve_elements(sa):
    assert [p.id for p in sa.principles] == [f"SA-{n}" for n in range(1, 6)]
    ids = [e.id for p in sa.principles for e in p.elements]
    expected = [f"SA-{n}.{m}" for n, count in SA_ELEMENTS.items() for m in range(1, count + 1)]
    assert ids == expected
    assert len(ids) == 12


def test_self_assessment_criteria_counts_and_nesting(sa):
    elements = {e.id: e for p in sa.principles for e in p.elements}
    counts = {item_id: len(e.criteria) for item_id, e in elements.items()}
    assert counts == {
        "SA-1.1": 1,
        "SA-1.2": 5,
        "SA-1.3": 4,
        "SA-1.4": 4,
        "SA-2.1": 4,
        "SA-2.2": 4,
        "SA-3.1": 6,  # the published list ends with an empty bullet, left out
        "SA-3.2": 4,
        "SA-4.1": 5,
        "SA-4.2": 2,
        "SA-4.3": 2,
        "SA-5.1": 4,
    }
    assert [len(c.points) for c in elements["SA-1.2"].criteria] == [0, 6, 4, 0, 0]
    assert [len(c.points) for c in elements["SA-4.1"].criteria] == [0, 3, 0, 0, 0]


def test_self_assessment_rating_scale_and_evidence_box(sa, content):
    scale = content.get(sa.rating.scale)  # declared once, in data/scales.yml
    assert [(level.value, level.label) for level in scale.levels] == [
        ("red", "Red"),
        ("amber", "Amber"),
        ("green", "Green"),
    ]
    assert sa.rating.label == "Self Assessment"
    assert sa.evidence.label == "Evidence/Gaps"


def _items_with_id(obj):
    """Every dataclass with an `id` below obj."""
    if dataclasses.is_dataclass(obj):
        if hasattr(obj, "id"):
            yield obj
        for f in dataclasses.fields(obj):
            yield from _items_with_id(getattr(obj, f.name))
    elif isinstance(obj, list):
        for item in obj:
            yield from _items_with_id(item)


@pytest.mark.parametrize(
    ("file", "doc_id"), [("principles-2015", "KP-2015"), ("self-assessment", "SAT-2010")]
)
def test_every_item_has_a_source_in_its_own_document(content, file, doc_id):
    items = list(_items_with_id(content.docs[file]))
    assert len(items) == {"principles-2015": 30, "self-assessment": 17}[file]
    for item in items:
        assert isinstance(item.source, Source), item.id
        assert item.source.doc == doc_id, item.id
        assert item.source.section.strip(), item.id


def _texts(obj):
    """Every transcribed text below obj (not ids, numbers, sources or our own labels)."""
    if isinstance(obj, Point):
        yield obj.text
        for point in obj.points:
            yield from _texts(point)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            if f.name in {"id", "source", "principle", "value", "number", "scale"}:
                continue
            yield from _texts(getattr(obj, f.name))
    elif isinstance(obj, list):
        for item in obj:
            yield from _texts(item)
    elif isinstance(obj, str) and obj:
        yield obj


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("file", "seed"), [("principles-2015", KP_SEED), ("self-assessment", SAT_SEED)]
)
def test_every_text_is_word_for_word_from_the_source(content, file, seed):
    if not seed.is_file():
        pytest.skip(f"source text not available at {seed}")
    source = _flat(seed.read_text(encoding="utf-8"))
    doc = content.docs[file]
    texts = [t for t in _texts(doc) if t != doc.title]
    assert len(texts) > 50
    missing = [t for t in texts if _flat(t) not in source]
    assert not missing, f"not found word for word in {seed.name}: {missing}"
