"""How the Self Assessment Tool's five principles (c. 2010) map to the later frameworks.

For each SA principle: the Key Principles (2015) it corresponds to, the findings of the 2019
joint thematic inspection (Effective Practice Guide, 2020) and the Efficiency Toolkit themes
(2018), each with a short reason in our own words. Every id is a Ref, so the validator proves
it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import Ref

FILE = "crosswalk"
PAGE = "crosswalk.md"


@dataclass
class Link:
    ref: Ref  # the item mapped to: KP-n, EPG-Fnn or ET-n
    reason: str  # why, in our own words
    via: list[Ref] = field(default_factory=list)  # the closest specific items, e.g. KP-6.1


@dataclass
class Mapping:
    principle: Ref  # SA-n
    key_principles: list[Link]
    inspection_findings: list[Link]
    efficiency_themes: list[Link]


@dataclass
class Document:
    introduction: list[str]  # our own words
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
                for k, via in enumerate(link.via):
                    if not via.startswith(link.ref + "."):
                        errors.append(f"{where}.via[{k}]: '{via}' is not part of {link.ref}")
    return errors
