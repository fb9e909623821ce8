"""The build extension (macros/extension.py) reads data/ once per build and writes what the
instruments need: a page per section, the overview of one without a page of its own, the
published JSON Schema; the offline edition carries no address of the machine it was built on.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.render import anchor
from tests.conftest import DATA, ROOT, build_site
from tests.site_pages import content, form_urls


def test_each_data_file_is_parsed_once_per_build(tmp_path, monkeypatch):
    """One strict build, run here: every YAML parse of a data file is counted (the macros,
    the section pages and the glossary all use the one validated content)."""
    files = {path.read_text(encoding="utf-8"): path for path in sorted(DATA.rglob("*.yml"))}
    parsed: Counter[str] = Counter()
    real_load = yaml.load

    def counting_load(stream, Loader):
        if isinstance(stream, str) and stream in files:
            parsed[files[stream].relative_to(DATA).as_posix()] += 1
        return real_load(stream, Loader)

    monkeypatch.setattr(yaml, "load", counting_load)
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    assert (tmp_path / "site" / "index.html").is_file()
    assert len(files) > 10
    assert parsed == Counter({path.relative_to(DATA).as_posix(): 1 for path in files.values()})


def test_the_published_schema_lists_every_instrument_and_its_ratings(built_site):
    schema = json.loads((built_site / "assess" / "iom-assessment.schema.json").read_text("utf-8"))
    instruments = content().instruments().values()
    ids = schema["properties"]["instrument"]["properties"]["id"]["enum"]
    assert sorted(ids) == sorted(doc.id for doc in instruments)
    ratings = schema["$defs"]["ratings"]
    assert ratings["self-assessment-2010"] == {"enum": ["red", "amber", "green", "na", None]}
    assert ratings["efficiency-review-2018"] == {
        "enum": ["in-place", "partly", "not-yet", "na", None]
    }
    rules = {
        rule["if"]["properties"]["instrument"]["properties"]["id"]["const"]: rule
        for rule in schema["allOf"]
    }
    assert set(rules) == set(ids)
    sa_items = rules["self-assessment-2010"]["then"]["properties"]["responses"]["properties"]
    assert len(sa_items) == 12 and "SA-5.1" in sa_items


def test_the_file_format_page_lists_every_instrument(built_site):
    html = (built_site / "assess" / "file-format" / "index.html").read_text("utf-8")
    for instrument_id in form_urls():
        assert f"<code>{instrument_id}</code>" in html, instrument_id
    assert "<code>in-place</code>, <code>partly</code> or <code>not-yet</code>" in html


def test_choose_an_assessment_follows_the_order_of_the_assess_menu(built_site):
    html = (built_site / "assess" / "index.html").read_text("utf-8")
    menu = [
        "self-assessment-2010",
        "key-principles-2015",
        "inspection-readiness-2020",
        "efficiency-review-2018",
    ]
    places = [html.index(f'id="choose-{instrument_id}"') for instrument_id in menu]
    assert places == sorted(places)


def test_offline_edition_has_no_canonical_links_or_sitemap(tmp_path):
    site = tmp_path / "offline"
    result = build_site(ROOT, site, "http://127.0.0.1:8000/", "mkdocs-offline.yml")
    assert result.returncode == 0, result.stderr
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text, page
        assert "127.0.0.1" not in text, page


@pytest.mark.parametrize("instrument_id", sorted(form_urls()))
def test_every_section_page_is_written_by_the_build_not_by_hand(instrument_id):
    doc = content().docs[f"instruments/{instrument_id}"]
    for section in doc.sections:
        folder = ROOT / "docs" / form_urls()[instrument_id].rstrip("/")
        assert not (folder / f"{anchor(section.id)}.md").exists()
