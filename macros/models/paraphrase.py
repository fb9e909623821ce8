"""Our own words, tied to the source sentences they rest on.

Text we wrote about a source (a summary, a step of a case study, a crosswalk reason, a page
introduction) is a `Paraphrase`, or a dataclass marked `Paraphrased` that has the same
`quote` and `ours` fields beside its own. Each carries one of:

- `quote:` the source sentence(s) it rests on, verbatim: a list of passages, each one
  contiguous in the source. A passage names its document with `doc:`; without it, the
  document is the nearest `source:` above it in the file.
- `ours: true` where the text is our own judgement (a mapping, a rating level's
  description, the break-even method). Pages show it with an "our reading" tag.

A judgement may also carry the quotes it rests on. `unsupported` lists every paraphrase
with neither, so the build fails on it; tests/data/test_quotes_data.py proves that every
quote occurs in its document's text.

In YAML a paraphrase may be written as plain text (which the validator then rejects, naming
the field), and a passage without `doc:` as plain text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .base import Ref, Source


@dataclass
class Excerpt:
    """One passage of a source, word for word."""

    FROM_TEXT: ClassVar[str] = "text"
    text: str
    doc: Ref | None = None  # a sources.yml id; by default the nearest `source:` above


class Paraphrased:
    """Marks a dataclass holding our words: it declares `quote: list[Excerpt]` and `ours`."""


@dataclass
class Paraphrase(Paraphrased):
    """A piece of text in our own words, with the quote it rests on or `ours: true`."""

    FROM_TEXT: ClassVar[str] = "text"
    text: str
    quote: list[Excerpt] = field(default_factory=list)
    ours: bool = False


@dataclass
class Found:
    """A paraphrase found in a document, with where it is and whose words it rests on."""

    path: str  # key path inside the file, e.g. "cases[2].summary"
    item: Any  # the Paraphrase (or Paraphrased dataclass)
    default_doc: str | None  # the document of the nearest `source:` above, if any

    def passages(self) -> list[tuple[str, str | None, str]]:
        """(key path, document id or None, passage text) for each quoted passage."""
        return [
            (f"{self.path}.quote[{i}]", excerpt.doc or self.default_doc, excerpt.text)
            for i, excerpt in enumerate(self.item.quote)
        ]


def find(obj: Any, path: str = "", default_doc: str | None = None) -> Iterator[Found]:
    """Every paraphrase inside a typed document, depth first, in file order."""
    if isinstance(obj, Paraphrased):
        yield Found(path or "(top)", obj, default_doc)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        source = getattr(obj, "source", None)
        if isinstance(source, Source) and source.doc:
            default_doc = source.doc
        own = getattr(obj, "QUOTES_FROM", None)  # a document describing itself
        if own:
            default_doc = getattr(obj, own)
        for f in dataclasses.fields(obj):
            if f.name != "quote" or not isinstance(obj, Paraphrased):
                yield from find(getattr(obj, f.name), _join(path, f.name), default_doc)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from find(item, f"{path}[{i}]", default_doc)
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from find(item, _join(path, str(key)), default_doc)


def unsupported(doc: Any) -> list[str]:
    """Problems with our words in one document: no quote and not ours, or a quote of nothing."""
    problems = []
    for found in find(doc):
        if not found.item.quote and not found.item.ours:
            problems.append(
                f"{found.path}: our own words need `quote:` (the source sentences they rest "
                "on, word for word) or `ours: true` (our own judgement)"
            )
        for where, doc_id, _text in found.passages():
            if not doc_id:
                problems.append(
                    f"{where}: name its document (`doc:`); nothing above it has a `source:`"
                )
    return problems


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
