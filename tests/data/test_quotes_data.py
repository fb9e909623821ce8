"""Every sentence we wrote about a source rests on a quote that is really in that source.

Each paraphrase in data/ (see macros/models/paraphrase.py) carries `quote:` passages or
`ours: true`; the validator rejects one with neither. Here each passage is looked up in the
text of the document it names, after normalising what extraction and YAML change: spacing
and line breaks, curly and straight quote marks, dashes, footnote markers and the Markdown
emphasis the extraction left in.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.models.paraphrase import find
from tests.conftest import SEED_FILES, SEEDS

QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
DASHES = re.compile("[‐‑‒–—―−]")
SUPERSCRIPT_DIGITS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
# A footnote number printed on the line after a word: "Key Principles1 and", "partners1 involved".
FOOTNOTE_AFTER_WORD = re.compile(r"(?<=[a-z])\d(?=[\s,.;:)])")
MARKUP = re.compile(r"\*\*?|</?u>")


def normalise(text: str) -> str:
    """The text with spacing, quote marks, dashes, footnote digits and emphasis made uniform."""
    text = SUPERSCRIPT_DIGITS.sub("", text)
    text = FOOTNOTE_AFTER_WORD.sub("", text)
    text = MARKUP.sub("", text).translate(QUOTE_MARKS).replace("…", "...")
    text = DASHES.sub("-", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    missing = [name for name in SEED_FILES.values() if not (SEEDS / name).is_file()]
    if missing:
        pytest.skip(f"source texts not available in {SEEDS} (set IOM_SEEDS)")
    return {
        doc: normalise((SEEDS / name).read_text(encoding="utf-8"))
        for doc, name in SEED_FILES.items()
    }


def _found(content):
    return [(key, found) for key, doc in content.docs.items() for found in find(doc)]


def test_normalise_reads_extraction_noise_as_the_words_it_hides():
    assert (
        normalise("the IOM Key Principles1 and the\n  tool")
        == "the IOM Key Principles and the tool"
    )
    assert normalise("(DIP)¹. “Refresh” – the ‘scheme’") == "(DIP). \"Refresh\" - the 'scheme'"
    assert normalise("**Delphine Waring** and <u>standards</u>") == "Delphine Waring and standards"
    assert normalise("Tk/EM/1.1 and Phase 2 in 2010/11") == "Tk/EM/1.1 and Phase 2 in 2010/11"


def test_every_quote_is_word_for_word_in_the_document_it_names(content, seeds):
    missing = []
    for key, found in _found(content):
        for where, doc_id, text in found.passages():
            if doc_id not in seeds:
                missing.append(f"data/{key}.yml: {where}: '{doc_id}' has no source text")
            elif normalise(text) not in seeds[doc_id]:
                missing.append(f"data/{key}.yml: {where} ({doc_id}): {text[:80]}…")
    assert not missing, "\n".join(missing)


def test_every_paraphrase_carries_a_quote_or_is_marked_ours(content):
    counts = Counter()
    for key, found in _found(content):
        assert found.item.quote or found.item.ours, f"data/{key}.yml: {found.path}"
        counts["quoted" if found.item.quote else "ours"] += 1
    # Guards against a model change that stops the walk from finding the paraphrases.
    assert counts["quoted"] >= 200, counts
    assert counts["ours"] >= 40, counts


def test_a_quote_is_a_passage_not_a_single_word(content):
    short = [
        f"data/{key}.yml: {where}"
        for key, found in _found(content)
        for where, _doc, text in found.passages()
        if len(text.split()) < 2
    ]
    assert not short, short
