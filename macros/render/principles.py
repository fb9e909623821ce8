"""Reading views of the two principle frameworks: Key Principles 2015 and the Self Assessment
Tool (c. 2010)."""

from __future__ import annotations

import re

from . import template

ASSESS_INSTRUMENT = "self-assessment-2010"  # the form built on the Self Assessment Tool
CROSSWALK_PAGE = "crosswalk.md"

# Characters that would start Markdown inline markup inside a heading built from data.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")


def markdown_heading_text(text: str) -> str:
    """Data text made safe for a Markdown heading: one line, inline markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def crosswalk_anchor(sa_id: str) -> str:
    """The anchor of an SA principle's section on the crosswalk page: "SA-1" → "map-sa-1"."""
    return "map-" + sa_id.lower()


def _mapped_from(content) -> dict[str, list]:
    """For each KP principle id, the SA principles the crosswalk maps to it (if any)."""
    crosswalk = content.docs.get("crosswalk")
    mapped: dict[str, list] = {}
    if crosswalk is None:
        return mapped
    for mapping in crosswalk.mappings:
        for target in mapping.key_principles:
            mapped.setdefault(target.ref, []).append(content.get(mapping.principle))
    return mapped


def kp_introduction(content, linker) -> str:
    """The introduction of the Key Principles, its six straplines linked to their principles."""
    doc = content.docs["principles-2015"]
    return template("principles_2015.html").render(
        part="introduction", intro=doc.introduction, linker=linker
    )


def kp_principles(content, linker) -> str:
    """Each Key Principle as a section: statement, points, key delivery elements with anchors."""
    doc = content.docs["principles-2015"]
    mapped = _mapped_from(content)
    return template("principles_2015.html").render(
        part="principles",
        principles=doc.principles,
        headings={p.id: markdown_heading_text(p.title) for p in doc.principles},
        mapped_from={p.id: mapped.get(p.id, []) for p in doc.principles},
        linker=linker,
    )


def _sa(content, linker, part: str) -> str:
    doc = content.docs["self-assessment"]
    return template("self_assessment.html").render(
        part=part,
        doc=doc,
        headings={p.id: markdown_heading_text(p.title) for p in doc.principles},
        rating_levels=content.get(doc.rating.scale).levels,
        assess_link=linker.page_of(ASSESS_INSTRUMENT),
        crosswalk_link=lambda sa_id: linker.page(CROSSWALK_PAGE, crosswalk_anchor(sa_id)),
        linker=linker,
    )


def sa_introduction(content, linker) -> str:
    """The Self Assessment Tool's introduction and how its rating and evidence box work."""
    return _sa(content, linker, "introduction")


def sa_principles(content, linker) -> str:
    """Each SA principle as a section with its elements, criteria and a link to rate them."""
    return _sa(content, linker, "principles")


MACROS = {
    "kp_introduction": kp_introduction,
    "kp_principles": kp_principles,
    "sa_introduction": sa_introduction,
    "sa_principles": sa_principles,
}
