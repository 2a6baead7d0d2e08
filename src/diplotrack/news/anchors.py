"""Finding where a large alternation of rules can match, without trying it at every
position of a text.

Python's ``re`` tries each alternative of a pattern like the travel rules' at every word
of an article. `AnchoredPattern` first finds, with one pass of an Aho–Corasick automaton
(``pyahocorasick``, in C), the places where some alternative's literal beginning occurs,
and tries the pattern only there. Its matches are exactly the pattern's own:

>>> import re
>>> pattern = re.compile(r"(?<!\\w)(?:arriv(?:ed|es)\\b|visit(?:ed)?|(?:is|was) in\\b)")
>>> text = "she arrived in oslo. he was in riga, visited a farm and revisited it."
>>> [m.group() for m in AnchoredPattern(pattern).finditer(text)]
['arrived', 'was in', 'visited']
>>> [m.group() for m in pattern.finditer(text)]
['arrived', 'was in', 'visited']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat, starmap
from operator import add
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

# How many characters of an alternative's beginning the automaton looks for, and how many
# different beginnings one alternative may have before it is tried the old way.
_LONGEST = 8
_SHORTEST = 2
_MOST = 400
# An alternative led by something of no fixed text ("\\w+ visit") is looked for around the
# text that follows it ("visit"), starting at most this many characters before that text,
# and read up to this many after it.
_BEFORE = 48
_LONGEST_INNER = 10
_AFTER = 240
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}

# A beginning: the literal text so far, and whether the alternative may go on after it
# with something that is no literal (then nothing longer can be said of it).
_Starts = set[tuple[str, bool]]


class AnchoredPattern:
    """``pattern.finditer`` over long texts, tried only where an alternative can begin."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        anchors: dict[str, int] = {}  # each text, and how far after it a match begins
        inner: dict[str, int] = {}
        near: list[str] = []
        loose: list[str] = []
        for source in _alternatives(pattern.pattern):
            if pattern.flags & re.IGNORECASE:
                loose.append(source)
            elif (starts := beginnings(source)) is not None:
                anchors.update(dict.fromkeys(starts, 0))
            elif (behind := lookbehinds(source)) is not None:
                anchors.update({text: len(text) for text in behind})
            elif (later := inner_beginnings(source)) is not None:
                inner.update(dict.fromkeys(later, 0))
                near.append(source)
            else:
                loose.append(source)
        self._automaton = _automaton(anchors)
        self._inner = _automaton(inner)
        self._near = _union(near, pattern.flags)
        self._loose = _union(loose, pattern.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``self.pattern.finditer(text)`` gives, in the same order."""
        end = 0
        for start in self._candidates(text):
            if start < end:
                continue
            match = self.pattern.match(text, start)
            if match is not None:
                end = max(match.end(), start + 1)
                yield match

    def found_in(self, text: str) -> bool:
        """Whether the pattern matches anywhere in ``text`` (``pattern.search(text)``),
        stopping at the first place it does."""
        if self._loose is not None or self._near is not None:
            return next(self.finditer(text), None) is not None
        if self._automaton is None:
            return False
        starts = starmap(add, self._automaton.iter(text))  # (last, shift): last + shift
        return any(map(self.pattern.match, repeat(text), starts))

    def _candidates(self, text: str) -> list[int]:
        found: set[int] = set()
        if self._automaton is not None:
            found.update(starmap(add, self._automaton.iter(text)))
        if self._inner is not None and self._near is not None:
            for last, shift in self._inner.iter(text):
                found.update(_starts_near(self._near, text, last + shift))
        if self._loose is not None:
            found.update(_starts_near(self._loose, text, len(text), len(text)))
        return sorted(found)


def _automaton(words: dict[str, int]) -> Any:
    """An automaton over ``words`` whose value for each is where a match begins, counted
    from the word's last character."""
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, shift in words.items():
        automaton.add_word(word, shift - len(word) + 1)
    automaton.make_automaton()
    return automaton


def _union(sources: list[str], flags: int) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{s})" for s in sources), flags) if sources else None


def _starts_near(pattern: re.Pattern[str], text: str, at: int, before: int = _BEFORE) -> list[int]:
    """Where ``pattern`` matches, starting at most ``before`` characters before ``at`` and
    not after it (the text read up to ``_AFTER`` characters past ``at``)."""
    found = []
    position = max(0, at - before)
    limit = len(text) if before >= len(text) else min(len(text), at + _AFTER)
    while (match := pattern.search(text, position, limit)) is not None and match.start() <= at:
        found.append(match.start())
        position = match.start() + 1
    return found


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern built as ``prefix(?:(?:a)|(?:b)|…)``, each
    with the prefix (a lookbehind) put back in front; else the whole pattern."""
    opening = source.find("(?:(?:")
    if opening < 0 or not source.endswith("))"):
        return [source]
    lead, body = source[:opening], source[opening + 3 : -1]
    parts, depth, last, escaped, in_class = [], 0, 0, False, False
    for i, char in enumerate(body):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
    parts.append(body[last:])
    return [lead + part for part in parts]


def beginnings(source: str) -> frozenset[str] | None:
    """Literal strings, one of which begins every match of ``source`` (None when some match
    may begin with fewer than two known characters, or there are too many to list)."""
    try:
        parsed = sre_parse.parse(source)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    starts = _sequence(list(parsed), {("", True)})
    if starts is None or any(_too_short(text) for text, _more in starts):
        return None
    return frozenset(text for text, _more in starts)


def _too_short(text: str) -> bool:
    """One letter begins too many words to look for; one rare sign ("—") does not."""
    return len(text) < _SHORTEST and not (text and not text.isalnum() and not text.isspace())


def lookbehinds(source: str) -> frozenset[str] | None:
    """The texts one of which a match of ``source`` must follow, when it begins with a
    lookbehind of fixed text ("'s " in "(?<=['’]s )(?:\\w+ )?visit")."""
    try:
        items = _flat(list(sre_parse.parse(source)))
    except (re.error, RecursionError):
        return None
    for op, arg in items:
        if op is sre_constants.ASSERT and arg[0] == -1:
            behind = _sequence(list(arg[1]), {("", True)}, _LONGEST_INNER)
            if behind is None or not all(more for _text, more in behind):
                return None
            texts = frozenset(text for text, _more in behind)
            return None if any(_too_short(text) for text in texts) else texts
        if op not in _ZERO_WIDTH:
            return None
    return None


def _flat(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Groups without flags opened up into the sequence around them."""
    flat: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is sre_constants.SUBPATTERN and not arg[1] and not arg[2]:
            flat.extend(_flat(list(arg[-1])))
        else:
            flat.append((op, arg))
    return flat


def inner_beginnings(source: str) -> frozenset[str] | None:
    """The beginnings of what follows the optional elements that lead ``source``
    ("visit" in "(?:\\w+ )?visit")."""
    try:
        items = _flat(list(sre_parse.parse(source)))
    except (re.error, RecursionError):
        return None
    rest = items
    while rest and (rest[0][0] in _ZERO_WIDTH or _optional(rest[0])):
        rest = rest[1:]
    if len(rest) == len(items) or not rest:
        return None
    starts = _sequence(rest, {("", True)}, _LONGEST_INNER)
    if starts is None or any(_too_short(text) for text, _more in starts):
        return None
    return frozenset(text for text, _more in starts)


def _optional(item: tuple[Any, Any]) -> bool:
    op, arg = item
    return op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] == 0


def _sequence(
    items: list[tuple[Any, Any]], starts: _Starts, longest: int = _LONGEST
) -> _Starts | None:
    for op, arg in items:
        if all(not more or len(text) >= longest for text, more in starts):
            break
        step = _item(op, arg, longest)
        if step is None:
            starts = {(text, False) for text, _more in starts}
            break
        starts = {
            (text + piece, go_on) if more and len(text) < longest else (text, False)
            for text, more in starts
            for piece, go_on in step
        }
        if len(starts) > _MOST:
            return None
    return {(text[:longest], more and len(text) < longest) for text, more in starts}


def _item(op: Any, arg: Any, longest: int) -> _Starts | None:
    """The beginnings of one element of a parsed pattern, or None for a non-literal."""
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op is sre_constants.LITERAL:
        return {(chr(arg), True)}
    if op is sre_constants.IN:
        chars = [chr(a) for o, a in arg if o is sre_constants.LITERAL]
        return {(c, True) for c in chars} if len(chars) == len(arg) <= 6 else None
    if op is sre_constants.SUBPATTERN:
        if arg[1] & re.IGNORECASE:
            return None
        return _sequence(list(arg[-1]), {("", True)}, longest)
    if op is sre_constants.BRANCH:
        found: _Starts = set()
        for branch in arg[1]:
            sub = _sequence(list(branch), {("", True)}, longest)
            if sub is None:
                return None
            found |= sub
        return found
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, high, body = arg
        sub = _sequence(list(body), {("", True)}, longest)
        if sub is None:
            return None if low else {("", False)}
        once = sub if high == 1 else {(text, False) for text, _more in sub}
        return once | {("", True)} if low == 0 else once
    return None
