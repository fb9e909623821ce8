"""Mark up glossary abbreviations in rendered page HTML so each shows its expansion.

The first whole-word occurrence of each glossary abbreviation in running text on a page becomes
`<abbr title="expansion">` holding a link to its glossary entry: the theme's `content.tooltips`
feature shows the expansion on hover and, as the link takes the keyboard focus, on focus; the
link leads to the definition. Later occurrences on the same page stay plain text, as W3C
technique G102 allows (the expansion is given where the abbreviation is first used). Marking
only the first keeps the page light: the theme mounts a tooltip, with its own observers, on
every element that has a `title`.

The HTML is read with the standard library's tokenizer, not with regular expressions over
markup; the original markup is copied through unchanged and only text between tags is
rewritten. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from macros.html_rewrite import OpenElements

# Elements whose text is never marked: links and controls (no nested interactive content),
# headings (they feed the table of contents), code, and content that is not running text.
SKIP = frozenset(
    "a abbr button code h1 h2 h3 h4 h5 h6 kbd label legend math noscript option pre samp "
    "script select style summary svg template textarea title".split()
)
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


class _Wrapper(OpenElements):
    def __init__(self, abbreviations, pattern, href_for):
        super().__init__()
        self.abbreviations = abbreviations
        self.pattern = pattern
        self.href_for = href_for
        self.seen: set[str] = set()

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        # Text inside a skipped element is left as it is.
        self.opened(tag, tag in SKIP or any(name == OPT_OUT for name, _ in attrs))

    def handle_data(self, data):
        if self.flagged or self.pattern is None or len(self.seen) == len(self.abbreviations):
            self.out.append(data)
        else:
            self.out.append(self.pattern.sub(self._mark, data))

    def _mark(self, match: re.Match) -> str:
        word, plural_s = match.group(1), match.group(2)
        if word in self.seen:
            return match.group(0)
        module = "" if self.seen else f' data-module="{MODULE}"'
        self.seen.add(word)
        abbreviation = self.abbreviations[word]
        expansion = plural(abbreviation.expansion) if plural_s else abbreviation.expansion
        title = escape(expansion, quote=True)
        text = escape(word + plural_s, quote=False)
        href = escape(self.href_for(abbreviation.anchor), quote=True)
        return (
            f'<abbr class="iom-abbr" title="{title}"{module}>'
            f'<a class="iom-abbr__link" href="{href}">{text}</a></abbr>'
        )


def wrap_abbreviations(
    html: str,
    abbreviations: Mapping[str, Abbreviation],
    href_for: Callable[[str], str],
) -> str:
    """Return `html` with the first occurrence of each glossary abbreviation marked up.

    Args:
        html: a page's rendered content.
        abbreviations: by the exact text matched ("IOM").
        href_for: makes the link to a glossary anchor from this page.
    """
    return _Wrapper(abbreviations, pattern_for(abbreviations), href_for).rewrite(html)


def abbreviations_from_glossary(doc, anchor: Callable[[str], str]) -> dict[str, Abbreviation]:
    """The lookup `wrap_abbreviations` needs, from the typed glossary document."""
    return {
        term.abbreviation: Abbreviation(term.abbreviation, term.expansion.text, anchor(term.id))
        for term in doc.terms
    }
