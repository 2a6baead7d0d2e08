"""Trips reported in one article: who went where, when, and whether it happened, is planned
or was called off — each with the sentence that says so.

The pipeline reads cheaply first and carefully only where it must:

1. a prefilter (``rules.worth_reading``) drops texts with no travel word at all;
2. each sentence is matched against the language's rule table (data/news/rules.csv); only a
   sentence with a travel rule goes on;
3. there, leaders and places are found and resolved on the publication date by the same
   service the importers and the claim checker use (``Record.resolve_person``/``resolve_place``);
4. each clause with a travel rule becomes trips: its visitors (the subject, the guest of a
   host, or the leader a pronoun points back to), its destinations (never the visitor's own
   country, nor territory that country holds), its status (the clause's cancel, denial and
   plan words), its date (the nearest date expression, read back or forward by the status),
   its kind, occasion and ordinal;
5. trips of one visitor to one country with the same status and agreeing dates merge, keeping
   every sentence as evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diplotrack.claims.mentions import Mention, MentionFinder
from diplotrack.claims.numerals import cardinal, ordinal
from diplotrack.claims.text import Sentence, sentence_at, sentence_spans
from diplotrack.dates import bounds
from diplotrack.news.anchors import AnchoredPattern
from diplotrack.news.article import Article
from diplotrack.news.dates import FoundDate, find_dates
from diplotrack.news.result import Evidence, ExtractedTrip, merge_trips
from diplotrack.news.rules import (
    LANGUAGES,
    TRAVEL,
    Hit,
    host_only,
    language_of,
    rules,
    women,
    worth_reading,
)
from diplotrack.people.offices import office_on
from diplotrack.places.countries import country_table
from diplotrack.places.demonyms import countries_by_adjective
from diplotrack.places.disputed import disputed
from diplotrack.places.normalize import normalize_name
from diplotrack.places.resolve import resolve_place

if TYPE_CHECKING:
    from diplotrack.people.resolve import PersonResolution
    from diplotrack.record import Record


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CHUNK = 20_000
MERGE_DAYS = 7  # mentions of one visitor and host this close in one article are one visit
LOOKAHEAD = 5  # sentences before a travel sentence whose leaders and places are read
_TITLE_WORD = re.compile(
    r"(?<!\w)(?i:president|prime minister|premier|chancellor|king|emir|sultan|leader|head of state|"
    r"президент|премьер|канцлер|лидер|глав[аеуы] (?:\w+ )?(?:государства|правительства)|"
    r"председател[а-я]* (?:кнр|правительства|госсовета)|корол|эмир|султан)"
)
_TITLE_FOLDED = AnchoredPattern(re.compile(_TITLE_WORD.pattern.replace("(?i:", "(?:")))
_CAPITALISED = re.compile(r"[A-ZА-ЯЁ][\w'’-]+")
_LATIN_MARKED = re.compile(r"[\u00c0-\u024f]")  # a Latin letter with a mark: "á", "ğ", "ł"
# Territories whose sovereign's leader is at home there (ISO 3166-1 codes of their own).
SOVEREIGN = {
    "HKG": "CHN", "MAC": "CHN", "NCL": "FRA", "PYF": "FRA", "GUF": "FRA", "GLP": "FRA",
    "MTQ": "FRA", "REU": "FRA", "MYT": "FRA", "SPM": "FRA", "WLF": "FRA", "BLM": "FRA",
    "MAF": "FRA", "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA",
    "GRL": "DNK", "FRO": "DNK", "GIB": "GBR", "FLK": "GBR", "BMU": "GBR", "CYM": "GBR",
    "VGB": "GBR", "IMN": "GBR", "JEY": "GBR", "GGY": "GBR", "ABW": "NLD", "CUW": "NLD",
    "SXM": "NLD", "NFK": "AUS", "CXR": "AUS", "CCK": "AUS", "TKL": "NZL", "COK": "NZL",
    "NIU": "NZL", "ALA": "FIN", "SJM": "NOR", "BVT": "NOR",
}  # fmt: skip  # characters of one paragraph parsed at a time
_CLAUSE_BREAK = re.compile(
    r";|:\s|,\s(?=(?:but|while|whereas|although|though|who|which|where|when|"
    r"after|before|as|since|and then|then(?!\s+(?:to|on to|on|via|in)\b)|а(?! также)|но|однако|"
    r"хотя|"
    r"который|которая|которое|которые|где|"
    r"когда|после того|в то время|пока|тогда как|что)\b)|\s(?=(?:but|whereas|that|что|чтобы|"
    r"однако|since|after|before|после того как|перед тем как|с тех пор как)\s)|"
    r"\s(?=and (?:is|are|was|were|will|has|have|would) (?:\w+ )?(?:expected|due|set|scheduled|"
    r"to)\b)|,\s(?=and (?:the )?(?:\w+ ){1,3}(?:is|are|will) (?:\w+ )?(?:expected|due|set|"
    r"scheduled|to)\b)|"
    r",\s(?=(?:will|would|is due|was due|is expected|is to|is set|plans|hopes|flies|"
    r"travels|leaves|heads|goes)\s)|,\s(?=and (?:will|would|is due|is to|plans to)\s)|"
    r"\s(?=and will\s)|"
    # ", and US President Barack Obama is due": another subject, another clause
    r",\s(?=and\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,6}(?:is|are|was|were|will|has|have|had|would|"
    r"flew|arrived|landed|came|left|met|held)\b)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"\s*([A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,40}?)\s*(?:\([^)]{0,20}\))?\s*(?:,[^—–\n]{0,40})?\s+[—–-]\s|"
    r"\s*([А-ЯЁ][А-ЯЁ .’-]{2,40}?),\s+\d{1,2}\s+[а-я]+\.?\s*(?:/[^/\n]{1,20}/\.?\s*)?\s|"
    r"\s*([А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+){0,2}),\s+\d{1,2}\s+(?:января|февраля|марта|"
    r"апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.\s"
)  # "HANOI — ", "MOSCOW, May 9 (Reuters) - ", "МОСКВА, 10 мая. ", "АСТАНА, 5 мая /ТАСС/. ",
# "Бишкек, 12 октября. "
_EVENT = re.compile(
    r"summit|forum|parade|funeral|ceremony|inauguration|council|conference|celebrations|"
    r"olympic|игр[ыа] |олимпиад|"
    r"саммит|форум|парад|похорон|церемони|инаугурац|заседани|совет|конференци|торжеств|"
    r"встреч\w* (?:на высшем уровне|лидеров|глав|президентов)|"
    r"meeting of (?:the )?(?:\w+ )?(?:leaders|heads)|"
    r"подписали (?:\w+ ){0,2}в [А-ЯЁ]|signed (?:\w+ ){0,2}in [A-Z]",
    re.IGNORECASE,
)
_ATTEND = re.compile(
    r"among|joined|attend|took part|take part|taking part|participat|present|sat|stood|"
    r"on the stand|on the podium|on the tribune|watched|на трибун|"
    r"gathered|arrived|участ|присутств|прибыл|собрал|съехал|подписали|"
    r"(?:is|are|was|were) (?:also |all )?here\b|used (?:his|her) slot|"
    r"told (?:his|her|their) (?:peers|counterparts|fellow leaders)",
    re.IGNORECASE,
)
_FIRST = re.compile(r"(?<!\w)(?:first|впервые|перв\w+)(?!\w)", re.IGNORECASE)
_SINCE_WORD = re.compile(r"(?<!\w)(?:since|с тех пор как|со времени|после визита|с|со)(?!\w)", re.I)
_WHERE = re.compile(r"\s*,?\s*(?:where|there|где|там|куда)\b", re.IGNORECASE)
_GROUP_SUBJECT = re.compile(
    r"(?<!\w)(?:both men|both leaders|the two leaders|the two presidents|the two men|the pair|"
    r"the two(?= (?:last|first|had|have|met|will|are|were)\b)|"
    r"оба лидера|оба президента|лидеры двух стран|президенты двух стран)(?!\w)",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"(?:is|was|were|are|be|been|находи\w*|пребыва\w*|был|была|были|бывал|met|meets|meeting|"
    r"выступил\w*|addressed|addresses|"
    r"held|holds|hold|holding|talks|sat|sits|stood|stands|standing|joined|joins|join|"
    r"встреча(?!л\b|ла\b|ли\b)\w*)\b"
)
# A meeting held by video ("at an extraordinary summit held by video conference", "в формате
# видеоконференции"): those who take part in it travel nowhere.
_VIRTUAL_MEETING = re.compile(
    r"(?:summit|meeting|session|talks|gathering|conference)s? (?:was |were |is |are )?"
    r"(?:held|conducted|convened|took place) (?:\w+ )?(?:by|via|over|on) video|"
    r"(?:video|virtual|online) (?:summit|meeting|session)|entirely online|"
    r"(?:was|were|is|are|be) held online|"
    r"(?:формате|режиме) (?:видео|онлайн)|онлайн-формат|онлайн-режим|"
    r"виртуальн\w* (?:саммит|встреч|формат|заседани)|"
    r"(?:подключил\w*|подключали\w*) к видеосвяз\w* из",
    re.IGNORECASE,
)
_PARTICIPATES = re.compile(
    r"attend|took part|take part|taking part|participat|joined|joins|join|"
    r"принял\w* участие|примет участие|примут участие|участв|поучаств|присутств|с участием"
)


def _ahead(hits: list[Hit]) -> bool:
    """Whether the sentence announces ("состоится в четверг"): its dates read forwards."""
    return any(h.role == "plan" for h in hits)


def _weak(hit: Hit) -> bool:
    """A travel phrase that only places someone ("was in", "met"), not one that moves them
    or plans a move ("is due in", "is expected in")."""
    return _WEAK.match(hit.pattern) is not None and not _DUE.search(hit.pattern)


_DEPARTS = re.compile(
    r"(?:left|leaves|leaving|departs|departed|departing|sets off|set off|flew on|flies on|"
    r"moves on|moved on|continues on|continued on|headed on|heads on|went on|goes on|"
    r"(?:flies|flew|heads|headed|travels|travell?ed|goes|went|jets|jetted) (?:on )?to|"
    r"вылетел|вылетает|вылетит|улетел|улетает|отправил|отправля|отправит|направил|направля|"
    r"направит)"
)
_PRESENT = re.compile(r"(?:visits|attends|goes|travels|heads|flies|moves|ends|stops)\b.*")
_THEN_LEAD = re.compile(
    r"(?<!\w)(?:then|next|afterwards|later|затем|потом|после этого)(?!\w)", re.I
)
_DUE = re.compile(r"\b(?:due|expected)\b")
_PRONOUN = re.compile(
    r"(?<!\w)(?:he|she|his|her|him|the president|the prime minister|the leader|the chancellor|"
    r"the premier|он|она|его|её|ее|ему|глава государства|президент|премьер|лидер|"
    r"самол[её]т|(?:his|her|the) plane)(?!\w)",
    re.IGNORECASE,
)
_ORIGIN = ("from", "из", "изо", "от")
_WITH = ("with", "с", "со", "and", "и")
_KINDS = (
    ("state", ("state visit", "state-visit", "государственн")),
    ("official", ("official visit", "официальн")),
    ("working", ("working visit", "working trip", "рабоч")),
    ("private", ("private visit", "private trip", "частн")),
    ("summit", ("summit", "саммит", "forum", "форум", "assembly", "ассамбле")),
)
_SUMMIT = re.compile(
    r"(?:(?:the\s+)?((?:[A-Z0-9][\w+\-]*\s+){1,4})(summit|forum))|((?:саммит|форум)\w*\s+(?:[А-ЯЁA-Z0-9][\w+\-]*(?:\s+|$)){1,3})",
)
# What may follow "since" when it names an earlier visit: a date, a leader, or a meeting.
_TRIP_NOUN = re.compile(
    r"visit|trip|tour|journey|stop|travel|went|been|set foot|came|come|визит|поездк|турне|приезд|"
    r"посещени|побыва|ступ|"
    r"прибыл|приехал|прилетел",
    re.IGNORECASE,
)
_SOMEONE = re.compile(
    r"\s*(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)[A-ZА-ЯЁ][\w'’-]+\s+[A-ZА-ЯЁ]"
)
_SINCE_VISIT = re.compile(
    r"\s*(?:[A-Z0-9]|(?:his|her|their|the|a|an)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:visit|trip|tour|summit|forum|talks|meeting|games|olympics|ceremony|parade)s?\b|"
    r"(?:he|she)\s+(?:\w+\s+)?(?:attended|addressed|visited|came|went|travell?ed|was in|"
    r"made|held talks|toured|flew|stopped|set foot)\b)"
)
# "since George Bush in February 1989", "since King Saud came in 1955": a name the
# publication date cannot settle, read on the date of that earlier visit
_SINCE_NAME = re.compile(
    r"\s*((?:(?:King|Queen|Emperor|Emir|Sultan|President|Prime Minister|Premier|Chancellor|"
    r"Sheikh)\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})"
)
_MONTH_WORDS = _words(
    "january february march april may june july august september october november december "
    "the his her their a an"
)
_ABROAD = re.compile(
    r"\b(?:abroad|outside|overseas|foreign|зарубеж|за рубеж|за границ|за пределы)", re.IGNORECASE
)
# "The last Iranian president to visit was", "the last prime minister to set foot in China
# was", "последним был": the leader named next made that trip before
_LAST_ONE = re.compile(
    r"(?<!\w)(?:the|its) (?:last|previous) (?:[\w-]+ ){0,4}?"
    r"(?:to (?:visit|make the (?:trip|journey)|set foot|travel|come|go|stop)\b|visit(?:or)?s?\b)"
    r"[^.;]{0,60}?\b(?:was|were)\s+|"
    r"(?<!\w)последним (?:\w+ ){0,3}?(?:был|была|стал|приезжал|побывал)\s+",
    re.IGNORECASE,
)
_OWN_FIRST = re.compile(
    r"(?<!\w)(?:his|her|their|его|её|свой|своего|своей) (?:\w+ )?(?:first|перв\w+)(?!\w)"
    r"(?![^.;]{0,60}\b(?:by|from) (?:a|an|any)\b)",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"\s*(?:19|20)\d\d(?!\d)")
_YEARS_GAP = re.compile(
    r"(?<!\w)(?:in|за)\s+(?:the\s+(?:last|past)\s+)?([\w-]+(?:\s[\w-]+)?)\s+"
    r"(years|decades|лет|года|десятилети\w*)(?!\w)",
    re.IGNORECASE,
)
_YEARS_SINCE = re.compile(r"\b(?:in|за)\s+\w+\s+(?:years|decades|лет|года|десятилет)", re.I)


@dataclass(frozen=True, slots=True)
class _Person:
    mention: Mention
    leader_id: str  # a registry id, or "unlisted:<name>" for a leader the registry lacks
    name: str
    written: str
    country: str
    start: int  # offsets in the sentence
    end: int
    title: str | None = None  # as the text gives it, for a leader the registry lacks

    @property
    def listed(self) -> bool:
        return self.title is None


@dataclass(frozen=True, slots=True)
class _Place:
    country: str
    city: str | None
    start: int
    end: int
    confidence: float
    held_by: str | None  # for a disputed place: who holds it


@dataclass(slots=True)
class _Context:
    """What earlier sentences of the article established: the leader last written about
    and the place of the trip last found."""

    visitor: _Person | None = None
    place: _Place | None = None
    # where each leader's first trip read went: what "his first visit" is counted to
    counted: dict[str, _Place] = field(default_factory=dict)
    date: tuple[str | None, str | None] | None = None
    people: list[_Person] = field(default_factory=list)  # named in the last sentence
    status: str | None = None  # of the last clause read
    earlier_status: str | None = None  # of the last trip of an earlier sentence
    placed: bool = False  # a trip of the sentence being read has set ``place``
    counts: dict[str, int] = field(default_factory=dict)  # mentions of each leader so far
    by_id: dict[str, _Person] = field(default_factory=dict)

    def saw(self, people: list[_Person]) -> None:
        for person in people:
            self.counts[person.leader_id] = self.counts.get(person.leader_id, 0) + 1
            self.by_id[person.leader_id] = person

    def main(self, title: str) -> _Person | None:
        """The leader a bare title ("the president", "премьер") means: of those with a
        matching office, the one the article names most."""
        wanted = "prime" if re.search(r"prime|premier|премьер|правительств", title, re.I) else ""
        ranked = sorted(self.counts.items(), key=lambda kv: -kv[1])
        titled = [(self.by_id[i], self._office(self.by_id[i])) for i, _count in ranked]
        if not wanted and re.search(r"president|президент", title, re.I):
            exact = [p for p, office in titled if office and "President" in office]
            if exact:
                return exact[0]  # "the president": the president most written about
        for person, office in titled:
            if not wanted or (office and "Prime" in office):
                return person
        return None

    def agreeing(self, pronoun: str, place: _Place) -> _Person | None:
        """The leader a gendered pronoun can mean when the last one named cannot ("she"
        after "President Nana Akufo-Addo"): the one named last in the previous sentence,
        else the one named most, who agrees with it and is abroad there."""
        recent = list(reversed(self.people))
        ranked = [self.by_id[i] for i, _n in sorted(self.counts.items(), key=lambda kv: -kv[1])]
        for person in recent + ranked:
            if _agrees(person, pronoun) and person.country != place.country:
                return person
        return None

    @staticmethod
    def _office(person: _Person) -> str | None:
        return person.mention.person.office.title if person.mention.person else person.title

    event: tuple[_Place, tuple[str | None, str | None] | None] | None = None  # a summit's place
    frame: tuple[_Place, tuple[str | None, str | None] | None] | None = None  # the article's
    read: int = 0  # sentences read so far
    dateline: _Place | None = None
    dateline_day: tuple[int, str] | None = None  # where the dateline ends, and the day it gives
    remote: bool = False  # the last sentence read told of a call or a video link
    virtual: bool = False  # the article's meeting was held by video: attending is no trip
    seen_list: bool = False  # the last sentence read listed stops with their dates
    left: tuple[str, _Place] | None = None  # who left for elsewhere, and the place they left
    stranger: bool = False  # it began with a name that is no leader's: a "he" next is theirs
    last_end: int = -10  # where the last sentence read ends
    article: str = ""  # the whole text
    # each sentence read: its leaders, rule hits, language and the countries it names
    seen: list[tuple[Sentence, list[_Person], list[Hit], str, set[str]]] = field(
        default_factory=list
    )


@dataclass(slots=True)
class Extractor:
    """Extracts trips from articles against one record's names and places."""

    record: Record
    _finders: dict[str, MentionFinder] = field(default_factory=dict)
    _surname_set: frozenset[str] | None = None
    _surname_words: dict[str, bool] = field(default_factory=dict)  # word as written: a surname?

    def extract(self, article: Article) -> list[ExtractedTrip]:
        text = article.text
        folded = text.casefold()
        if not text.strip() or not worth_reading(text, folded):
            return []
        published = article.published_date
        finder = self._finder(published.isoformat())
        marks = self._leader_marks(text, folded)
        if not (marks if marks is not None else self._leaders_named(text, folded)):
            return []

        def named(a: int, b: int) -> bool:
            """Whether text[a:b] names a leader (``_leaders_named``, looked up)."""
            if marks is None:
                return self._leaders_named(text[a:b])
            k = bisect.bisect_left(marks, a)
            return k < len(marks) and marks[k] < b

        found: list[ExtractedTrip] = []
        dateline = self._dateline(text, published)
        context = _Context(place=dateline, dateline=dateline, article=text)
        context.dateline_day = _dateline_day(text, published)
        spans = sentence_spans(text)
        lang = None if article.detected else article.language  # per sentence when guessed
        travels = _travel_sentences(text, folded, spans, lang, named)
        wanted = {k for t in travels for k in range(max(0, t - LOOKAHEAD), t + 1)}
        wanted |= _after_gathering(text, spans)
        listed = _list_sentences(text, spans)
        wanted |= listed
        for k in sorted(wanted):
            a, b, paragraph = spans[k]
            if k not in listed and not _worth_parsing(text, a, b, named):
                _began_before(text[a:b], found, published)
                continue
            sentence = sentence_at(text, a, b, paragraph)
            hits = self._hits(sentence, article)
            trips = self._sentence(sentence, hits, article, finder, context, published)
            if not trips:
                _began_before(sentence.text, found, published)
            found.extend(trips)
            context.read += 1
        found.extend(self._gathering(context, found, published))
        return merge_trips(found, slack_days=MERGE_DAYS, published=published.isoformat())

    def _leader_marks(self, text: str, folded: str) -> list[int] | None:
        """Where ``text`` names a leader as ``_leaders_named`` sees it (a title, a capitalised
        word that is a leader's surname), found once for the whole article; None when
        casefolding changes the text's length and offsets would not agree."""
        if len(folded) != len(text):
            return None
        marks = [m.start() for m in _TITLE_FOLDED.finditer(folded)]
        seen = self._surname_words  # names repeat, within an article and across articles
        if len(seen) > 200_000:
            seen.clear()
        for match in _CAPITALISED.finditer(text):
            written = match.group()
            known = seen.get(written)
            if known is None:
                known = seen[written] = self._a_surname(written)
            if known:
                marks.append(match.start())
        return sorted(marks)

    def _a_surname(self, written: str) -> bool:
        """Whether a capitalised word is a leader's surname in some form ("Путиным",
        "Orbán's", "Myung-bak")."""
        word = written.casefold().replace("ё", "е")
        if not word.isascii() and _LATIN_MARKED.search(word):
            word = normalize_name(word).replace(" ", "-")  # "Erdoğan": "erdogan"
        surnames = self._surnames()
        return any(stem in surnames for stem in _stems(word))

    def _hits(self, sentence: Sentence, article: Article) -> tuple[str, list[Hit]]:
        given = article.language in ("en", "ru") and not article.detected
        lang = article.language if given else language_of(sentence.text)
        hits = rules(lang).find(sentence.text.casefold())
        return lang, [h for h in hits if not _bare_dash(h, sentence.text)]

    def _leaders_named(self, text: str, folded: str | None = None) -> bool:
        """The cheap second gate: a title ("president", "премьер") or a leader's surname in
        any case form. Text naming no leader reports no leader's trip."""
        if _TITLE_FOLDED.found_in(text.casefold() if folded is None else folded):
            return True
        return any(self._a_surname(w) for w in set(_CAPITALISED.findall(text)))  # names repeat

    def _surnames(self) -> frozenset[str]:
        if self._surname_set is None:
            words: set[str] = set()
            for name in self.record.names().index.names:
                last = name.split()[-1].replace("ё", "е") if name.split() else ""
                if len(last) >= 2:
                    words.add(last)
                    if re.search("[а-яё]", last) and len(last) >= 5:
                        words.update((last[:-1], last[:-2]))
            self._surname_set = frozenset(words)
        return self._surname_set

    def _dateline(self, text: str, published: dt.date) -> _Place | None:
        """ "HANOI — The American president arrived here": the dateline's place."""
        match = _DATELINE.match(text)
        if match is None:
            return None
        name = next(group for group in match.groups() if group)
        found = self.record.resolve_place(name.title(), published.isoformat())
        if found.country is None or found.kind not in ("city", "country"):
            return None
        return _Place(found.country, found.city, -1, -1, found.confidence, None)

    def _finder(self, on: str) -> MentionFinder:
        if on not in self._finders:
            if len(self._finders) > 64:
                self._finders.clear()
            self._finders[on] = MentionFinder(self.record, on)
        return self._finders[on]

    def _sentence(
        self,
        sentence: Sentence,
        found_hits: tuple[str, list[Hit]],
        article: Article,
        finder: MentionFinder,
        context: _Context,
        published: dt.date,
    ) -> list[ExtractedTrip]:
        lang, hits = found_hits
        travel = [h for h in hits if h.role in TRAVEL]
        context.earlier_status = context.status or context.earlier_status
        context.placed = False  # no trip of this sentence has placed the story yet
        context.status = None  # of the clauses of this sentence
        was_remote = context.remote and 0 <= sentence.start - context.last_end <= 3
        was_remote = was_remote and "\n" not in article.text[context.last_end : sentence.start]
        context.remote = any(h.role == "neg" and _CHANNEL.search(h.pattern) for h in hits)
        context.last_end = sentence.end
        if was_remote and travel and all(_weak(h) for h in travel):
            travel = []  # "talks by video link. Putin was in Novo-Ogaryovo, Xi in Beijing"
        reacted = [h for h in travel if h.role == "noun" and _reacted_to(h, sentence.text)]
        travel = [h for h in travel if h not in reacted]  # "В Токио визит восприняли болезненно"
        context.virtual = context.virtual or bool(_VIRTUAL_MEETING.search(sentence.text))
        if context.virtual:  # "held by video conference … В заседании приняли участие Си, Моди"
            travel = [h for h in travel if not _WEAK.match(h.pattern)]
            travel = [h for h in travel if not _PARTICIPATES.match(h.pattern)]
            travel = [h for h in travel if h.role != "noun"]
        if not travel and not _names_someone(sentence) and not _GATHERING.search(sentence.text):
            context.stranger = _stranger(sentence.text, [], [], article.text)
            return []
        mentions = finder.find(sentence)
        people = [p for m in mentions if (p := self._person(m, sentence, hits)) is not None]
        people = people + self._unlisted(sentence, people, hits)
        grouped, lists = self._leaders_of(sentence, finder.on, people)
        people = people + grouped + _named_again(sentence, mentions, people, context, hits)
        people = sorted(people, key=lambda p: p.start)
        context.saw(people)
        places = [s for m in mentions if (s := _place(m, sentence)) is not None]
        places.extend(self._places_named_like_people(mentions, sentence))
        places = [p for p in places if not _in_title(p, people, sentence.text)]
        places = [p for p in places if not _SOURCE_IN.search(sentence.text, 0, p.start)]
        places = [p for p in places if not _INCIDENT.search(sentence.text, 0, p.start)]
        places = [p for p in places if not _CONDUIT.search(sentence.text, 0, p.start)]
        places = [p for p in places if not _NAMED_AFTER_PLACE.match(sentence.text, p.end)]
        loose = list(places)  # a list of stops anchors none of its places
        places = _anchored_places(places, sentence.text)
        places.extend(_capitals(sentence.text))
        places = [p for p in places if not any(a <= p.start < b for a, b in lists)]
        context.seen.append((sentence, people, hits, lang, {p.country for p in places}))
        if not travel:
            _note_event(sentence.text, places, context, published, hits)
            attending = self._attendees(sentence, hits, people, context, published, lang)
            if attending:
                return attending
            listed = self._listed_stops(sentence, hits, people, loose, context, published, lang)
            context.seen_list = bool(listed)
            if listed:
                return listed
            context.people = people or context.people
            if reacted:
                places = []  # where a visit was reacted to is no place of the visit
            # "Qin held talks with Prime Minister Abiy": a later "his" is not Abiy's
            free = [p for p in people if not _governed(sentence.text, p.start)]
            if free and (len(people) == 1 or context.visitor is None):
                context.visitor = free[0]
            if places:
                context.place = min(places, key=lambda p: (p.city is None, p.start))
                context.date = _first_date(sentence.text, published, _ahead(hits))
            context.stranger = _stranger(sentence.text, people, places, article.text)
            return []
        trips: list[ExtractedTrip] = []
        by_clause: list[tuple[int, list[ExtractedTrip]]] = []
        for clause in _clauses(sentence.text, travel):
            made = self._clause(clause, sentence, hits, people, places, context, published, lang)
            trips.extend(made)
            if made:
                by_clause.append((clause[0], made))
        if not trips:  # "Маршрут визита: Москва — 16 мая, Казань — 17 мая"
            trips = self._listed_stops(sentence, hits, people, loose, context, published, lang)
            context.seen_list = bool(trips)
        trips.extend(self._each_time(sentence.text, trips, published))
        trips.extend(self._since(sentence, by_clause, people, places, published, lang))
        trips.extend(_years_gap(sentence.text, by_clause, trips, lang))
        trips.extend(self._last_one(sentence, trips, people, places, context, published, lang))
        trips = [t for t in trips if not _idle_denial(t, hits, sentence.text)]
        _note_event(sentence.text, places, context, published, hits)
        if not trips or all(_PARTICIPLE_HIT.search(h.pattern) for h in travel):
            have = {t.leader_id for t in trips}
            more = self._attendees(sentence, hits, people, context, published, lang)
            trips.extend(t for t in more if t.leader_id not in have)
        free = [p for p in people if not _governed(sentence.text, p.start)]
        if free and not trips:
            context.visitor = free[0]
        if places and not trips and not reacted:  # not "В Киеве визит назвали циничным"
            context.place = min(places, key=lambda p: (p.city is None, p.start))
        context.people = people
        context.stranger = _stranger(sentence.text, people, places, article.text)
        return trips

    def _attendees(
        self,
        sentence: Sentence,
        hits: list[Hit],
        people: list[_Person],
        context: _Context,
        published: dt.date,
        lang: str,
    ) -> list[ExtractedTrip]:
        """Leaders listed at an event the article has placed ("SHANGHAI — the summit …";
        "Putin, Xi and Modi were among the leaders"): each one from abroad attended."""
        if context.event is None or context.virtual or not _ATTEND.search(sentence.text):
            return []
        if any(h.role in ("neg", "cancel", "deny", "former") for h in hits):
            return []
        place, date = context.event
        own = _first_date(sentence.text, published)
        if own is not None and own[0] and len(own[0]) == 10:
            date = own  # "among the leaders at the gathering that opened on Wednesday"
        home = {place.country, place.held_by, SOVEREIGN.get(place.country)}
        listed = [p for p in people if p.country not in home]  # not Putin in Crimea
        listed = [p for p in listed if not _INVITER.search(sentence.text, 0, p.start)]
        if len(listed) < 2 and not (listed and _attends(listed[0], sentence.text)):
            return []
        status = "planned" if any(h.role == "plan" for h in hits) else "occurred"
        found: list[ExtractedTrip] = []
        for person in {p.leader_id: p for p in listed}.values():
            on = (date[0] if date else None) or sentence_day(context)
            office = office_on(self.record.names().tenures.get(person.leader_id, []), on)
            if not office.is_leader:
                continue
            evidence = Evidence(sentence.text, sentence.start, sentence.end, f"{lang}:attended")
            who = (person.leader_id, office.title)
            found.append(_at_gathering(person, who, place, date, status, 0.6, evidence))
        return found

    def _gathering(
        self, context: _Context, found: list[ExtractedTrip], published: dt.date
    ) -> list[ExtractedTrip]:
        """An article framed around a gathering abroad ("Leaders of the SCO wrapped up a
        summit in Samarkand"): each leader from another country the article shows taking part
        in it attended, or will attend."""
        if context.frame is None:
            return []
        place, date = context.frame
        have = {(t.leader_id, t.host_country) for t in found}
        elsewhere: dict[int, list[ExtractedTrip]] = {}
        for known in found:
            elsewhere.setdefault(known.evidence[0].start, []).append(known)
        trips: list[ExtractedTrip] = []
        for sentence, people, hits, lang, homes in context.seen:
            if any(h.role in ("neg", "deny", "former") for h in hits):
                continue
            if any(h.role == "cancel" for h in hits):
                told = {t.leader_id for t in elsewhere.get(sentence.start, [])}
                present = [p for p in people if p.leader_id not in told]  # not "won't go to India"
                absent = self._absent(sentence, present, hits, lang, context.frame, published)
                trips.extend(t for t in absent if (t.leader_id, t.host_country) not in have)
                have.update((t.leader_id, t.host_country) for t in absent)
                continue
            if any(h.role == "past" and _EARLIER_VISIT.match(sentence.text, h.start) for h in hits):
                continue  # "he was last there in 2018": another visit
            if not hits and len(people) < 2 and _NOT.search(sentence.text):
                continue  # "Болсонару не комментирует итоги выборов": not shown there
            status = "planned" if any(h.role == "plan" for h in hits) else "occurred"
            for person in people:
                key = (person.leader_id, place.country)
                home = (place.country, place.held_by, SOVEREIGN.get(place.country))
                if person.country in home or key in have:
                    continue
                if _BYSTANDER.search(sentence.text[person.end : person.end + 40]):
                    continue
                if _FROM.search(sentence.text[max(0, person.start - 30) : person.start]):
                    continue
                if _INSTEAD.search(sentence.text, max(0, person.start - 40), person.start):
                    continue  # "standing in for Xi Jinping", "rather than Kim Jong Un"
                if person.country in homes:
                    continue  # "talks with Rishi Sunak in Britain": at home there
                there = elsewhere.get(sentence.start, [])
                hosted = (t for t in there if t.evidence[0].rule.endswith((":host", ":passive")))
                if any(t.leader_id == person.leader_id for t in hosted):
                    continue  # "he will host Sharon and Abbas in Aqaba": somewhere else
                own = _own_arrival(sentence.text[person.end :], published) or date
                trip = self._attended(person, place, own, status, sentence, lang, published)
                if trip is not None:
                    have.add(key)
                    trips.append(trip)
        return trips

    def _absent(
        self,
        sentence: Sentence,
        people: list[_Person],
        hits: list[Hit],
        lang: str,
        frame: tuple[_Place, tuple[str | None, str | None] | None],
        published: dt.date,
    ) -> list[ExtractedTrip]:
        """Leaders the article shows staying away from its gathering ("Prayut stayed at
        home", "Пашинян в Минск не приехал", "Обама … от поездки на Игры отказались"): each
        a cancelled trip there."""
        place, date = frame
        found: list[ExtractedTrip] = []
        for person in people:
            if person.country in (place.country, place.held_by):
                continue
            near = [
                h
                for h in hits
                if h.role == "cancel"
                and person.start - 40 <= h.start <= person.end + 80
                and _ABSENCE.match(sentence.text, h.start)
            ]
            between = [h for h in near if not _BREAK.search(_between(sentence.text, person, h))]
            if not between or _FROM.search(sentence.text[max(0, person.start - 30) : person.start]):
                continue
            trip = self._attended(person, place, date, "cancelled", sentence, lang, published)
            if trip is not None:
                found.append(replace(trip, status="cancelled"))
        return found

    def _attended(
        self,
        person: _Person,
        place: _Place,
        date: tuple[str | None, str | None] | None,
        status: str,
        sentence: Sentence,
        lang: str,
        published: dt.date,
    ) -> ExtractedTrip | None:
        on = (date[0] if date else None) or published.isoformat()
        office = office_on(self.record.names().tenures.get(person.leader_id, []), on)
        if person.listed and not office.is_leader:
            return None
        if date and date[0] and date[0] > published.isoformat():
            status = "planned"
        evidence = Evidence(sentence.text, sentence.start, sentence.end, f"{lang}:gathering")
        leader_id = person.leader_id if person.listed else None
        who = (leader_id, office.title if person.listed else person.title)
        return _at_gathering(person, who, place, date, status, 0.55, evidence)

    def _since(
        self,
        sentence: Sentence,
        by_clause: list[tuple[int, list[ExtractedTrip]]],
        people: list[_Person],
        places: list[_Place],
        published: dt.date,
        lang: str,
    ) -> list[ExtractedTrip]:
        """ "His first trip to Pyongyang since July 2000", "the first by a Japanese leader
        since Shinzo Abe's in April 2015": the earlier visit the comparison names (compared
        with the trip of the clause it stands in, or of the last clause before it)."""
        text = sentence.text
        if not _FIRST.search(text):
            return []
        if not by_clause:  # "the first state visit to Japan by a Chinese leader since Hu"
            lone = self._unattached(sentence, places, lang)
            if lone is None:
                return []
            by_clause = [(0, [lone])]
        found: list[ExtractedTrip] = []
        for match in _SINCE_WORD.finditer(text):
            after = text[match.end() : match.end() + 90]
            who = next((p for p in people if 0 <= p.start - match.end() <= 12), None)
            if match.group().casefold() in ("с", "со"):
                after = "в" + after  # "с 2015 года" read as "в 2015 году" would be
                who = None
            dates = [d for d in find_dates(after, published) if d.past[0]]
            bare = not dates and _BARE_YEAR.match(after) is not None
            if bare:  # "his first visit since 1996": a year, and nothing after it is its place
                dates = [d for d in find_dates("in" + after, published) if d.past[0]]
            if match.group().casefold() in ("с", "со") and (not dates or dates[0].start > 1):
                continue  # "с" means "since" only right before a date
            if not _TRIP_NOUN.search(text, max(0, match.start() - 60), match.start()):
                continue  # "первую очную встречу с февраля": a meeting, not a visit
            if _ABROAD.search(text, max(0, match.start() - 60), match.start()):
                continue  # "his first trip abroad since February": not to this country
            after = after.split(";")[0]
            if not dates or re.match(r"\s*(?:taking|took|his|her|the war|the start)", after):
                continue
            if match.group().casefold() == "since" and not _SINCE_VISIT.match(after):
                continue  # "since the invasion began in February", "since succeeding his father"
            if who is None and (_SOMEONE.match(after) or _SINCE_NAME.match(after)):
                who = self._named_then(after, dates[0].past[0], people)
                if who is None and _SOMEONE.match(after):
                    continue  # "since Roh Moo-hyun in October 2007", a leader we cannot name
            earlier = [made for start, made in by_clause if start <= match.start()]
            base = (earlier or [by_clause[-1][1]])[-1][-1]
            if base.leader_id is None and who is None:
                continue
            visitor = who.leader_id if who else base.leader_id
            if who is not None and (
                who.country == base.host_country or who.leader_id == base.leader_id
            ):
                continue
            date = dates[0].past
            if date[0] is None or date[0] >= (base.start_date or published.isoformat()):
                continue
            office = office_on(self.record.names().tenures.get(visitor or "", []), date[0])
            if (who is not None or base.leader_id is not None) and not office.is_leader:
                continue  # "the first visit by a Kremlin leader since 1943": someone else's
            stop = match.end() + len(after)  # "since he attended the forum in Vladivostok"
            there = [p for p in places if match.end() <= p.start < stop and p.city and not bare]
            home = who.country if who else None
            there = [p for p in there if p.country not in (home, base.host_country)]
            host, cities = base.host_country, list[str]()
            if there and _SINCE_VISIT.match(after) and not _SOMEONE.match(after):
                host, cities = there[0].country, [c for c in (there[0].city,) if c]
            found.append(
                replace(
                    base,
                    leader_id=visitor,
                    name=who.name if who else base.name,
                    written=who.written if who else base.written,
                    office=office.title,
                    host_country=host,
                    cities=cities,
                    start_date=date[0],
                    end_date=None,
                    status="occurred",
                    kind="unknown",
                    occasion=None,
                    ordinal=None,
                    confidence=round(base.confidence - 0.15, 2),
                    evidence=[replace(base.evidence[0], rule=f"{lang}:since")],
                    conflicts={},
                )
            )
        return found

    def _last_one(
        self,
        sentence: Sentence,
        trips: list[ExtractedTrip],
        people: list[_Person],
        places: list[_Place],
        context: _Context,
        published: dt.date,
        lang: str,
    ) -> list[ExtractedTrip]:
        """ "The last Canadian prime minister to make the trip was Justin Trudeau in December
        2017", "последним был Махмуд Ахмадинежад, в январе 2012 года …": the earlier visit
        of the leader named, to the place the sentence names, else the article's."""
        text = sentence.text
        match = _LAST_ONE.search(text)
        if match is None:
            return []
        after = text[match.end() : match.end() + 120].split(";")[0]
        dates = [d for d in find_dates(after, published) if d.past[0]]
        if not dates or (dates[0].past[0] or "") >= published.isoformat():
            return []
        on = dates[0].past[0]
        who = next((p for p in people if 0 <= p.start - match.end() <= 3), None)
        if who is None:
            who = self._named_then(after, on, people)
        inside = [p for p in places if match.start() <= p.start < match.end()]
        there = inside or [p for p in places if p.start >= match.end()] or places
        place = there[0] if there else context.place
        if who is None or place is None or place.country == who.country:
            return []
        visitor = self._as_of(who, on, strict=True)
        if visitor is None or any(
            t.leader_id == who.leader_id and t.host_country == place.country for t in trips
        ):
            return []
        evidence = Evidence(sentence.text, sentence.start, sentence.end, f"{lang}:past")
        cities = [place.city] if place.city and place in places else []
        return [
            _plain_trip(visitor, place, cities, (on, None), "occurred", "unknown", 0.6, evidence)
        ]

    def _listed_stops(
        self,
        sentence: Sentence,
        hits: list[Hit],
        people: list[_Person],
        places: list[_Place],
        context: _Context,
        published: dt.date,
        lang: str,
    ) -> list[ExtractedTrip]:
        """An itinerary written as a list with no verb: "Маршрут турне: Пекин — 16 мая, Харбин
        — 17 мая", "Schedule: Brussels (June 24), Vilnius, July 11-12". Each place paired with
        a date is a stop of the leader the sentence (or the one before it) names, planned
        when its day is still ahead."""
        text = sentence.text
        if any(h.role in ("neg", "cancel", "deny", "former") for h in hits):
            return []
        lead = text[: places[0].start] if places else ""
        if not places or not (_LIST_CUE.search(text) or (context.seen_list and not lead.strip())):
            return []
        dates = find_dates(text, published)
        pairs = [(p, d) for p in places if (d := _paired_date(text, p, dates)) is not None]
        if not pairs or (len(pairs) < 2 and not context.seen_list):
            return []
        free = [p for p in people if p.start < pairs[0][0].start and not _governed(text, p.start)]
        someone = context.stranger or _stranger(text, people, places, context.article)
        visitor = free[-1] if free else (None if someone else context.visitor)
        if visitor is None:
            return []  # "Harris arrived from Ghana …, leaves for Zambia": not the leader before
        found: list[ExtractedTrip] = []
        for place, date in pairs:
            if _at_home(visitor.country, place):
                continue
            if date.past != date.future and not any(h.role == "plan" for h in hits):
                date = FoundDate(date.start, date.end, date.past, date.past, date.relative)
            ahead = bool(date.future[0]) and (date.future[0] or "") > published.isoformat()
            status = "planned" if ahead else "occurred"
            span = date.reading(status)
            who = self._as_of(visitor, span[0])
            if who is None:
                continue
            evidence = Evidence(text, sentence.start, sentence.end, f"{lang}:listed")
            cities = [place.city] if place.city else []
            found.append(_plain_trip(who, place, cities, span, status, "unknown", 0.6, evidence))
        return found

    def _as_of(
        self, person: _Person, day: str | None, strict: bool = False
    ) -> tuple[str | None, str | None, str, str | None] | None:
        """The visitor as a trip names them (registry id, name, name as written, title) on
        ``day``, or None when a registry leader held no leader's office then (``strict``:
        nor may a leader the registry lacks travel)."""
        if not person.listed and strict:
            return None
        if not person.listed:
            return (None, person.name, person.written, person.title)
        office = office_on(self.record.names().tenures.get(person.leader_id, []), day)
        if not office.is_leader:
            return None
        return (person.leader_id, person.name, person.written, office.title)

    def _each_time(
        self, text: str, trips: list[ExtractedTrip], published: dt.date
    ) -> list[ExtractedTrip]:
        """ "He has been to Washington three times: in January 2023, in April 2023 and in
        November 2023": one trip for each date of the list after the count, while in office."""
        count = _TIMES.search(text)
        made = [t for t in trips if t.status == "occurred" and t.leader_id]
        if count is None or len({t.host_country for t in made}) != 1:
            return []
        today = published.isoformat()
        dates = [d.past[0] for d in find_dates(text[count.end() :], published) if d.past[0]]
        days = list(dict.fromkeys(day for day in dates if day <= today))
        base = made[0]
        tenures = self.record.names().tenures.get(base.leader_id or "", [])
        days = [day for day in days if office_on(tenures, day).is_leader]
        if len(days) < 2:
            return []
        have = {t.start_date for t in made}
        return [replace(base, start_date=day, end_date=None) for day in days if day not in have]

    def _unattached(
        self, sentence: Sentence, places: list[_Place], lang: str
    ) -> ExtractedTrip | None:
        """A visit with no visitor the sentence names, to its first place: the base a
        "since" comparison needs ("the first visit to Japan by a Chinese leader since …")."""
        if not places or not _TRIP_NOUN.search(sentence.text):
            return None
        place = places[0]
        evidence = Evidence(sentence.text, sentence.start, sentence.end, f"{lang}:since")
        return _plain_trip(
            (None, "", "", None), place, [], None, "occurred", "unknown", 0.7, evidence
        )

    def _named_then(self, after: str, on: str | None, people: list[_Person]) -> _Person | None:
        """The leader named right after "since", resolved on the date of the earlier visit
        ("since George Bush in February 1989": the elder Bush)."""
        match = _SINCE_NAME.match(after)
        if match is None or on is None:
            return None
        name = match.group(1)
        if name.split()[0].casefold() in _MONTH_WORDS:
            return None
        found = self.record.resolve_person(name, on)
        if found is None or found.leader_id is None or found.name is None:
            return None
        if not found.office.is_leader or found.office.country is None:
            return None
        known = next((p for p in people if p.leader_id == found.leader_id), None)
        if known is not None:
            return known
        mention = Mention(0, 0, found)
        return _Person(mention, found.leader_id, found.name, name, found.office.country, -1, -1)

    def _places_named_like_people(
        self, mentions: list[Mention], sentence: Sentence
    ) -> list[_Place]:
        """ "Washington" read as George Washington: a one-word name of someone out of office
        on the date is the place, when it is one."""
        found: list[_Place] = []
        for mention in mentions:
            person = mention.person
            if person is None or mention.first != mention.last or person.office.is_leader:
                continue
            word = sentence.words[mention.first]
            place = self.record.resolve_place(word.text, person.on)
            if place.country is not None and place.kind in ("city", "country"):
                start = word.start - sentence.start
                found.append(
                    _Place(place.country, place.city, start, start + len(word.text), 0.8, None)
                )
        return found

    def _unlisted(
        self, sentence: Sentence, people: list[_Person], hits: list[Hit]
    ) -> list[_Person]:
        """Heads of state or government the registry does not cover, named with their title
        and country ("Hungarian Prime Minister Viktor Orbán", "президент Сербии Александр
        Вучич"): kept with the title as written, as `visitor: null` in the output."""
        covered = self.record.names().by_country
        found: list[_Person] = []
        for start, end, title, where, name in _titled_names(sentence.text):
            if any(p.start < end and start < p.end for p in people + found):
                continue
            if _former(hits, start, end, sentence.text):
                continue
            country = _country_named(where)
            if country is None or country in covered:
                continue  # where the registry knows the holders, an unknown name is not one
            mention = Mention(_word_at(sentence, start), _word_at(sentence, end - 1))
            key = "unlisted:" + normalize_name(name)
            written = sentence.text[start:end]
            found.append(_Person(mention, key, name, written, country, start, end, title))
        return found

    def _traveller(self, found: PersonResolution | None) -> PersonResolution | None:
        """ "The Iranian leader arrived in Moscow": a supreme leader does not travel; the
        leader a travel report means by the title is the president."""
        if found is None or found.office.title != "Supreme Leader" or found.on is None:
            return found
        if not found.method.startswith("leader of") or found.office.country is None:
            return found
        code = found.office.country
        name = next((c.name for c in country_table().countries if c.iso3 == code), None)
        president = self.record.resolve_person(f"president of {name}", found.on) if name else None
        if president is None or president.leader_id in (None, found.leader_id):
            return found  # a supreme leader who is the one who travels (North Korea's)
        return president

    def _leaders_of(
        self, sentence: Sentence, on: str, people: list[_Person]
    ) -> tuple[list[_Person], list[tuple[int, int]]]:
        """ "The leaders of Brazil, China and India", "президенты Латвии, Литвы и Эстонии":
        each country's leader on the date, and the spans of those lists (whose country names
        are not destinations)."""
        found: list[_Person] = []
        spans: list[tuple[int, int]] = []
        known = {p.leader_id for p in people}
        for match in _LEADERS_OF.finditer(sentence.text):
            spans.append((match.start("list"), match.end("list")))
            title = _GROUP_TITLE.get(match["title"].casefold()[:5], "leader")
            for name in _LIST_SPLIT.split(match["list"]):
                name = name.strip()
                if not name:
                    continue
                query = f"{title} {name}" if title.endswith(("ь", "а")) else f"{title} of {name}"
                got = self._traveller(self.record.resolve_person(query, on))
                if (
                    got is None
                    or got.leader_id is None
                    or got.name is None
                    or got.leader_id in known
                ):
                    continue
                country = got.office.country
                if country is None or not got.office.is_leader:
                    continue
                start = match.start("list") + match["list"].find(name)
                mention = Mention(_word_at(sentence, start), _word_at(sentence, start), got)
                if not found or found[-1].end < match.start():
                    start = match.start()  # the first is "the presidents of Poland", whole
                written = f"{match['title']} of {name}"
                end = match.start("list") + match["list"].find(name) + len(name)  # one group
                found.append(
                    _Person(mention, got.leader_id, got.name, written, country, start, end)
                )
                known.add(got.leader_id)
        return found, spans

    def _person(self, mention: Mention, sentence: Sentence, hits: list[Hit]) -> _Person | None:
        found = self._traveller(mention.person)
        if found is None or found.leader_id is None or found.name is None:
            return None
        one_word = mention.first == mention.last and not found.office.is_leader
        if one_word and self.record.resolve_place(sentence.words[mention.first].text).country:
            return None  # "Washington": the city, not the first president
        words = sentence.words
        start = words[mention.first].start - sentence.start
        end = words[mention.last].end - sentence.start
        if _former(hits, start, end, sentence.text) or _not_the_leader(sentence.text, start, end):
            return None
        by_surname = found.method == "surname"  # "принцем … Мухаммедом бен Заидом": not Khalifa
        if (found.office.title in _MONARCHS or by_surname) and _PRINCE.search(
            sentence.text, max(0, start - 120), start
        ):
            return None  # "Наследный принц … Мухаммед бен Сальман" is not King Salman
        by_title = found.method.startswith(("head of", "leader of", "minister of"))
        if by_title and _UNKNOWN_NAME.match(sentence.text[end:]):
            return None  # "Russian President Ivan Petrov": a name the registry lacks follows
        if by_title and _GENERIC.search(sentence.text, max(0, start - 16), start):
            return None  # "the first by a U.S. president": any president, not this one
        country = found.office.country or self.record.names().index.countries.get(found.leader_id)
        if country is None:
            return None
        written = sentence.text[start:end]
        return _Person(mention, found.leader_id, found.name, written, country, start, end)

    def _clause(
        self,
        clause: tuple[int, int],
        sentence: Sentence,
        hits: list[Hit],
        people: list[_Person],
        places: list[_Place],
        context: _Context,
        published: dt.date,
        lang: str,
    ) -> list[ExtractedTrip]:
        a, b = clause
        inside = [h for h in hits if a <= h.start < b]
        inside = [h for h in inside if not _urged(h, sentence.text)]
        travelling = [h for h in inside if h.role in TRAVEL]
        if not travelling:
            return []
        trigger = travelling[0]
        if _ELLIPSIS.search(trigger.pattern):
            lead = _ELLIPSIS_LEAD.search(sentence.text, a, trigger.start)
            if lead is None:
                return []  # a dash that leaves out no verb of travel: "Переговоры — в Кремле"
            # the phrase runs from its conjunction: "а в воскресенье — в"
            phrase = sentence.text[lead.start() : trigger.end].casefold()
            trigger = Hit(trigger.role, lead.start(), trigger.end, phrase)
        if _WEAK.match(trigger.pattern) and _SCHEDULE.match(travelling[-1].pattern):
            trigger = travelling[-1]  # "After talks with Karimov, Modi travels to Astana"
        trigger = _verb_after_noun(trigger, travelling, sentence.text, places)
        if trigger.role == "noun" and _REACTION.match(sentence.text, trigger.end):
            return []  # "В Токио поездку встретили критикой": where it was judged, not a trip
        negating = [h for h in inside if h.role == "neg" and _negates(h, trigger, sentence.text)]
        accepted = bool(negating) and _accepted(negating, sentence.text[a:b], published)
        if negating and not accepted:
            return []
        doubt = [
            h for h in hits if h.role == "neg" and h.start < a and not _CHANNEL.search(h.pattern)
        ]
        if any(_close(h, trigger, 150) for h in doubt):
            return []  # "сомневаются, что подобная поездка возможна"
        by_link = [h for h in hits if h.role == "neg" and _CHANNEL.search(h.pattern)]
        if _TAKING_PART.match(trigger.pattern) and any(h.start < trigger.start for h in by_link):
            return []  # "общались по видеосвязи: в саммите приняли участие Си, Моди …"
        travel_hits = [h for h in hits if h.role in TRAVEL]
        governed = a == 0 or _THAT.match(sentence.text[a:b]) is not None
        told = [h for h in inside if not _plan_aside(h, sentence.text, trigger.start)]
        status = _status(told, [h for h in hits if h.start < a], trigger, governed)
        if _RELATIVE.match(sentence.text[b:]) and re.search(
            r"visit|trip|tour|визит|поездк", trigger.pattern
        ):
            # "A visit to Washington, which had been expected on 9 May, was put off"
            then = [h for h in hits if b <= h.start <= b + 150 and h.role in ("cancel", "deny")]
            status = "cancelled" if then else status
        follows = _WHERE.match(sentence.text[a:b]) or _PARTICIPLE_GO.match(
            sentence.text, trigger.start
        )
        if status == "occurred" and follows and context.status:
            status = context.status  # "will fly to Hanoi, where he will hold talks"
        if (
            _ELLIPSIS.search(trigger.pattern) or _THEN_TO.match(trigger.pattern)
        ) and context.status:
            status = context.status  # "отправится в Буэнос-Айрес, а в воскресенье — в Бразилию"
        ahead = any(h.role == "plan" for h in hits if h.start < a) or _SCHEDULE.search(
            sentence.text, 0, a
        )
        if status == "occurred" and ahead and _NEXT_STEP.match(sentence.text, a):
            status = "planned"  # "He will spend Sunday in Riyadh …, before flying to Israel"
        timetable = _PRESENT.fullmatch(trigger.pattern) and _THEN_LEAD.search(
            sentence.text, a, trigger.start
        )
        if status == "occurred" and timetable and context.earlier_status == "planned":
            status = "planned"  # "The Chinese leader goes to Sao Paulo on Saturday. He then visits"
        if accepted:
            status = "planned"  # an invitation accepted, with a date
        if status == "planned" and _NO_DATE.search(sentence.text, a):
            return []  # "hopes to go to Lebanon, but the Holy See has given no date"
        context.status = status
        here = [p for p in people if a <= p.start < b]
        spots = [p for p in places if a <= p.start < b and not _origin(sentence.text, p.start)]
        origins = [p for p in places if a <= p.start < b and _origin(sentence.text, p.start)]
        if not spots and _WEAK.match(trigger.pattern) and not _HERE.search(trigger.pattern):
            return []
        unplaced = trigger.role not in ("host", "passive")
        if not spots and unplaced and _NAMED_ELSEWHERE.match(sentence.text, trigger.end):
            return []  # "поездка на Ближний Восток": a destination we cannot place
        if (
            not spots
            and _VISITED_THE.match(trigger.pattern)
            and _UNNAMED.match(sentence.text, trigger.end)
        ):
            return []  # "visited the archipelago off the coast of Kerala": a place unnamed
        if not spots and _ANAPHORIC.search(sentence.text, 0, trigger.start):
            return []  # "had been briefed on the visit": a trip told already, by someone else
        if not spots and _OWN_COUNTRY.search(sentence.text, trigger.end):
            return []  # "посещает территорию собственной страны": at home
        if not spots and _WHERE.match(sentence.text[a:b]):
            spots = [p for p in places if p.start < a][-1:]  # "Brunei, where he had attended"
        if not spots:
            spots = _in_relative(sentence.text, b, places, travel_hits)
        destinations = _destinations(trigger, spots, here, context, sentence.text[a:b])
        if not destinations:
            return []
        dates, outside = _dates(
            sentence.text, a, b, published, _clauses(sentence.text, travel_hits)
        )
        trips: list[ExtractedTrip] = []
        for place in destinations:
            mine = _segment(dates, destinations, place, a) if not outside else dates
            others = [d for d in destinations if d is not place]
            visitors = _visitors(trigger, people, place, sentence.text, context, clause, others)
            if not spots:  # a place from an earlier sentence: whom someone met there stayed
                visitors = [(v, i) for v, i in visitors if not _with(sentence.text, v.start)]
            for visitor, inferred in visitors:
                default = context.date if place is context.place else None
                if default is None and status == "occurred":
                    default = _arrival_on_dateline(context, sentence, trigger)
                if context.frame is not None and _framed(place, status, context.frame[0]):
                    default = context.frame[1]  # "Пашинян в Минск не приехал": the summit's day
                trip = self._trip(
                    visitor,
                    inferred,
                    place,
                    (mine, outside, default),
                    a,
                    trigger,
                    status,
                    sentence,
                    published,
                    lang,
                )
                if trip is not None:
                    trips.append(trip)
                    scene = _the_scene(context)  # "left for Hanoi": not the scene
                    departs = _DEPARTS.match(trigger.pattern) is not None
                    if departs and scene is not None and scene.country != place.country:
                        context.left = (visitor.leader_id, scene)
                    context.visitor = visitor
                    if visitor.leader_id and trip.status != "cancelled":
                        context.counted.setdefault(visitor.leader_id, place)
                    if not (_CAME_VIA.search(trigger.pattern) and context.placed):
                        context.place = place  # not "…, where he had spent two days in Mongolia"
                    context.placed = True
                    trips.extend(self._came_from(trip, visitor, origins, sentence, published))
        if not trips and origins:
            # "on the way home from Johannesburg he stopped in Urumqi": home, but from abroad
            home = replace(destinations[0], country="")
            for visitor, inferred in _visitors(
                trigger, people, home, sentence.text, context, clause
            ):
                if visitor.country != destinations[0].country and not _papal_rome(
                    visitor, destinations[0]
                ):
                    continue  # not from abroad to home (for the pope, to Rome)
                leg = self._trip(visitor, inferred, home, (dates, outside, None), a,
                                 trigger, status, sentence, published, lang)  # fmt: skip
                if leg is not None:
                    trips.extend(self._came_from(leg, visitor, origins, sentence, published))
        return trips

    def _elsewhere(self, text: str, place: _Place, on: str | None) -> bool:
        """Whether ``text`` (what came "a day after") names a place in another country."""
        for match in _PLACE_AFTER.finditer(text[:100]):
            found = self.record.resolve_place(match.group(1), on)
            if found.country and found.country != place.country:
                return True
        return False

    def _came_from(
        self,
        trip: ExtractedTrip,
        visitor: _Person,
        origins: list[_Place],
        sentence: Sentence,
        published: dt.date,
    ) -> list[ExtractedTrip]:
        """ "Arrived in Brasilia from Lima": the visitor was in Peru before, so that is a trip
        too (never the visitor's own country)."""
        found: list[ExtractedTrip] = []
        for place in origins:
            if _at_home(visitor.country, place) or place.country == trip.host_country:
                continue
            if _REACTION_FROM.search(sentence.text, 0, place.start):
                continue  # "despite warnings from Tokyo": no stop there
            if _TRANSIT_FROM.search(sentence.text, 0, place.start):
                continue  # "reached Kyiv on an overnight train from Poland": passed through
            if _SEIZED_FROM.search(sentence.text, 0, place.start):
                continue  # "territory Moscow has seized from Ukraine": no stop there
            status = _status_before(trip, published)
            before = ExtractedTrip(
                leader_id=trip.leader_id,
                name=trip.name,
                written=trip.written,
                office=trip.office,
                host_country=place.country,
                cities=[place.city] if place.city else [],
                start_date=_day_there(sentence.text, place, status, published, trip.start_date),
                end_date=None,
                status=status,
                kind="unknown",
                occasion=None,
                ordinal=None,
                confidence=round(trip.confidence - 0.1, 2),
                evidence=[replace(trip.evidence[0], rule=trip.evidence[0].rule + ":from")],
            )
            found.append(before)
        return found

    def _trip(
        self,
        visitor: _Person,
        inferred: bool,
        place: _Place,
        found: tuple[list[FoundDate], bool, tuple[str | None, str | None] | None],
        offset: int,
        trigger: Hit,
        status: str,
        sentence: Sentence,
        published: dt.date,
        lang: str,
    ) -> ExtractedTrip | None:
        home = (visitor.country, place.held_by, SOVEREIGN.get(place.country))
        if place.country == visitor.country or visitor.country in home[1:]:
            return None  # at home, on territory the visitor's own state holds, or its dependency
        if _papal_rome(visitor, place) and _BACK.search(trigger.pattern):
            return None  # "the pope returned to Rome": home, the Vatican lying within it
        dates, outside, default = found
        ends = _ENDS.match(trigger.pattern)
        reading = "planned" if ends and ends[1] else status
        arrival = trigger.start if _ARRIVING.match(trigger.pattern) and not outside else None
        span = _date_near(dates, sentence.text, offset, reading, published, outside, arrival)
        if status == "occurred" and _timetable(trigger, sentence.text):
            ahead = _date_near(dates, sentence.text, offset, "planned", published, outside)
            if ahead[0] and ahead[0] > published.isoformat():  # "He arrives in Riyadh on
                span, status = ahead, "planned"  # Saturday"; a headline's "arrives" is news
            elif ahead[0] in (None, published.isoformat()) and _LATER_TODAY.search(sentence.text):
                span, status = (published.isoformat(), ahead[1]), "planned"
        if ends and span[0] is not None and span[1] is None:
            span = (None, span[0])  # "a trip that … ends in Shanghai on Friday": its last day
        if span[0] is None and default is not None:
            span = default
        elif status == "occurred":
            own = _WHERE_AFTER.search(sentence.text, trigger.end)  # not the stop it came from
            told = sentence.text[: own.start()] if own else sentence.text
            if not _ARRIVING.match(trigger.pattern):  # an arrival's day is the first
                span = _opening(told, span)
            span = _began(sentence.text, span, published)
        on = span[0] or published.isoformat()
        office = office_on(self.record.names().tenures.get(visitor.leader_id, []), on)
        if visitor.listed and (
            not office.is_leader or office.country not in (None, visitor.country)
        ):
            return None
        title = office.title if visitor.listed else visitor.title
        if span[0] and status == "occurred" and span[0] > published.isoformat():
            status = "planned"
        earlier = _DAYS_AFTER.search(sentence.text, offset)
        if earlier and self._elsewhere(sentence.text[earlier.end() :], place, span[0]):
            earlier = None  # "met Putin on Thursday, a day after … to visit Kyiv": another stop
        if _ARRIVING.match(trigger.pattern) or _JOURNEY.match(trigger.pattern):
            earlier = None  # "flew to Moscow on Wednesday, a day after …": the arrival's day
        if earlier and status == "occurred" and span[0] and len(span[0]) == 10 and not outside:
            # "talks in New Delhi on Tuesday, a day after attending the swearing-in": the
            # visit began the day before
            back = 2 if earlier.group(1).casefold() == "two" else 1
            day = dt.date.fromisoformat(span[0]) - dt.timedelta(days=back)
            span = (day.isoformat(), span[1] or span[0])
        kind, occasion = _kind(sentence.text)
        evidence = Evidence(sentence.text, sentence.start, sentence.end, f"{lang}:{trigger.role}")
        arrived = (  # "landed in Moscow on Monday": the day the visit began
            status == "occurred"
            and not outside
            and bool(dates)
            and bool(_ARRIVING.match(trigger.pattern))
            and len(span[0] or "") == 10
        )
        return ExtractedTrip(
            leader_id=visitor.leader_id if visitor.listed else None,
            name=visitor.name,
            written=visitor.written,
            office=title,
            host_country=place.country,
            cities=[place.city] if place.city else [],
            start_date=span[0],
            end_date=span[1],
            status=status,
            kind=kind,
            occasion=occasion,
            ordinal=_ordinal(sentence),
            confidence=_confidence(trigger, place, visitor, inferred),
            evidence=[evidence],
            arrived=arrived,
        )


def _dateline_day(text: str, published: dt.date) -> tuple[int, str] | None:
    """ "Бишкек, 12 октября. ": where the dateline ends and the day it names."""
    head = _DATELINE.match(text)
    days = find_dates(text[: head.end()], published) if head else []
    return (head.end(), days[0].past[0]) if head and days and days[0].past[0] else None


def _arrival_on_dateline(
    context: _Context, sentence: Sentence, trigger: Hit
) -> tuple[str | None, str | None] | None:
    """An arrival or a welcome told right after a dated dateline, with no day of its own:
    "Бишкек, 12 октября. Владимир Путин прибыл в Киргизию" arrived that day."""
    arriving = _ARRIVING.match(trigger.pattern) or trigger.role in ("host", "passive")
    if context.dateline_day is None or not arriving:
        return None
    end, day = context.dateline_day
    return (day, None) if sentence.start <= end + 2 else None


_ARRIVING = re.compile(
    r"arriv|land(?:ed|s|ing)? (?:in|at)|touched down|(?:flew|flies|fly|flown) in\b|прибы|прилет|"
    r"приеха",
    re.IGNORECASE,
)
# The trigger names the end of a trip; in the present tense, an end still ahead.
_ENDS = re.compile(r"(?:ended|concluded|wrapped up|(ends|concludes|wraps up)) (?:\w+ )?in\b")


_BREAK = re.compile(r"[.;:]")
_ABSENCE = re.compile(
    r"(?:stay|stayed|staying|is staying|was staying|did not|didn't|will not|won't|would not|"
    r"skip|declin|refus|boycott|не приех|не поех|не прилет|не прибы|отказ|бойкот|пропуст)",
    re.IGNORECASE,
)


def _years_gap(
    text: str,
    by_clause: list[tuple[int, list[ExtractedTrip]]],
    trips: list[ExtractedTrip],
    lang: str,
) -> list[ExtractedTrip]:
    """ "His first visit to Ethiopia in 22 years", "первый визит за 24 года": the visitor's
    previous visit there, that many years before (a year's precision)."""
    if not by_clause or not _FIRST.search(text):
        return []
    match = _YEARS_GAP.search(text)
    if match is None or not _OWN_FIRST.search(text, max(0, match.start() - 80), match.start()):
        return []  # not "the first by an Indian prime minister in 41 years": someone else's
    if match.group(2).casefold().startswith(("decade", "десят")):
        return []  # "in two decades": no year to give
    number = cardinal(match.group(1).split())
    if number is None or number[1] != len(match.group(1).split()) or number[0] < 2:
        return []
    base = next((t for start, made in by_clause if start <= match.start() for t in made), None)
    base = base or by_clause[0][1][0]
    if base.leader_id is None or base.status != "occurred" or base.start_date is None:
        return []
    year = str(int(base.start_date[:4]) - number[0])
    if any(t.leader_id == base.leader_id and t.start_date == year for t in trips):
        return []
    evidence = replace(base.evidence[0], rule=f"{lang}:since")
    return [
        replace(
            base,
            cities=[],
            start_date=year,
            end_date=None,
            kind="unknown",
            occasion=None,
            ordinal=None,
            confidence=round(base.confidence - 0.2, 2),
            evidence=[evidence],
            conflicts={},
            arrived=False,
        )
    ]


def _stranger(text: str, people: list[_Person], places: list[_Place], article: str) -> bool:
    """Whether a sentence begins with the name of someone who is no leader ("Прабово вступит
    в должность 20 октября"): a word that opens it, is followed by a verb, is neither a
    leader nor a place, and is written capitalised inside a sentence elsewhere in the
    article, as names are. A "he" in the next sentence is then that person."""
    match = _OPENING_NAME.match(text)
    if match is None or any(p.start <= match.end() for p in people):
        return False
    if any(p.start <= match.end() for p in places):
        return False
    word = match.group(1)
    if _TITLE_WORD.match(word) or word.casefold() in _OPENERS:
        return False
    return re.search(rf"[a-zа-яё,]\s+{re.escape(word)}(?!\w)", article) is not None


_OPENING_NAME = re.compile(r"\W*([A-ZА-ЯЁ][\w'’-]+)(?:\s+[A-ZА-ЯЁ][\w'’-]+)?\s+(?=[a-zа-яё])")
_OPENERS = _words(
    "the this that these those there here it he she they we his her its their our yesterday "
    "today meanwhile officials diplomats analysts он она они это этот эта эти там здесь его её "
    "их вчера сегодня позднее ранее накануне тогда"
)


def _framed(place: _Place, status: str, gathering: _Place) -> bool:
    """The clause's place is the article's gathering (or, for a leader who stayed away,
    its country)."""
    if status == "cancelled":
        return place.country == gathering.country
    return place is gathering


def _between(text: str, person: _Person, hit: Hit) -> str:
    return text[person.end : hit.start] if hit.start >= person.end else text[hit.end : person.start]


def _at_gathering(
    person: _Person,
    who: tuple[str | None, str | None],
    place: _Place,
    date: tuple[str | None, str | None] | None,
    status: str,
    confidence: float,
    evidence: Evidence,
) -> ExtractedTrip:
    """A leader's trip to a gathering (``who``: the registry id, or None, and the title)."""
    visitor = (who[0], person.name, person.written, who[1])
    cities = [place.city] if place.city else []
    return _plain_trip(visitor, place, cities, date, status, "summit", confidence, evidence)


# Words that introduce an itinerary written as a list
_LIST_CUE = re.compile(
    r"(?<!\w)(?:маршрут\w*|график\w*|программ\w*|турне|визит\w*|поездк\w*|остановк\w*|"
    r"itinerary|schedule|programme|program|tours?|trips?|travels?|stops?|legs?|week ahead|"
    r"outings?|journeys?|"
    r"next week|year|итоги|"
    r"на следующей неделе)(?!\w)",
    re.IGNORECASE,
)


_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_LIST_ITEM = re.compile(  # one capital first: the pattern is looked for quickly
    r"[A-ZА-ЯЁ](?:[\w'’-]+\s*(?:—|–|:)\s*\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+[A-Za-zА-Яа-яё]|"
    r"(?<=[A-Z])[\w'’-]+\s*\((?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Za-zА-Яа-яё]+)|"
    rf"(?<=[A-Z])[\w'’-]+ in {_MONTH_NAME},\s+[A-Z][\w'’-]+ in {_MONTH_NAME}|"
    r"(?<=[A-Z])[\w'’-]+ on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[^.;]{0,80}? and "
    r"[A-Z][\w'’-]+ on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?<=[A-Z])[\w'’-]+ from \d{1,2}(?: [A-Z][a-z]+)? to \d{1,2} [A-Z][a-z]+)"
)  # "Berlin on Wednesday, …, and Paris on Thursday", "Turkey from 27 to 30 November"


def _list_sentences(text: str, spans: list[tuple[int, int, int]]) -> set[int]:
    """Sentences that list places with their dates, and may tell an itinerary without a
    verb of travel."""
    starts = [a for a, _b, _p in spans]
    return {bisect.bisect_right(starts, m.start()) - 1 for m in _LIST_ITEM.finditer(text)} - {-1}


def _paired_date(text: str, place: _Place, dates: list[FoundDate]) -> FoundDate | None:
    """The date written right next to a place in a list: "Пекин — 16 мая", "Brussels (June
    24)", "Helsinki on July 13", else one just before it: "16 мая — Пекин", "Monday: Brussels"."""
    for date in dates:
        if 0 <= date.start - place.end <= 6 and _DATE_AFTER.fullmatch(text, place.end, date.start):
            return date
    for date in dates:
        if 0 <= place.start - date.end <= 6 and _DATE_BEFORE.fullmatch(text, date.end, place.start):
            return date
    return None


_DATE_AFTER = re.compile(r"\s*(?:—|–|-|:|,|on|in|в|во|from|с)?\s*\(?\s*")
_DATE_BEFORE = re.compile(r"\s*(?:—|–|-|:)\s*")


_TIMES = re.compile(
    r"(?<!\w)(?:twice|three times|four times|five times|six times|\d+ times|дважды|трижды|"
    r"(?:два|три|четыре|пять|шесть|\d+) раза?)(?!\w)[^.;:]{0,60}[:—–]",
    re.IGNORECASE,
)


def _plain_trip(
    visitor: tuple[str | None, str | None, str, str | None],
    place: _Place,
    cities: list[str],
    date: tuple[str | None, str | None] | None,
    status: str,
    kind: str,
    confidence: float,
    evidence: Evidence,
) -> ExtractedTrip:
    """A trip with no occasion or ordinal of its own (``visitor``: registry id, name, the
    name as written, title)."""
    leader_id, name, written, office = visitor
    return ExtractedTrip(
        leader_id=leader_id,
        name=name,
        written=written,
        office=office,
        host_country=place.country,
        cities=cities,
        start_date=date[0] if date else None,
        end_date=date[1] if date else None,
        status=status,
        kind=kind,
        occasion=None,
        ordinal=None,
        confidence=confidence,
        evidence=[evidence],
    )


def _at_home(country: str, place: _Place) -> bool:
    """Whether ``place`` is in ``country`` or held by it, or held by the country it is in."""
    return place.country in (country, place.held_by) or place.held_by == country


def _the_scene(context: _Context) -> _Place | None:
    """The place last read, when it is the article's own: its dateline's, or the event's."""
    if context.place is None:
        return None
    scenes = [context.dateline, *(e[0] for e in (context.event, context.frame) if e)]
    at_scene = any(s is not None and s.country == context.place.country for s in scenes)
    return context.place if at_scene else None


_SEIZED_FROM = re.compile(
    r"(?:seized|taken|captured|annexed|occupied|wrested|захвачен\w*|отторгнут\w*|отнят\w*)\s+"
    r"(?:\w+\s+)?(?:from|у)\s+$",
    re.IGNORECASE,
)


def _day_there(
    text: str, place: _Place, status: str, published: dt.date, next_leg: str | None
) -> str | None:
    """The day a "where" clause after the place of origin gives ("from Paris, where he had
    held talks with President Macron on Thursday"): a day spent there. "Накануне", "the day
    before" count back from the next leg's day; "since taking office in June" is no day."""
    where = _WHERE.match(text, place.end)
    if where is None:
        return None
    stop = re.compile(r"[,;.]").search(text, where.end())
    clause = text[where.end() : stop.start() if stop else len(text)]
    if _DAY_BEFORE.search(clause):
        if next_leg is None or len(next_leg) != 10:
            return None
        return (dt.date.fromisoformat(next_leg) - dt.timedelta(days=1)).isoformat()
    found = [d for d in find_dates(clause, published) if not _since(clause, d)]
    found = [d for d in found if not _aside(clause, d.start, d.end)]
    return found[0].reading(status)[0] if found else None


_DAY_BEFORE = re.compile(
    r"(?<!\w)(?:накануне|the day before|a day earlier|the previous day|the evening before)(?!\w)",
    re.IGNORECASE,
)


def _status_before(trip: ExtractedTrip, published: dt.date) -> str:
    """Where a visitor comes from: visited already when the next leg is under way or leaves
    within a day ("из Китая он вылетает в Лаос"), else as planned as that leg."""
    if trip.status != "planned":
        return trip.status
    soon = (published + dt.timedelta(days=1)).isoformat()
    return "occurred" if trip.start_date is None or trip.start_date <= soon else "planned"


def _named_again(
    sentence: Sentence,
    mentions: list[Mention],
    people: list[_Person],
    context: _Context,
    hits: list[Hit],
) -> list[_Person]:
    """A word of the name of a leader the article has named ("Kim" after "Kim Jong Un",
    "Orbán" after "Hungarian Prime Minister Viktor Orbán", "Путина" after "Владимир
    Путин"): that leader, when only one fits."""
    if not context.by_id:
        return []
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    taken |= {k for p in people for k in range(p.mention.first, p.mention.last + 1)}
    found: list[_Person] = []
    for k, word in enumerate(sentence.words):
        if k in taken or not word.capitalized or len(word.text) < 2:
            continue
        fits = [p for p in context.by_id.values() if _word_of(word.lower, p.name)]
        if len({p.leader_id for p in fits}) != 1:
            continue
        known = fits[0]
        start = word.start - sentence.start
        end = start + len(word.text)
        if _former(hits, start, end, sentence.text):
            continue
        mention = replace(known.mention, first=k, last=k)
        found.append(replace(known, mention=mention, written=word.text, start=start, end=end))
    return found


def _word_of(word: str, name: str) -> bool:
    """ "kim" of "Kim Jong Un"; Russian case forms of a name's word ("путина")."""
    for token in normalize_name(name).split():
        if word == token or (
            len(token) >= 4 and word.startswith(token) and len(word) - len(token) <= 2
        ):
            return True
        if len(token) >= 5 and token.startswith(word[:-1]) and len(token) - len(word) <= 1:
            return True
    return False


_CASE_ENDINGS = frozenset(
    {"а", "я", "у", "ю", "е", "ы", "и", "о", "ом", "ем", "ым", "им", "ой", "ей", "ою", "ею"}
    | {"ах", "ях", "ам", "ям", "ов", "ев", "ую"}
)


def _stems(word: str) -> tuple[str, ...]:
    """A capitalised word as a surname may be written: itself, without a Russian case
    ending ("Путиным", "Токаева"), without an English possessive ("Putin's"). Only real
    endings come off: "Минск" is not "Мин", nor "Baku" "Bak"."""
    stems = [word]
    for end in (word[-1:], word[-2:]):
        if end in _CASE_ENDINGS and len(word) - len(end) >= 2:
            stems.append(word[: -len(end)])
    if word.endswith(("'s", "’s")):
        stems.append(word[:-2])
    if "-" in word:  # "Myung-bak's": the name's last word is "bak"
        stems.extend([stem.rsplit("-", 1)[1] for stem in stems])
    return tuple(stems)


def _worth_parsing(text: str, a: int, b: int, named: Callable[[int, int], bool]) -> bool:
    """A leader, or a pronoun for one, or an event leaders attend, in text[a:b]."""
    return named(a, b) or bool(_PRONOUN.search(text, a, b) or _EVENT.search(text, a, b))


def _travel_sentences(
    text: str,
    folded: str,
    spans: list[tuple[int, int, int]],
    lang: str | None,
    names_leader: Callable[[int, int], bool],
) -> list[int]:
    """The sentences with a travel rule that could tell of a leader's trip, found by one
    pass of each language's travel pattern over the whole casefolded text (sentence by
    sentence when casefolding changes the length)."""
    if len(folded) != len(text):
        return [k for k, (a, b, _p) in enumerate(spans) if _travels(text[a:b], lang)]
    starts = [a for a, _b, _p in spans]
    found: set[int] = set()
    for code in (lang,) if lang else LANGUAGES:
        for match in rules(code).scan.finditer(folded):
            k = bisect.bisect_right(starts, match.start()) - 1
            if k < 0 or k in found or match.start() >= spans[k][1]:
                continue
            a, b, _p = spans[k]
            if b - a > CHUNK or not (lang or language_of(text[a:b]) == code):
                continue
            if _could_report(text, (a, b), match, code, names_leader):
                found.add(k)
    return sorted(found)


_GUEST = re.compile(r"[A-ZА-ЯЁ]|(?<!\w)(?:him|her|them|его|её|ее|их)(?!\w)")
# A sentence led by an official who is not a leader: "The foreign minister travelled to
# Minsk", "Министр иностранных дел прибыл в Ташкент" (not "Prime Minister Modi", whose
# title is a leader's).
_OFFICIAL_SUBJECT = re.compile(
    r"\W*(?:the |a |an )?(?:(?!prime\b|premier\b)[\w-]+ ){0,3}minister\b|"
    r"\W*(?:[\w-]+ ){0,2}министр(?:а|ом|у)?(?!\w)",
    re.IGNORECASE,
)


def _could_report(
    text: str,
    span: tuple[int, int],
    match: re.Match[str],
    code: str,
    names_leader: Callable[[int, int], bool],
) -> bool:
    """Whether a travel phrase can tell of a leader's trip: not a host's verb with nobody
    after it to be the guest ("Парламент принял бюджет"), not an official other than a
    leader travelling in a sentence that names no leader. Such sentences, and the ones
    before them, are then not parsed at all."""
    a, b = span
    if host_only(code, match.group()) and not _GUEST.search(text, match.end(), b):
        return False
    if _ELLIPSIS.search(match.group()) and not _ELLIPSIS_LEAD.search(text, a, match.start()):
        return False  # a dash that leaves out no verb of travel
    return not (_OFFICIAL_SUBJECT.match(text, a) and not names_leader(a, b))


def _bare_dash(hit: Hit, text: str) -> bool:
    """A dash and a preposition with no "а", "и", "затем" before it: it leaves out no verb
    of travel ("Переговоры — в Кремле")."""
    return bool(_ELLIPSIS.search(hit.pattern)) and not _ELLIPSIS_LEAD.search(text, 0, hit.start)


def _after_gathering(text: str, spans: list[tuple[int, int, int]]) -> set[int]:
    """An opening sentence naming a gathering of leaders, and the sentences after it (who
    took part is often told without a travel word: "Putin, Merkel and Hollande agreed")."""
    for k, (a, b, _p) in enumerate(spans[:2]):
        if b - a <= CHUNK and _GATHERING.search(text, a, b):
            return set(range(k, min(len(spans), k + LOOKAHEAD)))
    return set()


def _travels(text: str, lang: str | None) -> bool:
    """The cheap test of a sentence: a travel stem, then a travel rule of its language."""
    if len(text) > CHUNK:
        return False
    return rules(lang or language_of(text)).mentions_travel(text.casefold())


def _names_someone(sentence: Sentence) -> bool:
    return any(w.capitalized for w in sentence.words[1:]) or len(sentence.words) < 3


_ENTOURAGE = (
    r"envoy|aide|aides|spokesman|spokeswoman|spokesperson|adviser|advisor|minister|wife|husband|"
    r"son|daughter|government|administration|team|office|press secretary|chief of staff|"
    r"помощник|пресс-секретар|советник|спецпредставител|представител|посланник|супруг|жена|"
    r"министр|администраци|окружени|канцеляри|аппарат"
)
_AFTER_NAME = re.compile(rf"^\s+(?:\w+\s+){{0,2}}(?:{_ENTOURAGE})\b", re.IGNORECASE)
_BEFORE_NAME = re.compile(
    r"(?:помощник\w*|пресс-секретар\w*|советник\w*|спецпредставител\w*|представител\w*|"
    r"посланник\w*|супруг\w*|жен[аы]|министр\w*|администраци\w*|аппарат\w*|aide to|"
    r"envoy of|spokes\w+ for|wife of|husband of|son of|daughter of|adviser to|"
    r"по поручению|по просьбе|от имени|on behalf of|on the instructions of|at the request of)"
    r"\s+(?:\w+\s+)?$|"
    r"(?<!\w)(?:mrs|mme|madame|госпож\w*)\.?\s+$",
    re.IGNORECASE,
)


_DIPLOMACY = re.compile(r"\s+(?:дипломат\w*|мид\b|ведомств\w*|diplomacy|foreign)", re.IGNORECASE)
# One capitalised word that is also a town somewhere ("Republic", "Olympic", "Union").
_COMMON = _words(
    "republic union federation kingdom state states office house palace summit parliament "
    "congress council assembly forum square party president minister government olympic "
    "victory independence liberty central national eastern western northern southern new "
    "china sea harbour harbor university institute airport cathedral church museum day "
    "republic's capitol senate commission cabinet court commonwealth"
)


_HEAD_TITLES = {
    "president": "President",
    "prime minister": "Prime Minister",
    "premier": "Prime Minister",
    "chancellor": "Chancellor",
    "king": "King",
    "emir": "Emir",
    "президент": "President",
    "премьер-министр": "Prime Minister",
    "премьер": "Prime Minister",
    "канцлер": "Chancellor",
    "король": "King",
    "эмир": "Emir",
}
_NAME = r"[A-ZА-ЯЁ][\w'’.-]+(?:\s+(?:[A-ZА-ЯЁ][\w'’.-]+|bin|bin|al|de|da|van|von|ибн|бин)){1,3}"
_TITLED_EN = re.compile(
    rf"(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<title>President|Prime Minister|Premier|Chancellor|King|Emir)"
    rf"\s+(?P<name>{_NAME})"
)
_TITLED_RU = re.compile(
    rf"(?P<title>(?i:президент|премьер-министр|премьер|канцлер|король|эмир))[а-я]*\s+"
    rf"(?P<where>[А-ЯЁ][а-яё]+)\s+(?P<name>{_NAME})"
)


def _titled_names(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, title, country word, name) of each "<country> <title> <Name>" and
    "<title> <country's> <Name>" in a sentence."""
    found = []
    for match in _TITLED_EN.finditer(text):
        if match["adj"]:
            title = _HEAD_TITLES[match["title"].casefold()]
            name = _without_stop(match["name"])
            end = match.end() - len(match["name"]) + len(name)
            found.append((match.start(), end, title, match["adj"], name))
    for match in _TITLED_RU.finditer(text):
        title = _HEAD_TITLES[match["title"].casefold()]
        name = _without_stop(match["name"])
        end = match.end() - len(match["name"]) + len(name)
        found.append((match.start(), end, title, match["where"], name))
    return found


def _without_stop(name: str) -> str:
    """A name at the end of a sentence without its full stop ("Jr." keeps its own)."""
    if name.endswith(".") and not re.search(r"(?:\bJr|\bSr|\b\w)\.$", name):
        return name[:-1]
    return name


def _country_named(word: str) -> str | None:
    """The country an adjective ("Hungarian") or a Russian genitive ("Сербии") names."""
    codes = countries_by_adjective(word)
    if len(codes) == 1:
        return codes[0]
    found = resolve_place(word)
    return found.country if found.kind == "country" else None


def _word_at(sentence: Sentence, offset: int) -> int:
    """The index of the word at ``offset`` (relative to the sentence)."""
    position = sentence.start + offset
    for k, word in enumerate(sentence.words):
        if word.start <= position < word.end or word.start >= position:
            return k
    return max(0, len(sentence.words) - 1)


def _not_the_leader(text: str, start: int, end: int) -> bool:
    """ "Putin's special envoy", "пресс-секретарь Путина", "главы американской дипломатии":
    someone else is meant."""
    rest = text[end:]
    if _DIPLOMACY.match(rest) or _DIPLOMACY.search(" " + text[start:end]):
        return True
    possessive = text[:end].endswith(("'s", "’s")) or rest.startswith(("'s", "’s"))
    if possessive and _AFTER_NAME.match(rest.removeprefix("'s").removeprefix("’s")):
        return True
    if _STEPPED_DOWN.search(text[max(0, start - 40) : start]):
        return True  # "who stepped down as British prime minister": a role, not its holder
    if _APPOINTED_BY.search(text[max(0, start - 50) : start]):
        return True  # "премьер, назначенный на эту должность Борисом Ельциным": the appointer
    return bool(_BEFORE_NAME.search(text[max(0, start - 40) : start]))


_MONARCHS = frozenset(("King", "Queen", "Emir", "Sultan", "Emperor"))
_PRINCE = re.compile(
    r"(?:prince|princess|принц\w*|принцесс\w*)\s+(?:[\w-]+,?\s+){0,10}$", re.IGNORECASE
)
_APPOINTED_BY = re.compile(
    r"(?:назначенн\w*|appointed by|nominated by|named by)\b[^.,;]{0,40}$", re.IGNORECASE
)
_STEPPED_DOWN = re.compile(
    r"(?:stepped down as|resigned as|served as|quit as|ousted as|replaced as|succeeded as|"
    r"занимавш\w* пост|занимал\w* пост|"
    r"was elected|ушёл с поста|ушел с поста|покинул пост|оставил пост|оставивш\w* пост)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _former(hits: list[Hit], start: int, end: int, text: str) -> bool:
    """A "former"/"бывший" word just before the name (at most a title between), or an
    aside right after it ("Медведев, занимавший пост президента в 2008-2012 годах")."""
    for hit in hits:
        after = hit.role == "former" and 0 <= hit.start - end <= 3 and _ASIDE_OPEN.match(text, end)
        if after and _HELD_BEFORE.match(hit.pattern) and not _THEN.match(text, hit.end):
            return True  # not "Нетаньяху, возглавлявший тогда правительство"
        if hit.role == "former" and start <= hit.start < end:
            return True  # "Former Ukrainian president Leonid Kuchma" read as one mention
        if hit.role == "former" and hit.end <= start and start - hit.end <= 40:
            between = text[hit.end : start]
            if not re.search(r"[,;.]", between):
                return True
    return False


def _place(mention: Mention, sentence: Sentence) -> _Place | None:
    found = mention.place
    if found is None or found.country is None or found.kind not in ("city", "country", "disputed"):
        return None
    one = mention.first == mention.last and found.kind == "city"
    if one and sentence.words[mention.first].lower in _COMMON:
        return None
    word = sentence.words[mention.first].text
    if one and word.isupper() and len(word) <= 4:
        return None  # "the UN General Assembly": an acronym, not the town of Un
    words = sentence.words
    start = words[mention.first].start - sentence.start
    end = words[mention.last].end - sentence.start
    held = None
    if found.kind == "disputed":
        spot = disputed(sentence.text[start:end])
        held = spot.de_facto if spot else None
    return _Place(found.country, found.city, start, end, found.confidence, held)


_ASIDE_OPEN = re.compile(r",\s*")
_HELD_BEFORE = re.compile(r"занимавш|возглавлявш")
_THEN = re.compile(r"\s*(?:тогда|в то время|at the time|then)\b", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"(?:president|prime minister|premier|chancellor|leader|king|emir|head of state|"
    r"президент\w*|премьер\w*|глав\w*|лидер\w*|канцлер\w*|председател\w*|корол\w*|"
    r"министр\w*|правительств\w*|государств\w*)\s*(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_CAPITAL = re.compile(
    r"(?:the\s+)?([A-Z][a-z]+|[а-яё]+)\s+(?:capital|столиц[аеуыой]\w*)", re.IGNORECASE
)


_ANCHOR = _words(
    "in to at into from for near outside via visiting visited visit visits toured touring "
    "tour tours reached reach leaves left leaving and or then here there inside across "
    "в во на из до через под около посетил посетит посетив посещает посетили посетят "
    "посетить посещения посещение посетившим посетивший посещавший и или а затем также"
)


_ANCHOR_STEMS = (
    "посет",
    "посещ",
    "побыва",
    "visit",
    "tour",
    "визитом",
)  # "посетит с визитом Непал"


def _anchored_places(places: list[_Place], text: str) -> list[_Place]:
    """Places in order, each kept when anchored; "and"/"," anchor only after a kept place
    ("visiting Abu Dhabi and Riyadh", not "borders Poland and Lithuania")."""
    kept: list[_Place] = []
    for place in sorted(places, key=lambda p: p.start):
        words = text[: place.start].rstrip().rsplit(None, 1)
        last = words[-1].casefold().strip(",") if words else ""
        listed = last in _LIST_WORDS or text[: place.start].rstrip().endswith(",")
        if listed:
            if kept and place.start - kept[-1].end <= 12:
                kept.append(place)
            elif place.city is None and _UNPLACED_TOWN.search(text, 0, place.start):
                kept.append(place)  # "flies to San José, Costa Rica": the town's country
        elif _anchored(place, text, places):
            kept.append(place)
    return kept


# a town the gazetteer could not place, after a word of travel, then its country
_UNPLACED_TOWN = re.compile(
    r"(?<!\w)(?:to|in|at|visiting|visited|в|во)\s+(?:[A-ZА-ЯЁ][\w'’.-]*\s+){0,2}[A-ZА-ЯЁ][\w'’.-]*,\s*$"
)
_LIST_WORDS = frozenset(("and", "or", "и", "или", "а", "as well as"))
_HERE = re.compile(r"(?:here|здесь)$")
_HOSTS_AFTER = re.compile(r"\s+(?:hosts|is hosting|welcomes|принимает|примет)\b")


def _anchored(place: _Place, text: str, places: list[_Place]) -> bool:
    """A city is a destination only where the text puts someone there: after a preposition
    or a verb of travel, or in a list with one that is ("Abu Dhabi and Riyadh"). A country
    name needs no anchor; a stray capitalised word that is also a town ("UN", "Olympic")
    is dropped."""
    words = text[: place.start].rstrip().rsplit(None, 2)
    last = words[-1].casefold().strip(",") if words else ""
    if last in _ANCHOR or last.startswith(_ANCHOR_STEMS):
        return True
    if last == "on" and " " in text[place.start : place.end]:
        return True  # "on Red Square", "on Russky Island"
    if len(words) >= 2 and f"{words[-2]} {words[-1]}".casefold() == "out of":
        return True  # "flew out of Moscow"
    if text[: place.start].rstrip().endswith(","):
        return True
    if not text[: place.start].strip() and _HOSTS_AFTER.match(text, place.end):
        return True  # "Tirana hosts the summit today"
    skippable = words[-1:] and (words[-1] == "the" or words[-1][:1].islower())
    if len(words) >= 2 and bool(skippable) and words[-2].casefold() in _ANCHOR:
        return True
    return _described(text[: place.start])


_DESCRIBED = re.compile(  # "в китайский город Сиань", "in the Chinese port city of Gwadar"
    r"(?<!\w)(?:in|to|at|into|visiting|visited|в|во|на)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:city|town|port|resort|capital|island|город|городе|порт|порту|курорт|курорте|"
    r"столицу|столице|остров|острове)(?:\s+of)?\s*$",
    re.IGNORECASE,
)


def _described(before: str) -> bool:
    return _DESCRIBED.search(before, max(0, len(before) - 60)) is not None


def _in_title(place: _Place, people: list[_Person], text: str) -> bool:
    """A country named in a title ("President of Kazakhstan Tokayev", "премьер-министра
    Казахстана Алихана Смаилова") says whose leader it is, not where the trip goes."""
    if _TITLE_WORDS.search(text[: place.start]):
        return True
    if _WHOSE.match(text, place.end):
        return True  # "Pakistan's prime minister", "South Africa's presidency"
    words = text[: place.start].rstrip().rsplit(None, 1)
    if words and words[-1].casefold() in ("в", "во", "на", "in", "at"):
        return False  # "был принят в Ватикане Папой Франциском": where, not whose
    return any(0 <= p.start - place.end <= 2 for p in people)


# "Officials in Beijing said", "the foreign office in Islamabad": where a source speaks
_SOURCE_IN = re.compile(
    r"(?:officials?|office|ministry|sources|spokes\w+|media|diplomats|analysts|observers|"
    r"embassy|agency|newspapers?|reporters|correspondents|commentators|markets|"
    r"чиновник\w*|источник\w*|ведомств\w*|министерств\w*|СМИ|дипломат\w*|аналитик\w*|"
    r"наблюдател\w*|посольств\w*|агентств\w*)\s+(?:in|at|в|во)\s+(?:the\s+)?$|"
    # "сообщили в пятницу в Кремле", "said on Friday in Beijing"
    r"(?<!\w)(?:сообщил\w*|заявил\w*|объявил\w*|said|announced)\s+(?:\w+\s+){0,2}?(?:in|at|в|во)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# "the crash of an airliner near Aktau", "a missile strike on Kyiv": where something happened
_INCIDENT = re.compile(
    r"(?<!\w)(?:crash|attack|explosion|strike|bombing|shooting|earthquake|крушени\w*|авари\w*|"
    r"катастроф\w*|теракт\w*|взрыв\w*|удар\w*|обстрел\w*)\s+(?:\w+\s+){0,3}?"
    r"(?:in|at|on|near|over|в|во|на|под|над|у)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a gas pipeline to China", "exports to India", "рейсы в Москву", "the situation in Gaza",
# "ситуацию в Афганистане": a topic, not where anyone went
_CONDUIT = re.compile(
    r"(?<!\w)(?:pipeline|railway|rail link|road|corridor|exports?|imports?|flights|route|"
    r"supplies|shipments?|aid|assistance|газопровод\w*|нефтепровод\w*|экспорт\w*|поставк\w*|"
    r"рейс\w*|помощ\w*|груз\w*|"
    r"коридор\w*)\s+(?:\w+\s+){0,2}?(?:to|from|into|в|во|из)\s+(?:the\s+)?$|"
    r"(?<!\w)(?:situation|conflict|war|crisis|fighting|ceasefire|truce|peace|violence|"
    r"invasion|offensive|destruction|elections?|protests?|unrest|перемири\w*|"
    r"ситуаци\w*|конфликт\w*|войн\w*|кризис\w*|"
    r"положени\w*|урегулировани\w*)\s+(?:(?!побыва|прибы|посети|прилет|приеха|приезжа|прилета|"
    r"посеща|arriv|visit|travel|flew|went|came)\w+\s+){0,2}?(?:in|on|around|в|во|на|вокруг)\s+"
    r"(?:the\s+|[а-яё]+\s+)?$|"
    # a topic: "to discuss Syria, Ukraine and trade"
    r"(?<!\w)(?:discuss|discussed|discusses|discussing)\s+(?:the\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,3}?$",
    re.IGNORECASE,
)
_WHOSE = re.compile(
    r"['’]s\s+(?:\w+\s+){0,2}?(?:president|presidency|prime minister|premier|chancellor|leader|"
    r"government|foreign ministry|foreign minister|king|emir|head of state|delegation|"
    r"embassy|ambassador|office)\b",
    re.IGNORECASE,
)


def _capitals(text: str) -> list[_Place]:
    """ "The Kazakh capital", "в российскую столицу": the country whose capital it is."""
    found: list[_Place] = []
    for match in _CAPITAL.finditer(text):
        codes = countries_by_adjective(match[1])
        if len(codes) == 1:
            found.append(_Place(codes[0], None, match.start(), match.end(), 0.85, None))
    return found


def _origin(text: str, start: int) -> bool:
    before = text[:start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].casefold() in _ORIGIN


_GENERIC = re.compile(r"(?<!\w)(?:a|an|any|no|every|each|another)\s+(?:\w+\s+)?$", re.I)
_BACK = re.compile(r"return|back", re.IGNORECASE)
_ELLIPSIS = re.compile(r"—\s+(?:в|во|на)$")  # the verb left out: "а в воскресенье — в"
# a noun of travel with its destination after it: "trip to the country", "поездка в"
_NOUN_GOES = re.compile(r"\w*\s+(?:\w+\s+)?(?:to|in|abroad|в|во|на|за)\b", re.IGNORECASE)
# not the verb of the trip a noun names: the trip's stops and its first day
_NOT_THE_VERB = re.compile(r"stop|began|begin|start|open|end|начал|начин|заверш|останов")


def _verb_after_noun(trigger: Hit, travelling: list[Hit], text: str, places: list[_Place]) -> Hit:
    """The verb of travel that tells a trip a noun of travel opened without a destination
    ("Поездка была ответной — … Цзян Цзэминь совершил визит в США"); not one of the trip's
    stops or its first day, and not when the noun has its own ("previous trip to the
    country was in 2007")."""
    if trigger.role != "noun" or _NOUN_GOES.search(trigger.pattern):
        return trigger
    verb = next((h for h in travelling[1:] if h.role == "go"), None)
    if verb is None or _NOT_THE_VERB.match(verb.pattern) or _NOUN_GOES.match(text, trigger.end):
        return trigger
    if any(trigger.end <= p.start < verb.start for p in places):
        return trigger
    return verb


_NOT = re.compile(r"(?<!\w)(?:не|нет|not|no|never|n't|declined|refused)(?!\w)", re.IGNORECASE)
_THEN_TO = re.compile(
    r"(?:,|\band) then (?:on )?to"
)  # "…, and then to Ashgabat": the verb left out
_ELLIPSIS_LEAD = re.compile(r"(?<!\w)(?:а|и|затем|потом|оттуда|после чего)\s+(?:[\w-]+\s+){0,3}$")
_OBJECT_FIRST = re.compile(
    r"(?:(?:[а-яё]+(?:ого|его)\s+)?(?:лидера|президента|премьера|премьер-министра|канцлера|"
    r"гостя|гостей|гостью|коллегу|коллег)(?:,[^,]{1,60},)?|(?<!\w)(?:его|её|ее|их))\s+"
    r"(?:(?:лично|тепло|радушно|торжественно|с почестями)\s+)?$",
    re.IGNORECASE,
)


def _papal_rome(visitor: _Person, place: _Place) -> bool:
    """Rome is the pope's home town: the Vatican lies within it."""
    return visitor.country == "VAT" and place.city == "Rome" and place.country == "ITA"


_TRANSIT_FROM = re.compile(
    r"(?:train|train journey|train ride|rail journey|flight|поезд\w*|рейс\w*)\s+(?:\w+\s+){0,2}"
    r"(?:from|из)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_REACTION_FROM = re.compile(
    r"(?:warnings?|criticism|protests?|objections?|pressure|calls?|condemnation|reactions?|"
    r"response|complaints?|anger|opposition|threats?|messages?|letters?|envoys?|officials|"
    r"delegations?|критик\w*|протест\w*|предупрежден\w*|давлени\w*)\s+(?:\w+\s+){0,2}"
    r"(?:from|из)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ASIDE_END = re.compile(
    r",\s*(?:who|который|которая|\w+(?:вший|вшая|вшего|вшие))\b[^,;]*,\s*$", re.I
)
_ASIDE_BEFORE = re.compile(  # ", who arrived on Monday,", ", во вторник приезжавший в Киев,"
    r",\s+(?:who|который|которая|(?:[^\s,;]+\s+){0,6}[а-яё]+(?:вший|вшая|вшие))\b[^,;]*,?\s*$",
    re.IGNORECASE,
)
_WHO_BEFORE = re.compile(r",\s+who\s+(?:had\s+|has\s+|first\s+)?$", re.IGNORECASE)
_PARTICIPLE_HIT = re.compile(r"(?:вш|ящ|ющ)\w*$")


def _clauses(text: str, travel: list[Hit]) -> list[tuple[int, int]]:
    """The clause around each travel rule (one clause per rule, in order, without repeats)."""
    breaks = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    for first in travel:
        # an aside ends at its comma: "Путина, прибывшего накануне, в ней …", "Kishida, who
        # arrived on Monday, addresses Congress on Thursday"
        relative = _WHO_BEFORE.search(text, max(0, first.start - 14), first.start)
        if not (_PARTICIPLE_HIT.search(first.pattern) or relative):
            continue
        comma = text.find(", ", first.end)
        if comma < 0 or comma - first.end > 80:
            continue
        later = [h for h in travel if h.start > comma]
        if (later or relative) and not any(first.end <= x <= comma for x in breaks):
            breaks = sorted({*breaks, comma})
    found: list[tuple[int, int]] = []
    for hit in travel:
        a = max(x for x in breaks if x <= hit.start)
        b = min(x for x in breaks if x > hit.start)
        if (a, b) not in found:
            found.append((a, b))
    return found


_WHICH = re.compile(r",\s*(?:котор\w+|which|that)\b[^,;]*$", re.IGNORECASE)


def _plan_aside(hit: Hit, text: str, at: int | None) -> bool:
    """A plan word in a clause about something else ("в саммите, который пройдет 3–4 июля,
    приехали", "opened the summit, which closes on Friday"), unless ``at`` lies in it."""
    if hit.role != "plan":
        return False
    which = _WHICH.search(text, max(0, hit.start - 60), hit.start)
    if which is None:
        return False
    close = text.find(",", hit.end)
    end = close if close >= 0 else len(text)
    return at is None or not which.start() <= at < end


def _status(hits: list[Hit], before: list[Hit], trigger: Hit, governing: bool = True) -> str:
    """Cancelled or denied (near the travel words, or earlier in the sentence: "denied that
    he would travel"), planned (in the clause), else occurred."""
    roles = {h.role for h in hits}
    near = [h for h in hits if h.role in ("cancel", "deny") and _close(h, trigger)]
    if near or (governing and {h.role for h in before} & {"cancel", "deny"}):
        return "cancelled"
    if "plan" in roles or _SCHEDULE.match(trigger.pattern):
        return "planned"
    return "occurred"


_OWN_COUNTRY = re.compile(
    r"(?:собственной|своей|родной) (?:страны|стране|земли|земле)|(?:his|her|their) own country",
    re.IGNORECASE,
)
_AS_MEMBER = re.compile(r"в составе|as (?:a )?(?:part|member) of|among the", re.IGNORECASE)
_JOURNEY = re.compile(  # a verb of the journey itself (arrivals: _ARRIVING)
    r"(?:flew|flies|fly|travel|went|goes|came|comes|head|jetted|leaves|left|вылет|отправ)",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"\b(?:in|to|visit|visiting|в|во) ([A-ZА-ЯЁ][\w'’-]+)")
_DAYS_AFTER = re.compile(
    r"\b(a|one|two) days? after (?:\w+ing|becoming|arriving|his|her|he|she|landing)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(r"(?:met|meets|meet|meeting with|talks with)\b", re.IGNORECASE)
# A plan without a date is no trip yet
_NO_DATE = re.compile(
    r"(?:given|announced|set|fixed|named) no dates?\b|no dates? (?:has|have|had) (?:yet )?been "
    r"(?:set|given|announced|fixed)|сроки (?:\w+ ){0,2}(?:не (?:определены|названы|согласованы|"
    r"объявлены)|будут согласованы)|без (?:конкретных )?сроков",
    re.IGNORECASE,
)
# A visit named as what people reacted to: the place in the sentence is where they did
_REACTION = re.compile(
    r"\w*\s+(?:\w+\s+)?(?:назвал\w*|встретил\w* (?:\w+ )?(?:критик|протест|осужд)|вызвал\w*|"
    r"восприн\w*|расценил\w*|оценил\w*|reacted|was (?:called|described|seen|viewed) as|"
    r"осудил\w*|раскритиковал\w*|was (?:condemned|criticised|criticized|denounced)|"
    r"drew (?:\w+ )?(?:criticism|protests?|condemnation)|sparked|angered)",
    re.IGNORECASE,
)
_REACTED_BEFORE = re.compile(
    r"(?:назвал\w*|называ\w*|расценил\w*|осудил\w*|раскритиковал\w*|called|described|"
    r"condemned|denounced|critici[sz]ed|slammed)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _reacted_to(hit: Hit, text: str) -> bool:
    """A visit named as what someone reacted to ("В МИД Латвии назвали визит провокацией",
    "Beijing condemned the trip")."""
    if _REACTION.match(text, hit.end):
        return True
    return _REACTED_BEFORE.search(text, max(0, hit.start - 40), hit.start) is not None


# The next step of an itinerary: what the main verb says of the first holds for it
_NEXT_STEP = re.compile(
    r"\W*(?:before|and then|then|followed by|after which|а затем|затем|после чего)\b", re.I
)
# A timetable in the present tense is a plan: "flies to Budapest on Thursday", "leaves for
# Kyiv", "goes on to Croatia".
_SCHEDULE = re.compile(
    r"(?:flies|leaves|travels|heads|goes|moves|continues|returns|jets|stops|takes (?:him|her)|"
    r"begins|"
    r"then (?:flies|travels|heads|goes)|вылетает|улетает|отправляется|"
    r"направляется|прибывает|"
    r"прилетает|приезжает|"
    r"переезжает|перелетает)\b"
)


_CHANNEL = re.compile(
    r"phone|call|video|letter|message|telegram|телефон|видео|письм|послани|телеграм"
)


def _neg_reach(hit: Hit) -> int:
    """Calls, letters and video links negate what stands near them; a hypothetical ("if",
    "если") the whole clause."""
    return 80 if _CHANNEL.search(hit.pattern) else 150


_ACCEPTED = re.compile(r"accept\w*|agreed|принял\w* приглашени|согласил\w*", re.IGNORECASE)


def _accepted(negating: list[Hit], clause: str, published: dt.date) -> bool:
    """An invitation accepted with a date is a plan ("has accepted an invitation to visit
    Moscow in April"); one without a date is not a trip yet."""
    if not all(_INVITATION.match(h.pattern) for h in negating):
        return False
    return bool(_ACCEPTED.search(clause)) and bool(find_dates(clause, published))


_INVITATION = re.compile(r"invit|пригла", re.IGNORECASE)


def _negates(hit: Hit, trigger: Hit, text: str) -> bool:
    """A no-trip word near the travel words, not one past a participle that starts another
    thought ("will not travel to Johannesburg …, ending weeks of speculation over …")."""
    if hit.end <= trigger.start:
        return trigger.start - hit.end <= _neg_reach(hit)
    if _ANOTHER_THOUGHT.search(text, trigger.end, hit.start):
        return False
    if _IN_PERSON.search(text, max(trigger.end, hit.start - 30), hit.start):
        return False  # "travels to Muscat today to offer condolences": the trip's purpose
    return hit.start - trigger.end <= _neg_reach(hit) * 2


# "his visit", "его визит": the visit of someone already named, not of a leader named after
_POSSESSIVE = re.compile(r"(?:\bhis|\bher|\bего|\bеё|\bее)\s+(?:[\w-]+\s+){0,2}$", re.I)
_COORDINATED = re.compile(r"(?:,\s*and|;|,\s*а|,\s*и)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_NAMED_ELSEWHERE = re.compile(  # not a month: "his last visit was in August 2015"
    r"\s*(?:(?:\w+\s+){0,2}(?:to|in|into|в|во|на))\s+(?:the\s+)?"
    rf"(?!{_MONTH_NAME}\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-ZА-ЯЁ]"
)
_VISITED_THE = re.compile(r"(?:visit|toured|tours)", re.IGNORECASE)
_UNNAMED = re.compile(
    r"\w*\s+(?:the|an?)\s+(?!(?:country|capital|city|kingdom|republic|nation|state|island|"
    r"emirate|region|continent|gulf|territory)\b)[a-z]+\b"
    r"(?!\s+(?:of|in|near|at) [A-Z])"  # not "toured the ruins of Irpin"
)
_ANAPHORIC = re.compile(
    r"(?:\bthe|\bthis|\bthat|\bэтот|\bэтого|\bэтом|\bтот|(?<!\w)о|(?<!\w)об)\s+$", re.I
)  # "briefed on the visit", "проинформирован о поездке": a trip told elsewhere
_PARTICIPLE_GO = re.compile(
    r"\w+ing\b(?! (?:a|an|his|her|the) )"
)  # "…, arriving in Washington on July 21"
_IN_PERSON = re.compile(
    r"\bto (?:offer|express|convey|pay|deliver|present|personally \w+)(?: \w+)?\s+$|"
    r"(?<!\w)(?:выразить|передать|принести|лично)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ANOTHER_THOUGHT = re.compile(
    r",\s+(?:ending|amid|capping|putting|closing|following|in protest|citing|завершив|положив|"
    r"в знак протеста|сославшись|(?!during|being|having|bring|thing)[a-z]+ing)\b",
    re.IGNORECASE,
)


def _close(hit: Hit, trigger: Hit, reach: int = 70) -> bool:
    """A cancel word governs the travel words it stands near, not the whole clause ("flew
    to Moscow …, a day after skipping the inauguration" is not cancelled)."""
    if hit.end <= trigger.start:
        return trigger.start - hit.end <= reach
    return (
        hit.start - trigger.end <= reach * 2
    )  # "a visit to Japan, planned for April, was postponed"


_BARE_ARRIVAL = re.compile(r"(?:landed|has landed|flew in|flies in|arrived|arrives|touched down)")
_CAME_VIA = re.compile(r"spen[dt]|spending|stay|stopp|was in|been in|находил|провел|провёл")
# "the Shangri-La Dialogue", "the Paris Agreement", "the Minsk format": a thing named after
# a town, not a stay there
_NAMED_AFTER_PLACE = re.compile(
    r"['’]?\s+(?:Dialogue|Hotel|Declaration|Accords?|Agreements?|Process|Format|Club|"
    r"Cooperation|Protocol|Treaty|Convention|Initiative|Consensus|Principles|Charter|"
    r"Memorandum|Communiqu[eé]|Plan|Roadmap|Group)\b|\s+(?:формат\w*|процесс\w*)(?!\w)"
)
# ", министр иностранных дел Ван И собирался в Мьянму": another subject, another trip
_ANOTHER_SUBJECT = re.compile(
    r",\s+(?:while\s+|а\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}(?:minister|министр|вице-премьер|"
    r"vice[- ]president|вице-президент|secretary|госсекретар)\w*\b",
    re.IGNORECASE,
)
_FRONTED = re.compile(r"\W*(?:in|at|в|во|на)\s+(?:the\s+)?$", re.IGNORECASE)
_AT = re.compile(r"(?<!\w)(?:in|at|в|во|на)\s+(?:the\s+)?$", re.IGNORECASE)


def _destinations(
    trigger: Hit, spots: list[_Place], people: list[_Person], context: _Context, text: str
) -> list[_Place]:
    if trigger.role == "noun":  # "visit to Paris", "визит в Париж": the place follows closely
        spots = [
            p for p in spots if 0 <= p.start - trigger.end <= 45 or 0 <= trigger.start - p.end <= 1
        ]  # or stands just before it: "her first China trip"
    reach = 60 if trigger.role == "host" else 140  # a place far on is rarely where they went
    after = [p for p in spots if trigger.start <= p.start <= trigger.end + reach]
    after = [p for p in after if not _ANOTHER_SUBJECT.search(text, trigger.end, p.start)]
    chosen = after or [p for p in spots if p.start < trigger.start]
    fronted = [p for p in spots if p.start < trigger.start and _FRONTED.match(text, 0, p.start)]
    if fronted and trigger.role == "go" and (not after or after[0].start - trigger.end > 30):
        # "In Beijing, the President held talks with … from the United States"; but "In the
        # UAE he met …, and in Saudi Arabia …" keeps both
        chosen = fronted[:1] + [p for p in after if _AT.search(text, max(0, p.start - 8), p.start)]
    if not chosen and trigger.role in ("host", "passive"):
        hosts = [p for p in people if _hosting(trigger, p)]
        chosen = [_Place(h.country, None, h.start, h.end, 0.8, None) for h in hosts[:1]]
    if not chosen and context.frame is not None and _THE_GATHERING.search(text):
        chosen = [context.frame[0]]  # "all took part in both days of the summit"
    if not chosen and context.left is not None and people:
        gone, stayed = context.left  # "Biden … left for Hanoi. Sunak, who also flew in on
        if all(p.leader_id != gone for p in people):  # Friday, visited the temple": Delhi
            chosen = [stayed]
    if not chosen and _HERE.search(trigger.pattern):  # "Macron and Merz are here too"
        scenes = [e[0] for e in (context.frame, context.event) if e] + [context.dateline]
        chosen = [p for p in scenes if p is not None][:1]
    earlier = _EARLIER_ONE.search(text) if not spots else None
    if not chosen and earlier and earlier.start() < trigger.end:
        ids: list[str | None] = [p.leader_id for p in people]
        ids = ids or [context.visitor.leader_id if context.visitor else None]
        chosen = [context.counted[i] for i in ids[:1] if i is not None and i in context.counted]
        # "His first visit, in August 2015, …": to the country counted
    if not chosen and context.place is not None:
        chosen = [context.place]
    by_country: dict[str, _Place] = {}
    for place in chosen:
        known = by_country.get(place.country)
        if known is None or (known.city is None and place.city is not None):
            by_country[place.country] = place
    return list(by_country.values())


_EARLIER_ONE = re.compile(
    r"\b(?:his|her|their)\s+(?:very\s+)?(?:first|second|third|fourth|fifth|previous|last|most "
    r"recent|earlier)\s+(?:\w+\s+)?(?:visit|trip)\b(?!\s+(?:to|in)\b)|(?:первый|второй|"
    r"третий|предыдущий|последний|прошлый)\s+(?:\w+\s+)?визит\w*(?!\s+(?:в|во|на)\b)",
    re.IGNORECASE,
)


def _hosting(trigger: Hit, person: _Person) -> bool:
    if trigger.role == "host":
        return person.end <= trigger.start
    return person.start >= trigger.end


def _visitors(
    trigger: Hit,
    people: list[_Person],
    place: _Place,
    text: str,
    context: _Context,
    clause: tuple[int, int],
    others: list[_Place] | None = None,
) -> list[tuple[_Person, bool]]:
    """The visitors of a clause, each with whether it was inferred from an earlier sentence
    (``others``: the clause's other destinations)."""
    here = [p for p in people if clause[0] <= p.start < clause[1]]
    abroad = [p for p in here if p.country != place.country]
    if trigger.role == "host" and _OBJECT_FIRST.search(text, clause[0], trigger.start):
        # "В аэропорту российского лидера встретил Касым-Жомарт Токаев": the guest comes
        # first, as the object; whoever follows the verb is the host
        back = None if context.stranger else context.visitor
        return [(back, True)] if back is not None and back.country != place.country else []
    if trigger.role == "host":
        guests = [p for p in abroad if p.start >= trigger.end]
        guests = [p for p in guests if not _SOMEONE_ELSE.search(text, trigger.end, p.start)]
        back = None if context.stranger else context.visitor
        pronoun = _OBJECT_PRONOUN.match(text[trigger.end :]) is not None
        named = [p for p in people if p.end <= clause[0] and p.country != place.country]
        if _WHO.match(text, clause[0]):  # "Mubarak, who received him": not the guest
            named = [p for p in named if clause[0] - p.end > 3]
        him = _OBJECT_PRONOUN.match(text[trigger.end :])
        named = [p for p in named if him is None or _agrees(p, him.group().strip())]
        if not guests and pronoun and named:
            return [(named[-1], False)]  # "Tokayev made his first visit: Putin received him"
        if him is not None and back is not None and not _agrees(back, him.group().strip()):
            back = None
        if not guests and pronoun and back is not None and back.country != place.country:
            return [(back, True)]  # "Biden welcomed him to the White House"
        return [(g, False) for g in guests]
    if trigger.role == "passive":
        guests = [p for p in abroad if p.end <= trigger.start]
        if not guests and _ASIDE_END.search(text, 0, clause[0] + 2):
            # "Роухани, прибывший в понедельник в Италию, во вторник был принят в Ватикане"
            subject = [p for p in people if p.end <= clause[0] and not _governed(text, p.start)]
            guests = subject[:1] if subject and subject[0].country != place.country else []
        return [(g, False) for g in guests]
    before = [  # "Putin's trip to": the possessive may sit in the name's word
        p for p in people if p.end <= trigger.start + 2 and p.start < trigger.start
    ]
    before = [p for p in before if not _governed(text, p.start) or _opens_clause(text, clause, p)]
    before = [p for p in before if not _TOOK_OFFICE.match(text, p.end)]
    inside = [p for p in before if p.start >= clause[0]]
    subjects = [p for p in _nearest_group(inside, text) if p.country != place.country]
    if subjects:
        close_by = [p for p in here if not _apart(p, place, others or [])]
        close_by = [p for p in close_by if not _MOVED.search(text, p.end, max(p.end, place.start))]
        return [(s, False) for s in subjects] + _companions(
            close_by, subjects, place, text, trigger
        )
    back = None if context.stranger else context.visitor
    lead = text[clause[0] : trigger.start]
    aside = _ASIDE_BEFORE.search(text, 0, clause[0]) if not inside else None
    if aside is not None:  # "Kishida, who arrived on Monday, addresses Congress": Kishida
        named = [p for p in people if 0 <= aside.start() - p.end <= 3]
        if named:
            return [(named[-1], False)] if named[-1].country != place.country else []
    if _GROUP_SUBJECT.search(lead) and not inside:
        ids = list(dict.fromkeys(p.leader_id for p in context.people + before))
        if len(ids) < 2:  # "the two leaders": the two the article is about
            top = sorted(context.counts.items(), key=lambda kv: -kv[1])[:2]
            ids = [leader for leader, _count in top]
        pair = [context.by_id[i] for i in ids if i in context.by_id]
        pair = [p for p in pair if p.country != place.country]
        return [(p, True) for p in pair]
    earlier = [p for p in people if p.end <= clause[0]]
    after_trigger = re.sub(r"^\w*", "", text[trigger.end : trigger.end + 50]).lstrip()  # a stem
    # "the Chinese diplomat had visited", "поездка главы американской дипломатии": someone
    # else is the subject, so no leader is inferred (a leader named later still counts)
    blocked = not inside and bool(_SOMEONE_ELSE.search(lead) or _SOMEONE_ELSE.match(after_trigger))
    if not inside and _WHO.match(lead) and not earlier:
        # "Agriculture Minister Carlos Fávaro, who arrived in Beijing": the minister's trip;
        # "Lavrov, who travels on to Oman": someone the registry does not hold as a leader
        antecedent = _PRIME.sub("", text[max(0, clause[0] - 60) : clause[0]])
        blocked = blocked or bool(_SOMEONE_ELSE.search(antecedent))
        blocked = blocked or bool(_NAME_BEFORE.search(text, 0, clause[0] + 1))
    if not inside and not earlier and _UNKNOWN_WHO.match(text, 0, trigger.start):
        blocked = True  # "Wang, who heads the party's foreign affairs commission, arrived"
    if not inside and not earlier and clause[0] > 0 and _CONTINUATION.match(lead):
        # "Супруга премьер-министра … побывала в Киеве, где приняла участие": hers still
        blocked = blocked or bool(_SOMEONE_ELSE.search(_PRIME.sub("", text[: clause[0]])))
    bare = _BARE_TITLE.search(lead)
    if bare and not inside and not blocked:
        main = context.main(bare.group())
        if main is not None and main.country != place.country:
            return [(main, True)]  # "на следующей неделе президент отправится в Пекин"
    pronoun_subject = _SUBJECT_PRONOUN.search(lead)
    if (pronoun_subject or _THAT.match(lead)) and not inside and not blocked:
        word = pronoun_subject.group() if pronoun_subject else ""
        free = [p for p in earlier if not _governed(text, p.start)]  # not "talks with Sunak"
        guests = _objects(text, earlier)  # "he will host Sharon and Abbas …; he visits"
        free = [p for p in free if p not in guests and _agrees(p, word)]
        if free and free[-1].country != place.country:
            return [(free[-1], False)]
        earlier = [p for p in earlier if p not in guests and _agrees(p, word)]
        if earlier and earlier[-1].country != place.country:
            return [(earlier[-1], False)]
        if back is not None and not _agrees(back, word):
            back = context.agreeing(word, place)  # "she" after "President Nana Akufo-Addo"
        if back is not None and back.country != place.country:
            return [(back, True)]
    later = [
        p
        for p in abroad
        if p.start >= trigger.end
        and not _with(text, p.start)
        and p.end <= clause[1]
        and not _INVITER.search(text, max(0, p.start - 70), p.start)
    ]
    # Not "Le Drian met President Tebboune": whom someone met did not travel; nor "the
    # foreign minister made a visit to Algeria … remarks from President Macron". But "в
    # составе делегации прилетел и Азаров": a member of the party travels with it.
    unblocked = not blocked or _AS_MEMBER.search(lead) is not None
    met = _MEETING.match(trigger.pattern) is not None or _ELLIPSIS.search(trigger.pattern)
    met = met or _THEN_TO.match(trigger.pattern)
    if later and unblocked and not met and not _POSSESSIVE.search(text, 0, trigger.start):
        return [(p, False) for p in later]

    with_guest = [p for p in abroad if _with(text, p.start)]
    if inside and not any(p.country != place.country for p in inside):
        # the host is the subject: "Tokayev said … will visit"; "Putin held talks with Modi"
        return [(w, False) for w in with_guest[:3]]
    if blocked:
        return []
    # "…, а в воскресенье — в Бразилию", "…, and then to Ashgabat"
    elided = _ELLIPSIS.search(trigger.pattern) is not None or _THEN_TO.match(trigger.pattern)
    if elided and context.placed and back is not None and not inside:
        # the traveller of the clause before, in this sentence: "Modi travels to Astana, …
        # and then to Ashgabat"
        return [(back, False)] if back.country != place.country else []
    if earlier and (
        _PARTICIPLE.match(lead)
        or _CONTINUES.match(lead)
        or _PREDICATE.match(text, clause[0])
        or elided
    ):
        # "…, a day after visiting Kyiv": the subject of the sentence, or of its last
        # coordinated clause ("…, and Trump logged on from the White House before leaving")
        guests = _objects(text, earlier)
        subjects = [p for p in earlier if p not in guests and not _governed(text, p.start)]
        he = _SUBJECT_PRONOUN.search(text, 0, clause[0])
        first = subjects[0].start if subjects else len(text)
        joined = [p for p in subjects if _COORDINATED.search(text, 0, p.start)]
        if he is not None and he.start() < first and back is not None and not joined:
            # "He arrives in Riyadh for talks with King Salman, then flies …"; "В понедельник
            # он прилетел в Каракас, где вместе с Николасом Мадуро подписал …, а в среду …"
            lead_person = back
        elif subjects:
            lead_person = joined[-1] if joined else subjects[0]
        else:
            return []  # "Cheney also met Prime Minister Akhmetov before flying on to Croatia"
        return [(lead_person, False)] if lead_person.country != place.country else []
    who = not earlier and not inside and _WHO.match(lead)
    if who and back is not None and back.country != place.country:
        return [(back, True)]  # "The visitor, who arrived on Monday"
    if earlier and _REFERS_BACK.search(lead):
        near = earlier[-1]  # "Kishida, who arrived on Monday"; "said that he had cancelled"
        return [(near, False)] if near.country != place.country else []
    pronoun_used = _PRONOUN.search(text)
    refers = pronoun_used is not None or (trigger.role == "noun" and not here)
    refers = refers and not _SOMEONE_ELSE.search(lead) and not _named_after(trigger, text)
    if back is not None and pronoun_used is not None and not _agrees(back, pronoun_used.group()):
        back = context.agreeing(pronoun_used.group(), place)  # "After Ghana she travels on"
    if back is not None and back.country != place.country and refers:
        return [(back, True)]  # "He is due in Beijing"; "A planned visit … was cancelled"
    return [(w, False) for w in with_guest[:1]]


# "since President Joe Biden took office": a time, not a subject
_TOOK_OFFICE = re.compile(
    r"\s+(?:took office|came to power|took power|was elected|was sworn in|"
    r"пришёл к власти|пришел к власти|вступил в должность|был избран)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"(?<!\w)(?:who|whom|whose|he|she|his|her|который|которая|которого|которому|он|она|его|её|ее)(?!\w)",
    re.IGNORECASE,
)
_PREPOSITIONS = _words(
    "with to by from for against about on of at than like over under after before "
    "с со к ко от о об про против у для над под перед после без помимо кроме besides"
)


_HOSTS = re.compile(
    r"(?:host|hosts|hosted|hosting|welcome|welcomes|welcomed|welcoming|receive|receives|"
    r"received|receiving|greet|greets|greeted|met|meets|meeting with|talks with|"
    r"принял\w*|принима\w*|примет|встретил\w*|встреча\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _objects(text: str, people: list[_Person]) -> list[_Person]:
    """The guests of a host verb among ``people`` ("will host Ariel Sharon and Mahmoud Abbas"):
    not who a later "he" means."""
    found: list[_Person] = []
    for person in people:
        head = text[max(0, person.start - 40) : person.start]
        if _HOSTS.search(head) or (found and _AND.match(text[found[-1].end : person.start])):
            found.append(person)
    return found


def _apart(person: _Person, place: _Place, others: list[_Place]) -> bool:
    """Another destination of the clause stands between a leader and this place ("flies to
    Israel, is due at the Vatican for an audience with the Pope"): met elsewhere."""
    low, high = sorted((person.start, place.start))
    return any(low < other.start < high for other in others)


def _companions(
    here: list[_Person], subjects: list[_Person], place: _Place, text: str, trigger: Hit
) -> list[tuple[_Person, bool]]:
    """Leaders the visitor met there ("met Tokayev in Minsk", "stood with Chirac and Hu",
    "вместе с Цзян Цзэминем, президентом Казахстана Назарбаевым …"): abroad too, unless the
    place is their home."""
    if trigger.role in ("host", "passive"):
        return []
    chosen = {s.leader_id for s in subjects}
    found: list[tuple[_Person, bool]] = []
    previous: _Person | None = None  # the last person of the "with" list, host or not
    for person in here:
        if person.start <= trigger.start or person.leader_id in chosen:
            continue
        if _ORIGIN_WORD.search(text, trigger.end, person.start):
            continue  # "reached Kabul from Moscow after his summit with Putin": met there
        starts = _with(text, person.start) or bool(
            _MEET.search(text[max(0, person.start - 25) : person.start])
        )
        goes_on = previous is not None and bool(_AND.match(text[previous.end : person.start]))
        if not (starts or goes_on):
            previous = None
            continue
        previous = person
        if person.country != place.country:
            found.append((person, False))
            chosen.add(person.leader_id)
    return found


_ORIGIN_WORD = re.compile(r"(?<!\w)(?:from|из)\s+[A-ZА-ЯЁ]")
# the visitor moved on between meeting someone and this place: "talks with Zelensky and
# flew to Moscow" (Zelensky stayed in Kyiv)
_MOVED = re.compile(
    r"\b(?:flew|flies|flying|travell?ed|travels|went|goes|headed|heads|moved on|continued|"
    r"left|leaves|arrived|arrives|returning|returned|returns|вернул\w*|вернется|вернётся|вылетел\w*|вылетит|отправил\w*|отправится|прилетел\w*|"
    r"направил\w*|направится)\b",
    re.IGNORECASE,
)
_MEET = re.compile(
    r"(?:meet|meets|met|meeting|встретится с|встретился с|встреча с)\s+(?:with\s+)?$", re.I
)


def _opens_clause(text: str, clause: tuple[int, int], person: _Person) -> bool:
    """ "… a week after Yoon made a visit to Kyiv": the conjunction opening the clause does
    not govern its subject."""
    lead = text[clause[0] : person.start].strip().casefold()
    return lead in ("after", "before", "since", "when", "после того как", "перед тем как")


def _governed(text: str, start: int) -> bool:
    """A name after a preposition ("lost to Zelensky", "встреча с Путиным") is not the
    subject of a verb of travel."""
    before = text[:start].rstrip().rsplit(None, 1)
    if bool(before) and before[-1].casefold() in _PREPOSITIONS:
        return True
    return _INVITER.search(text, max(0, start - 70), start) is not None


# "по приглашению президента Хурэлсуха", "at the invitation of King Charles": the host;
# "the inauguration of Georgia's new president, Mikheil Saakashvili": the one sworn in
_INVITER = re.compile(
    r"(?:приглашению|invitation of|invited by|inauguration of|swearing-in of|funeral of|"
    r"инаугураци\w*|похорон\w*)\s+(?:[\w'’-]+,?\s+){0,4}$",
    re.IGNORECASE,
)


_CONTINUES = re.compile(
    r"\s*,?\s*(?:а затем|и затем|затем|а потом|потом|после чего|and then|then|а|и|and)\b",
    re.IGNORECASE,
)
_PRIME = re.compile(r"prime minister|премьер-министр\w*", re.IGNORECASE)
# A capitalised word that is no title right before ", who": a name the registry does not hold
_NAME_BEFORE = re.compile(
    r"(?<!\w)(?!(?:President|Premier|Chancellor|King|Queen|Emir|Sultan|Leader|Президент|"
    r"Премьер|Канцлер|Король|Лидер|[IVX]+)\b)[A-ZА-ЯЁ][\w'’-]+,\s*$"
)
_CONTINUATION = re.compile(r"\W*(?:где|where|who|which|котор\w+)\b", re.IGNORECASE)
_WHO = re.compile(r"\s*,?\s*(?:who|which|который|которая)\b", re.IGNORECASE)
# The rest of a sentence's predicate after an aside: "Biden, who said …, is due in Delhi"
_PREDICATE = re.compile(
    r"\s*,\s*(?:and\s+)?(?:will|would|is due|was due|is expected|is to|is set|plans|hopes|"
    r"flies|travels|leaves|heads|goes)\s",
    re.IGNORECASE,
)
_BARE_TITLE = re.compile(
    r"(?<!\w)(?:the president|the prime minister|the premier|the chancellor|the leader|"
    r"президент|премьер|премьер-министр|глава государства|глава правительства|лидер)(?!\w)",
    re.IGNORECASE,
)
_TAKING_PART = re.compile(
    r"(?:took part|take part|takes part|taking part|attended|attends|joined|joins|"
    r"принял\w* участие|примет участие|примут участие|принимают участие|участвова\w*|участвует|"
    r"присутств\w*)",
    re.IGNORECASE,
)
_SHE = re.compile(r"(?:she|her|hers|herself|она|её|ее|ей|неё|нее)", re.IGNORECASE)
_HE = re.compile(r"(?:he|his|him|himself|он|ему|него|нему)", re.IGNORECASE)


def _agrees(person: _Person, pronoun: str) -> bool:
    """Whether a pronoun can mean this leader: "she" a woman, "he" a man; anything else
    (a title, "его", which is also "its") anyone."""
    if _SHE.fullmatch(pronoun):
        return person.leader_id in women()
    if _HE.fullmatch(pronoun):
        return person.leader_id not in women()
    return True


# a pronoun, or the leader's plane: "Самолёт приземлился в Астане", "his plane landed"
_SUBJECT_PRONOUN = re.compile(
    r"(?<!\w)(?:he|she|он|она|самол[её]т|(?:his|her|the) plane)(?!\w)", re.IGNORECASE
)
_PARTICIPLE = re.compile(
    r"\s*,?\s*(?:(?:a|two|three|the) (?:day|days|week|weeks) )?(?:after|before|while|since|"
    r"having|после|перед|посетив|прибыв)\b",
    re.IGNORECASE,
)
# Someone not a leader is the subject ("the Chinese diplomat had visited", "вице-премьер
# прибыл"), or the visit is someone else's ("визит Уиткоффа").
_SOMEONE_ELSE = re.compile(
    r"(?<!\w)(?:minister|diplomat|envoy|official|officials|secretary|aide|spokes\w*|delegation|"
    r"ambassador|deputy|vice|chief|general|mayor|governor|speaker|prince|first lady|wife|"
    r"министр\w*|дипломат(?!ическ)\w*|посланник\w*|чиновник\w*|помощник\w*|представител\w*|посол\w*|"
    r"вице\w*|замести\w*|делегаци\w*|губернатор\w*|спикер\w*|принц\w*|супруг\w*|"
    r"руководител\w*|family|relatives|семь[яиюе]|родственник\w*|экс-президент\w*|"
    r"экс-премьер\w*|ex-president|former (?:president|prime minister|leader|chancellor)|"
    r"бывш\w+ (?:президент|премьер|лидер|канцлер)\w*)(?!\w)",
    re.IGNORECASE,
)
_UNKNOWN_WHO = re.compile(r"\W*[A-ZА-ЯЁ][\w'’-]+,\s+(?:who|который|которая)\b")
_UNKNOWN_NAME = re.compile(r"\s+[A-ZА-ЯЁ][a-zа-яё'’-]+\s+[A-ZА-ЯЁ][a-zа-яё'’-]+")
_NAMED_AFTER = re.compile(r"\w*\s+[A-ZА-ЯЁ][a-zа-яё]+")


def _named_after(trigger: Hit, text: str) -> bool:
    """ "Визит Уиткоффа": a name right after the noun is whose visit it is (unless the noun
    ended on a preposition: "trip to North Korea")."""
    if re.search(r"(?:to|in|into|at|of|в|во|на)$", trigger.pattern):
        return False
    return _NAMED_AFTER.match(text[trigger.end :]) is not None


_THAT = re.compile(r"\s*,?\s*(?:that|что|чтобы)\b", re.IGNORECASE)
_OBJECT_PRONOUN = re.compile(r"\s*(?:him|her|его|её|ее)(?!\w)", re.IGNORECASE)
_AND = re.compile(
    r"^[\s,]*(?:and|и|as well as|а также|(?:were |was |are |is )?joined by|together with|along "
    r"with|alongside|вместе с|наряду с)?[\s,]*$",
    re.IGNORECASE,
)


def _nearest_group(before: list[_Person], text: str) -> list[_Person]:
    """The subject of a verb: the last person named before it, with those joined to it by
    "and" or commas ("Putin and Xi arrived"), not everyone named earlier in the clause."""
    if not before:
        return []
    group = [before[-1]]
    for person in reversed(before[:-1]):
        if not _AND.match(text[person.end : group[0].start]):
            break
        group.insert(0, person)
    return group


def _with(text: str, start: int) -> bool:
    before = text[:start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].casefold() in _WITH[:3]


_OFFICE_DATE = re.compile(
    r"(?:office|inaugurat\w*|elected|sworn in|came to power|became|succeeded|took over|"
    r"took the helm|head of state|stepped down|left office|resigned|"
    r"left (?:Downing Street|the White House|the Elysee|the Élysée|the Kremlin|power)|"
    r"в отставку|сменил\w*|"
    r"оставив\w* пост|покинув\w* пост|ушедш\w*|должност\w*|инаугурац\w*|занимавш\w* пост|"
    r"held the post|served as|"
    r"избран\w*|избрани\w*|к власти|ставш\w+ \w+|вступлени\w*|вступив\w*)[^.;,]{0,40}$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"^(?:since|с|со)\s", re.IGNORECASE)
_SINCE_SOMEONE = re.compile(
    r"\s*since\s+(?:[A-Z][\w'’.-]+\s+){1,4}(?:came|arrived|visited|travell?ed|went|flew|paid|"
    r"made|attended|was|had)\b"
)


def _dates(
    text: str, a: int, b: int, published: dt.date, clauses: list[tuple[int, int]]
) -> tuple[list[FoundDate], bool]:
    """Dates in the clause (offsets from its start), else in the rest of the sentence; never
    a "since" date, which opens a window rather than dating a trip."""
    own = _SINCE_SOMEONE.match(text[a:b])  # "since Karimov came to Washington in March 2002"
    inside = [d for d in _tensed(text[a:b], published) if own or not _since(text[a:b], d)]
    head = _DATELINE.match(text)  # "TOKYO, Aug 30 - ": the day of the report, not of a trip
    cut = head.end() if head else 0
    inside = [d for d in inside if not _aside(text, a + d.start, a + d.end) and a + d.start >= cut]
    if inside:
        return inside, False
    outside = [d for d in _tensed(text, published) if not _since(text, d) and d.start >= cut]
    if _WHEN.match(text, a):  # "last set foot in the US in September 2015, when he addressed"
        every = find_dates(text, published)  # "since September, when the two men met"
        then = [d for d in every if d.end <= a and not _aside(text, d.start, d.end)][-1:]
        if then:
            moved = [FoundDate(d.start - a, d.end - a, d.past, d.future, d.relative) for d in then]
            return moved, True
    moved = [
        FoundDate(d.start - a, d.end - a, d.past, d.future, d.relative)
        for d in outside
        if d.start >= b  # "a visit to Paris, which was planned for 19 October"
        and (";" not in text[b : d.start] or _LAST.search(text, b, d.start))
        # not "arrived …; on Thursday he will address …", but "…; he last came in May 2009"
        and not any(x <= d.start < y and not _RELATIVE.match(text[x:y]) for x, y in clauses)
        # not another trip's date, unless it dates the place ("summits, which run 16-17 May")
        and not _aside(text, d.start, d.end)
        # not the date of a stop it came from: "flew in from Riyadh, where he had spent
        # Wednesday evening"
        and not any(m.end() <= d.start + 1 for m in _FROM_WHERE.finditer(text, a))
    ]
    return moved, True


def _tensed(text: str, published: dt.date) -> list[FoundDate]:
    """The dates of ``text``, a weekday read the way the verb of its own clause reads it:
    "arrived on Sunday …; he ends the visit on Tuesday" (ahead), "основные переговоры
    пройдут во вторник" (ahead), "прибыл в понедельник" (back)."""
    found = find_dates(text, published)
    if not any(_weekday(d) for d in found):
        return found
    return [_tense_of(d, text) if _weekday(d) else d for d in found]


def _weekday(date: FoundDate) -> bool:
    """A weekday with two readings, a week apart at most ("on Tuesday", "в среду")."""
    past, future = date.past[0], date.future[0]
    if not (date.relative and past and future and past != future):
        return False
    return (
        len(past) == len(future) == 10
        and future <= (dt.date.fromisoformat(past) + dt.timedelta(days=7)).isoformat()
    )


def _tense_of(date: FoundDate, text: str) -> FoundDate:
    start = max(0, date.start - 60)
    head = text[start : date.start]
    breaks = list(_LOCAL_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    tail = text[date.end : date.end + 50]
    stop = _LOCAL_BREAK.search(tail)
    tail = tail[: stop.start()] if stop else tail
    local = head + " " + tail
    if _FUTURE.search(local) and not _PAST.search(local):
        return FoundDate(date.start, date.end, date.future, date.future, date.relative)
    return date


_LOCAL_BREAK = re.compile(r"[,;:.]|\s(?:and|but|а|но|и)\s")
_FUTURE = re.compile(
    r"(?<!\w)(?:will|'ll|shall|is due|are due|is to|are to|is set to|are set to|"
    r"(?:is|are|was|were) (?:due|expected|scheduled|set to)|ends|wraps up|runs|opens|begins|"
    r"будет|будут|пройд[её]т|пройдут|состоится|состоятся|продлится|завершится|примет|"
    r"проведет|проведёт|проведут|посетит|встретится|встретятся|выступит|подпишут|обсудят|"
    r"отправится|вылетит|прибудет|прилетит|откроет|ожидается|ожидаются|запланирован\w*)(?!\w)",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"(?<!\w)(?:arrived|landed|held|met|visited|attended|flew|travell?ed|began|opened|"
    r"(?:was|were)(?! (?:due|expected|scheduled|set)\b)|had|прибыл\w*|прилетел\w*|провел\w*|"
    r"провёл|встретил\w*|посетил\w*|начал\w*|состоял\w*|был[аи]?)(?!\w)",
    re.IGNORECASE,
)


_WHEN = re.compile(r"\W*(?:when|когда)\b", re.IGNORECASE)
_FROM_WHERE = re.compile(r"\b(?:from|из)\s+(?:\S+\s+){0,2}?\S+,\s*(?:where|где)\b", re.IGNORECASE)


_REPORTED = re.compile(
    r"(?<!\w)(?:said|says|announced|told \w+|reported|confirmed|added|"
    r"(?:released|published|issued|unveiled)(?: by(?: \w+){1,3})?|сообщил\w*|заявил\w*|"
    r"объявил\w*|рассказал\w*|подтвердил\w*|опубликова\w*)\s+(?:(?:он|она|они|he|she|they)\s+)?"
    r"(?:late |early |on |in |в |во )?$",
    re.IGNORECASE,
)


def _aside(text: str, start: int, end: int) -> bool:
    """A date that is not the trip's: when someone took office, or when something was said
    ("the Kremlin said on Monday", "до 2020 года возглавлявший правительство")."""
    before = text[max(0, start - 60) : start]
    if _HELD_OFFICE.match(text, end):
        return True
    return bool(_OFFICE_DATE.search(before) or _REPORTED.search(before))


_HELD_OFFICE = re.compile(
    r"\W*(?:\w+\s+)?(?:возглавлявш\w*|занимавш\w*|руководивш\w*|находивш\w* у власти|"
    r"in office|at the helm)",
    re.IGNORECASE,
)


def _since(text: str, date: FoundDate) -> bool:
    said = text[date.start : date.end]
    if re.search(r"\sпо\s|\sto\s", said):
        return False
    if _STAYING.search(text, max(0, date.start - 90), date.start):
        return False  # "находится в Таджикистане с вечера среды": the stay began then
    if _SINCE.match(said):
        return True
    if re.search(
        r"(?:since|с|со|after|после)\s+$", text[max(0, date.start - 8) : date.start], re.I
    ):
        return True
    # "since the invasion of Ukraine began in February": the date of the thing since
    return bool(_SINCE_BEFORE.search(text[max(0, date.start - 60) : date.start]))


# a timetable's present tense: "flies to Beijing on Tuesday", "leaves on Saturday for Abu
# Dhabi", "вылетает в Доху": ahead when its day lies ahead
_PRESENT = re.compile(
    r"(?:arrives?|flies|fly|leaves|leave|departs?|travels?|heads?|goes|go|visits|moves?|"
    r"continues?|lands?|attends?|joins?|tours|stops|starts|meets|holds|"
    r"вылетает|отправляется|прилетает|прибывает|направляется)\b"
)
# what makes a verb's plain form no present tense: "to attend", "did attend", "will go"
_NOT_PRESENT = re.compile(
    r"(?:\bto|will|would|could|should|can|may|might|must|did|didn['’]t|not|never)\s+$",
    re.IGNORECASE,
)


def _timetable(trigger: Hit, text: str) -> bool:
    """A present tense of a journey ("flies to Beijing", "the two leaders arrive in")."""
    plain = _PRESENT.match(trigger.pattern)
    if not plain or plain.group().endswith("s"):
        return bool(plain)
    return not _NOT_PRESENT.search(text, max(0, trigger.start - 12), trigger.start)


# later on the day of the report: "lands in Belgrade this evening", "прилетает сегодня вечером"
_LATER_TODAY = re.compile(
    r"\b(?:tonight|this evening|later today|later on|сегодня вечером|сегодня ночью)\b",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(
    r"(?<!\w)since\s(?:[^.;,]|(?<=\b[A-Z])\.){0,50}$"
)  # "since George W. Bush in"
_STAYING = re.compile(
    r"(?:находится|находятся|пребывает|пребывают|has been in|have been in)\b[^.;,]{0,70}"
    r"(?:\bс|\bсо|\bsince)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_LAST = re.compile(r"\b(?:last|previous|earlier|последн|предыдущ|прошл|ранее)", re.IGNORECASE)
_ENDING_AT = re.compile(
    r"\b(?:(?:ends|will end|concludes|will conclude|wraps up) (?:\w+ ){0,3}?in|flies home|"
    r"returns home|завершится в|завершит \w+ в)\b[^,.;]{0,35}$",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"(?<!\w)(?:until|till|through|(?<!back )to|до|по)\s*$", re.IGNORECASE)


def _segment(
    dates: list[FoundDate], places: list[_Place], place: _Place, offset: int
) -> list[FoundDate]:
    """The dates that belong to one destination of several ("Belgrade on Tuesday and
    Budapest from Wednesday"): those after it up to the next one, else those just before."""
    if len(places) < 2 or not dates:
        return dates
    starts = sorted(p.start for p in places)
    lead = dates[-1]
    if len(lead.past[0] or "") < 10 and all(d.start + offset < starts[0] for d in dates):
        return [lead]  # "в январе 2012 года посетил Венесуэлу, Никарагуа и Кубу": a month, all
    following = [x for x in starts if x > place.start]
    stop = following[0] if following else 10**9
    after = [d for d in dates if place.start <= d.start + offset < stop]
    preceding = [x for x in starts if x < place.start]
    begin = preceding[-1] if preceding else -(10**9)
    before = [d for d in dates if begin <= d.start + offset < place.start]
    if before and _dates_lead(dates, starts, offset):
        return before[-1:]  # "2 июля … приехал в Киев, 5 июля оказался в Москве"
    if after:
        return after[:1]
    return before[-1:] if before else []


def _dates_lead(dates: list[FoundDate], starts: list[int], offset: int) -> bool:
    """Whether an itinerary gives each date before its stop: the first stop has a date before
    it and the last none after it."""
    ahead = any(d.start + offset < starts[0] for d in dates)
    return ahead and not any(d.start + offset > starts[-1] for d in dates)


# "pressure to cancel the visit", "призывы отменить визит": someone wants it called off
_URGED = re.compile(
    r"(?:pressure|calls?|urg\w+|demands?|appeals?|refus\w+|resist\w*|призыв\w*|требовани\w*|"
    r"призвал\w*|потребовал\w*)\s+(?:\w+\s+){0,2}(?:to\s+)?$",
    re.IGNORECASE,
)


def _urged(hit: Hit, text: str) -> bool:
    """A cancel or denial word that someone only asks for ("pressure to cancel the visit")."""
    if hit.role not in ("cancel", "deny"):
        return False
    return _URGED.search(text, max(0, hit.start - 40), hit.start) is not None


_NO_PLANS = re.compile(
    r"no plans?\b|has no plans|had no plans|there are no plans|not planning|is not planning|"
    r"нет планов|не планиру\w*|не планировал\w*",
    re.IGNORECASE,
)
_SOMETHING_ON = re.compile(
    r"summit|forum|talks|meet|take part|attend|ceremon|inaugurat|funeral|invit|"
    r"саммит|форум|переговор|встреч|участ|церемон|инаугурац|похорон|приглаш",
    re.IGNORECASE,
)


def _idle_denial(trip: ExtractedTrip, hits: list[Hit], text: str) -> bool:
    """ "has no plans to travel to Iran", said of no trip anyone had planned or dated: no
    trip, not a cancelled one ("no plans to take part in the summit" still cancels one)."""
    if trip.status != "cancelled" or len(trip.start_date or "") > 4:
        return False  # "no plans to visit in August" calls off a dated trip; "this year" none
    calling_off = [h for h in hits if h.role in ("cancel", "deny")]
    if not calling_off or not all(_NO_PLANS.match(h.pattern) for h in calling_off):
        return False
    return _SOMETHING_ON.search(text) is None


_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|который|которая|которое|которые)\b", re.I)


def _in_relative(text: str, end: int, places: list[_Place], travel: list[Hit]) -> list[_Place]:
    """ "не поедет на саммит ОДКБ, который пройдёт в Минске": the place is in the relative
    clause that follows, when that clause reports no travel of its own."""
    if not _RELATIVE.match(text[end:]):
        return []
    stop = next((m.start() for m in re.finditer(r"[;.]|,\s", text[end + 2 :])), len(text))
    stop = end + 2 + stop if stop != len(text) else len(text)
    if any(end <= h.start < stop for h in travel):
        return []
    return [p for p in places if end <= p.start < stop][:1]


def _attends(person: _Person, text: str) -> bool:
    """One leader named at an event attends it only as the subject of "attended",
    "was among", "принял участие"."""
    return bool(
        re.match(r"[^.;]{0,60}?(?:among|attend|took part|participat|участ)", text[person.end :])
    )


def sentence_day(context: _Context) -> str | None:
    return context.date[0] if context.date else None


def _note_event(
    text: str, places: list[_Place], context: _Context, published: dt.date, hits: list[Hit]
) -> None:
    """Remember where an event the article reports takes place, and when; and, from its
    opening sentences, the gathering the article is about (not a hypothetical one)."""
    ahead = any(h.role == "plan" and not _plan_aside(h, text, None) for h in hits)
    named = _GATHERING.search(text)
    doubt = named is not None and any(
        h.role == "neg" and h.start <= named.end() + 30 for h in hits
    )  # "if Labour wins, his first trip would be to the NATO summit"
    framing = context.frame is None and not doubt
    dateline = context.dateline
    if framing and context.read == 0 and dateline and _gathers(text, dateline):
        context.frame = (dateline, _first_date(text, published, ahead))
    if not _EVENT.search(text):
        if context.event is None and dateline is not None:
            context.event = (dateline, _first_date(text, published, ahead))
        return
    spot = next((p for p in places if p.city), places[0] if places else context.place)
    when = _first_date(text, published, ahead)
    if when and when[0] and (published - bounds(when[0])[1]).days > 60:
        return  # "43 came to the first such summit, in Sochi in 2019": an earlier one
    if spot is not None:
        context.event = (spot, when)
    if framing and context.frame is None and context.read < 2:
        gathering = next((p for p in places if _gathers(text, p)), None)
        if gathering is not None:
            context.frame = (gathering, _date_by(text, gathering, published, ahead))


_COUNTRY_WORD = r"(?:the )?[A-ZА-ЯЁ][\w'’-]+(?: [A-ZА-ЯЁ][\w'’-]+)?"
_LEADERS_OF = re.compile(
    rf"(?<!\w)(?P<title>(?i:leaders|presidents|prime ministers|heads of state|heads of government|"
    rf"лидер\w*|президент\w*|премьер-министр\w*|глав\w* государств|глав\w* правительств))"
    rf"(?: of| из)? (?P<list>{_COUNTRY_WORD}(?:, {_COUNTRY_WORD})*,? (?:and|и) {_COUNTRY_WORD})"
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|и\s+)?|\s+(?:and|и)\s+")
_GROUP_TITLE = {"presi": "president", "prime": "prime minister", "heads": "leader",
                "лидер": "лидер", "прези": "президент", "премь": "премьер-министр",
                "главы": "лидер", "глава": "лидер"}  # fmt: skip
_THE_GATHERING = re.compile(
    r"\bthe (?:\w+ ){0,2}(?:summit|forum|conference|ceremony|meeting|gathering|talks)\b|"
    r"(?:саммит|форум|конференци|церемони|встреч)\w*",
    re.IGNORECASE,
)
_GATHERING = re.compile(
    r"(?<!\w)(?:summit|forum|conference|ceremony|funeral|parade|celebrations|inauguration|"
    r"sworn in|swearing-in|memorial service|coronation|"
    r"(?:leaders|heads of (?:state|government)) (?:of|from)\b[^.;]{0,60}\b(?:met|gathered|"
    r"convened|opened|closed|ended|wrapped up|meeting|signed)|"
    r"(?:talks|meeting) (?:of|between) (?:the )?(?:\w+ )?(?:leaders|heads)|"
    r"(?:переговоры|встреча|встречи) (?:лидеров|глав|президентов)|"
    r"саммит|форум|конференци|церемони|похорон|парад|торжеств(?!енн)|инаугурац|коронац|"
    r"(?:заседани\w*|сесси\w*) (?:\w+ ){0,3}совет\w*|"
    r"(?:лидеры|руководители|главы (?:\w+ )?(?:государств|правительств))\b[^.;]{0,80}"
    r"(?:собрал|встретил|подписали)|(?:собрал\w*|съехал\w*) (?:\w+ ){0,2}(?:лидер|президент|глав))",
    re.IGNORECASE,
)
# "the funeral, held in Samarkand", "на похоронах, прошедших в Самарканде": the place is
# the gathering's
_HELD_AT = re.compile(
    r"^\w*,\s+(?:held|taking place|which (?:is|was) held|прошедш\w*|проходящ\w*|"
    r"состоявш\w*|организованн\w*)\s+(?:\w+\s+)?(?=(?:in|at|в|во|на)\s*$)",
    re.IGNORECASE,
)
_FROM = re.compile(r"(?:from|on behalf of|от|от имени)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_VIRTUAL = re.compile(r"video|virtual|online|видео|онлайн|дистанцион", re.IGNORECASE)


def _gathers(text: str, spot: _Place) -> bool:
    """The sentence names a gathering at ``spot``: "the SCO summit in Astana", "arrived in
    Ashgabat for the Caspian summit", "leaders of the CSTO met in the Kyrgyz capital" (not
    by video, and not an earlier one: "since the BRICS summit in Brasília"); for a
    dateline (``spot.start`` -1), anywhere in the sentence."""
    if _VIRTUAL.search(text):
        return False
    for match in _GATHERING.finditer(text):
        if _EARLIER.search(text, max(0, match.start() - 30), match.start()):
            continue
        if spot.start < 0:
            return True
        before = 0 <= spot.start - match.end() <= 60
        after = 0 <= match.start() - spot.end <= 50
        between = text[match.end() : spot.start] if before else text[spot.end : match.start()]
        if (before or after) and not re.search(r"[,;:—–]", _HELD_AT.sub(" ", between)):
            return True
    return False


_EARLIER = re.compile(
    r"(?:since|last|previous|earlier|after|с|после|прошл\w*|предыдущ\w*)\b[^.;,]*$", re.I
)


_INSTEAD = re.compile(
    r"(?:standing in for|stands in for|in place of|instead of|rather than|вместо)\s+"
    r"(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
_BYSTANDER = re.compile(
    r"(?:criticis|criticiz|condemn|urged|urge|warn|accus|call(?:ed|s)? on|said|says|told reporters|"
    r"boycott|бойкот|"
    r"raise|sent|send|represented|absent|stay(?:ed|s)? (?:away|home|at home)|did not|didn't|"
    r"will not|won't|not attend|not travel|критик|осуд|призв|отправ|направ|"
    r"не приед|не прибы|не поед|не смож|отсутств|занят|busy with|remained at home|"
    r"представлен|будет представлять|"
    r"stayed (?:behind|at home))",
    re.IGNORECASE,
)


_ENDING = re.compile(
    r"(?<!\w)(?:wrapped up|wound up|ended|ending|concluded|closed|returned(?: \w+){0,3} from|"
    r"returning(?: \w+){0,3} from|back from|вернул\w*(?: \w+){0,3} из|вернувшись(?: \w+){0,3} из|"
    r"завершил\w*|завершив|закончил\w*|закрыл\w*|завершается|завершаются|"
    r"заканчивается|завершает|завершают|заканчивает|at the end of|final (?:day|event|leg|stop) of|"
    r"last day of|в завершение|в последний день)(?!\w)",
    re.IGNORECASE,
)
_DAYS = re.compile(
    r"(?<!\w)(two|three|four|five|six|2|3|4|5|6)-day|(двух|тр[её]х|четыр[её]х|пяти|шести)дневн",
    re.IGNORECASE,
)
_NTH_DAY = re.compile(
    r"(?<!\w)(second|third|fourth|второй|второго|третий|третьего|четвертый|четвёртый)\s+"
    r"(?:and (?:final|last)\s+|и (?:заключительный|последний)\s+|(?:final|last|заключительн\w*|"
    r"последн\w*)\s+)?(?:day|дн[яеь])",
    re.IGNORECASE,
)
_NTH = {"second": 2, "third": 3, "fourth": 4, "второй": 2, "второго": 2, "третий": 3,
        "третьего": 3, "четвертый": 4, "четвёртый": 4}  # fmt: skip
_BEGAN_ON = re.compile(
    r"(?:that|which|который|которая|которое)\s+(?:began|started|opened|начал\w*)", re.I
)
_WHERE_AFTER = re.compile(r",\s*(?:where|где)\b", re.IGNORECASE)
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "двух": 2, "трех": 3,
           "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6}  # fmt: skip


_BEGAN = re.compile(
    r"(?:visit|trip|tour|stay|визит\w*|поездк\w*|турне)\s*,?\s*(?:that|which|который|которая|"
    r"которое)\s+(?:had\s+)?(?:began|started|opened|начал\w*|стартовал\w*)\s+",
    re.IGNORECASE,
)


def _began(
    text: str, span: tuple[str | None, str | None], published: dt.date
) -> tuple[str | None, str | None]:
    """ "Ending a state visit that began on Monday": the visit started then."""
    match = _BEGAN.search(text)
    if match is None or span[0] is None:
        return span
    found = find_dates(text[match.end() : match.end() + 30], published)
    if not found or found[0].start > 3 or found[0].past[0] is None:
        return span
    began = found[0].past[0]
    if len(began) != 10 or began >= span[0] or len(span[0]) != 10:
        return span
    if (dt.date.fromisoformat(span[0]) - dt.date.fromisoformat(began)).days > 14:
        return span
    return began, span[1] or span[0]


# "Визит, начавшийся 27 июля, …", "Визит … начался 28 февраля", "The visit began on Monday"
_VISIT_BEGAN = re.compile(
    r"^\W*(?:the |his |her |this |the state |the official )?(?:visit|trip|tour|stay|визит|поездка|"
    r"турне|пребывание)(?:\s+\w+){0,3}?\s*,?\s*(?:(?:which|that) )?(?:began|started|"
    r"начавш\w*|начал(?:ся|ась|ось)|стартовал\w*)\s+",
    re.IGNORECASE,
)


def _began_before(text: str, found: list[ExtractedTrip], published: dt.date) -> None:
    """A sentence of its own that says when the visit just told of began ("Визит,
    начавшийся 27 июля, стал первым …"): that visit's first day, if earlier."""
    match = _VISIT_BEGAN.search(text)
    if match is None or not found:
        return
    dates = find_dates(text[match.end() : match.end() + 30], published)
    if not dates or dates[0].start > 3 or not dates[0].past[0]:
        return
    last = max(found, key=lambda t: t.evidence[0].start if t.evidence else -1)
    if last.status != "occurred":
        return
    began = _began(f"visit which began {text[match.end() :]}", (last.start_date, None), published)
    if last.start_date is None:
        began = (dates[0].past[0], None)
    if began[0] != last.start_date:
        last.end_date = last.end_date or last.start_date
        last.start_date = began[0]


def _opening(text: str, span: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """ "Wrapped up a three-day visit on Thursday": the visit began two days before; "on the
    second and final day of his visit": one day before."""
    start, end = span
    if start is None or len(start) != 10 or (end not in (None, start)):
        return span
    if _BEGAN_ON.search(text):
        return span  # "a three-day visit that began on Thursday": the day given is the first
    days = _DAYS.search(text)
    nth = _NTH_DAY.search(text)
    if nth is not None:
        count = _NTH[nth[1].casefold()]
    elif days is None or not _ENDING.search(text):
        return span
    else:
        word = (days[1] or days[2]).casefold()
        count = int(word) if word.isdigit() else _NUMBER[word]
    first = dt.date.fromisoformat(start) - dt.timedelta(days=count - 1)
    return first.isoformat(), start


_EARLIER_VISIT = re.compile(
    r"(?:last|previous|prior|earlier|most recent|previously|before that|последн|предыдущ|прошл|"
    r"ранее|прежде|до этого)",
    re.IGNORECASE,
)
_ARRIVAL = re.compile(
    r"^[^.;]{0,12}?(?:who\s+)?(?:arrived|landed|flew in|came|has been (?:in \w+(?: \w+)? )?since|"
    r"(?:is|was|are|were) (?:also )?(?:expected|due)|ожида\w+|"
    r"прибыл\w*|прилетел\w*|приехал\w*|находится \S+ с)\b[^.;,]{0,40}",
    re.IGNORECASE,
)


def _own_arrival(text: str, published: dt.date) -> tuple[str | None, str | None] | None:
    """ "Joe Biden, who arrived on Saturday night, …": the day one leader came; "Lula was
    also expected on Monday night": the day one leader comes."""
    match = _ARRIVAL.match(text)
    if match is None:
        return None
    found = find_dates(match.group(), published)
    if not found:
        return None
    ahead = re.search(r"expected|due|ожида", match.group(), re.IGNORECASE)
    day = found[0].future[0] if ahead else found[0].past[0]
    return (day, None) if day else None


def _date_by(
    text: str, place: _Place, published: dt.date, ahead: bool
) -> tuple[str | None, str | None] | None:
    """The date nearest a gathering's place ("arrived on Tuesday …, and will stay on for the
    G20 summit in Hamburg on Friday and Saturday": Friday)."""
    found = [d for d in find_dates(text, published) if not _since(text, d)]
    if not found:
        return None
    date = min(found, key=lambda d: abs(d.start - place.end) + (0 if d.start >= place.end else 20))
    return date.future if ahead and date.future[0] else _opening(text, date.past)


# a date inside a clause about someone: ", who arrived in the French capital on Tuesday"
_RELATIVE_BEFORE = re.compile(
    r",\s*(?:who|(?:прибывш|прилетевш|приехавш)\w*)\b[^,;]*$", re.IGNORECASE
)


def _first_date(
    text: str, published: dt.date, ahead: bool = False
) -> tuple[str | None, str | None] | None:
    """The first date of a sentence (read forwards when it announces something); in a
    sentence naming an event, the date nearest it ("Tinubu, who arrived on Tuesday, joined
    the leaders at the summit on Thursday": Thursday)."""
    found = [d for d in _tensed(text, published) if not _since(text, d)]
    if not found:
        return None
    event = _GATHERING.search(text)
    if event is not None and len(found) > 1:
        found.sort(
            key=lambda d: (
                _RELATIVE_BEFORE.search(text, max(0, d.start - 80), d.start) is not None,
                min(abs(d.start - event.end()), abs(event.start() - d.end)),
            )
        )
    return found[0].future if ahead and found[0].future[0] else _opening(text, found[0].past)


def _date_near(
    dates: list[FoundDate],
    text: str,
    offset: int,
    status: str,
    published: dt.date,
    outside: bool,
    arrival: int | None = None,
) -> tuple[str | None, str | None]:
    """The trip's dates: the earliest date the clause gives ("arrived on Saturday, held talks
    on Sunday" starts on Saturday), or, for an arrival (``arrival``: where its verb is), the
    day nearest that verb ("прибыл во вторник в Тегеран, несмотря на появившиеся накануне
    сообщения"); a date after "until"/"до" is only the end."""
    starts: list[tuple[str | None, str | None]] = []
    near: list[tuple[int, tuple[str | None, str | None]]] = []
    end: str | None = None
    for date in dates:
        span = _reading(date, status, published)
        if _UNTIL.search(text[max(0, offset + date.start - 13) : offset + date.start]):
            end = span[0]
        elif _ENDING_AT.search(text[max(0, offset + date.start - 45) : offset + date.start]):
            end = date.future[0] if date.future[0] else span[0]  # "and ends in Shanghai on Friday"
        elif span[0] is not None and _fits(span[0], status, published, outside):
            starts.append(span)
            if arrival is not None:
                near.append((abs(offset + date.start - arrival), span))
    if not starts:
        return (None, end)
    if near and len(near) > 1:
        chosen = min(near, key=lambda n: n[0])[1]
        return (chosen[0], chosen[1] or end)
    if status == "cancelled":
        fixed = [d.reading(status) for d in dates if not d.relative and d.past[0]]
        starts = [s for s in starts if s in fixed] or starts
    first = min(starts, key=lambda s: s[0] or "")
    finer = [s for s in starts if s[0] and first[0] and s[0].startswith(first[0]) and s != first]
    if finer:  # "on Friday, his second visit this year": the day, not the year
        first = min(finer, key=lambda s: s[0] or "")
    return (first[0], first[1] or end)


def _reading(date: FoundDate, status: str, published: dt.date) -> tuple[str | None, str | None]:
    """Planned trips read dates forward, occurred ones back; a cancelled trip takes the
    reading nearer the publication date ("denied he would travel in August")."""
    if status != "cancelled" or date.past == date.future:
        return date.reading(status)
    day = published.isoformat()

    def distance(span: tuple[str | None, str | None]) -> int:
        if span[0] is None:
            return 10**9
        lo, hi = bounds(span[0])
        return min(abs((lo - published).days), abs((hi - published).days))

    del day
    return min((date.past, date.future), key=distance)


def _fits(start: str, status: str, published: dt.date, outside: bool) -> bool:
    """A date from outside the clause must agree with the status: a plan lies ahead, what
    happened lies behind."""
    if not outside:
        return True
    day = published.isoformat()
    if status == "planned":
        return start[: len(day)] >= day[: len(start)]
    if status == "occurred":
        return start[: len(day)] <= day[: len(start)]
    return True


def _kind(text: str) -> tuple[str, str | None]:
    folded = text.casefold()
    kind = next((k for k, words in _KINDS if any(w in folded for w in words)), "unknown")
    occasion: str | None = None
    match = _SUMMIT.search(text)
    if match:
        occasion = " ".join(match.group().split()).removeprefix("the ")
    elif kind in ("state", "official", "working", "private"):
        occasion = f"{kind} visit"
    return kind, occasion


def _ordinal(sentence: Sentence) -> int | None:
    words = sentence.words
    for k in range(len(words)):
        found = ordinal([w.text for w in words[k : k + 3]])
        if found is None:
            continue
        value, size = found
        after = " ".join(w.lower for w in words[k + size : k + size + 3])
        if re.match(r"(?:\w+ )?(?:visit|trip|визит|поездк|посещени)", after):
            rest = sentence.text[words[k].start - sentence.start :]
            if value == 1 and _YEARS_SINCE.search(rest[:80]):
                return None
            return value
    return None


def _confidence(trigger: Hit, place: _Place, visitor: _Person, inferred: bool) -> float:
    score = 0.55 + 0.3 * place.confidence
    if trigger.role in ("noun",):
        score -= 0.1
    if trigger.pattern.strip().endswith(" in") and trigger.pattern.startswith(("is", "was")):
        score -= 0.1
    person = visitor.mention.person
    if person is not None:
        score *= 0.6 + 0.4 * person.confidence
    if inferred:
        score -= 0.15
    if not visitor.listed:
        score -= 0.1
    return round(max(0.05, min(score, 0.99)), 2)
