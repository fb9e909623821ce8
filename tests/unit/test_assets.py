"""Per-page stylesheets and script bundles (macros/assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import assets
from tests.conftest import ROOT

MANIFEST = """{
  "iom-a": ["lib/x.js", "components/a.js"],
  "iom-b": ["lib/x.js", "lib/y.js", "components/b.js"]
}"""
PAGE = (
    '<html><head><link rel="stylesheet" href="../../assets/stylesheets/main.1.min.css">'
    '<link rel="stylesheet" href="../../assets/stylesheets/palette.ab12.min.css">'
    '<link rel="stylesheet" href="../../assets/stylesheets/iom.css"></head><body>'
    '<article class="md-content__inner md-typeset"><h1>T</h1>'
    '<form class="iom-form" data-module="iom-b"><button class="iom-button">Go</button></form>'
    '<div data-module="iom-a"></div><div class="x" data-module="iom-c" data-load="on-use"></div>'
    '<div data-module="iom-a"></div><p>a &amp; b &#8212; <!-- kept --></p></article></body></html>'
)
SHEETS = {
    "calculator": assets.stylesheet_selectors(".iom-calc .iom-button { color: red }"),
    "instrument": assets.stylesheet_selectors(
        "/* .iom-ignored */ .iom-form, .iom-x { } @media print { .iom-form__item { } }"
    ),
}
INLINE = {"palette.ab12.min.css": "a{color:red}", "iom.css": ".iom-x{margin:0}"}


def _page(html=PAGE, manifest=MANIFEST):
    return assets.page_assets(html, SHEETS, assets.read_manifest(manifest), INLINE, "../../")


def test_a_selector_needs_the_classes_outside_its_is_and_not_groups():
    css = (
        ":is(.iom-page, .iom-doc) .iom-report :is(.iom-key, .iom-list) > li { }"
        " .iom-a:not(.iom-b), :where(.iom-c, .iom-d .iom-e) p { }"
        " body:has(.iom-page) .iom-sources { }"
    )
    assert assets.stylesheet_selectors(css) == {
        frozenset({"iom-report"}),
        frozenset({"iom-page", "iom-sources"}),
        frozenset({"iom-a", "iom-b"}),
        frozenset({"iom-c"}),
        frozenset({"iom-d", "iom-e"}),
    }


def test_manifest_is_read_from_modules_json():
    manifest = assets.read_manifest(MANIFEST)
    assert manifest["iom-b"] == ["lib/x.js", "lib/y.js", "components/b.js"]


def test_the_real_manifest_names_existing_files():
    scripts = ROOT / "overrides/assets/javascripts"
    manifest = assets.read_manifest((scripts / "modules.json").read_text())
    assert manifest
    for files in manifest.values():
        for name in files:
            assert (scripts / name).is_file(), name


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"iom-a": ["a.js",]}', "modules.json: not valid JSON"),
        ('{"iom-a": "a.js"}', "should map each module to a list of files"),
        ('["a.js"]', "should map each module to a list of files"),
    ],
)
def test_manifest_that_is_not_a_map_of_lists_is_a_clear_error(text, problem):
    with pytest.raises(ValueError, match=problem):
        assets.read_manifest(text)


def test_bundle_joins_files_in_declared_order_without_repeats():
    files = assets.bundle_files(["iom-b", "iom-a"], assets.read_manifest(MANIFEST))
    assert files == ["lib/x.js", "lib/y.js", "components/b.js", "components/a.js"]


def test_unknown_module_on_a_page_fails_the_build():
    with pytest.raises(ValueError, match="'iom-z' is not listed in modules.json"):
        _page(PAGE.replace('"iom-a"', '"iom-z"', 1))


def test_bundle_runs_each_file_once_and_is_minified():
    source = assets.bundle_source(["lib/x.js"], lambda name: "/* why */\nvar  x = 1;\n")
    assert 'window.__iomLoaded["lib/x.js"]' in source
    assert "why" not in source and "var x=1" in source


def test_bundle_name_depends_on_the_files():
    assert assets.bundle_name(["a.js"]) != assets.bundle_name(["a.js", "b.js"])
    assert assets.bundle_name(["a.js"]).startswith("bundles/")


def test_scoped_stylesheet_is_not_pulled_in_by_a_shared_generic_class():
    assert _page().stylesheets == ["instrument"]
    assert frozenset({"iom-ignored"}) not in SHEETS["instrument"]


def test_page_bundle_holds_the_modules_it_starts_with_not_those_loaded_on_use():
    page = _page()
    assert page.files == ["lib/x.js", "lib/y.js", "components/b.js", "components/a.js"]
    assert page.bundle == assets.bundle_name(page.files)


def test_links_and_bundle_go_at_the_start_of_the_content():
    page = _page()
    assert (
        f'<article class="md-content__inner md-typeset" data-iom-bundle="{page.bundle}">'
        '<link rel="stylesheet" href="../../assets/stylesheets/instrument.css"><h1>T</h1>'
    ) in page.html


def test_a_page_without_components_names_no_bundle():
    page = _page(PAGE.split("<form", 1)[0] + "</article></body></html>")
    assert page.bundle is None and page.files == []
    assert "data-iom-bundle" not in page.html


def test_small_global_stylesheets_go_inline_and_the_rest_is_copied_unchanged():
    html = _page().html
    assert "<style>a{color:red}</style><style>.iom-x{margin:0}</style></head>" in html
    assert "palette.ab12" not in html and "iom.css" not in html
    assert '<link rel="stylesheet" href="../../assets/stylesheets/main.1.min.css">' in html
    assert "<p>a &amp; b &#8212; <!-- kept --></p></article></body></html>" in html
    head_only = assets.inline_stylesheets(PAGE, INLINE)  # as for the 404 page
    assert head_only.split("</head>")[0] == html.split("</head>")[0]
    assert head_only.split("</head>")[1] == PAGE.split("</head>")[1]


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
