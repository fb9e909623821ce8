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
class ElementLink(Paraphrased):
    """One of the tool's elements matched to one 2015 delivery element or inspection finding,
    where the two documents' words clearly correspond (the guidance beside a report's gaps)."""

    item: Ref  # SA-n.m, an element of the mapping's principle
    ref: Ref  # KP-n.m (a `via` item of this mapping) or EPG-Fnn (one of its findings)
    reason: str  # why, in our own words
    quote: list[Excerpt] = field(default_factory=list)  # passages of both documents
    ours: bool = False  # a mapping is our reading: true for every link


@dataclass
class Mapping:
    principle: Ref  # SA-n
    key_principles: list[Link]
    inspection_findings: list[Link]
    efficiency_themes: list[Link]
    # Element-level links, only where the documents' words clearly support them; the
    # principle-level links above stand for every element without one.
    elements: list[ElementLink] = field(default_factory=list)


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
        errors.extend(_element_errors(i, mapping, content))
    return errors


def _element_errors(i: int, mapping: Mapping, content) -> list[str]:
    """An element link refines its mapping: an element of the principle, matched to an item
    the principle's own links already name (a `via` delivery element or a finding)."""
    errors = []
    named = {via for link in mapping.key_principles for via in link.via}
    named |= {link.ref for link in mapping.inspection_findings}
    pairs = [(e.item, e.ref) for e in mapping.elements]
    if len(set(pairs)) != len(pairs):
        errors.append(f"mappings[{i}].elements: a pair is listed twice")
    for j, element in enumerate(mapping.elements):
        where = f"mappings[{i}].elements[{j}]"
        if not element.item.startswith(mapping.principle + "."):
            errors.append(
                f"{where}.item: '{element.item}' is not an element of {mapping.principle}"
            )
        if element.ref not in named:
            errors.append(
                f"{where}.ref: '{element.ref}' is neither a `via` delivery element nor an "
                f"inspection finding of {mapping.principle}'s mapping"
            )
        if not element.ours:
            errors.append(f"{where}.ours: a mapping is our reading; set `ours: true`")
        errors.extend(_unquoted_sides(where, element.item, element, content))
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
