"""Reading view of the IOM Efficiency Toolkit, phase one (ET-2018, working document)."""

from __future__ import annotations

import re

from . import template

SOURCE_ID = "ET-2018"
REVIEW_INSTRUMENT = "efficiency-review-2018"  # the form built on the key questions
CASE_STUDIES_PAGE = "case-studies.md"

# Characters that would start Markdown inline markup inside a heading built from data
# ("<" and ">" are escaped by the template as entities, which Markdown leaves alone).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
# A point that carries its own letter as published: "a) …" or "(a) …".
_LETTERED = re.compile(r"^\(?[a-z]\)\s")


def heading_text(text: str) -> str:
    """Data text made safe for a Markdown heading: one line, inline markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def slug(text: str) -> str:
    """An anchor fragment from heading text: "Who?" → "who"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def lettered(points) -> bool:
    """True when every point starts with its own published letter, so no bullet is needed."""
    return bool(points) and all(_LETTERED.match(point.text) for point in points)


def _case_links(content, linker, doc) -> dict[str, str]:
    """Link for each case study title the toolkit names: to the case itself when
    data/case-studies.yml has it (matched by title), otherwise to the case studies page."""
    cases = getattr(content.docs.get("case-studies"), "cases", [])
    by_title = {
        " ".join(case.title.lower().split()): case for case in cases if case.source.doc == SOURCE_ID
    }
    titles = [doc.framework.case_study] + [theme.case_study for theme in doc.themes]
    links = {}
    for title in filter(None, titles):
        case = by_title.get(" ".join(title.lower().split()))
        shown = case is not None and content.page_of(case.id) is not None
        links[title] = linker.item(case.id) if shown else linker.page(CASE_STUDIES_PAGE)
    return links


def _alternative_link(linker, alternative) -> str:
    return linker.page_of(alternative.ref) if alternative.ref else linker.page(alternative.page)


def _render(content, linker, part: str) -> str:
    doc = content.docs["efficiency-toolkit"]
    sources = {d.id: d for d in content.docs["sources"].documents}
    headings = {theme.id: heading_text(theme.title) for theme in doc.themes}
    for theme in doc.themes:
        headings.update({e.id: heading_text(e.title) for e in theme.examples})
    headings.update({o.id: heading_text(o.title) for o in doc.not_reproduced})
    return template("efficiency_toolkit.html").render(
        part=part,
        doc=doc,
        source=sources[SOURCE_ID],
        headings=headings,
        themes={theme.id: theme for theme in doc.themes},
        levels={level.id: level for level in doc.framework.levels},
        case_links=_case_links(content, linker, doc),
        case_studies_link=linker.page(CASE_STUDIES_PAGE),
        review_link=linker.page_of(REVIEW_INSTRUMENT),
        alternative_links={
            o.id: _alternative_link(linker, o.alternative) for o in doc.not_reproduced
        },
        lettered=lettered,
        slug=slug,
        linker=linker,
    )


def toolkit_status(content, linker) -> str:
    """A note that the source is a working document, with its version and date."""
    return _render(content, linker, "status")


def toolkit_about(content, linker) -> str:
    """What the document is (our words) and its purpose (as published)."""
    return _render(content, linker, "about")


def toolkit_framework(content, linker) -> str:
    """The three levels and the four efficiency lenses."""
    return _render(content, linker, "framework")


def toolkit_themes(content, linker) -> str:
    """Each theme: introduction, practical examples and key questions with ids and anchors."""
    return _render(content, linker, "themes")


def toolkit_not_reproduced(content, linker) -> str:
    """Annex A and Phase two: what the source says of them and this site's own versions."""
    return _render(content, linker, "not_reproduced")


MACROS = {
    "toolkit_status": toolkit_status,
    "toolkit_about": toolkit_about,
    "toolkit_framework": toolkit_framework,
    "toolkit_themes": toolkit_themes,
    "toolkit_not_reproduced": toolkit_not_reproduced,
}
