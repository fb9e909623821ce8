"""The build extension: every step of the MkDocs build beyond the macros, over the same
validated content (the one `hooks:` entry in mkdocs.yml).

In the order MkDocs runs them:
- on_config, first of every plugin: data/ is read and validated once (`macros.content_for`,
  which define_env then reuses); any problem stops the build, listed with file and key path.
  Also read once: the module manifest (modules.json), the area stylesheets' selectors and
  the small stylesheets that go inline.
- on_files: a page per section of each instrument, its report page, its overview page where
  docs/ has none, and the JSON Schema of saved files, all from the validated instruments.
- on_env: a `minify_js` filter for the theme templates.
- on_page_content: each glossary abbreviation's first use marked, heading permalinks named.
- on_post_page and on_post_template, last of every plugin: the page's assets, then its
  Content-Security-Policy, hashed from the page exactly as it is written.
- on_post_build: the script bundles, minified stylesheets and iom.js.

The work of each step is in a module that imports nothing from MkDocs and has its own unit
tests; this file only wires them to MkDocs' events.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# MkDocs loads this file by path; make the `macros` package importable from the project root.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import assets, content_for, csp  # noqa: E402
from macros.abbreviations import abbreviations_from_glossary, wrap_abbreviations  # noqa: E402
from macros.models import glossary  # noqa: E402
from macros.permalinks import name_permalinks  # noqa: E402
from macros.render import Linker, anchor, nav_paths  # noqa: E402
from macros.render.file_format import SCHEMA_PAGE, assessment_schema  # noqa: E402
from macros.render.instrument import overview_pages, section_pages  # noqa: E402
from macros.render.report import report_pages  # noqa: E402
from macros.validate import ContentInvalid  # noqa: E402

_STYLES = _ROOT / "overrides" / "assets" / "stylesheets"
_SCRIPTS = _ROOT / "overrides" / "assets" / "javascripts"
MANIFEST = _SCRIPTS / "modules.json"


@dataclass
class _Build:
    """What one build reads once and shares between its steps."""

    content: object
    abbreviations: dict
    manifest: dict[str, list[str]]
    sheets: dict[str, set[frozenset[str]]]  # area stylesheets' selectors, by name
    inline: dict[str, str]  # CSS put inline, by the file name of the stylesheet it replaces
    bundles: dict[str, list[str]] = field(default_factory=dict)  # bundle name → its files


_build: _Build | None = None


@event_priority(100)
def on_config(config):
    global _build
    try:
        content = content_for(config)
        manifest = assets.read_manifest(MANIFEST.read_text(encoding="utf-8"), _shown(MANIFEST))
    except (ContentInvalid, ValueError) as problem:
        raise PluginError(str(problem)) from None
    everywhere = {Path(entry).name for entry in config["extra_css"]}
    glossary_doc = content.docs.get(glossary.FILE)
    _build = _Build(
        content=content,
        abbreviations=abbreviations_from_glossary(glossary_doc, anchor) if glossary_doc else {},
        manifest=manifest,
        sheets={
            path.stem: assets.stylesheet_selectors(path.read_text(encoding="utf-8"))
            for path in sorted(_STYLES.glob("*.css"))
            if path.name not in everywhere
        },
        inline={
            **{name: assets.minify_css((_STYLES / name).read_text("utf-8")) for name in everywhere},
            **_palette_subsets(config),
        },
    )
    return config


def on_files(files, config):
    content = _build.content
    nav_pages = nav_paths(config["nav"] or [])
    written = {
        path: markdown
        for path, markdown in overview_pages(content).items()
        if files.get_file_from_path(path) is None
    }
    generated = {**written, **section_pages(content), **report_pages(content)}
    for path, markdown in generated.items():
        files.append(File.generated(config, path, content=markdown))
    schema = json.dumps(assessment_schema(content, nav_pages), indent=2, ensure_ascii=False)
    files.append(File.generated(config, SCHEMA_PAGE, content=schema + "\n"))
    return files


def on_env(env, config, files):
    env.filters["minify_js"] = assets.minify_js
    return env


def on_page_content(html, page, config, files):
    linker = Linker(page.url, config.use_directory_urls)
    html = wrap_abbreviations(
        html, _build.abbreviations, lambda fragment: linker.page(glossary.PAGE, fragment)
    )
    return name_permalinks(html)


@event_priority(-100)
def on_post_page(output: str, page, config) -> str:
    built = assets.page_assets(
        output, _build.sheets, _build.manifest, _build.inline, "../" * page.url.count("/")
    )
    if built.bundle:
        _build.bundles[built.bundle] = built.files
    return _with_policy(built.html, config)


@event_priority(-100)
def on_post_template(output: str, template_name: str, config) -> str:
    """Templates that are not pages (the 404 page): inline CSS and the policy too."""
    if not template_name.endswith(".html"):
        return output  # sitemap.xml
    return _with_policy(assets.inline_stylesheets(output, _build.inline), config)


def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    scripts = site / "assets" / "javascripts"
    # A bundle per module too, for parts loaded on demand (IOM.loadPart in iom.js).
    parts = {f"bundles/part-{module}.js": files for module, files in _build.manifest.items()}
    for name, files in {**_build.bundles, **parts}.items():
        target = scripts / name
        target.parent.mkdir(parents=True, exist_ok=True)
        source = assets.bundle_source(files, lambda f: (_SCRIPTS / f).read_text(encoding="utf-8"))
        target.write_text(source, encoding="utf-8")
    for css in _STYLES.glob("*.css"):
        built = site / "assets" / "stylesheets" / css.name
        built.write_text(assets.minify_css(css.read_text(encoding="utf-8")), encoding="utf-8")
    iom_js = scripts / "iom.js"
    iom_js.write_text(assets.minify_js(iom_js.read_text(encoding="utf-8")), encoding="utf-8")
    (scripts / MANIFEST.name).unlink(missing_ok=True)  # read at build time only
    if not config["site_url"]:
        # An edition without an address (the offline zip) has no use for a sitemap, whose
        # addresses would point at wherever it was built.
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)


def _with_policy(html: str, config) -> str:
    return csp.add_policy(html) if config["extra"].get("csp", True) else html


def _shown(path: Path) -> str:
    return path.relative_to(_ROOT).as_posix()


def _palette_subsets(config) -> dict[str, str]:
    """The theme's palette stylesheet with only the configured colours, by its file name."""
    palette = config["theme"].get("palette") or []
    entries = palette if isinstance(palette, list) else [palette]
    colours = {
        kind: {entry.get(kind, "indigo") for entry in entries} for kind in ("primary", "accent")
    }
    subsets = {}
    for folder in config["theme"].dirs:
        for path in Path(folder, "assets", "stylesheets").glob("palette.*.min.css"):
            css = assets.palette_subset(path.read_text(encoding="utf-8"), colours)
            subsets.setdefault(path.name, css)
    return subsets
