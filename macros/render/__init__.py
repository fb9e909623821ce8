"""Pure rendering helpers shared by every content kind: escaping templates and links.

Render modules (one per content kind) take typed models and return HTML/Markdown strings.
They never import MkDocs, so unit tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Compiling the templates is most of what the macros cost a build; keep the compiled code
# between builds (Jinja checks each template's modification time, so edits are picked up).
BYTECODE_CACHE = TEMPLATES.parent.parent / ".cache" / "jinja"
BYTECODE_CACHE.mkdir(parents=True, exist_ok=True)

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    bytecode_cache=FileSystemBytecodeCache(str(BYTECODE_CACHE)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def anchor(item_id: str) -> str:
    """The HTML id for an item id: "KP-1.1" → "kp-1-1" (dots would need escaping in CSS)."""
    return item_id.lower().replace(".", "-")


_env.filters["anchor"] = anchor


def template(name: str):
    """A Jinja template from macros/templates/ (autoescaped, strict about undefined names)."""
    return _env.get_template(name)


@dataclass
class Linker:
    """Makes links from the page being rendered to other pages and items.

    Links are relative so the site works at any base path and opened from disk.
    """

    page_url: str  # URL of the page being rendered, e.g. "principles/" or "principles.html"
    use_directory_urls: bool = True
    content: Any = None  # validate.Content, for links to items by id
    nav_pages: list[str] = field(default_factory=list)  # docs paths in the navigation's order

    @property
    def root(self) -> str:
        return "../" * self.page_url.count("/")

    def page(self, doc_path: str, fragment: str = "") -> str:
        """Link to a docs page given by its source path, e.g. "case-studies.md"."""
        stem = doc_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            url = stem.removesuffix("index")
            url = url if self.use_directory_urls else url + "index.html"
        else:
            url = stem + "/" if self.use_directory_urls else stem + ".html"
        return self.root + url + (f"#{fragment}" if fragment else "")

    def item(self, item_id: str) -> str:
        """Link to the place an item id (e.g. "KP-1.1") is shown."""
        page = self.content.page_of(item_id)
        if page is None:
            raise KeyError(f"no page shows the items of the file defining '{item_id}'")
        return self.page(page, anchor(item_id))

    def page_of(self, item_id: str) -> str:
        """Link to the page of an id that has a page of its own (an instrument's overview)."""
        return self.page(self.content.page_of(item_id))


_env.globals["anchor"] = anchor


def nav_paths(nav: list) -> list[str]:
    """The docs paths a MkDocs `nav` setting lists, in order (its titles and links left out)."""
    paths: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            paths.extend(nav_paths(value))
        elif isinstance(value, str) and value.endswith(".md"):
            paths.append(value)
    return paths
