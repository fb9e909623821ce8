"""Glossary abbreviations in page HTML: the first use of each marked and linked, in running text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from macros.abbreviations import Abbreviation, plural, wrap_abbreviations

TERMS = {
    "IOM": Abbreviation("IOM", "Integrated Offender Management", "gl-iom"),
    "CSP": Abbreviation("CSP", "Community Safety Partnership", "gl-csp"),
    "CRC": Abbreviation("CRC", "Community Rehabilitation Company", "gl-crc"),
    "OASys": Abbreviation("OASys", "Offender Assessment System", "gl-oasys"),
    "Q": Abbreviation("Q", 'Quote "marks" & <angle> brackets', "gl-q"),
}


def href(fragment: str) -> str:
    return f"../glossary/#{fragment}"


class Abbrs(HTMLParser):
    """Each <abbr>: its title, its text, whether it holds a link, and its open ancestors."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.stack: list[str] = []
        self.links: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "abbr":
            self.found.append(
                {
                    "title": attrs.get("title"),
                    "text": "",
                    "link": None,
                    "inside": list(self.stack),
                    "attrs": attrs,
                }  # fmt: skip
            )
        if tag == "a" and self.stack and self.stack[-1] == "abbr":
            self.found[-1]["link"] = attrs.get("href")
        if tag not in {"br", "img", "input", "hr"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def handle_data(self, data):
        if "abbr" in self.stack:
            self.found[-1]["text"] += data


def marked(html: str, **kwargs) -> list[dict]:
    return Abbrs(wrap_abbreviations(html, TERMS, href, **kwargs)).found


def test_marks_whole_words_with_their_expansion():
    found = marked("<p>IOM and CSP work; IOMX, xIOM and iom are not abbreviations.</p>")
    assert [(a["text"], a["title"]) for a in found] == [
        ("IOM", "Integrated Offender Management"),
        ("CSP", "Community Safety Partnership"),
    ]


def test_only_the_first_occurrence_is_marked_and_it_links_to_the_glossary_entry():
    html = "<p>IOM, then IOM again.</p><p>IOM in a third place, CSP, and CSPs.</p>"
    out = wrap_abbreviations(html, TERMS, href)
    found = Abbrs(out).found
    assert [(a["text"], a["link"]) for a in found] == [
        ("IOM", "../glossary/#gl-iom"),
        ("CSP", "../glossary/#gl-csp"),
    ]
    # Later occurrences, plurals included, stay plain text.
    assert "</abbr>, then IOM again.</p><p>IOM in a third place, " in out
    assert "</abbr>, and CSPs.</p>" in out


def test_only_the_first_marked_abbreviation_starts_the_glossary_script():
    found = marked("<p>IOM and CSP.</p>")
    assert [a["attrs"].get("data-module") for a in found] == ["iom-glossary", None]


def test_a_plural_first_use_is_marked_and_the_singular_after_it_is_not():
    out = wrap_abbreviations("<p>Two CSPs; one CSP.</p>", TERMS, href)
    assert [a["text"] for a in Abbrs(out).found] == ["CSPs"]
    assert out.endswith("</abbr>; one CSP.</p>")


def test_plurals_and_mixed_case_abbreviations():
    found = marked("<p>Two CSPs, three CRCs and an OASys assessment.</p>")
    assert [(a["text"], a["title"]) for a in found] == [
        ("CSPs", "Community Safety Partnerships"),
        ("CRCs", "Community Rehabilitation Companies"),
        ("OASys", "Offender Assessment System"),
    ]
    assert plural("Value") == "Values"


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="x">IOM link</a></p>',
        "<h2>IOM heading</h2>",
        "<h3 id='a'><span>IOM in a span in a heading</span></h3>",
        "<p><code>IOM</code></p>",
        "<pre>IOM\nCSP</pre>",
        "<script>var IOM = 1;</script>",
        "<style>.IOM { }</style>",
        "<svg><text>IOM</text></svg>",
        '<p><abbr title="already">IOM</abbr></p>',
        "<button>IOM</button>",
        "<label>IOM</label>",
        '<dl><dt data-iom-no-abbr=""><span>IOM</span></dt></dl>',
        "<p>Write to IOM.Info@example.org</p>",
    ],
)
def test_never_marks_inside_links_headings_code_or_opted_out_elements(html):
    out = wrap_abbreviations(html, TERMS, href)
    assert "iom-abbr" not in out
    assert out == html


def test_attributes_are_never_rewritten():
    html = '<p title="IOM here" data-x="CSP">text</p><img alt="IOM">'
    assert wrap_abbreviations(html, TERMS, href) == html


def test_uses_in_skipped_elements_do_not_count_as_the_first():
    found = marked("<p><code>IOM</code> and IOM after it</p><h2>CSP</h2><p>CSP</p>")
    assert [(a["text"], a["inside"]) for a in found] == [("IOM", ["p"]), ("CSP", ["p"])]


def test_markup_and_entities_are_kept_and_expansions_escaped():
    html = "<p>Fish &amp; chips &lt;IOM&gt; &#169; Q<br>end</p><!-- IOM -->"
    out = wrap_abbreviations(html, TERMS, href)
    assert "Fish &amp; chips &lt;" in out
    assert "&gt; &#169; " in out
    assert "<!-- IOM -->" in out
    assert 'title="Quote &quot;marks&quot; &amp; &lt;angle&gt; brackets"' in out
    found = Abbrs(out).found
    assert [a["title"] for a in found] == [
        "Integrated Offender Management",
        'Quote "marks" & <angle> brackets',
    ]


def test_no_terms_leaves_html_unchanged():
    html = "<p>IOM</p>"
    assert wrap_abbreviations(html, {}, href) == html
