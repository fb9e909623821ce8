"""The board report of an instrument: one page per instrument, written by the build beside
its section pages (assess/<id>/report/), made in the browser from the saved assessment, not
by printing the form.

The page carries what the script needs and nothing it would have to fetch: the instrument
(the same JSON block as the form's), the guidance for each gap (guidance.py, built here from
data/), the report's stylesheet as text for the standalone HTML download, and every word it
shows. Without JavaScript, or with nothing saved, it says plainly that it needs saved answers
and links to the form.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..assets import minify_css
from ..models.instrument import scale_of
from . import template
from .guidance import instrument_guidance
from .instrument import (
    STORAGE_PREFIX,
    _call,
    _form_info,
    instrument_doc,
    overview_page,
    report_page,
    shown_sections,
)
from .principles import markdown_heading_text
from .sources import page_sources

# The report's stylesheet: linked from the page (an area stylesheet) and, minified, put in the
# page as text, which the standalone HTML download inlines (it must open with no other file).
REPORT_CSS = Path(__file__).resolve().parents[2] / "overrides/assets/stylesheets/report.css"
# The documents the guidance beside each gap draws on, after the instrument's own.
GUIDANCE_SOURCES = ("KP-2015", "EPG-2020", "ET-2018")


def report_pages(content) -> dict[str, str]:
    """Every instrument's report page (docs path → Markdown), for the build."""
    return {
        report_page(doc): _call("instrument_report", doc.id)
        for doc in content.instruments().values()
    }


def instrument_report(content, linker, instrument_id: str) -> str:
    """A whole report page: its title, sources, the report's root and everything it reads."""
    doc = instrument_doc(content, instrument_id)
    sections = shown_sections(content, linker, doc)
    docs = list(dict.fromkeys([doc.source.doc, *GUIDANCE_SOURCES]))
    return template("instrument_report.html").render(
        doc=doc,
        title=markdown_heading_text(doc.title),
        sources_line=Markup(page_sources(content, linker, *docs)),
        info=_form_info(content, linker, doc, sections, overview=True),
        guidance=instrument_guidance(content, linker, doc),
        css=minify_css(REPORT_CSS.read_text(encoding="utf-8")),
        overview=linker.page(overview_page(doc)),
        na_reason_label=scale_of(doc, content).not_applicable.reason_label,
        storage_prefix=STORAGE_PREFIX,
        linker=linker,
    )


MACROS = {"instrument_report": instrument_report}
