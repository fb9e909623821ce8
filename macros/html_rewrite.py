"""A tokenizer that copies rendered HTML through unchanged, for passes that rewrite a little of it.

Subclasses override the handlers they need and append to `out`; everything else (tags,
entities, comments, declarations) is written back exactly as it was read. Nothing here imports
MkDocs.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class CopyThrough(HTMLParser):
    """Reads HTML and appends every token, unchanged, to `out`."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def rewrite(self, html: str) -> str:
        """Feed `html` and return the output; an unfinished tag at the end is kept as it was."""
        self.feed(html)
        self.close()
        self.finish()
        return "".join(self.out) + self.rawdata

    def finish(self) -> None:
        """Called once the whole input is read, before the output is joined."""

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

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


class OpenElements(CopyThrough):
    """CopyThrough that also tracks the open elements, each with a flag that is inherited.

    A pass calls `opened(tag, flag)` from its start-tag handler; `flagged` then says whether the
    text being read sits inside an element that set the flag (or inside one of its children).
    End tags close back to the matching open element, so stray or omitted end tags do no harm.
    """

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []  # (tag, flag)

    @property
    def flagged(self) -> bool:
        return bool(self.open) and self.open[-1][1]

    def opened(self, tag: str, flag: bool) -> None:
        if tag not in VOID:
            self.open.append((tag, self.flagged or flag))

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break
