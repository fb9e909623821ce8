"""The rule that our words carry their quote or say they are ours (models/paraphrase.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from macros.models.base import BuildResult, Source, build
from macros.models.paraphrase import Paraphrase, find, unsupported


@dataclass
class Section:
    summary: Paraphrase
    source: Source | None = None
    notes: list[Paraphrase] = field(default_factory=list)


@dataclass
class Described:
    QUOTES_FROM: ClassVar[str] = "id"
    id: str
    description: Paraphrase


@dataclass
class Doc:
    sections: list[Section]
    described: list[Described] = field(default_factory=list)


def _doc(raw) -> Doc:
    result = BuildResult()
    doc = build(Doc, raw, "", result)
    assert result.errors == []
    return doc


def test_plain_text_is_read_as_a_paraphrase_and_reported_with_its_key_path():
    doc = _doc({"sections": [{"summary": "Our words with nothing behind them."}]})
    assert unsupported(doc) == [
        "sections[0].summary: our own words need `quote:` (the source sentences they rest on, "
        "word for word) or `ours: true` (our own judgement)"
    ]


def test_a_quote_or_ours_satisfies_the_rule():
    doc = _doc(
        {
            "sections": [
                {
                    "summary": {"text": "Ours.", "quote": ["the words"]},
                    "source": {"doc": "KP-2015", "section": "Intro"},
                    "notes": [{"text": "A judgement.", "ours": True}],
                }
            ]
        }
    )
    assert unsupported(doc) == []


def test_a_passage_without_a_document_or_a_source_above_it_is_reported():
    doc = _doc({"sections": [{"summary": {"text": "Ours.", "quote": ["the words"]}}]})
    assert unsupported(doc) == [
        "sections[0].summary.quote[0]: name its document (`doc:`); nothing above it has a `source:`"
    ]


def test_passages_come_from_the_nearest_source_or_the_document_they_name():
    doc = _doc(
        {
            "sections": [
                {
                    "summary": {
                        "text": "Ours.",
                        "quote": ["from the source", {"doc": "EPG-2020", "text": "named"}],
                    },
                    "source": {"doc": "KP-2015", "section": "Intro"},
                }
            ],
            "described": [{"id": "SAT-2010", "description": {"text": "It.", "quote": ["self"]}}],
        }
    )
    passages = [p for found in find(doc) for p in found.passages()]
    assert passages == [
        ("sections[0].summary.quote[0]", "KP-2015", "from the source"),
        ("sections[0].summary.quote[1]", "EPG-2020", "named"),
        ("described[0].description.quote[0]", "SAT-2010", "self"),
    ]
