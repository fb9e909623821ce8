"""Reading view of HM Inspectorate of Probation's Effective Practice Guide (February 2020)."""

from __future__ import annotations

import re

from . import template

ASSESS_INSTRUMENT = "inspection-readiness-2020"  # the form built on the ten findings
CASE_STUDIES_PAGE = "case-studies.md"
FINDINGS_ANCHOR = "inspection-findings"

# Characters that would start Markdown inline markup inside a heading built from data.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|<>])")


def heading_text(text: str) -> str:
    """Data text made safe for a Markdown heading: one line, inline markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def heading_id(anchor_id: str) -> str:
    """A Markdown attribute list giving a heading its id; built here because `{#` starts a
    Jinja comment inside templates."""
    return "{#" + anchor_id + "}"


def _guide_case_studies(content) -> list:
    """Case studies drawn from this guide, when data/case-studies.yml exists (else none)."""
    cases = getattr(content.docs.get("case-studies"), "cases", [])
    return [case for case in cases if case.source.doc == "EPG-2020"]


def effective_practice_guide(content, linker) -> str:
    """The whole guide: Markdown headings for the table of contents, HTML for the items."""
    guide = content.docs["effective-practice"]
    return template("effective_practice.html").render(
        guide=guide,
        stage_headings={s.id: heading_text(s.title) for s in guide.casework.stages},
        assess_link=linker.page_of(ASSESS_INSTRUMENT),
        case_studies_link=linker.page(CASE_STUDIES_PAGE),
        case_studies=_guide_case_studies(content),
        findings_anchor=FINDINGS_ANCHOR,
        heading_id=heading_id,
        heading_text=heading_text,
        linker=linker,
    )


def epg_findings(content, linker) -> str:
    """Only the ten inspection findings, each with its id, linked to its place in the guide."""
    guide = content.docs["effective-practice"]
    return template("effective_practice_findings.html").render(
        findings=guide.inspection.findings, linker=linker, linked=True
    )


MACROS = {"effective_practice_guide": effective_practice_guide, "epg_findings": epg_findings}
