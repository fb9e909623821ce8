"""The glossary holds every abbreviation the five source documents use, and names where."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEED_FILES, SEEDS

# Words of two or more capitals in the sources that are not abbreviations: headings set in
# capitals, a document reference (Tk/EM/1.1) and an extraction fragment ("Cl RC").
NOT_ABBREVIATIONS = {
    "ACHIEVING", "AGENCIES", "AND", "BACKGROUND", "CASE", "CONSIDER", "DELIVERY", "DRAWING",
    "EFFICIENCIES", "EM", "EXAMPLES", "EXPERIENCE", "FOR", "FRAMEWORK", "IDENTIFYING",
    "INTEGRATED", "INTRODUCING", "INTRODUCTION", "KEY", "LOCAL", "MANAGEMENT", "MAY", "OFFENDER",
    "ON", "PARTNERSHIPS", "PRACTICAL", "PRINCIPLE", "PRINCIPLES", "PURPOSE", "QUESTIONS", "RC",
    "SOME", "STRATEGIC", "STUDY", "THAT", "THE", "THEME", "THROUGH", "TO", "TOOL", "TOOLKIT",
    "WISH",
}  # fmt: skip
# Abbreviations the sources only spell out, kept because the site and its users use them.
SPELLED_OUT_ONLY = {"PCC", "RAG"}
# Named in the brief for this glossary.
REQUIRED = (
    "IOM PPO DIP CRC NPS MAPPA IDIOM OASys SARA CSP PCC VCS CJIT LCJB RMP DAAT ASBO HMPPS".split()
)


@pytest.fixture(scope="module")
def glossary(content):
    return content.docs["glossary"]


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    missing = [name for name in SEED_FILES.values() if not (SEEDS / name).is_file()]
    if missing:
        pytest.skip(f"source texts not available in {SEEDS}")
    return {doc: (SEEDS / name).read_text(encoding="utf-8") for doc, name in SEED_FILES.items()}


def abbreviations_in(text: str) -> set[str]:
    """Words with two or more capitals (IOM, OASys, CSPs → CSP), as written."""
    found = set()
    for word in re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", text):
        if word.endswith("s") and word[:-1].isupper():
            word = word[:-1]
        found.add(word)
    return found


def uses(text: str, abbreviation: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(abbreviation)}s?(?!\w)", text) is not None


def test_every_abbreviation_in_the_sources_is_in_the_glossary(glossary, seeds):
    in_sources = set().union(*(abbreviations_in(t) for t in seeds.values())) - NOT_ABBREVIATIONS
    in_glossary = {t.abbreviation for t in glossary.terms}
    assert in_sources - in_glossary == set()
    assert in_glossary - in_sources == SPELLED_OUT_ONLY
    assert len(in_glossary) == 29


def test_the_abbreviations_named_in_the_brief_are_there(glossary):
    assert set(REQUIRED) <= {t.abbreviation for t in glossary.terms}


def test_sources_named_are_those_using_the_abbreviation_or_spelling_it_out(glossary, seeds):
    for term in glossary.terms:
        abbreviated = {doc for doc, text in seeds.items() if uses(text, term.abbreviation)}
        assert abbreviated <= set(term.sources), term.id
        for doc in set(term.sources) - abbreviated:
            text = " ".join(seeds[doc].split()).lower()
            if term.id == "GL-RAG":  # the 2010 tool labels its ratings Red, Amber and Green
                assert all(re.search(rf"\b{c}\b", text) for c in ("red", "amber", "green"))
                continue
            assert term.expansion.text.lower().rstrip("s") in text, (term.id, doc)


def test_an_expansion_is_quoted_where_a_source_spells_it_out_and_ours_where_none_does(
    glossary, seeds
):
    for term in glossary.terms:
        spelled_out = any(
            term.expansion.text.lower().rstrip("s") in " ".join(seeds[doc].split()).lower()
            for doc in term.sources
        )
        if term.id == "GL-HMPPS":  # the guide writes "HM Prison and Probation Service"
            spelled_out = True
        assert bool(term.expansion.quote) == spelled_out, term.id
        assert term.expansion.ours != spelled_out, term.id


def test_entries_are_sorted_with_ids_from_their_abbreviation(glossary):
    keys = [t.abbreviation.lower() for t in glossary.terms]
    assert keys == sorted(keys)
    assert all(t.id == f"GL-{t.abbreviation.upper()}" for t in glossary.terms)
