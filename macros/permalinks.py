"""Name each heading permalink after its heading, with `aria-label` instead of `title`.

The Markdown `toc` extension ends every heading with `<a class="headerlink" title="…">¶</a>`.
The theme's `content.tooltips` feature mounts a tooltip, with its own observers, on every
element in the content that has a `title`, which costs noticeable main-thread time on pages
with many headings. A screen reader also hears the same name ("Link to this section") for
each of them. This pass drops the `title` and gives each permalink an `aria-label` naming its
heading: "Link to this section: Key delivery elements". Where two headings on a page read
the same, the label adds the heading they sit under, so every permalink has its own name.

The HTML is read with the standard library's tokenizer; only the permalinks' start tags are
rewritten, everything else is copied through unchanged. Nothing here imports MkDocs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape, unescape

from macros.html_rewrite import OpenElements

CLASS = "headerlink"
DEFAULT_PREFIX = "Link to this section"
HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass
class _Permalink:
    index: int  # where its start tag sits in the output
    attrs: list[tuple[str, str | None]]
    prefix: str
    heading: str = ""
    parent: str = ""  # text of the nearest enclosing heading of a higher level


def _is_permalink(tag: str, attrs) -> bool:
    return tag == "a" and CLASS in (dict(attrs).get("class") or "").split()


def _start_tag(tag: str, attrs) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


class _Namer(OpenElements):
    def __init__(self):
        super().__init__()
        self.permalinks: list[_Permalink] = []
        self.outline: dict[int, str] = {}  # level → text of the latest heading at that level
        self.heading: tuple[int, list[str]] | None = None  # open heading: level, its text
        self.permalink: _Permalink | None = None  # the permalink inside the open heading

    def handle_starttag(self, tag, attrs):
        if _is_permalink(tag, attrs):
            prefix = dict(attrs).get("title") or DEFAULT_PREFIX
            kept = [(name, value) for name, value in attrs if name not in {"title", "aria-label"}]
            permalink = _Permalink(len(self.out), kept, prefix)
            self.permalinks.append(permalink)
            self.out.append("")  # filled in once every heading on the page is known
            if self.heading and not self.permalink:
                self.permalink = permalink
        else:
            super().handle_starttag(tag, attrs)
        if tag in HEADINGS and self.heading is None:
            self.heading = (HEADINGS[tag], [])
        # Text inside the permalink or an aria-hidden element is left out of heading names.
        self.opened(tag, _is_permalink(tag, attrs) or dict(attrs).get("aria-hidden") == "true")

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if self.heading and HEADINGS.get(tag) == self.heading[0]:
            self._close_heading()

    def _close_heading(self):
        level, parts = self.heading
        text = " ".join("".join(parts).split())
        parents = [self.outline[n] for n in sorted(self.outline) if n < level]
        if self.permalink:
            self.permalink.heading = text
            self.permalink.parent = parents[-1] if parents else ""
        self.outline = {n: t for n, t in self.outline.items() if n < level}
        self.outline[level] = text
        self.heading = None
        self.permalink = None

    def _text(self, text: str):
        if self.heading and not self.flagged:
            self.heading[1].append(text)

    def handle_data(self, data):
        super().handle_data(data)
        self._text(data)

    def handle_entityref(self, name):
        super().handle_entityref(name)
        self._text(unescape(f"&{name};"))

    def handle_charref(self, name):
        super().handle_charref(name)
        self._text(unescape(f"&#{name};"))

    def finish(self) -> None:
        counts = Counter(p.heading for p in self.permalinks)
        for p in self.permalinks:
            label = p.prefix
            if p.heading:
                label = f"{p.prefix}: {p.heading}"
                if counts[p.heading] > 1 and p.parent:
                    label += f" ({p.parent})"
            self.out[p.index] = _start_tag("a", [*p.attrs, ("aria-label", label)])


def name_permalinks(html: str) -> str:
    """Return `html` with every heading permalink named by `aria-label` and without `title`.

    The label is the permalink's old title (or "Link to this section"), a colon and the
    heading's text; a heading whose text repeats on the page also names its parent heading.
    """
    return _Namer().rewrite(html)
