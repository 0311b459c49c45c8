"""The characters a regular expression's matches can begin with, as a lookahead to put in front of it.

Python's ``re`` tries a pattern at every position of the text; a long alternation of words under
IGNORECASE (month names, ordinals) fails slowly at each. A lookahead that names the first two
characters a match can start with fails at once where none can, and changes no match: it only
states what the pattern already requires. It is read from the parsed pattern, so it follows the
word lists the pattern is built from.
"""
from __future__ import annotations

import re

try:  # the parser behind re.compile (Python 3.11+); without it no lead is read, and nothing else changes
    from re import _constants as C
    from re import _parser
except ImportError:  # pragma: no cover
    C = _parser = None

#: a class of more characters than this is taken as "any character" (a lookahead of it would gain nothing)
_MAX_CLASS = 64
#: stands for \\d (any decimal digit, as the pattern's flags define one) among the characters of a position
_DIGIT = "\\d"

_Prefix = tuple  # of frozenset[str] (the characters one position can hold) or None (any character)


def lead(pattern: str, flags: int = 0, width: int = 2) -> str:
    """Return a lookahead (``"(?=...)"``) that every match of ``pattern`` under ``flags`` passes where
    it starts: the first ``width`` characters it can begin with; "" when a match may begin with any
    character (or with nothing), or the pattern holds what is not read here.

    Its letters are matched ignoring case (a superset of what the pattern's own letters match, with
    or without IGNORECASE), so the lookahead may be put in front of the pattern under any flags.

    >>> lead(r"(?:may|march|june)\\s+\\d+", re.I)
    '(?=(?i:[JMjm]))(?=(?i:[Jj][Uu]|[Mm][Aa]))'
    >>> lead(r"\\w+day")
    ''
    """
    try:
        prefixes = _seq(_parser.parse(pattern, flags), flags, width)
    except Exception:  # a pattern or a parser this module cannot read: no lead, never an error
        return ""
    if not prefixes or any(not p or p[0] is None for p in prefixes):
        return ""
    # the characters that may follow each first character: a class of second characters per group
    follow: dict[str, frozenset[str] | None] = {}
    for p in prefixes:
        second = p[1] if len(p) > 1 else None
        for c in p[0]:
            if c in follow and (follow[c] is None or second is None):
                follow[c] = None
            else:
                follow[c] = second if c not in follow else follow[c] | second
    groups: dict[frozenset[str] | None, set[str]] = {}
    for c, second in follow.items():
        groups.setdefault(second, set()).add(c)
    alternatives = sorted(_cls(firsts) + ("" if second is None else _cls(second)) for second, firsts in groups.items())
    # the first character alone before the pairs: a class fails faster than an alternation
    first = f"(?=(?i:{_cls(set(follow))}))"
    return first if set(groups) == {None} else f"{first}(?=(?i:{'|'.join(alternatives)}))"


class _Unread(Exception):
    """A part of the pattern this module does not read."""


def _cls(chars: frozenset[str] | set[str]) -> str:
    body = "".join(c if c == _DIGIT else re.escape(c) for c in sorted(chars))
    return f"[{body}]"


def _chars(op, av, flags: int) -> frozenset[str] | None:
    if op is C.LITERAL:
        chars = {chr(av)}
    elif op is C.IN:
        chars = set()
        for o, a in av:
            if o is C.LITERAL:
                chars.add(chr(a))
            elif o is C.RANGE and a[1] - a[0] < _MAX_CLASS:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                chars.add(_DIGIT)
            else:
                return None  # a negated class, a category (\w, \s, \d): any character
    else:
        return None  # ., a character not matched: any character
    if flags & re.I:
        chars |= {x for c in chars if c != _DIGIT for x in (c.lower(), c.upper()) if len(x) == 1}
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


def _seq(items, flags: int, width: int) -> set[_Prefix]:
    """Return the prefixes of at most ``width`` characters a sequence of parsed items can match; one shorter
    than ``width`` is where a match may end."""
    out: set[_Prefix] = {()}
    for op, av in items:
        grown: set[_Prefix] = set()
        for p in out:
            if len(p) >= width:
                grown.add(p)
            else:
                grown.update(p + tail for tail in _item(op, av, flags, width - len(p)))
        out = grown
    return out


def _item(op, av, flags: int, width: int) -> set[_Prefix]:
    if op in (C.LITERAL, C.IN, C.NOT_LITERAL, C.ANY):
        return {(_chars(op, av, flags),)}
    if op is C.BRANCH:
        return {p for alternative in av[1] for p in _seq(alternative, flags, width)}
    if op is C.SUBPATTERN:
        _, add, remove, items = av
        return _seq(items, (flags | add) & ~remove, width)
    if op is C.ATOMIC_GROUP:
        return _seq(av, flags, width)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        least, most, items = av
        out: set[_Prefix] = set()
        current: set[_Prefix] = {()}
        for n in range(min(most, width) + 1):
            if n >= least:
                out |= current
            if n == min(most, width):
                break
            current = {p + tail if len(p) < width else p for p in current
                       for tail in (_seq(items, flags, width - len(p)) if len(p) < width else {()})}
        return out | current  # beyond ``width`` repeats every prefix is already as long as it needs
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {()}  # zero-width: the characters come from what follows
    raise _Unread(op)
