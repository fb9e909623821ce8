"""Build typed content from raw data and check the rules that span files.

Every problem is collected; `ContentInvalid` is raised once with all of them, each naming
the data file and the key path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .models import kind_modules, module_for
from .models.base import BuildResult, build, walk_ids
from .models.paraphrase import unsupported


class ContentInvalid(Exception):
    """The data in data/ has problems; the message lists every one."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        listing = "\n".join(f"  - {e}" for e in errors)
        super().__init__(f"{len(errors)} problem(s) in data/:\n{listing}")


@dataclass
class Location:
    file: str  # data file key, e.g. "principles-2015"
    path: str  # key path inside the file
    item: Any  # the typed object carrying the id


@dataclass
class Content:
    """All validated content: the typed documents and an index of every id."""

    docs: dict[str, Any] = field(default_factory=dict)
    ids: dict[str, Location] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # data file key → docs page

    def get(self, item_id: str) -> Any:
        return self.ids[item_id].item

    def page_of(self, item_id: str) -> str | None:
        """The docs page (e.g. "principles.md") on which an id is shown."""
        return self.pages.get(self.ids[item_id].file)

    def instruments(self) -> dict[str, Any]:
        """Instrument documents keyed by file key, e.g. "instruments/self-assessment-2010"."""
        return {k: v for k, v in self.docs.items() if k.startswith("instruments/")}


def build_content(raw: dict[str, Any], load_errors: list[str] | None = None) -> Content:
    """Type-check every file, index ids, resolve references; raise ContentInvalid on any problem."""
    errors = list(load_errors or [])
    content = Content()
    modules = kind_modules()
    refs: list[tuple[str, str, str]] = []
    for key, data in raw.items():
        module = module_for(key, modules)
        shown = f"data/{key}.yml"
        if module is None:
            errors.append(f"{shown}: no model describes this file (add one in macros/models/)")
            continue
        result = BuildResult()
        content.docs[key] = build(module.Document, data, "", result)
        errors.extend(f"{shown}: {e}" for e in result.errors)
        errors.extend(f"{shown}: {e}" for e in unsupported(content.docs[key]))
        refs.extend((key, path, ref) for path, ref in result.refs)
        if hasattr(module, "page_of_doc"):
            content.pages[key] = module.page_of_doc(content.docs[key])
        elif hasattr(module, "PAGE"):
            content.pages[key] = module.PAGE
    for key, doc in content.docs.items():
        # Instruments reuse framework ids for their items: only an instrument's own id (its
        # file name) is indexed, so data can link to its page by id.
        if key.startswith("instruments/"):
            ids = [("id", doc.id)]
            if doc.id and doc.id != key.removeprefix("instruments/"):
                errors.append(f"data/{key}.yml: id: '{doc.id}' should be the file name")
        else:
            ids = walk_ids(doc)
        for path, item_id in ids:
            if item_id in content.ids:
                first = content.ids[item_id]
                errors.append(
                    f"data/{key}.yml: {path}: duplicate id '{item_id}' "
                    f"(first defined in data/{first.file}.yml: {first.path})"
                )
                continue
            content.ids[item_id] = Location(key, path, _item_at(doc, path))
    shown_on: dict[str, str] = {}
    for key in content.instruments():
        page = content.pages[key]
        if page in shown_on:
            errors.append(f"data/{key}.yml: page: '{page}' is data/{shown_on[page]}.yml's page too")
        shown_on.setdefault(page, key)
    for key, path, ref in refs:
        if ref not in content.ids:
            errors.append(f"data/{key}.yml: {path}: unknown id '{ref}'")
    if not errors:
        for key, doc in content.docs.items():
            module = module_for(key, modules)
            if hasattr(module, "check"):
                errors.extend(f"data/{key}.yml: {e}" for e in module.check(doc, content))
    if errors:
        raise ContentInvalid(errors)
    return content


def _item_at(doc: Any, path: str) -> Any:
    """Follow a key path like "principles[2].elements[0]" back to the object."""
    obj = doc
    if path == "(top)":
        return obj
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        if part.startswith("["):
            obj = obj[int(part[1:-1])]
        elif isinstance(obj, dict):
            obj = obj[part]
        else:
            obj = getattr(obj, part)
    return obj
