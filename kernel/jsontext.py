"""How deeply a JSON text nests, measured before it is parsed (the parsers recurse; a hostile file
can nest a million levels)."""

from __future__ import annotations

import re

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text (brackets inside strings skipped)."""
    depth = deepest = 0
    for c in _NOT_BRACKETS.sub("", _STRINGS.sub("", text)):
        if c in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest
