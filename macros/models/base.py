"""Turn raw YAML (dicts and lists) into typed dataclasses, collecting every problem.

Each content kind declares plain dataclasses. `build` walks the raw data against their type
hints and records errors as "key.path: message" instead of stopping at the first one, so
one build reports everything wrong in a file. Fields typed `Ref` (or `list[Ref]`) hold ids
that must exist elsewhere in the content; they are collected for the validator.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, NewType, Union, get_args, get_origin

Ref = NewType("Ref", str)
"""An id of an item defined elsewhere in data/ (checked by the validator)."""


@dataclass
class Source:
    """Where an item comes from: a `sources.yml` id and a section of that document."""

    doc: Ref
    section: str


@dataclass
class Point:
    """A point in a bulleted list, with any sub-points nested under it.

    In YAML a point without sub-points may be written as plain text.
    """

    FROM_TEXT: ClassVar[str] = "text"
    text: str
    points: list[Point] = field(default_factory=list)


@dataclass
class BuildResult:
    """What `build` collected besides the object: problems and references to resolve."""

    errors: list[str] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (key path, referenced id)


def build(cls: Any, raw: Any, path: str, result: BuildResult) -> Any:
    """Build an instance of type `cls` from `raw`, recording problems under `path`."""
    origin = get_origin(cls)
    if cls is Any:
        return raw
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(cls) if a is not type(None)]
        if raw is None:
            return None
        return build(options[0], raw, path, result)
    if cls is Ref:
        if not isinstance(raw, str) or not raw.strip():
            result.errors.append(f"{path}: expected an id (text), got {_describe(raw)}")
            return ""
        result.refs.append((path, raw))
        return raw
    if origin is list:
        (item_type,) = get_args(cls)
        if not isinstance(raw, list):
            result.errors.append(f"{path}: expected a list, got {_describe(raw)}")
            return []
        return [build(item_type, item, f"{path}[{i}]", result) for i, item in enumerate(raw)]
    if origin is dict:
        _, value_type = get_args(cls)
        if not isinstance(raw, dict):
            result.errors.append(f"{path}: expected a mapping, got {_describe(raw)}")
            return {}
        return {str(k): build(value_type, v, f"{path}.{k}", result) for k, v in raw.items()}
    if dataclasses.is_dataclass(cls):
        return _build_dataclass(cls, raw, path, result)
    if cls is str:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return str(raw)
        if not isinstance(raw, str):
            result.errors.append(f"{path}: expected text, got {_describe(raw)}")
            return ""
        return raw
    if cls is float:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            result.errors.append(f"{path}: expected a number, got {_describe(raw)}")
            return 0.0
        return float(raw)
    if cls is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            result.errors.append(f"{path}: expected a whole number, got {_describe(raw)}")
            return 0
        return raw
    if cls is bool:
        if not isinstance(raw, bool):
            result.errors.append(f"{path}: expected true or false, got {_describe(raw)}")
            return False
        return raw
    if origin is typing.Literal:
        allowed = get_args(cls)
        if raw not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            result.errors.append(f"{path}: expected one of {choices}, got {_describe(raw)}")
            return allowed[0]
        return raw
    raise TypeError(f"unsupported field type {cls!r} at {path}")


def _build_dataclass(cls: Any, raw: Any, path: str, result: BuildResult) -> Any:
    shorthand = getattr(cls, "FROM_TEXT", None)
    if shorthand and isinstance(raw, str):
        raw = {shorthand: raw}
    if not isinstance(raw, dict):
        result.errors.append(f"{path or '(top)'}: expected a mapping, got {_describe(raw)}")
        raw = {}
    hints, fields = _shape(cls)
    for unknown in sorted(set(map(str, raw)) - set(fields)):
        known = ", ".join(fields)
        result.errors.append(f"{_join(path, unknown)}: unknown key (expected one of: {known})")
    values = {}
    for name, spec in fields.items():
        key_path = _join(path, name)
        required = (
            spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        )
        if name not in raw or raw[name] is None:
            if required:
                result.errors.append(f"{key_path}: required but missing")
                values[name] = _empty(hints[name])
            continue
        value = build(hints[name], raw[name], key_path, result)
        if required and isinstance(value, str) and not value.strip():
            result.errors.append(f"{key_path}: required text is empty")
        if required and isinstance(value, (list, dict)) and not value:
            result.errors.append(f"{key_path}: required but empty")
        values[name] = value
    return cls(**values)


@functools.cache
def _shape(cls: Any) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A dataclass's resolved type hints and fields (resolving hints is slow; do it once)."""
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


def _empty(tp: Any) -> Any:
    origin = get_origin(tp)
    if origin is list:
        return []
    if origin is dict:
        return {}
    if tp in (int, float):
        return tp()
    if dataclasses.is_dataclass(tp):
        return None
    return ""


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _describe(raw: Any) -> str:
    if raw is None:
        return "nothing"
    text = repr(raw)
    return f"{type(raw).__name__} {text[:40]}{'…' if len(text) > 40 else ''}"


def walk_ids(obj: Any, path: str = ""):
    """Yield (key path, id) for every dataclass in `obj` that has an `id` field."""
    if dataclasses.is_dataclass(obj):
        item_id = getattr(obj, "id", None)
        if isinstance(item_id, str) and item_id:
            yield path or "(top)", item_id
        for f in dataclasses.fields(obj):
            yield from walk_ids(getattr(obj, f.name), _join(path, f.name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from walk_ids(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from walk_ids(item, _join(path, str(key)))
