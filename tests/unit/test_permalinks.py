"""Heading permalinks: no title, an aria-label naming the heading, other HTML unchanged."""

from __future__ import annotations

from html.parser import HTMLParser

from macros.permalinks import name_permalinks


class Permalinks(HTMLParser):
    """The attributes of each `a.headerlink`."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "headerlink" in (attrs.get("class") or "").split():
            self.found.append(attrs)


def heading(level: int, anchor: str, inner: str, title: str = "Link to this section") -> str:
    return (
        f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}" '
        f'title="{title}">&para;</a></h{level}>'
    )


def labels(html: str) -> list[str]:
    return [a.get("aria-label") for a in Permalinks(name_permalinks(html)).found]


def test_title_becomes_an_aria_label_naming_the_heading():
    out = name_permalinks(heading(2, "intro", "Introduction"))
    [link] = Permalinks(out).found
    assert link == {
        "class": "headerlink",
        "href": "#intro",
        "aria-label": "Link to this section: Introduction",
    }
    assert out.endswith(">&para;</a></h2>")


def test_label_reads_the_heading_text_through_markup_and_entities():
    html = heading(
        3,
        "x",
        '<a class="iom-element__id" href="#x">KP-1.1</a> Fish &amp; <em>chips</em>'
        '<span class="iom-reading__hidden"> for KP-1</span><span aria-hidden="true">*</span>',
    )
    out = name_permalinks(html)
    assert labels(html) == ["Link to this section: KP-1.1 Fish & chips for KP-1"]
    assert 'aria-label="Link to this section: KP-1.1 Fish &amp; chips for KP-1"' in out


def test_repeated_heading_text_is_told_apart_by_its_parent_heading():
    html = (
        heading(2, "kp-1", "Principle 1")
        + heading(3, "kp-1-el", "Key elements")
        + heading(4, "kp-1-el-a", "Detail")
        + heading(2, "kp-2", "Principle 2")
        + "<p>text</p>"
        + heading(3, "kp-2-el", "Key elements")
    )
    assert labels(html) == [
        "Link to this section: Principle 1",
        "Link to this section: Key elements (Principle 1)",
        "Link to this section: Detail",
        "Link to this section: Principle 2",
        "Link to this section: Key elements (Principle 2)",
    ]


def test_the_old_title_is_the_prefix_and_a_missing_one_gets_the_default():
    html = heading(2, "a", "A", title="Permanent link") + (
        '<h2 id="b">B<a class="headerlink" href="#b">&para;</a></h2>'
    )
    assert labels(html) == ["Permanent link: A", "Link to this section: B"]


def test_everything_but_the_permalinks_is_copied_through_unchanged():
    html = (
        "<!DOCTYPE html><p title='keep' data-x=\"1\">a &lt; b &#169;<br>c</p>"
        "<!-- note --><script>if (a < b) {}</script>"
        '<a href="#x" title="Other link">other</a>'
    )
    assert name_permalinks(html) == html


def test_a_permalink_outside_a_heading_keeps_only_the_prefix():
    assert labels('<p><a class="headerlink" href="#p" title="Link">&para;</a></p>') == ["Link"]
