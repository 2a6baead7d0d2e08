"""Leaders and places named in a sentence, resolved on the text's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplotrack.claims.text import Sentence, Word
from diplotrack.people.resolve import PersonResolution
from diplotrack.places.demonyms import city_by_adjective
from diplotrack.places.resolve import PlaceResolution

if TYPE_CHECKING:
    from diplotrack.record import Record

TITLES_EN = frozenset(
    [
        "president",
        "presidents",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "leader",
        "king",
        "emir",
        "secretary",
    ]
)
TITLES_RU = (
    "президент",
    "премьер",
    "лидер",
    "глав",
    "канцлер",
    "корол",
    "госсекретар",
    "председател",
)
# Short words that start a place's name: "St Petersburg", "New Delhi", "Abu Dhabi", "Ho Chi Minh".
SAINTS = frozenset(("st", "ст", "san", "sao", "são", "new", "abu", "el", "la", "le", "los", "ho"))
_OF_STATE = ("государств", "правительств", "кабинет")
NOT_TITLES = ("председательств", "главн", "главе")  # chairmanship, "main", "at the head of"
CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ]
)
CONNECTORS = ("bin", "al", "de", "da", "van", "von", "ibn", "el", "of")
MIN_PERSON = 0.7
MIN_PLACE = 0.8


@dataclass(frozen=True, slots=True)
class Mention:
    first: int
    last: int
    person: PersonResolution | None = None
    place: PlaceResolution | None = None


@dataclass(slots=True)
class MentionFinder:
    """Finds and caches mentions; one per checked text."""

    record: Record
    on: str
    _people: dict[str, PersonResolution] = field(default_factory=dict)
    _places: dict[str, PlaceResolution] = field(default_factory=dict)

    def find(self, sentence: Sentence) -> list[Mention]:
        """Leaders and places named in ``sentence``, longest spans first."""
        words = sentence.words
        used: set[int] = set()
        found: list[Mention] = []
        breaks = _punctuated(sentence)
        run_end = {k: b for a, b in _capitalised_runs(words, breaks) for k in range(a, b + 1)}
        unknown: set[int] = set()  # first words of full names nobody answers to
        tails: set[int] = set()  # and their last words
        for first, last in _spans(words, breaks):
            if used & set(range(first, last + 1)):
                continue
            text = " ".join(w.text for w in words[first : last + 1])
            mention = self._resolve(text, first, last, words)
            if mention is not None and first == last and first in unknown and mention.person:
                continue  # "Abbas" of "Abbas Araghchi" is not Mahmoud Abbas
            if mention is not None and first == last and last in tails and mention.person:
                continue  # "Trump" of "Melania Trump" is not Donald Trump
            cut = run_end.get(last, last) > last and words[last + 1].capitalized
            if mention is not None and mention.person and cut and not _is_title(words[last + 1]):
                continue  # "Minister Abbas" of "Minister Abbas Araghchi": the name goes on
            if mention is not None:
                found.append(mention)
                used |= set(range(first, last + 1))
            elif last > first and run_end.get(first) == last and _plain(words[first : last + 1]):
                unknown.add(first)
                if first > 0 and not self.place(words[first].text).resolved:
                    tails.add(last)  # a given name that is no leader's: "Melania Trump"
        found.extend(self._venues(words, used))
        return sorted(found, key=lambda m: m.first)

    def _venues(self, words: tuple[Word, ...], used: set[int]) -> list[Mention]:
        """A city named by its Russian adjective before a venue: "в парижском аэропорту
        Орли", "в бакинском порту"."""
        found: list[Mention] = []
        for k, word in enumerate(words[:-1]):
            if k in used or word.capitalized or not words[k + 1].lower.startswith(_VENUES):
                continue
            city = city_by_adjective(word.text)
            if city is not None:
                place = self.place(city)
                if place.resolved:
                    found.append(Mention(k, k, place=place))
        return found

    def _resolve(self, text: str, first: int, last: int, words: tuple[Word, ...]) -> Mention | None:
        if first == last and words[first].lower in CALENDAR:
            return None
        if first == last and _too_short(words[first]):
            return self._short_name(text, first)
        if last > first and self._place_word(words[first]):
            return None  # "В Казахстане Путин": a place, then a person; shorter spans follow
        if first == last == 0 and len(text) > 3 and text.isupper():
            place = self.place(text)  # a dateline, "MUSCAT —": the town, not Joseph Muscat
            if place.kind in ("city", "country"):
                return Mention(first, last, place=place)
        after = first > 0 and words[first - 1].lower in _AT_A_PLACE
        if first == last and after and self._city_word(words[first]):
            return Mention(first, last, place=self.place(text))  # "flew to Muscat": the town
        if first > 0 and words[first - 1].lower in _INTO and self._city_word(words[first]):
            if last > first:
                return None  # "В Эр-Рияд Владимир Путин прилетел": the town, then the man
            return Mention(first, last, place=self.place(text))
        person = self.person(text)
        if person.resolved and person.confidence >= MIN_PERSON:
            if last > first and person.method.startswith(("a word of the name", "surname")):
                place = self.place(text)  # "San Salvador": the city, not Salvador Sánchez Cerén
                if place.kind in ("city", "country") and place.confidence >= person.confidence:
                    return Mention(first, last, place=place)
            return Mention(first, last, person=person)
        if any(_is_title(w) for w in words[first : last + 1]):
            return None
        place = self.place(text)
        if (
            place.kind == "city"
            and first == last == 0
            and not _HOSTS_NEXT.match(" ".join(w.lower for w in words[1:3]))
        ):
            return None  # a capitalised first word is more often a common word than a town
        if (place.resolved or place.kind == "group") and place.confidence >= MIN_PLACE:
            return Mention(first, last, place=place)
        return None

    def _short_name(self, text: str, first: int) -> Mention | None:
        """A short word is a leader only when it is exactly a leader's name ("Xi", "Ли")."""
        if not text[:1].isupper() or not text[1:].islower():
            return None
        person = self.person(text)
        if person.resolved and person.method == "name" and person.confidence >= 0.85:
            return Mention(first, first, person=person)
        return None

    def _place_word(self, word: Word) -> bool:
        if _is_title(word) or _too_short(word):
            return False
        found = self.place(word.text)
        return found.kind in ("country", "disputed") and not self.person(word.text).resolved

    def _city_word(self, word: Word) -> bool:
        if _is_title(word) or _too_short(word):
            return False
        found, person = self.place(word.text), self.person(word.text)
        return found.kind == "city" and found.confidence > person.confidence

    def person(self, text: str) -> PersonResolution:
        if text not in self._people:
            self._people[text] = self.record.resolve_person(text, self.on)
        return self._people[text]

    def place(self, text: str) -> PlaceResolution:
        if text not in self._places:
            self._places[text] = self.record.resolve_place(text, self.on)
        return self._places[text]


_VENUES = (
    "аэропорт", "порт", "вокзал", "резиденци", "дворц", "дворе", "отел", "гостиниц", "пригород",
    "предмест", "университет", "конгресс-центр", "выставочн",
)  # fmt: skip
# "Tirana hosts the summit", "Budapest is hosting": a town opening a sentence as its subject
_HOSTS_NEXT = re.compile(r"(?:hosts|is hosting|welcomes|принимает|примет)\b")
_INTO = frozenset(("в", "во", "на"))  # in English the town comes first only in titles
_AT_A_PLACE = frozenset(
    ("to", "in", "at", "from", "into", "via", "visit", "visiting", "visited", "в", "во", "из")
)


def _is_title(word: Word) -> bool:
    """English titles as whole words ("King", not "Kingdom"); Russian ones as stems."""
    lower = word.lower
    return lower in TITLES_EN or (lower.startswith(TITLES_RU) and not lower.startswith(NOT_TITLES))


_ADJECTIVE_RU = re.compile(
    r"(?:ий|ый|ой|ая|яя|ое|ее|ого|его|ому|ему|им|ым|ом|ем|ую|юю|ие|ые|их|ых)$"
)


def _modifies(word: Word) -> bool:
    """A word that can qualify a title before it: any Latin word ("Kazakh president"), a
    Russian adjective ("российский лидер"), not a Russian noun ("Кореи президент")."""
    return _is_latin(word) or not word.lower[:1].isalpha() or bool(_ADJECTIVE_RU.search(word.lower))


def _plain(words: tuple[Word, ...]) -> bool:
    """Name words only: no title among them."""
    return not any(_is_title(w) for w in words)


def _is_latin(word: Word) -> bool:
    return word.text[:1].isascii()


def _too_short(word: Word) -> bool:
    """Short capitalised words ("It", "In", "On") are not names, unless written as codes
    ("US", "UK", "РФ")."""
    code = len(word.text) >= 2 and word.text.isupper()
    return len(word.text) <= 3 and not code


def _punctuated(sentence: Sentence) -> frozenset[int]:
    """Words with a comma, semicolon, colon, dash or bracket before them: a name never
    runs across one ("Владимира Путина, Реджепа Эрдогана" are two names)."""
    words, text, base = sentence.words, sentence.text, sentence.start
    return frozenset(
        k
        for k in range(1, len(words))
        if any(c in ',;:()—–«»"' for c in text[words[k - 1].end - base : words[k].start - base])
    )


def _spans(words: tuple[Word, ...], breaks: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Candidate spans, longest first: capitalised runs, widened by a title word and an
    adjective before them ("the Kazakh president", "президент Казахстана")."""
    spans: set[tuple[int, int]] = set()
    for first, last in _capitalised_runs(words, breaks):
        spans.update((a, b) for a in range(first, last + 1) for b in range(a, min(last, a + 4) + 1))
        left = first
        while left - 1 >= 0 and _is_title(words[left - 1]):
            left -= 1
        spans.add((left, last))
        right = last
        while right + 1 < len(words) and _is_title(words[right + 1]) and _modifies(words[right]):
            right += 1
        spans.add((first, right))
        spans.add((left, right))
    for k, word in enumerate(words):
        if word.capitalized and _too_short(word):
            spans.add((k, k))  # "Xi", "Ли": kept only when exactly a leader's name
        if word.capitalized and k + 1 < len(words) and words[k + 1].lower in _LANDMARK_NOUNS:
            spans.add((k, k + 1))  # "в Белом доме", "в Елисейском дворце", "на Красной площади"
        if _is_title(word) and k > 0 and _modifies(words[k - 1]):
            spans.add((k - 1, k))
            name_ends = k + 2 >= len(words) or not words[k + 2].capitalized  # not "Abbas Araghchi"
            nominal = (
                words[k + 1].capitalized or not _is_latin(words[k + 1])
                if k + 1 < len(words)
                else False
            )
            if k + 1 < len(words) and nominal and name_ends:
                spans.add(
                    (k, k + 1)
                )  # "President Putin", "президента Казахстана"; not "secretary said"
        if _is_title(word) and k + 2 < len(words) and words[k + 2].lower.startswith(_OF_STATE):
            spans.add(
                (k, k + 2)
            )  # "глава российского государства", "главы белорусского правительства"
    return sorted(spans, key=lambda s: (s[0] - s[1], s[0]))


# Short words that start a sentence rather than a name ("Red Square", "Abu Dhabi" do).
_FUNCTION_TEXT = (
    "a an the in on at as by of to it its he she his her we our they for and but or if so "
    "who how why yet all one two new old mr mrs ms dr "
    "в во на с со и по за из от до он она они но а к ко у о об же ещё все"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_LANDMARK_NOUNS = frozenset(
    [
        "дом",
        "дома",
        "доме",
        "домом",
        "дворец",
        "дворца",
        "дворце",
        "дворцом",
        "площадь",
        "площади",
        "площадью",
    ]
)
# "el-Sheikh" of "Sharm el-Sheikh", "al-Assad" of "Bashar al-Assad": a name goes on
_PARTICLE_NAME = re.compile(
    r"(?:el|al|ad|ash|as|at|ar|an|az|ul|ud|ibn|bin|ben|"
    r"аль|эль|ас|аш|ад|ат|ар|ан|аз|ибн|бин|бен)-[A-ZА-ЯЁ]"
)  # "al-Sisi", "ас-Сиси"


def _capitalised_runs(
    words: tuple[Word, ...], breaks: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for k, word in enumerate(words):
        if k in breaks and start is not None:
            runs.append((start, _trim(words, start, k - 1)))
            start = None
        joined = start is not None and _PARTICLE_NAME.match(word.text) is not None
        inside = word.capitalized or (start is not None and word.lower in CONNECTORS) or joined
        short = _too_short(word) and word.lower not in SAINTS
        named_on = k + 1 < len(words) and words[k + 1].capitalized and k + 1 not in breaks
        opening = k == 0 and (not named_on or len(word.text) < 2)
        if inside and start is None and short and (word.lower in _FUNCTION_WORDS or opening):
            # a capitalised "В", "In", "It" opens a sentence, not a name; but a short first
            # word of a name may ("Kim Jong Un arrived", "Ким Чен Ын прибыл")
            continue
        if inside and start is None and word.lower.removesuffix("'s") in CALENDAR:
            continue  # "Wednesday Obama", "Monday's Victory Day": a day is not a name
        if inside and start is None:
            start = k
        elif not inside and start is not None:
            runs.append((start, _trim(words, start, k - 1)))
            start = None
    if start is not None:
        runs.append((start, _trim(words, start, len(words) - 1)))
    return runs


def _trim(words: tuple[Word, ...], first: int, last: int) -> int:
    while last > first and words[last].lower in CONNECTORS:
        last -= 1
    return last
