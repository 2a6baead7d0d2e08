"""Sentences and words with character offsets, for English and Russian news text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends after its mark (the match starts at it: a pattern that begins with a
# literal is looked for quickly), or at a blank line.
_SENTENCE_END = re.compile(r"[.!?…](?:[\"»”)]?\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9]))|\n\s*\n")
_WORD = re.compile(r"\d+(?:-?[a-zа-яё]{1,3})?|[^\W\d_][\w'’\-]*", re.UNICODE)
_INITIAL = re.compile(r"(?:^|\s)[A-ZА-ЯЁ]\.$")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "U.S.", "U.K.", "Jr.", "Sr.", "г.", "т.е.")
# The last three characters an abbreviation above can end with (a capital before the point,
# as in "U.S." or an initial, is checked apart): a sentence end that has none of them ends the
# sentence without a closer look.
_ENDINGS = frozenset(a[-3:] for a in _ABBREVIATIONS if not a[-2].isupper()) | {"г."}


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    words: tuple[Word, ...]
    paragraph: int


def sentences(text: str, base: int = 0) -> list[Sentence]:
    """Sentences with their offsets in ``text`` (plus ``base``, for a piece of a longer
    text) and the paragraph they belong to."""
    found: list[Sentence] = []
    paragraph = 0
    position = base
    for piece, gap in _pieces(text):
        stripped = piece.strip()
        if stripped:
            offset = position + piece.index(stripped[0])
            words = tuple(
                Word(m.group(), offset + m.start(), offset + m.end())
                for m in _WORD.finditer(stripped)
            )
            found.append(Sentence(stripped, offset, offset + len(stripped), words, paragraph))
        position += len(piece) + len(gap)
        if "\n\n" in gap.replace("\r", "") or gap.count("\n") >= 2:
            paragraph += 1
    return found


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence, without building its words: the cheap first
    pass of a reader that looks closely at few sentences (``sentence_at`` builds one)."""
    found: list[tuple[int, int, int]] = []
    paragraph = 0
    position = 0
    for piece, gap in _pieces(text):
        stripped = piece.strip()
        if stripped:
            start = position + piece.index(stripped[0])
            found.append((start, start + len(stripped), paragraph))
        position += len(piece) + len(gap)
        if "\n\n" in gap.replace("\r", "") or gap.count("\n") >= 2:
            paragraph += 1
    return found


def sentence_at(text: str, start: int, end: int, paragraph: int) -> Sentence:
    """The sentence at ``text[start:end]``, with its words and their offsets in ``text``."""
    body = text[start:end]
    words = tuple(Word(m.group(), start + m.start(), start + m.end()) for m in _WORD.finditer(body))
    return Sentence(body, start, end, words, paragraph)


def _pieces(text: str) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    last = 0
    for match in _SENTENCE_END.finditer(text):
        mark = text[match.start()] != "\n"
        end = match.start() + mark  # after the mark
        close = text[end - 3 : end]
        if mark and close not in _ENDINGS and close[-2:] != "г." and not close[-2:-1].isupper():
            pieces.append((text[last:end], text[end : match.end()]))
            last = match.end()
            continue
        tail = text[max(last, end - 16) : end]  # the end is all that is looked at
        if _ends_with_abbreviation(tail if end - 16 <= last else " " + tail):
            continue
        pieces.append((text[last:end], text[end : match.end()]))
        last = match.end()
    pieces.append((text[last:], ""))
    return pieces


def _ends_with_abbreviation(piece: str) -> bool:
    """ "Mr.", "U.S." and a middle initial ("George W.") do not end a sentence."""
    tail = piece.rstrip()
    for abbreviation in _ABBREVIATIONS:  # a word of its own: "2019 г.", not "Петербург."
        if tail.endswith(abbreviation):
            before = tail[-len(abbreviation) - 1 : -len(abbreviation)]
            if not before.isalnum():
                return True
    return bool(_INITIAL.search(tail))
