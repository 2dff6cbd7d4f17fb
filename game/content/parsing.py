"""YAML text -> plain Python values with PyYAML's C parser, keeping the node tree for locating problems.

PyYAML lets through things a scenario must refuse: duplicate keys, keys that
are not texts, tags, aliases that expand enormously. The C composer gives
nodes with their line and column; this module turns them into dicts, lists
and scalars itself (faster than PyYAML's generic constructor) and reports
those problems at their node.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Optional

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_DEPTH = 20
MAX_EXPANDED_NODES = 200_000
MAX_EXPANDED_CHARS = 8 * 2 * 1024 * 1024
MAX_INT_DIGITS = 18

# Tags our resolver gives to nodes written without a tag. Any other tag on a
# node means the file wrote one explicitly (`!!str`, `!!python/...`, `!foo`).
TEXT_TAG = "coop:text"  # quoted scalar, or plain scalar that cannot be a number, boolean or null
PLAIN_TAG = "coop:plain"  # plain scalar that may be a number, boolean or null
MAP_TAG = "coop:map"
SEQ_TAG = "coop:seq"
_OWN_TAGS = frozenset((TEXT_TAG, PLAIN_TAG, MAP_TAG, SEQ_TAG))

# First characters of the plain scalars YAML may read as something else than a text.
_MAYBE_NOT_TEXT = frozenset("-+.0123456789~nNyYtTfFoO")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLEANS = {
    word: value
    for words, value in (("yes true on", True), ("no false off", False))
    for base in words.split()
    for word in (base, base.capitalize(), base.upper())
}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {
    **{sign + word: float(sign + "inf") for sign in ("", "+", "-") for word in (".inf", ".Inf", ".INF")},
    **{word: float("nan") for word in (".nan", ".NaN", ".NAN")},
}


class _NodeLoader(yaml.CSafeLoader):
    """The C parser and composer, with a resolver that only marks which plain scalars need a closer look."""

    def resolve(self, kind, value, implicit):  # noqa: D102 - PyYAML hook
        if kind is ScalarNode:
            if implicit[0] and (not value or value[0] in _MAYBE_NOT_TEXT):
                return PLAIN_TAG
            return TEXT_TAG
        return MAP_TAG if kind is MappingNode else SEQ_TAG


class NodeProblem(NamedTuple):
    """A problem found while reading the YAML, at a node's (0-based) mark."""

    line: int
    col: int
    code: str
    params: dict
    hint: Optional[str]


class ParseFailure(Exception):
    """The file could not be read as one YAML document: nothing more can be checked."""

    def __init__(self, problems: list[NodeProblem]):
        super().__init__(problems[0].code)
        self.problems = problems


class Parsed(NamedTuple):
    data: Any
    root: Any  # the root node, kept to locate later problems
    problems: list[NodeProblem]  # non-fatal: the data is usable, these are reported too


def plain_value(text: str) -> Any:
    """What a plain (unquoted) scalar means: null, boolean, integer, float, or the text itself."""
    if text in _NULLS:
        return None
    boolean = _BOOLEANS.get(text)
    if boolean is not None:
        return boolean
    if _INT.match(text):
        return int(text) if len(text.lstrip("+-")) <= MAX_INT_DIGITS else _TOO_LARGE
    if _FLOAT.match(text):
        return float(text)
    special = _SPECIAL_FLOATS.get(text)
    if special is not None:
        return special
    return text


class _TooLarge:
    """Stands for an integer with too many digits (Python refuses to read very long ones)."""


_TOO_LARGE = _TooLarge()


def shown_tag(tag: str) -> str:
    """A tag as the file wrote it: `!!str` rather than `tag:yaml.org,2002:str`."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def scalar_value(node: ScalarNode) -> Any:
    return plain_value(node.value) if node.tag == PLAIN_TAG else node.value


def _yaml_error_problem(error: yaml.YAMLError) -> NodeProblem:
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    problem = (getattr(error, "problem", None) or str(error)).strip()
    context = (getattr(error, "context", None) or "").strip()
    hint = None
    code = "yaml_syntax"
    if "expected a single document" in context:
        code = "several_documents"
    elif "found undefined alias" in problem:
        code = "undefined_alias"
    elif "'\\t'" in problem or re.search(r"\btabs?\b", problem):
        hint = "hint_tabs"
    elif "mapping values are not allowed" in problem:
        hint = "hint_quote_colon"
    elif "end of stream" in problem and "quoted scalar" in context and context_mark is not None:
        # An unclosed quote is found at the end of the file; point where it opens.
        code, mark = "unclosed_quote", context_mark
    elif problem.startswith(("did not find expected ',' or", "did not find expected ']'", "did not find expected '}'")) \
            and context_mark is not None and mark is not None and mark.line != context_mark.line:
        # A [ or { never closed is only noticed lines later; point where it opens.
        code, mark = "unclosed_bracket", context_mark
    elif "could not find expected ':'" in problem or "simple key" in context:
        hint = "hint_quote_colon"
    if mark is None:
        mark = context_mark
    line, col = (mark.line, mark.column) if mark is not None else (0, 0)
    if "maximum nesting depth" in problem:
        # libyaml's own depth guard (brackets thousands deep): the same message as our limit, in the user's language.
        return NodeProblem(line, col, "too_deep", {"limit": MAX_DEPTH}, None)
    return NodeProblem(line, col, code, {"problem": problem, "context": context}, hint)


def compose(data: bytes) -> Optional[Any]:
    """The root node of the single YAML document in `data` (None for an empty file)."""
    loader = _NodeLoader(data)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise ParseFailure([_yaml_error_problem(error)]) from None
    finally:
        loader.dispose()


class _Builder:
    """Walks the node tree once, building Python values and noting problems.

    Aliases share nodes, so the walk expands them: counting visited nodes and
    characters stops an alias bomb; the depth limit also stops recursive aliases.
    """

    def __init__(self, may_have_aliases: bool = True):
        self.problems: list[NodeProblem] = []
        self.nodes = 0
        self.chars = 0
        # Without aliases the file's size already bounds what it holds: the limit applies only once
        # an alias is met (a list or mapping node reached a second time), never to a large file
        # that merely holds a "*" in a text.
        self.may_have_aliases = may_have_aliases
        self.node_limit = float("inf")
        self._collections: set[int] = set()

    def note(self, node, code: str, hint: Optional[str] = None, **params) -> None:
        mark = node.start_mark
        self.problems.append(NodeProblem(mark.line, mark.column, code, params, hint))

    def fatal(self, node, code: str, **params) -> ParseFailure:
        mark = node.start_mark
        return ParseFailure(self.problems + [NodeProblem(mark.line, mark.column, code, params, None)])

    def build(self, node, depth: int, context: str) -> Any:
        self.nodes += 1
        if self.nodes > self.node_limit:
            raise self.fatal(node, "too_many_nodes", limit=MAX_EXPANDED_NODES)
        tag = node.tag
        if tag not in _OWN_TAGS:
            self.note(node, "tag_forbidden", tag=shown_tag(tag))
        if type(node) is ScalarNode:
            value = node.value
            self.chars += len(value)
            if self.chars > MAX_EXPANDED_CHARS:
                raise self.fatal(node, "too_many_chars", limit=MAX_EXPANDED_CHARS)
            if tag == PLAIN_TAG:
                value = plain_value(value)
                if value is _TOO_LARGE:
                    self.note(node, "number_too_large", value=node.value[:24] + "…")
                    return None
            return value
        depth += 1
        if depth > MAX_DEPTH:
            raise self.fatal(node, "too_deep", limit=MAX_DEPTH)
        if self.may_have_aliases:
            if id(node) in self._collections:
                self.node_limit = MAX_EXPANDED_NODES  # an alias: from now on the expansion is bounded
                if self.nodes > self.node_limit:
                    raise self.fatal(node, "too_many_nodes", limit=MAX_EXPANDED_NODES)
            else:
                self._collections.add(id(node))
        if type(node) is SequenceNode:
            return [self.build(item, depth, "") for item in node.value]
        return self.build_mapping(node, depth, context)

    def build_mapping(self, node, depth: int, context: str) -> dict:
        result: dict = {}
        first_key_nodes: Optional[dict] = None  # built at the first duplicate only
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.note(key_node, "key_not_scalar")
                continue
            key = scalar_value(key_node)
            if key_node.tag not in _OWN_TAGS:
                self.note(key_node, "tag_forbidden", tag=shown_tag(key_node.tag))
            if type(key) is not str and not (context == "round_keys" and type(key) is int):
                self.note(key_node, "key_not_text", "hint_quote_key", name=key_node.value)
                continue
            if key in result:
                if first_key_nodes is None:
                    first_key_nodes = {}
                    for candidate, _ in node.value:
                        if type(candidate) is ScalarNode:
                            first_key_nodes.setdefault(scalar_value(candidate), candidate)
                first = first_key_nodes[key]
                self.note(key_node, "duplicate_key", name=key, first_line=first.start_mark.line + 1)
                continue
            if context == "root":
                child = "round_keys" if key == "round_texts" else "debrief" if key == "debrief" else ""
            elif context == "debrief" and key == "rounds":
                child = "round_keys"
            else:
                child = ""
            result[key] = self.build(value_node, depth, child)
        return result


def parse(data: bytes) -> Parsed:
    """Parse acceptable UTF-8 bytes (see `decoding.decode`); raises ParseFailure when nothing can be checked."""
    root = compose(data)
    if root is None:
        raise ParseFailure([NodeProblem(0, 0, "empty_file", {}, None)])
    builder = _Builder(may_have_aliases=b"*" in data)
    value = builder.build(root, 0, "root")
    if not isinstance(value, dict):
        raise ParseFailure(builder.problems + [NodeProblem(root.start_mark.line, root.start_mark.column, "root_not_mapping", {}, None)])
    return Parsed(value, root, builder.problems)
