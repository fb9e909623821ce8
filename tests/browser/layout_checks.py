"""Checks of WCAG criteria axe does not test, run in the page: reflow (1.4.10), text spacing
(1.4.12) and target size (2.5.8). The checks are JavaScript files in checks/, evaluated on the
page as it is; each returns readable findings for the failure message.
"""

from __future__ import annotations

from pathlib import Path

CHECKS = Path(__file__).parent / "checks"

REFLOW_WIDTH = 320
"""CSS px: 1280 px at 400% zoom, the width WCAG 1.4.10 asks content to fit."""

TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
"""The WCAG 1.4.12 metrics, as a user stylesheet or bookmarklet applies them."""

SHORTENED = ".md-header__topic"
"""Text that may end in an ellipsis: the theme's header repeats the site name and the page's
heading, which are on the page in full (the menu's title, the h1)."""

CHARTS = "[data-chart], [data-heatmap]"
"""The charts: canvases the components draw into, and the survey's SVGs (their text is
checked on its own)."""


# Back to the top of the page, then wait for what scrolling set off to end (the header
# swaps the page title for the site name with a transition).
_TO_TOP = """async () => {
  scrollTo(0, 0);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map((a) => a.finished.catch(() => null)));
}"""


def _script(name: str) -> str:
    return (CHECKS / name).read_text(encoding="utf-8")


def reflow(page) -> dict:
    """{scrollWidth, width, unnamedScrollers, sticksOut} of the page as it is now."""
    return page.evaluate(_script("reflow.js"))


RENDER_ALL_CSS = "* { content-visibility: visible !important; }"
"""Parts with `content-visibility: auto` (combine's large tables) are drawn once they near the
screen, at their own size; off screen they keep a placeholder's, which the text they would
hold overruns. The text checks draw every part, as a reader finds each one on scrolling to it."""


def text_boxes(page, part: str = "page", within: str | None = None) -> dict:
    """{clipped, overlaps}: findings for the page's text ("page") or its charts' ("charts").

    Measured from the top of the page, where the theme's sticky header covers nothing, with
    every part drawn (RENDER_ALL_CSS).
    `within`: a CSS selector to check only the text inside it.
    """
    page.add_style_tag(content=RENDER_ALL_CSS)
    page.evaluate(_TO_TOP)
    options = {"charts": CHARTS, "part": part, "within": within, "shortened": SHORTENED}
    return page.evaluate(_script("text-boxes.js"), options)


def small_targets(page, within: str | None = None) -> list[str]:
    """Pointer targets under 24×24 CSS px that are too close to another target.

    `within`: a CSS selector to check only the targets inside it (all targets are neighbours).
    """
    return page.evaluate(_script("target-size.js"), within)


def apply_text_spacing(page) -> None:
    """Apply the 1.4.12 spacing as a user stylesheet would, and let the page lay out again."""
    page.add_style_tag(content=TEXT_SPACING_CSS)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")


def chart_text(page) -> list[dict]:
    """Each text drawn in a chart: {chart, text, px} (its size on the screen, in CSS px)."""
    return page.evaluate(_script("chart-text.js"), CHARTS)
