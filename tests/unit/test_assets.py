"""Per-page stylesheets and script bundles (macros/assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import assets
from tests.conftest import ROOT

IOM_JS = """
  var MODULE_SCRIPTS = {
    "iom-a": ["lib/x.js", "components/a.js"],
    "iom-b": ["lib/x.js", "lib/y.js", "components/b.js"]
  };
"""


def test_manifest_is_read_from_iom_js():
    assert assets.module_scripts(IOM_JS)["iom-b"] == ["lib/x.js", "lib/y.js", "components/b.js"]


def test_the_real_manifest_parses_and_names_existing_files():
    manifest = assets.module_scripts((ROOT / "overrides/assets/javascripts/iom.js").read_text())
    for files in manifest.values():
        for name in files:
            assert (ROOT / "overrides/assets/javascripts" / name).is_file(), name


def test_manifest_that_is_not_json_is_a_clear_error():
    with pytest.raises(ValueError, match="must stay plain JSON"):
        assets.module_scripts(IOM_JS.replace('"iom-a"', "iomA"))


def test_bundle_joins_files_in_declared_order_without_repeats():
    manifest = assets.module_scripts(IOM_JS)
    files = assets.bundle_files(["iom-b", "iom-a"], manifest)
    assert files == ["lib/x.js", "lib/y.js", "components/b.js", "components/a.js"]


def test_unknown_module_on_a_page_fails_the_build():
    with pytest.raises(ValueError, match="'iom-z' is not listed"):
        assets.bundle_files(["iom-z"], assets.module_scripts(IOM_JS))


def test_bundle_runs_each_file_once_and_is_minified():
    source = assets.bundle_source(["lib/x.js"], lambda name: "/* why */\nvar  x = 1;\n")
    assert 'window.__iomLoaded["lib/x.js"]' in source
    assert "why" not in source and "var x=1" in source


def test_bundle_name_depends_on_the_files():
    assert assets.bundle_name(["a.js"]) != assets.bundle_name(["a.js", "b.js"])
    assert assets.bundle_name(["a.js"]).startswith("bundles/")


def test_scoped_stylesheet_is_not_pulled_in_by_a_shared_generic_class():
    sheets = {
        "calculator": assets.stylesheet_selectors(".iom-calc .iom-button { color: red }"),
        "instrument": assets.stylesheet_selectors(
            "/* .iom-ignored */ .iom-form, .iom-x { } @media print { .iom-form__item { } }"
        ),
    }
    html = '<form class="iom-form"><button class="iom-button">Go</button></form>'
    assert assets.stylesheets_for(html, sheets) == ["instrument"]
    assert frozenset({"iom-ignored"}) not in sheets["instrument"]


def test_links_and_bundle_go_at_the_start_of_the_content():
    html = '<head></head><article class="md-content__inner md-typeset"><h1>T</h1></article>'
    out = assets.add_to_content(html, ["../assets/stylesheets/x.css"], "bundles/abc.js")
    assert (
        '<article class="md-content__inner md-typeset" data-iom-bundle="bundles/abc.js">'
        '<link rel="stylesheet" href="../assets/stylesheets/x.css"><h1>T</h1>'
    ) in out


def test_components_loaded_on_use_stay_out_of_the_page_bundle():
    html = (
        '<div data-module="iom-a"></div>'
        '<div class="x" data-module="iom-b" data-load="on-use"></div>'
        '<div data-module="iom-a"></div>'
    )
    assert assets.page_modules(html) == ["iom-a"]


def test_built_iom_js_drops_the_per_file_manifest():
    built = assets.without_manifest(IOM_JS)
    assert "components/a.js" not in built and "var MODULE_SCRIPTS = {};" in built


PALETTE_CSS = (
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
    "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--a:#5488e8}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--a:#e0a}}"
    "[data-md-color-accent=indigo]{--md-accent-fg-color:#526cfe}"
    "[data-md-color-accent=pink]{--md-accent-fg-color:#f50057}"
    "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
    "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--x:1}"
    "[data-md-color-primary=black] .md-header,[data-md-color-primary=indigo] .md-header{--y:2}"
    "@media screen and (min-width:60em){[data-md-color-primary=white] .md-search__form{--z:3}}"
    "@media screen and (min-width:76.25em){[data-md-color-primary=indigo] .md-tabs{--t:4}"
    "[data-md-color-primary=black] .md-tabs{--t:5}}"
)
INDIGO = {"primary": {"indigo"}, "accent": {"indigo"}}


def test_palette_subset_keeps_the_configured_colours_and_the_slate_scheme():
    out = assets.palette_subset(PALETTE_CSS, INDIGO)
    assert out == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--a:#5488e8}}"
        "[data-md-color-accent=indigo]{--md-accent-fg-color:#526cfe}"
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
        "[data-md-color-primary=indigo] .md-header{--y:2}"
        "@media screen and (min-width:76.25em){[data-md-color-primary=indigo] .md-tabs{--t:4}}"
    )


def test_palette_subset_drops_a_media_rule_left_empty_and_keeps_each_kind_apart():
    out = assets.palette_subset(PALETTE_CSS, {"primary": {"lime"}, "accent": {"pink"}})
    assert "(min-width:60em)" not in out and "(min-width:76.25em)" not in out
    assert "[data-md-color-accent=pink]{" in out
    assert "[data-md-color-accent=indigo]" not in out
    assert "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--x:1}" in out
    assert "[data-md-color-primary=indigo]" not in out
    assert "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}" in out


def test_palette_subset_of_the_themes_own_palette_keeps_every_rule_for_indigo():
    """On the real palette.css: the slate scheme and every indigo rule stay, other colours go,
    and each kept rule is still inside its own @media wrapper."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = next(theme.glob("palette.*.min.css")).read_text(encoding="utf-8")
    out = assets.palette_subset(css, INDIGO)
    assert len(out) < len(css) / 2
    for colour in ("pink", "teal", "black", "white", "deep-orange"):
        assert f"={colour}]" not in out, colour
    for kept in (
        "[data-md-color-scheme=slate]{color-scheme:dark;",
        "[data-md-color-scheme=slate][data-md-color-primary=indigo]{",
        "[data-md-color-accent=indigo]{",
        "[data-md-color-primary=indigo]{",
        "[data-md-color-switching] *",
    ):
        assert kept in out, kept
    assert out.startswith("@media screen{[data-md-color-scheme=slate]{")
    assert out.count("{") == out.count("}")


def test_inline_stylesheets_replaces_only_the_named_links():
    html = (
        '<head><link rel="stylesheet" href="../../assets/stylesheets/main.1.min.css">'
        '<link rel="stylesheet" href="../../assets/stylesheets/palette.ab12.min.css">'
        '<link rel="stylesheet" href="../../assets/stylesheets/iom.css"></head>'
        '<body><link rel="stylesheet" href="../../assets/stylesheets/reading.css"></body>'
    )
    out = assets.inline_stylesheets(
        html, {"palette.ab12.min.css": "a{color:red}", "iom.css": ".iom-x{margin:0}"}
    )
    assert "<style>a{color:red}</style><style>.iom-x{margin:0}</style>" in out
    assert "palette.ab12" not in out and "iom.css" not in out
    assert 'href="../../assets/stylesheets/main.1.min.css"' in out
    assert 'href="../../assets/stylesheets/reading.css"' in out
