"""The case studies page: a filterable index of the ten cases, then one section per case."""

from __future__ import annotations

import re

from . import template

# Characters that would start Markdown inline markup inside a heading built from data
# (the template turns < > & into entities, which Markdown leaves alone).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")


def heading_text(text: str) -> str:
    """Data text made safe for a Markdown heading: one line, inline markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _principle_title(content, principle_id: str) -> str:
    return getattr(content.get(principle_id), "title", "")


def case_studies(content, linker) -> str:
    """Filter form, index table and one section (Markdown heading for the TOC) per case.

    Every case is shown in full without JavaScript; the `iom-filter` component narrows the
    index rows and sections that carry `data-iom-filter-item`.
    """
    doc = content.docs["case-studies"]
    sources = {d.id: d for d in content.docs["sources"].documents}
    themes = {t.key: t for t in doc.themes}
    areas = {a.key: a for a in doc.areas}
    used = {p for case in doc.cases for p in case.principles.ids}
    principles = [
        {"id": p, "title": _principle_title(content, p)}
        for p in sorted(used, key=lambda p: int(p.split("-")[1]))
    ]
    return template("case_studies.html").render(
        cases=doc.cases,
        themes=themes,
        areas=areas,
        principles=principles,
        principle_titles={p["id"]: p["title"] for p in principles},
        sources=sources,
        headings={case.id: heading_text(case.title) for case in doc.cases},
        linker=linker,
    )


MACROS = {"case_studies": case_studies}
