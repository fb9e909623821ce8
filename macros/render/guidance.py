"""Guidance for each gap: what the other frameworks say good looks like, beside an item rated
Red or Amber in a report.

Everything goes through the crosswalk (data/crosswalk.yml), whose rows are the Self Assessment
Tool's five principles, each mapped to 2015 Key Principles (with their closest delivery
elements, `via`), inspection findings (2020) and efficiency themes; and through the Key
Principles each case study illustrates (data/case-studies.yml). For an element of the tool the
row is its principle's, narrowed to the element-level links (`elements`) where the documents'
words clearly match; for an item of another framework the rows are those that name it (or its
principle or theme). Each group of guidance says which it is: matched to this item, or mapped
for a whole principle. Nothing is inferred beyond what the data states.

Built at build time into the report page's JSON, as titles, links and ids.
"""

from __future__ import annotations

from ..models.crosswalk import Mapping
from .principles import crosswalk_anchor

# How long a title may be beside a gap; longer ones end at a word with "…" (in full on the
# page the link goes to).
SHORT_TITLE = 90
# Case studies listed by name beside one gap; more are reached through the case studies page
# filtered by principle.
MAX_CASES = 4
ELEMENT = "element"  # matched to this very item (an element-level link, or named in `via`)
PRINCIPLE = "principle"  # mapped for a whole principle (or theme, or finding) only


def short_title(text: str) -> str:
    """The title as published, ending at its first clause (an inspection finding's "; this…")
    or cut at a word near SHORT_TITLE characters with "…"; its first letter a capital."""
    text = " ".join(text.split()).split("; ", 1)[0].rstrip(".")
    if len(text) > SHORT_TITLE:
        text = text[: SHORT_TITLE + 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]


def _parent(item_id: str) -> str:
    """The principle, theme or finding an item belongs to: SA-1.1 → SA-1, ET-1.Q01 → ET-1."""
    return item_id.split(".", 1)[0]


def _kind(item_id: str, content) -> str:
    return content.ids[item_id].file


def _rows(item_id: str, content) -> tuple[list[Mapping], str]:
    """The crosswalk rows an item is reached by, and whether it is named at element level."""
    mappings = content.docs["crosswalk"].mappings
    if _kind(item_id, content) == "self-assessment":
        return [m for m in mappings if m.principle == _parent(item_id)], PRINCIPLE
    links = [
        (m, link)
        for m in mappings
        for name in ("key_principles", "inspection_findings", "efficiency_themes")
        for link in getattr(m, name)
    ]
    named = [m for m, link in links if item_id in link.via]
    if named:
        return _unique(named), ELEMENT
    parent = _parent(item_id)
    return _unique([m for m, link in links if link.ref in (item_id, parent)]), PRINCIPLE


def _unique(mappings: list[Mapping]) -> list[Mapping]:
    seen: list[Mapping] = []
    for m in mappings:
        if all(m is not s for s in seen):
            seen.append(m)
    return seen


def item_guidance(content, item_id: str) -> dict:
    """The guidance for one item: {through: [SA principle ids], groups: [{kind, basis, ids}]}.

    kind: "elements" (2015 delivery elements, or whole principles), "findings" (2020
    inspection findings) or "cases" (case studies, with `principles`: the Key Principles
    they were chosen by). basis: ELEMENT (matched to this item) or PRINCIPLE (mapped for a
    whole principle, theme or finding). through: the crosswalk rows it was found in.
    """
    rows, reached = _rows(item_id, content)
    kind = _kind(item_id, content)
    own_links = [e for m in rows for e in m.elements if e.item == item_id]
    groups = []

    kp_refs: list[str] = []
    if kind != "principles-2015":
        matched = [e.ref for e in own_links if e.ref.startswith("KP-")]
        if matched:
            kp_refs, basis = matched, ELEMENT
        elif kind == "self-assessment" or reached == ELEMENT:
            # The principle's closest delivery elements (`via`), or the principle itself.
            kp_refs = [r for m in rows for link in m.key_principles for r in link.via or [link.ref]]
            basis = PRINCIPLE
        else:
            kp_refs = [link.ref for m in rows for link in m.key_principles]
            basis = PRINCIPLE
        kp_refs = _distinct(kp_refs, item_id)
        if kp_refs:
            groups.append({"kind": "elements", "basis": basis, "ids": kp_refs})

    if kind != "effective-practice":
        matched = [e.ref for e in own_links if e.ref.startswith("EPG-")]
        refs = _distinct(
            matched or [link.ref for m in rows for link in m.inspection_findings], item_id
        )
        if refs:
            groups.append(
                {"kind": "findings", "basis": ELEMENT if matched else PRINCIPLE, "ids": refs}
            )

    # Case studies are tagged with the Key Principles they illustrate: always per principle.
    principles = (
        [_parent(item_id)]
        if kind == "principles-2015"
        else _distinct([_parent(r) for r in kp_refs], item_id)
    )
    cases = _cases(content, principles)
    if cases:
        groups.append(cases)
    return {"through": [m.principle for m in rows], "groups": groups}


def _distinct(ids: list[str], leave_out: str) -> list[str]:
    return [i for i in dict.fromkeys(ids) if i != leave_out]


def _cases(content, principles: list[str]) -> dict | None:
    """Case studies illustrating any of `principles`: those illustrating most of them first,
    then in the order of the case studies page; at most MAX_CASES, the rest through the case
    studies page filtered by principle (`more`: the principles with more cases than shown)."""
    cases = content.docs["case-studies"].cases
    wanted = set(principles)
    scored = sorted(
        (-len(set(case.principles.ids) & wanted), n, case.id)
        for n, case in enumerate(cases)
        if set(case.principles.ids) & wanted
    )
    if not scored:
        return None
    shown = [case_id for _, _, case_id in scored[:MAX_CASES]]
    more = [
        p
        for p in principles
        if sum(p in case.principles.ids for case in cases)
        > sum(p in content.get(c).principles.ids for c in shown)
    ]
    return {
        "kind": "cases",
        "basis": PRINCIPLE,
        "ids": shown,
        "principles": principles,
        "more": more,
    }


def instrument_guidance(content, linker, doc) -> dict:
    """The guidance map a report reads: {items: {item id: item_guidance}, entries: {id:
    {title, href}} for every id the items name, principles: {KP id: number of case studies}}.
    Items without a framework ref, or with nothing mapped, have none."""
    items = {}
    if "crosswalk" in content.docs:
        for section in doc.sections:
            for item in section.items:
                ref = item.ref or item.id
                if ref in content.ids:
                    guidance = item_guidance(content, ref)
                    if guidance["groups"]:
                        items[item.id] = guidance
    named = {
        i
        for g in items.values()
        for i in [*g["through"], *(x for group in g["groups"] for x in group["ids"])]
    }
    entries = {}
    for ref in sorted(named):
        href = (
            linker.page("crosswalk.md", crosswalk_anchor(ref))
            if content.ids[ref].file == "self-assessment"
            else linker.item(ref)
        )
        entries[ref] = {"title": short_title(content.get(ref).title), "href": href}
    cases_page = linker.page("case-studies.md")
    more = {p for g in items.values() for group in g["groups"] for p in group.get("more", [])}
    filtered = {
        p: {
            "count": sum(p in c.principles.ids for c in content.docs["case-studies"].cases),
            "href": f"{cases_page}?principle={p}",
        }
        for p in sorted(more)
    }
    return {"items": items, "entries": entries, "caseStudies": filtered}
