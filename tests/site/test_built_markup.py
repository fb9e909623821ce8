"""Over every built page: heading permalinks carry a name of their own and no title, and each
glossary abbreviation is marked once (its first use).

Titles matter because the theme's content.tooltips feature mounts a tooltip on every element
in the content that has one; the pages stay light by keeping titles to first abbreviations.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Each heading permalink with its heading's text, and the text of each glossary abbr."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.permalinks: list[tuple[dict, str]] = []  # (attributes, heading text)
        self.abbrs: list[tuple[dict, str]] = []
        self.stack: list[str] = []
        self.heading_text: list[str] | None = None
        self.heading_links: list[dict] = []
        self.abbr_text: list[str] | None = None
        self.skip_depth: int | None = None  # inside a permalink or aria-hidden: not heading text
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in HEADINGS:
            self.heading_text, self.heading_links = [], []
        if tag == "a" and "headerlink" in (attrs.get("class") or "").split():
            self.heading_links.append(attrs)
            if self.heading_text is None:
                self.permalinks.append((attrs, ""))
        if tag == "abbr" and "iom-abbr" in (attrs.get("class") or "").split():
            self.abbrs.append((attrs, ""))
            self.abbr_text = []
        if tag in VOID:
            return
        self.stack.append(tag)
        hidden = "headerlink" in (attrs.get("class") or "") or attrs.get("aria-hidden") == "true"
        if hidden and self.skip_depth is None:
            self.skip_depth = len(self.stack)

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack and self.stack.pop() != tag:
            pass
        if self.skip_depth is not None and len(self.stack) < self.skip_depth:
            self.skip_depth = None
        if tag in HEADINGS and self.heading_text is not None:
            text = " ".join("".join(self.heading_text).split())
            self.permalinks.extend((attrs, text) for attrs in self.heading_links)
            self.heading_text = None
        if tag == "abbr" and self.abbr_text is not None:
            self.abbrs[-1] = (self.abbrs[-1][0], "".join(self.abbr_text))
            self.abbr_text = None

    def handle_data(self, data):
        if self.heading_text is not None and self.skip_depth is None:
            self.heading_text.append(data)
        if self.abbr_text is not None:
            self.abbr_text.append(data)


def _pages(built_site):
    for path in sorted(built_site.rglob("*.html")):
        yield str(path.relative_to(built_site)), Page(path.read_text(encoding="utf-8"))


def test_every_heading_permalink_is_named_after_its_heading_and_has_no_title(built_site):
    problems, count = [], 0
    for name, page in _pages(built_site):
        labels = []
        for attrs, heading in page.permalinks:
            count += 1
            label = attrs.get("aria-label") or ""
            labels.append(label)
            if "title" in attrs:
                problems.append(f"{name}: {attrs.get('href')} has a title")
            expected = f"Link to this section: {heading}"
            if not heading or not (label == expected or label.startswith(expected + " (")):
                problems.append(f"{name}: {attrs.get('href')} is labelled {label!r}")
        repeated = [label for label, n in Counter(labels).items() if n > 1]
        if repeated:
            problems.append(f"{name}: permalink names repeat: {repeated}")
    assert count > 200, f"only {count} heading permalinks found: is the toc permalink on?"
    assert not problems, "\n".join(problems[:30])


def test_each_abbreviation_is_marked_once_per_page_with_a_link(built_site):
    problems, count = [], 0
    for name, page in _pages(built_site):
        words = Counter(text.removesuffix("s") or text for _, text in page.abbrs)
        count += len(page.abbrs)
        problems += [f"{name}: {word} marked {n} times" for word, n in words.items() if n > 1]
        problems += [
            f"{name}: {text} has no title" for attrs, text in page.abbrs if "title" not in attrs
        ]
    assert count > 20, f"only {count} glossary abbreviations marked on the whole site"
    assert not problems, "\n".join(problems[:30])


def test_small_global_stylesheets_are_inline_on_every_page(built_site):
    """iom.css and the theme's palette (cut to our colours) sit in each page's head, so the
    first paint waits for one stylesheet (the theme's main.css), not three."""
    iom_rule = ".md-footer-meta"  # a rule from overrides/assets/stylesheets/iom.css
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert "stylesheets/palette." not in html, path
        assert "stylesheets/iom.css" not in html, path
        assert "[data-md-color-scheme=slate]" in head, path
        assert "[data-md-color-primary=indigo]" in head, path
        assert "[data-md-color-primary=red]" not in head, path
        assert iom_rule in head, path


def test_every_script_file_is_deferred_and_the_theme_runs_before_ours(built_site):
    """The browser parses and paints each page without waiting for a script file
    (overrides/main.html); deferred scripts run in order, so the theme's bundle still runs
    before iom.js. Scripts a page adds later (its component bundle) are not in the markup."""
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        sources = [re.search(r'src="([^"]+)"', tag).group(1) for tag in tags]
        assert [s.rsplit("/", 1)[-1].split(".")[0] for s in sources] == ["bundle", "iom"], path
        assert all(" defer " in tag for tag in tags), (path, tags)


def test_the_theme_palette_component_and_its_page_restyles_are_gone(built_site):
    """The light/dark switch is ours (partials/javascripts/palette.html): the theme's palette
    component re-styled the whole page four times on each load."""
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="palette"' not in html, path
        assert html.count('<form class="md-header__option" data-iom-palette>') == 1, path
        assert 'getItem(t.pathname+"."+e)' in html.split("</head>", 1)[0], path  # __md_get
