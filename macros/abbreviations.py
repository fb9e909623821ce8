"""Mark up glossary abbreviations in rendered page HTML so each shows its expansion.

Every whole-word occurrence of a glossary abbreviation in running text becomes
`<abbr title="expansion">`, which the theme's `content.tooltips` feature shows on hover and,
where the element holds the keyboard focus, on focus. The first occurrence of each
abbreviation on a page also links to its glossary entry, so keyboard users reach the
expansion (the tooltip opens on focus) and can read the definition.

The HTML is read with the standard library's tokenizer, not with regular expressions over
markup; the original markup is copied through unchanged and only text between tags is
rewritten. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

# Elements whose text is never marked: links and controls (no nested interactive content),
# headings (they feed the table of contents), code, and content that is not running text.
SKIP = frozenset(
    "a abbr button code h1 h2 h3 h4 h5 h6 kbd label legend math noscript option pre samp "
    "script select style summary svg template textarea title".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Any element carrying this attribute is left alone with everything inside it.
OPT_OUT = "data-iom-no-abbr"
# The first marked abbreviation on a page starts the script that lets Esc close tooltips.
MODULE = "iom-glossary"


@dataclass(frozen=True)
class Abbreviation:
    text: str  # "IOM", "OASys": matched case-sensitively, also with a plural "s"
    expansion: str  # tooltip text
    anchor: str  # glossary entry fragment, e.g. "gl-iom"


def pattern_for(abbreviations: Mapping[str, Abbreviation]) -> re.Pattern | None:
    """A regex for whole-word abbreviations (longest first), optionally plural."""
    if not abbreviations:
        return None
    words = sorted(abbreviations, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # Not part of a longer word, an e-mail address or a dotted name (IOM.Info@…).
    return re.compile(rf"(?<![\w@.])({alternatives})(s?)(?![\w@]|\.\w)")


def plural(expansion: str) -> str:
    """ "Community Rehabilitation Company" → "… Companies"; "Partnership" → "Partnerships"."""
    if expansion.endswith("s"):
        return expansion
    if re.search(r"[^aeiou]y$", expansion):
        return expansion[:-1] + "ies"
    return expansion + "s"


class _Wrapper(HTMLParser):
    def __init__(self, abbreviations, pattern, href_for):
        super().__init__(convert_charrefs=False)
        self.abbreviations = abbreviations
        self.pattern = pattern
        self.href_for = href_for
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping inside it)
        self.seen: set[str] = set()
        self.module_placed = False

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID:
            return
        skip = self.skipping or tag in SKIP or any(name == OPT_OUT for name, _ in attrs)
        self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.skipping or self.pattern is None:
            self.out.append(data)
        else:
            self.out.append(self.pattern.sub(self._mark, data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def _mark(self, match: re.Match) -> str:
        word, plural_s = match.group(1), match.group(2)
        abbreviation = self.abbreviations[word]
        expansion = plural(abbreviation.expansion) if plural_s else abbreviation.expansion
        title = escape(expansion, quote=True)
        text = escape(word + plural_s, quote=False)
        if word in self.seen or self.href_for is None:
            return f'<abbr class="iom-abbr" title="{title}">{text}</abbr>'
        self.seen.add(word)
        module = ""
        if not self.module_placed:
            module = f' data-module="{MODULE}"'
            self.module_placed = True
        href = escape(self.href_for(abbreviation.anchor), quote=True)
        return (
            f'<abbr class="iom-abbr iom-abbr--first" title="{title}"{module}>'
            f'<a class="iom-abbr__link" href="{href}">{text}</a></abbr>'
        )


def wrap_abbreviations(
    html: str,
    abbreviations: Mapping[str, Abbreviation],
    href_for: Callable[[str], str] | None = None,
) -> str:
    """Return `html` with every glossary abbreviation in running text marked up.

    Args:
        html: a page's rendered content.
        abbreviations: by the exact text matched ("IOM").
        href_for: makes the link to a glossary anchor from this page; None marks
            every occurrence without a link.
    """
    wrapper = _Wrapper(abbreviations, pattern_for(abbreviations), href_for)
    wrapper.feed(html)
    wrapper.close()
    # Anything the tokenizer held back at the end (an unfinished tag) is kept as it was.
    tail = wrapper.rawdata
    return "".join(wrapper.out) + tail


def abbreviations_from_glossary(doc, anchor: Callable[[str], str]) -> dict[str, Abbreviation]:
    """The lookup `wrap_abbreviations` needs, from the typed glossary document."""
    return {
        term.abbreviation: Abbreviation(term.abbreviation, term.expansion, anchor(term.id))
        for term in doc.terms
    }
