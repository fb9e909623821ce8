"""The Efficiency Toolkit renderer, read back through Markdown (as MkDocs would) and an HTML
parser: headings for the table of contents, key questions with visible ids and anchors,
escaping of data, the working-document note and links to this site's own tools."""

from __future__ import annotations

import copy
from html.parser import HTMLParser

import markdown
import pytest

from macros.loader import load_raw
from macros.render import Linker
from macros.render import efficiency_toolkit as render
from macros.validate import build_content
from tests.conftest import DATA
from tests.data.test_efficiency_toolkit_data import TOOLKIT_FILES


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
        ]


class TreeBuilder(HTMLParser):
    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.root = Node("root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def to_html(markdown_text: str) -> str:
    """The macro output as the site's Markdown settings turn it into HTML."""
    return markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html", "toc"])


def parse(markdown_text: str) -> Node:
    builder = TreeBuilder()
    builder.feed(to_html(markdown_text))
    return builder.root


@pytest.fixture(scope="module")
def raw():
    data, errors = load_raw(DATA)
    assert not errors
    return {k: data[k] for k in TOOLKIT_FILES}


@pytest.fixture(scope="module")
def content(raw):
    return build_content(raw)


@pytest.fixture(scope="module")
def linker(content):
    return Linker("efficiency-toolkit/", True, content)


@pytest.fixture(scope="module")
def themes(content, linker):
    return parse(render.toolkit_themes(content, linker))


def test_each_theme_is_an_h2_with_its_id_as_anchor(themes):
    h2 = themes.find_all("h2")
    assert [h.attrs["id"] for h in h2] == ["et-1", "et-2", "et-3"]
    assert h2[0].text() == "Theme 1: Achieving efficiencies through a strategic framework"
    assert h2[2].text() == "Theme 3: Efficiencies in delivery"


def test_sections_under_each_theme_are_h3_and_examples_h4(themes):
    h3_ids = [h.attrs["id"] for h in themes.find_all("h3")]
    for n in (1, 2, 3):
        assert f"et-{n}-examples" in h3_ids
        assert f"et-{n}-questions" in h3_ids
    assert {"et-2-who", "et-2-how"} <= set(h3_ids)
    example_headings = [
        h.text() for h in themes.find_all("h3") if h.attrs["id"].endswith("-examples")
    ]
    assert example_headings == [
        "Strategic efficiencies: some practical examples",
        "Design efficiencies: some practical examples",
        "Delivery efficiencies: some practical examples",
    ]
    h4 = themes.find_all("h4")
    assert len(h4) == 15
    assert h4[0].attrs["id"] == "et-1-e1"
    assert h4[0].text() == "Aligning Governance"
    assert h4[-1].attrs["id"] == "et-3-e7"


def test_all_27_key_questions_have_an_anchor_and_a_visible_id_linking_to_it(themes):
    questions = themes.find_all("li", "iom-toolkit-question")
    assert len(questions) == 27
    first = questions[0]
    assert first.attrs["id"] == "et-1-q01"
    label = first.find_all("a", "iom-toolkit-question__id")[0]
    assert label.text() == "ET-1.Q01"
    assert label.attrs["href"] == "#et-1-q01"
    for question in questions:
        label = question.find_all("a", "iom-toolkit-question__id")[0]
        assert question.attrs["id"] == label.text().lower().replace(".", "-")
    assert questions[-1].attrs["id"] == "et-3-q10"
    text = questions[-1].find_all("span", "iom-toolkit-question__text")[0].text()
    assert text.startswith("Is there scope to go further in aligning risk assessment")


def test_sub_points_are_nested_lists_inside_their_question(themes):
    by_id = {q.attrs["id"]: q for q in themes.find_all("li", "iom-toolkit-question")}
    points = by_id["et-2-q03"].find_all("ul")[0].find_all("li")
    assert len(points) == 5
    assert points[0].text().startswith("understand the risk and harm")
    lettered = by_id["et-2-q06"].find_all("ul")[0]
    assert "iom-toolkit-points--lettered" in lettered.classes
    assert "iom-toolkit-points--lettered" not in by_id["et-1-q01"].find_all("ul")[0].classes


def test_quoted_passage_is_a_blockquote(themes):
    quotes = [q.text() for q in themes.find_all("blockquote")]
    assert any(q.startswith("Many of the skills needed for good policing") for q in quotes)


def test_text_from_data_is_escaped_not_markup(raw, linker):
    broken = copy.deepcopy(raw)
    theme = broken["efficiency-toolkit"]["themes"][0]
    theme["key_questions"][0]["title"] = "Is <script>alert(1)</script> escaped?"
    theme["examples"][0]["title"] = "Heading with *stars* and <b>tags</b>"
    content = build_content(broken)
    linker = Linker("efficiency-toolkit/", True, content)
    tree = parse(render.toolkit_themes(content, linker))
    assert not tree.find_all("script")
    assert not tree.find_all("b")
    assert not tree.find_all("em")
    first = tree.find_all("li", "iom-toolkit-question")[0]
    assert "<script>alert(1)</script>" in first.text()
    assert tree.find_all("h4")[0].text() == "Heading with *stars* and <b>tags</b>"


def test_working_document_note_names_version_and_date(content, linker):
    tree = parse(render.toolkit_status(content, linker))
    note = tree.find_all("div", "admonition")[0]
    assert note.attrs["role"] == "note"
    assert note.find_all("p", "admonition-title")[0].text() == "A working document"
    assert "Please note that this is a working document." in note.text()
    assert "Tk/EM/1.1" in note.text()
    # The document's own (inferred) date, not the date line of the web page it was saved from.
    assert "c. 2010–11" in note.text()
    assert "2018" not in note.text()


def test_framework_lists_three_levels_linked_to_themes_and_four_lenses(content, linker):
    tree = parse(render.toolkit_framework(content, linker))
    assert [h.attrs["id"] for h in tree.find_all("h2") + tree.find_all("h3")] == [
        "framework",
        "levels",
        "lenses",
    ]
    levels = tree.find_all("ol", "iom-toolkit-levels__list")[0].find_all("li")
    assert [li.find_all("a")[0].attrs["href"] for li in levels] == ["#et-1", "#et-2", "#et-3"]
    lenses = tree.find_all("ul", "iom-toolkit-lenses__list")[0].find_all("li")
    assert [li.attrs["id"] for li in lenses] == [
        "et-lens-waste",
        "et-lens-alignment",
        "et-lens-effectiveness",
        "et-lens-savings",
    ]


def test_our_own_words_are_labelled(content, linker):
    tree = parse(render.toolkit_about(content, linker) + render.toolkit_themes(content, linker))
    summaries = tree.find_all("div", "iom-toolkit-summary")
    assert len(summaries) == 1 + 3
    for summary in summaries:
        assert summary.find_all("span", "iom-toolkit-summary__label")[0].text() == "In our words:"


def test_case_studies_link_to_the_case_studies_page_when_not_loaded(themes):
    links = [a.attrs["href"] for a in themes.find_all("p", "iom-toolkit-case")[0].find_all("a")]
    assert links == ["../case-studies/"]


def test_not_reproduced_parts_link_to_this_sites_own_tools(content, linker):
    tree = parse(render.toolkit_not_reproduced(content, linker))
    assert [h.attrs["id"] for h in tree.find_all("h3")] == ["et-annex-a", "et-phase-two"]
    hrefs = [
        a.attrs["href"]
        for p in tree.find_all("p", "iom-toolkit-omission__alternative")
        for a in p.find_all("a")
    ]
    assert hrefs == ["../assess/efficiency-review/", "../value-for-money/"]


def test_links_follow_the_sites_url_style(content):
    linker = Linker("efficiency-toolkit.html", False, content)
    tree = parse(render.toolkit_not_reproduced(content, linker))
    hrefs = [a.attrs["href"] for a in tree.find_all("a")]
    assert "assess/efficiency-review.html" in hrefs
