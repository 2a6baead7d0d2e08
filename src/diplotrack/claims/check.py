"""Check the figures about visits in a text against the record (docs/claims.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from diplotrack.analysis.results import leader_ref, visit_dict
from diplotrack.claims import patterns as p
from diplotrack.claims.finder import Figure, Window, figures, visit_context, window_in
from diplotrack.claims.mentions import Mention, MentionFinder
from diplotrack.claims.text import Sentence, sentences
from diplotrack.claims.verdicts import Question, judge
from diplotrack.model import Leader

if TYPE_CHECKING:
    from diplotrack.record import Record


@dataclass(slots=True)
class Claim:
    text: str
    start: int
    end: int
    kind: str
    leader: Leader | None
    country: str | None
    city: str | None
    office: str | None
    since: str | None
    until: str | None
    claimed: int | None
    found: int | None
    verdict: str
    convention: str
    explanation: str
    trips: list[dict[str, Any]] = field(default_factory=list)
    bound: str = "exact"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "leader": leader_ref(self.leader) if self.leader else None,
            "country": self.country,
            "city": self.city,
            "office": self.office,
            "since": self.since,
            "until": self.until,
            "claimed": self.claimed,
            "bound": self.bound,
            "found": self.found,
            "verdict": self.verdict,
            "convention": self.convention,
            "explanation": self.explanation,
            "trips": self.trips,
        }


@dataclass(slots=True)
class CheckResult:
    published: str
    claims: list[Claim]

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published,
            "convention": "docs/counting.md",
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(slots=True)
class _Context:
    """What a reader carries from sentence to sentence within a paragraph."""

    paragraph: int = -1
    window: Window | None = None
    subject: Mention | None = None
    place: Mention | None = None
    about_visits: bool = False


def check_text(record: Record, text: str, published: dt.date) -> CheckResult:
    """Every figure about visits in ``text``, judged as of ``published``."""
    finder = MentionFinder(record, published.isoformat())
    context = _Context()
    claims: list[Claim] = []
    for sentence in sentences(text):
        if sentence.paragraph != context.paragraph:
            context = _Context(sentence.paragraph, subject=context.subject, place=context.place)
        found = figures(sentence, context.about_visits)
        stated = window_in(sentence, published)
        claims.extend(_claims(record, finder, sentence, found, context, stated, published))
        if stated is not None:
            context.window = None if stated.source == "all" else stated
        context.about_visits = context.about_visits or visit_context(sentence)
    return CheckResult(published.isoformat(), claims)


def _claims(
    record: Record,
    finder: MentionFinder,
    sentence: Sentence,
    found: list[Figure],
    context: _Context,
    stated: Window | None,
    published: dt.date,
) -> list[Claim]:
    """Sentences without figures still name the people and places later ones refer to."""
    if not any(w.capitalized for w in sentence.words):
        return []
    mentions = finder.find(sentence)
    claims: list[Claim] = []
    previous = -1
    for figure in found:
        segment = [m for m in mentions if previous < m.first < figure.first_word]
        subject = _subject(record, sentence, segment, mentions, figure, context, published)
        place = _place(sentence, segment, mentions, figure, subject, context)
        window = context.window
        if stated is not None and _applies(stated, figure, sentence):
            window = None if stated.source == "all" else stated
        if subject is not None and subject.person is not None:
            question = Question(figure, subject.person.leader_id or "", place, window, published)
            claims.append(_claim(record, sentence, figure, question))
            context.subject = subject if not _is_host(sentence, figure) else context.subject
        if place is not None:
            context.place = place
        previous = figure.first_word
    people = [m for m in mentions if m.person is not None]
    places = [m for m in mentions if m.place is not None]
    if people and not found:
        context.subject = people[0]
    if places and not found:
        context.place = places[-1]
    return claims


def _applies(window: Window, figure: Figure, sentence: Sentence) -> bool:
    """A window applies to figures after it, and to a figure it directly follows in the
    same clause ("his 12 trips to Russia since the war began")."""
    if figure.start >= window.at:
        return True
    between = sentence.text[figure.end - sentence.start : window.at - sentence.start]
    return not any(mark in between for mark in ",;:—") and len(between.split()) <= 8


def _subject(
    record: Record,
    sentence: Sentence,
    segment: list[Mention],
    mentions: list[Mention],
    figure: Figure,
    context: _Context,
    published: dt.date,
) -> Mention | None:
    if _is_host(sentence, figure) and context.place is not None:
        host = _host(record, context, published)
        if host is not None:
            return host
    for pool in (segment, [m for m in mentions if m.first < figure.first_word], mentions):
        people = [m for m in pool if m.person is not None]
        if people:
            return people[-1] if pool is not mentions else people[0]
    return context.subject


def _is_host(sentence: Sentence, figure: Figure) -> bool:
    before = sentence.text[: figure.start - sentence.start].casefold()
    clause = before.rsplit(",", 1)[-1]
    return any(word in clause for word in p.HOST_WORDS)


def _host(record: Record, context: _Context, published: dt.date) -> Mention | None:
    place = context.place.place if context.place else None
    if place is None or place.country is None:
        return None
    found = record.names().resolve_person(
        f"leader of {record.country(place.country).name}", published.isoformat()
    )
    return Mention(-1, -1, person=found) if found.resolved else None


def _place(
    sentence: Sentence,
    segment: list[Mention],
    mentions: list[Mention],
    figure: Figure,
    subject: Mention | None,
    context: _Context,
) -> Mention | None:
    home = _home(subject)
    words = sentence.words
    after = figure.last_word + 1
    preposition = after < len(words) and words[after].lower in PLACE_PREPOSITIONS
    following = [
        m
        for m in mentions
        if m.place is not None
        and m.place.country != home
        and (m.first == after or (preposition and m.first == after + 1))
    ]
    if following and _names_its_place(figure, sentence):
        return following[0]
    for pool in (segment, [m for m in mentions if m.first < figure.first_word]):
        places = [m for m in pool if m.place is not None and m.place.country != home]
        if places:
            return places[-1]
    later = [m for m in mentions if m.place is not None and m.place.country != home]
    if later:
        return min(later, key=lambda m: abs(m.first - figure.first_word))
    if context.place is not None and context.place.place is not None:
        return context.place if context.place.place.country != home else None
    return None


PLACE_PREPOSITIONS = ("to", "in", "в", "во", "на")


def _names_its_place(figure: Figure, sentence: Sentence) -> bool:
    """ "his 35th visit to Kazakhstan", "12 trips to Russia": the place follows the figure.
    After "N times" the place came before ("has been to Poland twice")."""
    if figure.kind == "ordinal":
        return True
    last = sentence.words[figure.last_word].lower
    return last.startswith(p.VISIT_NOUNS)


def _home(subject: Mention | None) -> str | None:
    if subject is None or subject.person is None:
        return None
    return subject.person.office.country


def _claim(record: Record, sentence: Sentence, figure: Figure, question: Question) -> Claim:
    answer = judge(record, question)
    place = question.place.place if question.place and question.place.place else None
    return Claim(
        text=sentence.text,
        start=figure.start,
        end=figure.end,
        kind=figure.kind,
        leader=answer.leader,
        country=place.country if place else None,
        city=place.city if place else None,
        office=figure.office,
        since=answer.since,
        until=answer.until,
        claimed=figure.number,
        found=answer.found,
        verdict=answer.verdict,
        convention=answer.convention,
        explanation=answer.explanation,
        trips=[visit_dict(v) for v in answer.visits],
        bound=figure.bound,
    )
