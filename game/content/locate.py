"""Finds the node a problem is about, from its location in the data (keys and indices), to give its line and column.

Used only when there is a problem, so a valid file never pays for it.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Optional

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from game.content.parsing import scalar_value

# Where a finding points: the value at the location, the key naming it, or the
# mapping that should contain it (for a missing key: the item's first line).
VALUE, KEY, ITEM = "value", "key", "item"


class Finding(NamedTuple):
    """A problem found in the data, before it is placed in the file."""

    loc: tuple
    target: str
    code: str
    params: dict
    hint: Optional[str] = None


class Locator:
    """Walks the node tree along a location; remembers the file's lines to quote them."""

    def __init__(self, root: Any, data: bytes):
        self.root = root
        self._data = data
        self._lines: Optional[list[str]] = None
        # Per mapping node, its keys as read -> (key node, value node); built on
        # first visit so that placing many problems stays linear.
        self._mappings: dict[int, dict] = {}

    def _pairs(self, node: MappingNode) -> dict:
        pairs = self._mappings.get(id(node))
        if pairs is None:
            pairs = {}
            for key_node, value_node in node.value:
                if type(key_node) is ScalarNode:
                    key = scalar_value(key_node)
                    # (type, value): True and 1 are different keys here; the first one written wins.
                    pairs.setdefault((type(key), key), (key_node, value_node))
            self._mappings[id(node)] = pairs
        return pairs

    def nodes_along(self, loc: tuple) -> tuple[Any, Optional[Any], int]:
        """The deepest node reached along `loc`, the key node naming it, and how many segments were followed.

        Segments that match nothing (names pydantic adds for the branches of a
        union, `[key]`) are skipped.
        """
        node, key_node, followed = self.root, None, 0
        for segment in loc:
            if type(node) is MappingNode:
                found = self._pairs(node).get((type(segment), segment))
                if found is not None:
                    key_node, node = found
                    followed += 1
            elif type(node) is SequenceNode and type(segment) is int and 0 <= segment < len(node.value):
                node, key_node = node.value[segment], None
                followed += 1
        return node, key_node, followed

    def place(self, loc: tuple, target: str) -> tuple[int, int, Any]:
        """1-based line and column of a finding, and the node found there."""
        if target == ITEM:
            node, _, _ = self.nodes_along(loc[:-1])
            mark = node.start_mark
        else:
            node, key_node, _ = self.nodes_along(loc)
            chosen = key_node if target == KEY and key_node is not None else node
            mark = chosen.start_mark
        return mark.line + 1, mark.column + 1, node

    def source_line(self, line: int) -> Optional[str]:
        if self._lines is None:
            self._lines = self._data.decode("utf-8", "replace").splitlines()
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1]
        return None
