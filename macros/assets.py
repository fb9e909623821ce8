"""Serve each page only the CSS and JavaScript it uses, minified and bundled at build time.

Pure functions over text; the build extension (macros/extension.py) calls them.

- Stylesheets: `iom.css` (and anything else in `extra_css`) and the theme's palette, cut to
  our colours, go inline in every page's head. Each other stylesheet in
  overrides/assets/stylesheets/ belongs to one area (instrument, calculator, …) and is linked
  only from pages whose markup uses one of its `iom-` classes, at the start of the page content:
  the header and navigation paint without waiting for it (a link in the head would hold up the
  whole first paint, see CONTRIBUTING "Measuring").
- Scripts: overrides/assets/javascripts/modules.json lists the files each `data-module` needs.
  For each page, the files of all its modules are joined, in order and without repeats, into
  one minified bundle that the page content names in `data-iom-bundle`. Every module also gets
  a bundle of its own (`bundles/part-<module>.js`) for code loaded only when needed
  (`IOM.loadPart`).

Pages are read with the standard library's tokenizer (macros/html_rewrite.py), not with
regular expressions over markup; what is not rewritten is copied through unchanged.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import rcssmin
import rjsmin

from macros.html_rewrite import CopyThrough

_CLASS_IN_SELECTOR = re.compile(r"\.(iom-[A-Za-z0-9_-]+)")
_COMMENTS = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE_PRELUDE = re.compile(r"([^{}]+)\{")
CONTENT_CLASS = "md-content__inner"  # the theme's <article> holding the page content


def _split_top_level(text: str) -> list[str]:
    """`text` split at the commas outside parentheses: `:is(.a, .b) .c, .d` → two selectors."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _outside_parentheses(selector: str) -> tuple[str, list[tuple[str, str]]]:
    """The selector without its `( … )` groups, and each top-level group as (the pseudo-class
    before it, its text): `.a:not(.b)` → (".a", [(":not", ".b")])."""
    outside, groups, depth, start = [], [], 0, 0
    for index, char in enumerate(selector):
        if char == "(":
            if depth == 0:
                before = selector[start:index]
                pseudo = before[before.rfind(":") :] if ":" in before else ""
                outside.append(before[: len(before) - len(pseudo)])
                start = index + 1
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                groups.append((pseudo, selector[start:index]))
                start = index + 1
    outside.append(selector[start:])
    return "".join(outside), groups


def _classes_needed(selector: str) -> list[frozenset[str]]:
    """The class sets any one of which lets `selector` match on a page: its classes, where
    those of a `:is()` or `:where()` with several choices count as one choice each. The
    classes of `:has()` and `:not()` count as needed: a sheet whose rule says
    `html:not(.iom-js) .iom-js-only` is not for every page that has `.iom-js-only` (iom.css
    carries that rule)."""
    outside, groups = _outside_parentheses(selector)
    required = set(_CLASS_IN_SELECTOR.findall(outside))
    choices = []
    for pseudo, group in groups:
        alternatives = _split_top_level(group)
        if pseudo not in (":is", ":where") or len(alternatives) == 1:
            required.update(_CLASS_IN_SELECTOR.findall(group))
        else:
            choices.extend(alternatives)
    if required:
        return [frozenset(required)]
    return [needed for alternative in choices for needed in _classes_needed(alternative)]


def stylesheet_selectors(css: str) -> set[frozenset[str]]:
    """For each selector in a stylesheet, the set of our (`iom-`) classes it needs."""
    selectors = set()
    for selector_list in _RULE_PRELUDE.findall(_COMMENTS.sub("", css)):
        for selector in _split_top_level(selector_list):
            selectors.update(_classes_needed(selector))
    return selectors


def stylesheets_for(used: set[str], sheets: dict[str, set[frozenset[str]]]) -> list[str]:
    """The area stylesheets (by name, sorted) with a selector whose classes the page all uses.

    A sheet scoped to its area (`.iom-calculator .iom-button`) is not pulled in by a page that
    only shares a generic class with it. Markup that scripts add lives inside a component
    whose own classes are in the page, so its sheet is linked too.
    """
    return sorted(name for name, selectors in sheets.items() if any(s <= used for s in selectors))


def read_manifest(text: str, shown: str = "modules.json") -> dict[str, list[str]]:
    """The module manifest: for each `data-module`, its script files in order."""
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{shown}: not valid JSON: {error}") from error
    valid = isinstance(manifest, dict) and all(
        isinstance(files, list) and all(isinstance(f, str) for f in files)
        for files in manifest.values()
    )
    if not valid:
        raise ValueError(f'{shown}: should map each module to a list of files: {{"iom-x": [...]}}')
    return manifest


def bundle_files(modules: Iterable[str], manifest: dict[str, list[str]]) -> list[str]:
    """The script files a set of modules needs, in the order declared, each once."""
    files: list[str] = []
    for module in modules:
        if module not in manifest:
            raise ValueError(f"data-module '{module}' is not listed in modules.json")
        files.extend(f for f in manifest[module] if f not in files)
    return files


def bundle_name(files: list[str]) -> str:
    """A stable file name for a bundle of these files, relative to assets/javascripts/."""
    digest = hashlib.sha256("\n".join(files).encode("utf-8")).hexdigest()[:12]
    return f"bundles/{digest}.js"


def bundle_source(files: list[str], read: Callable[[str], str]) -> str:
    """One minified script running each file at most once per page (guarded by its name).

    A part loaded on demand repeats files the page's bundle already ran ("Clear all my data"
    needs `lib/store.js` and `components/ui.js` too); run again, a file would replace the
    state other files hold, such as `IOM.lib.store`.
    """
    parts = ["window.__iomLoaded=window.__iomLoaded||{};"]
    for name in files:
        key = json.dumps(name)
        parts.append(
            f"if(!window.__iomLoaded[{key}]){{window.__iomLoaded[{key}]=1;\n{read(name)}\n}}"
        )
    return rjsmin.jsmin("\n".join(parts))


@dataclass
class PageAssets:
    """What one built page needs: its area stylesheets and its script bundle's files."""

    html: str
    stylesheets: list[str] = field(default_factory=list)
    bundle: str | None = None
    files: list[str] = field(default_factory=list)


class _AssetPass(CopyThrough):
    """Reads a built page: the classes it uses, the modules it starts, where its content
    starts; swaps links to small global stylesheets for the CSS itself."""

    def __init__(self, inline: dict[str, str]):
        super().__init__()
        self.inline = inline
        self.classes: set[str] = set()
        self.modules: list[str] = []
        self.content_start: int | None = None  # index in `out` of the content's start tag
        self.content_tag = ""

    def handle_starttag(self, tag, attrs):
        if not self._inlined(tag, attrs):
            self._read(tag, attrs)
            super().handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        if not self._inlined(tag, attrs):
            self._read(tag, attrs)
            super().handle_startendtag(tag, attrs)

    def _read(self, tag, attrs):
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        self.classes.update(classes)
        module = values.get("data-module")
        if module and values.get("data-load") != "on-use":
            # Roots marked data-load="on-use" load their own part when first used.
            self.modules.append(module)
        if tag == "article" and CONTENT_CLASS in classes and self.content_start is None:
            self.content_start = len(self.out)
            self.content_tag = self.get_starttag_text()

    def _inlined(self, tag, attrs) -> bool:
        values = dict(attrs)
        if tag != "link" or values.get("rel") != "stylesheet":
            return False
        href = values.get("href") or ""
        css = self.inline.get(href.rsplit("/", 1)[-1]) if "assets/stylesheets/" in href else None
        if css is None:
            return False
        self.out.append(f"<style>{css}</style>")
        return True


def page_assets(
    html: str,
    sheets: dict[str, set[frozenset[str]]],
    manifest: dict[str, list[str]],
    inline: dict[str, str],
    root: str,
) -> PageAssets:
    """A built page with its small global stylesheets inline, and, at the start of its content,
    the links to its area stylesheets and the name of its script bundle.

    Args:
        sheets: each area stylesheet's selectors (stylesheet_selectors), by name.
        manifest: modules.json.
        inline: CSS to put inline, by the file name of the stylesheet it replaces.
        root: the way from the page to the site's root ("../../").
    """
    reader = _AssetPass(inline)
    out = reader.rewrite(html)
    names = stylesheets_for(reader.classes, sheets)
    files = bundle_files(dict.fromkeys(reader.modules), manifest)
    bundle = bundle_name(files) if files else None
    if reader.content_start is not None:
        start = reader.content_tag
        if bundle:
            start = start[:-1] + f' data-iom-bundle="{bundle}">'
        links = "".join(
            f'<link rel="stylesheet" href="{root}assets/stylesheets/{name}.css">' for name in names
        )
        reader.out[reader.content_start] = start + links
        out = "".join(reader.out) + reader.rawdata
    return PageAssets(out, names, bundle, files)


def inline_stylesheets(html: str, inline: dict[str, str]) -> str:
    """A page (such as the 404 page) with its links to the named stylesheets made inline.

    Each linked stylesheet in the head holds up the first paint until it has arrived; for a
    file under a kilobyte the round trip costs more than its bytes (Lighthouse measured the
    first paint about 150 ms sooner with our two small ones inline).
    """
    return _AssetPass(inline).rewrite(html)


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
