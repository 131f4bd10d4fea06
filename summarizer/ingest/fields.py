"""Find an article's text in a JSON object: a named field, a dotted path into nested objects, or the usual names.

``--text-field story.body`` reads ``{"story": {"body": "..."}}``; a number picks from a
list (``versions.0.text``); a key that itself holds a dot is found as it is first.
When no text is found, the error lists the keys the object has and the path of its
longest text, ready to pass (and, when that path runs through a list of several
objects, how to make each its own JSON line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..errors import InputError

__all__ = ["TEXT_FIELDS", "find_text", "http_advice"]

TEXT_FIELDS = ("text", "body", "content", "articleBody", "article", "full_text")
_CLI_ADVICE = re.compile(r"pass --text-field (.+?) \(text_field= in Python\)")
_DEPTH = 4  # how far down the longest text is looked for, to suggest it
_SHOWN_KEYS = 12


def _step(value: Any, key: str) -> Any:
    if isinstance(value, Mapping):
        return value.get(key)
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        return value[int(key)]
    return None


def _resolve(entry: Mapping[str, Any], path: str) -> tuple[Any, Any]:
    """(value, the object holding it) at a field name or dotted path; (None, None) where there is none."""
    if path in entry:
        return entry[path], entry
    parent: Any = entry
    parts = path.split(".")
    for part in parts[:-1]:
        parent = _step(parent, part)
        if parent is None:
            return None, None
    return _step(parent, parts[-1]), parent


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else "empty text"


def _keys(entry: Mapping[str, Any]) -> str:
    """The object's keys, those of nested objects in brackets: 'id, story (headline, body)'."""
    shown = []
    for key, value in list(entry.items())[:_SHOWN_KEYS]:
        if isinstance(value, Mapping) and value:
            inner = ", ".join(str(k) for k in list(value)[:_SHOWN_KEYS])
            shown.append(f"{key} ({inner}{', ...' if len(value) > _SHOWN_KEYS else ''})")
        elif isinstance(value, list):
            shown.append(f"{key} ({_kind(value)})")
        else:
            shown.append(str(key))
    more = f", ... ({len(entry)} in all)" if len(entry) > _SHOWN_KEYS else ""
    return ", ".join(shown) + more if shown else "none"


def _longest_text(value: Any, prefix: str = "", depth: int = 0) -> tuple[int, str, str | None] | None:
    """(length, dotted path, the path of a list of several objects on the way) of the longest string below."""
    best: tuple[int, str, str | None] | None = None
    if depth > _DEPTH:
        return None
    items: list[tuple[str, Any]] = []
    if isinstance(value, Mapping):
        items = [(str(key), inner) for key, inner in value.items()]
    elif isinstance(value, list):
        items = [(str(index), inner) for index, inner in enumerate(value[:_SHOWN_KEYS])]
    for key, inner in items:
        path = f"{prefix}{key}"
        found: tuple[int, str, str | None] | None
        if isinstance(inner, str) and inner.strip():
            found = (len(inner), path, None)
        else:
            found = _longest_text(inner, path + ".", depth + 1)
            if found and found[2] is None and isinstance(inner, list) and len(inner) > 1:
                found = (found[0], found[1], path)  # several articles in one object's list, maybe
        if found and (best is None or found[0] > best[0]):
            best = found
    return best


def _advice(entry: Mapping[str, Any]) -> str:
    longest = _longest_text(entry)
    if longest is None:
        return f"its keys are {_keys(entry)}; it holds no text at all"
    _, path, listed = longest
    hint = f"its longest text is at {path}: pass --text-field {path} (text_field= in Python)"
    if listed:
        jq = "".join(
            f"[{part}]" if part.isdigit() else f".{part}" if part.isidentifier() else f'["{part}"]'
            for part in listed.split(".")
        )
        hint += (
            f"; if {listed} holds one article an item, make each its own line first: "
            f"jq -c '{jq}[]' FILE > articles.jsonl"
        )
    return f"its keys are {_keys(entry)}; {hint}"


def http_advice(message: str) -> str:
    """The message with its ``--text-field`` advice given as the service's ``?text_field=`` instead."""
    return _CLI_ADVICE.sub(r"add ?text_field=\1 to the request's URL", message)


def find_text(entry: Mapping[str, Any], label: str, chosen: str | None = None) -> tuple[str, Mapping[str, Any]]:
    """Return the article text and the object holding it, or raise InputError naming the keys and what to pass."""
    if chosen:
        value, parent = _resolve(entry, chosen)
        if isinstance(value, str) and value.strip():
            return value, parent if isinstance(parent, Mapping) else entry
        if parent is None or not _present(parent, chosen):
            raise InputError(f"{label} has no field {chosen}; {_advice(entry)}")
        raise InputError(f"{label}: field {chosen} holds {_kind(value)}, not text; {_advice(entry)}")
    for name in TEXT_FIELDS:
        value = entry.get(name)
        if isinstance(value, str) and value.strip():  # {"text": 12345} is no article
            return value, entry
    raise InputError(f"{label} has no text in field {' / '.join(TEXT_FIELDS)}; {_advice(entry)}")


def _present(parent: Any, chosen: str) -> bool:
    """True when the last step of the path names a key (or index) that exists, even if its value is null."""
    last = chosen if isinstance(parent, Mapping) and chosen in parent else chosen.rsplit(".", 1)[-1]
    if isinstance(parent, Mapping):
        return last in parent
    return isinstance(parent, list) and last.isdigit() and int(last) < len(parent)
