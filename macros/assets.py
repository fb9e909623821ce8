"""Serve each page only the CSS and JavaScript it uses, minified and bundled at build time.

Pure functions over text; macros/assets_hook.py wires them into the MkDocs build.

- Stylesheets: `iom.css` (and anything else in `extra_css`) loads on every page. Each other
  stylesheet in overrides/assets/stylesheets/ belongs to one area (instrument, calculator, …)
  and is linked only from pages whose markup uses one of its `iom-` classes. The link goes
  inside the page content (a body-ok `<link>`), because the theme's instant navigation (off,
  see mkdocs.yml) swaps the content but not the `<head>`.
- Scripts: `iom.js` lists, in MODULE_SCRIPTS, the files each `data-module` needs. For each
  page, the files of all its modules are joined, in order and without repeats, into one
  minified bundle; the page content names it in `data-iom-bundle`. Each file inside a bundle
  runs at most once per page life, even if instant navigation loads a second bundle that
  repeats it. Every module also gets a bundle of its own (`bundles/part-<module>.js`) for
  code loaded only when needed (`IOM.loadPart`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable

import rcssmin
import rjsmin

_CLASS_IN_SELECTOR = re.compile(r"\.(iom-[A-Za-z0-9_-]+)")
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
_DATA_MODULE = re.compile(r'\bdata-module="([^"]+)"')
_START_TAG_WITH_MODULE = re.compile(r'<[a-z][^>]*\bdata-module="[^"]+"[^>]*>')
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*"')
_MANIFEST = re.compile(r"var MODULE_SCRIPTS = (\{.*?\n  \});", re.DOTALL)
_COMMENTS = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE_PRELUDE = re.compile(r"([^{}]+)\{")


def stylesheet_selectors(css: str) -> set[frozenset[str]]:
    """For each selector in a stylesheet, the set of our (`iom-`) classes it needs."""
    selectors = set()
    for selector_list in _RULE_PRELUDE.findall(_COMMENTS.sub("", css)):
        for selector in selector_list.split(","):
            classes = frozenset(_CLASS_IN_SELECTOR.findall(selector))
            if classes:
                selectors.add(classes)
    return selectors


def page_classes(html: str) -> set[str]:
    """Every class name used in a page's markup."""
    return {name for value in _CLASS_ATTRIBUTE.findall(html) for name in value.split()}


def stylesheets_for(html: str, sheets: dict[str, set[frozenset[str]]]) -> list[str]:
    """The area stylesheets (by name, sorted) with a selector whose classes the page all uses.

    A sheet scoped to its area (`.iom-calculator .iom-button`) is not pulled in by a page that
    only shares a generic class with it. Markup that scripts add lives inside a component
    whose own classes are in the page, so its sheet is linked too.
    """
    used = page_classes(html)
    return sorted(name for name, selectors in sheets.items() if any(s <= used for s in selectors))


def page_modules(html: str) -> list[str]:
    """The data-module names a page starts with, in document order, without repeats.

    Roots marked data-load="on-use" load their own part when first used, so they are left
    out of the page's bundle.
    """
    names = []
    for tag in _START_TAG_WITH_MODULE.findall(html):
        if 'data-load="on-use"' not in tag:
            names.extend(_DATA_MODULE.findall(tag))
    return list(dict.fromkeys(names))


def module_scripts(iom_js: str) -> dict[str, list[str]]:
    """Read the MODULE_SCRIPTS manifest (a JSON-shaped object literal) out of iom.js."""
    match = _MANIFEST.search(iom_js)
    if not match:
        raise ValueError("iom.js: cannot find 'var MODULE_SCRIPTS = {…};'")
    try:
        return json.loads(match.group(1))
    except json.JSONDecodeError as error:
        raise ValueError(f"iom.js: MODULE_SCRIPTS must stay plain JSON: {error}") from error


def bundle_files(modules: Iterable[str], manifest: dict[str, list[str]]) -> list[str]:
    """The script files a set of modules needs, in the order declared, each once."""
    files: list[str] = []
    for module in modules:
        if module not in manifest:
            raise ValueError(f"data-module '{module}' is not listed in iom.js MODULE_SCRIPTS")
        files.extend(f for f in manifest[module] if f not in files)
    return files


def bundle_name(files: list[str]) -> str:
    """A stable file name for a bundle of these files, relative to assets/javascripts/."""
    digest = hashlib.sha256("\n".join(files).encode("utf-8")).hexdigest()[:12]
    return f"bundles/{digest}.js"


def bundle_source(files: list[str], read: Callable[[str], str]) -> str:
    """One minified script running each file once per page life (guarded by its name)."""
    parts = ["window.__iomLoaded=window.__iomLoaded||{};"]
    for name in files:
        key = json.dumps(name)
        parts.append(
            f"if(!window.__iomLoaded[{key}]){{window.__iomLoaded[{key}]=1;\n{read(name)}\n}}"
        )
    return rjsmin.jsmin("\n".join(parts))


def add_to_content(html: str, stylesheet_hrefs: list[str], bundle: str | None) -> str:
    """Put the page's stylesheet links and bundle name at the start of its content."""
    match = _ARTICLE.search(html)
    if not match:
        return html
    attribute = f' data-iom-bundle="{bundle}"' if bundle else ""
    links = "".join(f'<link rel="stylesheet" href="{href}">' for href in stylesheet_hrefs)
    end = html.index(">", match.end()) + 1
    return html[: match.end()] + attribute + html[match.end() : end] + links + html[end:]


def without_manifest(iom_js: str) -> str:
    """iom.js for the built site: every page there names its bundle, so the per-file
    manifest (only needed when scripts load one by one) is dropped to save bytes."""
    if not _MANIFEST.search(iom_js):
        raise ValueError("iom.js: cannot find 'var MODULE_SCRIPTS = {…};'")
    return _MANIFEST.sub("var MODULE_SCRIPTS = {};", iom_js, count=1)


def minify_css(css: str) -> str:
    return rcssmin.cssmin(css)


def minify_js(js: str) -> str:
    return rjsmin.jsmin(js)


# ---- the theme's palette stylesheet, cut to the colours this site uses ----

_PALETTE_ATTRIBUTE = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """(prelude, body) for each top-level rule; an @media body holds rules of its own."""
    rules, depth, start, prelude_end = [], 0, 0, 0
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append((css[start:prelude_end].strip(), css[prelude_end + 1 : index]))
                start = index + 1
    return rules


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :not(…) or :is(…))."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]


def palette_subset(css: str, colours: dict[str, set[str]]) -> str:
    """The theme's palette.css without the rules for primary and accent colours not in use.

    `colours` maps "primary" and "accent" to the names the site's palette configures. The
    theme ships every colour (about 12 KB); a page only ever shows the configured ones, and
    every page carries the result (inline, see inline_stylesheets).
    """
    kept = []
    for prelude, body in _top_level_rules(css):
        if prelude.startswith("@"):
            inner = palette_subset(body, colours)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [
            s
            for s in _selectors(prelude)
            if all(name in colours[kind] for kind, name in _PALETTE_ATTRIBUTE.findall(s))
        ]
        if selectors:
            kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


# ---- small stylesheets every page loads, inlined ----

_STYLESHEET_LINK = re.compile(
    r'<link rel="stylesheet" href="[^"]*?\bassets/stylesheets/([\w.-]+\.css)">'
)


def inline_stylesheets(html: str, styles: dict[str, str]) -> str:
    """Replace the links to the named stylesheets (file name → CSS) with the CSS itself.

    Each linked stylesheet in the head holds up the first paint until it has arrived; for a
    file under a kilobyte the round trip costs more than its bytes (Lighthouse measured the
    first paint about 150 ms sooner with our two small ones inline).
    """

    def replace(match: re.Match) -> str:
        css = styles.get(match.group(1))
        return match.group(0) if css is None else f"<style>{css}</style>"

    return _STYLESHEET_LINK.sub(replace, html)
