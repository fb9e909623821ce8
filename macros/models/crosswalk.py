"""How the Self Assessment Tool's five principles (c. 2010) map to the other frameworks.

For each SA principle: the Key Principles (2015) it corresponds to, the findings of the 2019
joint thematic inspection (Effective Practice Guide, 2020) and the Efficiency Toolkit themes
(c. 2010–11), each with a short reason in our own words. A link is our judgement (`ours:
true`) and quotes the passages of both documents its reason rests on. Every id is a Ref, so
the validator proves it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import Ref
from .paraphrase import Excerpt, Paraphrase, Paraphrased

FILE = "crosswalk"
PAGE = "crosswalk.md"


@dataclass
class Link(Paraphrased):
    ref: Ref  # the item mapped to: KP-n, EPG-Fnn or ET-n
    reason: str  # why, in our own words
    via: list[Ref] = field(default_factory=list)  # the closest specific items, e.g. KP-6.1
    quote: list[Excerpt] = field(default_factory=list)  # passages of both documents
    ours: bool = False  # a mapping is our reading: true for every link


@dataclass
class Mapping:
    principle: Ref  # SA-n
    key_principles: list[Link]
    inspection_findings: list[Link]
    efficiency_themes: list[Link]


@dataclass
class Document:
    introduction: list[Paraphrase]  # our own words
    mappings: list[Mapping]


# What each list may point at (the `ref`), and what its `via` items must belong to.
TARGETS = {
    "key_principles": r"KP-\d+",
    "inspection_findings": r"EPG-F\d\d",
    "efficiency_themes": r"ET-\d+",
}


def check(doc: Document, content) -> list[str]:
    """Every SA principle mapped once, in order; each list points only at its own kind."""
    errors = []
    sa_ids = [p.id for p in content.docs["self-assessment"].principles]
    mapped = [m.principle for m in doc.mappings]
    if mapped != sa_ids:
        errors.append(f"mappings: expected one per SA principle in order {sa_ids}, got {mapped}")
    for i, mapping in enumerate(doc.mappings):
        for name, pattern in TARGETS.items():
            links = getattr(mapping, name)
            if not links:
                errors.append(f"mappings[{i}].{name}: map {mapping.principle} to at least one")
            refs = [link.ref for link in links]
            if len(set(refs)) != len(refs):
                errors.append(f"mappings[{i}].{name}: an id is listed twice: {refs}")
            for j, link in enumerate(links):
                where = f"mappings[{i}].{name}[{j}]"
                if not re.fullmatch(pattern, link.ref):
                    errors.append(f"{where}.ref: '{link.ref}' does not belong in {name}")
                if not link.ours:
                    errors.append(f"{where}.ours: a mapping is our reading; set `ours: true`")
                errors.extend(_unquoted_sides(where, mapping.principle, link, content))
                for k, via in enumerate(link.via):
                    if not via.startswith(link.ref + "."):
                        errors.append(f"{where}.via[{k}]: '{via}' is not part of {link.ref}")
    return errors


def _unquoted_sides(where: str, principle: str, link: Link, content) -> list[str]:
    """A link's reason rests on both documents: it quotes the tool and the item's document."""
    docs = {excerpt.doc for excerpt in link.quote}
    needed = [_document_of(principle, content), _document_of(link.ref, content)]
    return [
        f"{where}.quote: quote {doc} too (the reason rests on both documents)"
        for doc in dict.fromkeys(needed)
        if doc and doc not in docs
    ]


def _document_of(item_id: str, content) -> str | None:
    source = getattr(content.get(item_id), "source", None)
    return getattr(source, "doc", None)
