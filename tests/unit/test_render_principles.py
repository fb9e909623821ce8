"""The Key Principles and Self Assessment reading views, checked through an HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from macros.render import Linker
from macros.render.principles import (
    kp_introduction,
    kp_principles,
    markdown_heading_text,
    sa_introduction,
    sa_principles,
)

VOID = {"br", "img", "input", "meta", "link", "hr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return " ".join("".join(self._texts()).split())

    def _texts(self):
        for part in self.parts:
            yield part if isinstance(part, str) else "".join(part._texts())

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                found.append(child)
            found.extend(child.find_all(tag, cls))
        return found

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Tree(HTMLParser):
    """A small DOM from rendered HTML, enough to ask about structure and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {}, None)
        self._current = self.root
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self._current)
        self._current.children.append(node)
        self._current.parts.append(node)
        if tag not in VOID:
            self._current = node

    def handle_endtag(self, tag):
        node = self._current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self._current = node.parent

    def handle_data(self, data):
        self._current.parts.append(data)

    def by_id(self, element_id: str) -> Node:
        matches = [n for n in self.root.find_all() if n.attrs.get("id") == element_id]
        assert len(matches) == 1, f"{len(matches)} elements with id {element_id!r}"
        return matches[0]


def as_mkdocs_would(source: str) -> Tree:
    """Macro output through Markdown with the extensions the site uses."""
    html = markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc"])
    return Tree(html)


@pytest.fixture(scope="module")
def kp_page(content):
    linker = Linker("principles/", True, content)
    return as_mkdocs_would(
        kp_introduction(content, linker) + "\n\n" + kp_principles(content, linker)
    )


@pytest.fixture(scope="module")
def sa_page(content):
    linker = Linker("self-assessment/", True, content)
    return as_mkdocs_would(
        sa_introduction(content, linker) + "\n\n" + sa_principles(content, linker)
    )


# --- Key Principles 2015 ------------------------------------------------------------------


def test_kp_headings_are_real_headings_in_order_with_anchors(kp_page):
    h2 = [(n.attrs.get("id"), n.text) for n in kp_page.root.find_all("h2")]
    assert h2[0] == ("introduction", "Introduction")
    assert h2[1] == ("kp-1", "Principle 1: All Partners Manage Offenders Together")
    assert h2[6] == ("kp-6", "Principle 6: Supporting desistance from crime")
    assert len(h2) == 7
    h3 = [n.attrs.get("id") for n in kp_page.root.find_all("h3")]
    assert h3 == [f"kp-{n}-elements" for n in range(1, 7)]


def test_kp_every_element_has_an_anchor_and_a_visible_self_link(kp_page, content):
    elements = kp_page.root.find_all("li", "iom-element")
    assert len(elements) == 24
    first = kp_page.by_id("kp-1-1")
    link = first.find_all("a", "iom-element__id")[0]
    assert link.attrs["href"] == "#kp-1-1"
    assert link.text == "KP-1.1"
    assert (
        first.text
        == "KP-1.1 All relevant agencies are fully committed and signed up to deliver IOM."
    )
    assert kp_page.by_id("kp-6-2").text.startswith("KP-6.2 Local arrangements are in place")


def test_kp_elements_follow_their_principle_heading(kp_page):
    """Each principle's list comes after its own 'Key delivery elements' heading."""
    order = [
        n.attrs.get("id")
        for n in kp_page.root.find_all()
        if n.tag in {"h2", "h3"} or "iom-element" in n.classes
    ]
    start = order.index("kp-3-elements")
    assert order[start + 1 : start + 4] == ["kp-3-1", "kp-3-2", "kp-3-3"]
    assert order[start + 4] == "kp-4"


def test_kp_structure_of_principles_1_and_2(kp_page):
    principle_1 = [n for n in kp_page.root.find_all("div", "iom-principle")][0]
    assert principle_1.attrs["data-principle"] == "KP-1"
    assert [p.text for p in principle_1.find_all("p")][2] == "Local partners:"
    assert len(principle_1.find_all("li")) == 3
    principle_2 = kp_page.root.find_all("div", "iom-principle")[1]
    bullets = [li.text for li in principle_2.find_all("li")]
    assert bullets[-1] == "others with an interest."
    assert len(bullets) == 6


def test_kp_straplines_link_to_their_principles(kp_page):
    links = kp_page.root.find_all("dl", "iom-straplines")[0].find_all("a")
    assert [a.attrs["href"] for a in links] == [f"#kp-{n}" for n in range(1, 7)]
    assert links[0].text == "…all partners manage offenders together…"


def test_kp_each_principle_links_to_the_crosswalk(kp_page):
    for principle in kp_page.root.find_all("div", "iom-principle"):
        hrefs = [a.attrs["href"] for a in principle.find_all("a")]
        assert any(h.startswith("../crosswalk/") for h in hrefs), principle.attrs


def test_data_text_is_escaped_not_interpreted(content):
    assert markdown_heading_text("a *b* [c]\n  d") == r"a \*b\* \[c\] d"
    principle = content.docs["principles-2015"].principles[0]
    original = principle.title
    principle.title = "Partners <script>alert(1)</script> & *friends*"
    try:
        html = kp_principles(content, Linker("principles/", True, content))
    finally:
        principle.title = original
    tree = as_mkdocs_would(html)
    assert not tree.root.find_all("script")
    assert not tree.root.find_all("em")
    heading = tree.by_id("kp-1")
    assert heading.text == "Principle 1: Partners <script>alert(1)</script> & *friends*"


# --- Self Assessment Tool -----------------------------------------------------------------


def test_sa_headings_in_order(sa_page):
    h2 = [(n.attrs.get("id"), n.text) for n in sa_page.root.find_all("h2")]
    assert [i for i, _ in h2] == ["introduction", "how-the-tool-is-used"] + [
        f"sa-{n}" for n in range(1, 6)
    ]
    assert h2[2][1] == "Principle 1: All partners tackling offenders together"
    h3 = sa_page.root.find_all("h3")
    assert len(h3) == 12
    assert h3[0].text.startswith("SA-1.1 All the relevant agencies")
    # Element headings sit inside their principle's section, after its h2.
    assert all(any(a.tag == "section" for a in h.ancestors()) for h in h3)


def test_sa_elements_have_anchors_nested_criteria_and_a_rate_link(sa_page):
    element = sa_page.by_id("sa-1-2")
    assert element.tag == "section"
    assert element.attrs["aria-labelledby"] == "sa-1-2-title"
    criteria = element.find_all("ul", "iom-criteria")[0]
    top = [li for li in criteria.children if li.tag == "li"]
    assert len(top) == 5
    nested = top[1].find_all("li")
    assert [li.text for li in nested][0] == "Governance arrangements"
    assert len(nested) == 6
    rate = element.find_all("p", "iom-element__rate")[0].find_all("a")[0]
    assert rate.attrs["href"] == "../assess/self-assessment-2010/"
    assert rate.text == "Rate this in the Self Assessment Tool (c. 2010): SA-1.2"


def test_sa_all_twelve_elements_present(sa_page):
    ids = [n.attrs["id"] for n in sa_page.root.find_all("section", "iom-element")]
    assert ids[0] == "sa-1-1" and ids[-1] == "sa-5-1"
    assert len(ids) == 12


def test_sa_rating_scale_words_come_from_data(sa_page):
    options = sa_page.root.find_all("li", "iom-rag-scale__option")
    assert [o.text for o in options] == ["Red", "Amber", "Green"]
    assert "iom-rag-scale__option--amber" in options[1].classes
    intro = sa_page.by_id("how-the-tool-is-used")
    assert intro.tag == "h2"


def test_sa_overview_wording_shown_where_it_differs(sa_page):
    notes = sa_page.root.find_all("p", "iom-element__note")
    assert len(notes) == 4
    assert "All relevant agencies fully committed" in sa_page.by_id("sa-1-1").text


def test_sa_each_principle_links_to_its_crosswalk_entry(sa_page):
    for n in range(1, 6):
        principle = [d for d in sa_page.root.find_all("div", "iom-principle")][n - 1]
        links = principle.find_all("p", "iom-principle__crosswalk")[0].find_all("a")
        assert links[0].attrs["href"] == f"../crosswalk/#map-sa-{n}"


def test_links_work_without_directory_urls(content):
    linker = Linker("self-assessment.html", False, content)
    tree = as_mkdocs_would(sa_principles(content, linker))
    rate = tree.root.find_all("p", "iom-element__rate")[0].find_all("a")[0]
    assert rate.attrs["href"] == "assess/self-assessment-2010.html"
