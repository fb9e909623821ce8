"""Glossary: every abbreviation used in the five source documents, ids GL-<ABBR>.

Expansions and definitions quote the sources where they spell an abbreviation out or say what
it is; otherwise they are ours (general knowledge, `ours: true`).

The same entries drive the glossary page and the tooltips the abbreviations hook adds to
every page (see macros/abbreviations.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Ref
from .paraphrase import Paraphrase

FILE = "glossary"
PAGE = "glossary.md"


@dataclass
class Term:
    id: str  # GL-IOM
    abbreviation: str  # as written in the sources: "IOM", "OASys"
    # What it stands for, quoted where a source spells it out, otherwise `ours: true`.
    expansion: Paraphrase
    definition: Paraphrase  # one line, plain English: quoted where the sources say it, or ours
    sources: list[Ref]  # source documents (sources.yml ids) using it, abbreviated or spelled out
    note: Paraphrase | None = None  # how it appears, where that needs saying


@dataclass
class Document:
    terms: list[Term]


def check(doc: Document, content) -> list[str]:
    """Ids match abbreviations, entries are sorted, text is one plain line."""
    errors = []
    documents = content.docs["sources"].documents if "sources" in content.docs else []
    source_ids = {d.id for d in documents}
    keys = [term.abbreviation.lower() for term in doc.terms]
    if keys != sorted(keys):
        errors.append("terms: keep the entries in alphabetical order of abbreviation")
    for i, term in enumerate(doc.terms):
        where = f"terms[{i}]"
        if term.id != f"GL-{term.abbreviation.upper()}":
            errors.append(f"{where}.id: '{term.id}' should be 'GL-{term.abbreviation.upper()}'")
        if not re.fullmatch(r"[A-Za-z]{2,10}", term.abbreviation):
            errors.append(f"{where}.abbreviation: '{term.abbreviation}' should be letters only")
        for name in ("expansion", "definition", "note"):
            text = getattr(term, name).text if getattr(term, name) else ""
            # Material renders tooltip text as HTML in places: keep markup characters out.
            if re.search(r"[<>&\n]", text):
                errors.append(f"{where}.{name}: plain text on one line, without < > &")
        if not term.sources:
            errors.append(f"{where}.sources: name at least one source document")
        for j, ref in enumerate(term.sources):
            if ref not in source_ids:
                errors.append(f"{where}.sources[{j}]: '{ref}' is not a source document")
    return errors
