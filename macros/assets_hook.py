"""MkDocs hook: each page gets only the stylesheets and one script bundle it needs; the small
stylesheets every page loads (ours in `extra_css`, and the theme's palette cut to the colours
the site uses) are inlined in the page head.

Thin on purpose: the work is in macros/assets.py, which imports nothing from MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file by path; make the `macros` package importable from the project root.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import assets  # noqa: E402

_STYLES = _ROOT / "overrides" / "assets" / "stylesheets"
_SCRIPTS = _ROOT / "overrides" / "assets" / "javascripts"
_state: dict = {}


def on_config(config):
    global_sheets = {Path(entry).name for entry in config["extra_css"]}
    _state["sheets"] = {
        path.stem: assets.stylesheet_selectors(path.read_text(encoding="utf-8"))
        for path in sorted(_STYLES.glob("*.css"))
        if path.name not in global_sheets
    }
    _state["manifest"] = assets.module_scripts((_SCRIPTS / "iom.js").read_text(encoding="utf-8"))
    _state["bundles"] = {}
    _state["inline"] = {
        name: assets.minify_css((_STYLES / name).read_text(encoding="utf-8"))
        for name in global_sheets
    }
    _state["inline"].update(_palette_subsets(config))
    return config


def on_env(env, config, files):
    """Theme templates can minify an inline script: {% filter minify_js %}…{% endfilter %}."""
    env.filters["minify_js"] = assets.minify_js
    return env


def on_post_page(output: str, page, config) -> str:
    root = "../" * page.url.count("/")
    sheets = assets.stylesheets_for(output, _state["sheets"])
    hrefs = [f"{root}assets/stylesheets/{name}.css" for name in sheets]
    files = assets.bundle_files(assets.page_modules(output), _state["manifest"])
    bundle = assets.bundle_name(files) if files else None
    if bundle:
        _state["bundles"][bundle] = files
    output = assets.inline_stylesheets(output, _state["inline"])
    return assets.add_to_content(output, hrefs, bundle)


def on_post_template(output: str, template_name: str, config) -> str:
    """The 404 page is a template, not a page: inline its small stylesheets too."""
    return assets.inline_stylesheets(output, _state["inline"])


def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    # A bundle per module too, for parts loaded on demand (IOM.loadPart in iom.js).
    parts = {f"bundles/part-{module}.js": files for module, files in _state["manifest"].items()}
    for name, files in {**_state["bundles"], **parts}.items():
        target = site / "assets" / "javascripts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        source = assets.bundle_source(files, lambda f: (_SCRIPTS / f).read_text(encoding="utf-8"))
        target.write_text(source, encoding="utf-8")
    for css in _STYLES.glob("*.css"):
        built = site / "assets" / "stylesheets" / css.name
        built.write_text(assets.minify_css(css.read_text(encoding="utf-8")), encoding="utf-8")
    iom_js = site / "assets" / "javascripts" / "iom.js"
    built = assets.without_manifest(iom_js.read_text(encoding="utf-8"))
    iom_js.write_text(assets.minify_js(built), encoding="utf-8")


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
