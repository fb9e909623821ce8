"""The real site builds strictly; broken content fails the build with a useful message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project


def test_real_site_builds_strictly_with_every_page(built_site):
    assert (built_site / "index.html").is_file()
    for page in ["principles", "self-assessment", "case-studies", "glossary", "sources"]:
        assert (built_site / page / "index.html").is_file(), page


def test_no_page_references_another_host_for_scripts_styles_or_fonts(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for marker in ['src="http', "src='http", '<link rel="stylesheet" href="http', "fonts.g"]:
            assert marker not in text, f"{html.relative_to(built_site)} loads {marker}"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project (config, pages, data, macros, overrides) to break on purpose."""
    return copy_project(tmp_path)


def _build(project: Path):
    return build_site(project, project / "site", "http://127.0.0.1:8000/")


def test_yaml_syntax_error_fails_the_build_naming_file_and_line(project_copy):
    sources = project_copy / "data" / "sources.yml"
    sources.write_text(sources.read_text() + "\n  - id: [unclosed\n", encoding="utf-8")
    result = _build(project_copy)
    assert result.returncode != 0
    assert "data/sources.yml" in result.stderr
    assert "not valid YAML" in result.stderr
    assert "line" in result.stderr


def test_dangling_reference_fails_the_build_naming_key_path(project_copy):
    sources = project_copy / "data" / "sources.yml"
    text = sources.read_text()
    sources.write_text(text.replace("licence: OGL-3.0", "licence: OGL-9.9", 1), encoding="utf-8")
    result = _build(project_copy)
    assert result.returncode != 0
    assert "documents[0].licence: unknown licence 'OGL-9.9'" in result.stderr


def test_undefined_macro_name_fails_the_build(project_copy):
    page = project_copy / "docs" / "sources.md"
    page.write_text(page.read_text() + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    result = _build(project_copy)
    assert result.returncode != 0
    assert "no_such_macro" in result.stderr


def test_pages_link_only_their_own_area_stylesheets_and_one_bundle(built_site):
    form = (built_site / "assess" / "self-assessment-2010" / "index.html").read_text()
    home = (built_site / "index.html").read_text()
    section = (built_site / "assess" / "self-assessment-2010" / "sa-1" / "index.html").read_text()
    assert "assets/stylesheets/instrument.css" in form
    assert "assets/stylesheets/instrument.css" not in home
    # The overview's own rules (task list, summary) stay off the section pages.
    assert "assets/stylesheets/instrument-overview.css" in form
    assert "assets/stylesheets/instrument-overview.css" not in section
    assert "assets/stylesheets/instrument-items.css" in section
    assert "assets/stylesheets/calculator.css" not in form
    bundle = form.split('data-iom-bundle="', 1)[1].split('"', 1)[0]
    source = (built_site / "assets" / "javascripts" / bundle).read_text()
    assert "IOM.components" in source and "\n  " not in source  # minified


def test_calculator_page_links_only_its_own_stylesheet_and_loads_scenario_code_on_use(
    built_site,
):
    page = (built_site / "value-for-money" / "index.html").read_text()
    sheets = re.findall(r'href="[./]*assets/stylesheets/(\w+)\.css"', page)
    # iom.css is inline in the head, as on every page; tables.css stacks the input grids at
    # phone widths and gives the results table its scroll region.
    assert sheets == ["calculator", "tables"]
    scripts = built_site / "assets" / "javascripts"
    bundle = page.split('data-iom-bundle="', 1)[1].split('"', 1)[0]
    source = (scripts / bundle).read_text()
    assert '"components/breakeven.js"' in source
    for on_use in ("lib/csv.js", "lib/importer.js", "components/breakeven-scenarios.js"):
        assert f'"{on_use}"' not in source, on_use
    part = (scripts / "bundles" / "part-iom-breakeven-scenarios.js").read_text()
    assert '"components/breakeven-scenarios.js"' in part and '"lib/csv.js"' in part
