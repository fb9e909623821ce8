"""The crosswalk renderer, checked through an HTML parser."""

from __future__ import annotations

import pytest

from macros.render import Linker
from macros.render.crosswalk import crosswalk_introduction, crosswalk_lists, crosswalk_table
from tests.unit.test_render_principles import as_mkdocs_would


@pytest.fixture(scope="module")
def crosswalk_page(content):
    linker = Linker("crosswalk/", True, content)
    source = "\n\n".join(
        [
            crosswalk_introduction(content, linker),
            crosswalk_table(content, linker),
            crosswalk_lists(content, linker),
        ]
    )
    return as_mkdocs_would(source)


def test_table_has_a_caption_and_scoped_headers(crosswalk_page):
    table = crosswalk_page.root.find_all("table", "iom-crosswalk")[0]
    assert table.find_all("caption")[0].text.startswith("Where each principle of the Self")
    cols = [th for th in table.find_all("th") if th.attrs.get("scope") == "col"]
    rows = [th for th in table.find_all("th") if th.attrs.get("scope") == "row"]
    assert [th.text for th in cols] == [
        "Self Assessment Tool principle (c. 2010)",
        "Key Principles (2015)",
        "Inspection findings (2020)",
        "Efficiency Toolkit themes (c. 2010–11)",
    ]
    assert [th.text.split()[0] for th in rows] == ["SA-1", "SA-2", "SA-3", "SA-4", "SA-5"]
    # Every data cell belongs to a row with a row header: 5 rows × 3 columns.
    assert len(table.find_all("td")) == 15


def test_table_scroll_region_is_named_and_focusable(crosswalk_page):
    region = crosswalk_page.root.find_all("div", "iom-crosswalk__scroll")[0]
    assert region.attrs["role"] == "region"
    assert region.attrs["tabindex"] == "0"
    assert crosswalk_page.by_id(region.attrs["aria-labelledby"]).tag == "caption"


def test_table_links_go_to_the_items_on_their_own_pages(crosswalk_page, content):
    rows = crosswalk_page.root.find_all("tbody")[0].find_all("tr")
    first_row_links = {a.text: a.attrs["href"] for a in rows[0].find_all("a")}
    assert first_row_links["SA-1"] == "#map-sa-1"
    assert first_row_links["KP-1"] == "../principles/#kp-1"
    assert first_row_links["EPG-F01"] == "../effective-practice/#epg-f01"
    assert first_row_links["ET-1"] == "../efficiency-toolkit/#et-1"
    mapping = content.docs["crosswalk"].mappings[0]
    expected = {
        link.ref
        for field in ("key_principles", "inspection_findings", "efficiency_themes")
        for link in getattr(mapping, field)
    }
    assert set(first_row_links) - {"SA-1"} == expected


def test_lists_have_a_heading_per_principle_and_each_reason(crosswalk_page, content):
    h2 = [(n.attrs.get("id"), n.text) for n in crosswalk_page.root.find_all("h2")]
    assert [i for i, _ in h2] == [f"map-sa-{n}" for n in range(1, 6)]
    assert h2[0][1] == "SA-1: All partners tackling offenders together"
    reasons = [p.text for p in crosswalk_page.root.find_all("p", "iom-crosswalk__reason")]
    mappings = content.docs["crosswalk"].mappings
    all_links = [
        link
        for m in mappings
        for field in ("key_principles", "inspection_findings", "efficiency_themes")
        for link in getattr(m, field)
    ]
    elements = [e for m in mappings for e in m.elements]
    assert elements, "the crosswalk has element-level links"
    assert len(reasons) == len(all_links) + len(elements)
    # Every mapping is our judgement and says so in words before its reason.
    assert reasons[0].startswith("Our reading: " + " ".join(all_links[0].reason.split()))


def test_list_items_link_to_targets_with_titles_and_closest_items(crosswalk_page):
    section = crosswalk_page.by_id("map-sa-4").parent
    links = {a.attrs["href"]: a.text for a in section.find_all("a")}
    assert links["../principles/#kp-6"] == "KP-6 Supporting desistance from crime"
    assert links["../principles/#kp-6-1"] == "KP-6.1"
    assert links["../self-assessment/#sa-4"].startswith("Read principle 4")
    kinds = [h.text for h in crosswalk_page.root.find_all("h3", "iom-crosswalk__kind")]
    assert kinds[:3] == [
        "Key Principles (2015) for SA-1",
        "Inspection findings (2020) for SA-1",
        "Efficiency Toolkit themes (c. 2010–11) for SA-1",
    ]


def test_element_level_links_are_listed_with_their_reasons(crosswalk_page, content):
    section = crosswalk_page.by_id("map-sa-1").parent
    kinds = [h.text for h in section.find_all("h3", "iom-crosswalk__kind")]
    assert "Element by element for SA-1" in kinds
    links = {a.attrs["href"]: a.text for a in section.find_all("a")}
    assert links["../self-assessment/#sa-1-1"] == "SA-1.1"
    assert links["../principles/#kp-1-1"].startswith("KP-1.1 All relevant agencies")
    first = content.docs["crosswalk"].mappings[0].elements[0]
    reasons = [p.text for p in section.find_all("p", "iom-crosswalk__reason")]
    assert "Our reading: " + " ".join(first.reason.split()) in reasons
