"""``resolve_person``: who a mention of a leader means on a date, and in which office.

One service for importers, extraction and claims. It reads full names and aliases in any
script, surnames, Russian case forms ("Путина"), honorifics ("Mr. Putin"), titles with a
country ("Russian President Vladimir Putin", "the Kazakh president", "Kazakhstan's leader",
"президента Казахстана") and, as a last resort, close spellings (rapidfuzz, strict cut-off).
The name index loads once; the common case is a dictionary lookup.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from sqlalchemy import Connection

from diplotrack.model import OfficeKind, Tenure
from diplotrack.people.offices import NO_OFFICE, OfficeAt, office_on
from diplotrack.places import gazetteer, normalize_name
from diplotrack.places.demonyms import countries_by_adjective
from diplotrack.places.resolve import nominatives
from diplotrack.store.leaders import LeaderIndex, tenures_of

FUZZY_CUTOFF = 90.0
FUZZY_CUTOFF_ONE_WORD = 95.0
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "madam",
        "his",
        "her",
        "excellency",
        "he",
        "г",
        "н",
        "господин",
        "госпожа",
    ]
)
FILLER = frozenset(["the", "of", "s", "and", "его", "её"])
LEADER, HEAD_OF_STATE, HEAD_OF_GOVERNMENT = "leader", "head_of_state", "head_of_government"
MINISTER, OTHER = "minister", "other"
SHORT_COUNTRIES = {
    "us": "USA",
    "usa": "USA",
    "uk": "GBR",
    "uae": "ARE",
    "prc": "CHN",
    "рф": "RUS",
    "сша": "USA",
    "фрг": "DEU",
    "кнр": "CHN",
    "юар": "ZAF",
    "оаэ": "ARE",
    "кндр": "PRK",
    "гдр": "DDR",
    "ссср": "SUN",
}
FILLER_STEMS = ("госсовет",)
# Title words (normalised), as (tokens, role, title) — Russian ones as stems.
_TITLES: tuple[tuple[tuple[str, ...], str, str | None], ...] = (
    (("prime", "minister"), HEAD_OF_GOVERNMENT, "Prime Minister"),
    (("head", "of", "government"), HEAD_OF_GOVERNMENT, None),
    (("head", "of", "state"), HEAD_OF_STATE, None),
    (("supreme", "leader"), HEAD_OF_STATE, "Supreme Leader"),
    (("crown", "prince"), OTHER, None),
    (("наследн", "принц"), OTHER, None),
    (("secretary", "of", "state"), MINISTER, "Secretary of State"),
    (("premier",), HEAD_OF_GOVERNMENT, None),
    (("chancellor",), HEAD_OF_GOVERNMENT, "Chancellor"),
    (("president",), HEAD_OF_STATE, "President"),
    (("leader",), LEADER, None),
    (("king",), HEAD_OF_STATE, "King"),
    (("emir",), HEAD_OF_STATE, None),
    (("amir",), HEAD_OF_STATE, None),
    (("sultan",), HEAD_OF_STATE, "Sultan"),
    (("queen",), HEAD_OF_STATE, "Queen"),
    (("эмир",), HEAD_OF_STATE, None),
    (("султан",), HEAD_OF_STATE, "Sultan"),
    (("премьер", "министр"), HEAD_OF_GOVERNMENT, "Prime Minister"),
    (("глав", "правительств"), HEAD_OF_GOVERNMENT, None),
    (("председател", "правительств"), HEAD_OF_GOVERNMENT, None),
    (("глав", "государств"), HEAD_OF_STATE, None),
    (("госсекретар",), MINISTER, "Secretary of State"),
    (("председател",), HEAD_OF_STATE, None),
    (("корол",), HEAD_OF_STATE, "King"),
    (("глав",), LEADER, None),
    (("премьер",), HEAD_OF_GOVERNMENT, None),
    (("президент",), HEAD_OF_STATE, "President"),
    (("канцлер",), HEAD_OF_GOVERNMENT, "Chancellor"),
    (("лидер",), LEADER, None),
)
_RUSSIAN_WORD = re.compile(r"[а-яё]")
_PATRONYMIC = frozenset(("bin", "ibn", "bint", "бен", "бин", "ибн"))
# "Vice-Premier", "Deputy Prime Minister", "вице-премьер", "заместитель председателя": not the
# office itself, whoever holds it.
_DEPUTY = re.compile(r"(?<!\w)(?:vice|deputy|вице|замести\w*|first deputy)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PersonContext:
    """What the surrounding text says: a country named nearby."""

    country: str | None = None


@dataclass(frozen=True, slots=True)
class PersonResolution:
    mention: str
    on: str | None
    leader_id: str | None
    name: str | None
    office: OfficeAt
    confidence: float
    method: str
    alternatives: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.leader_id is not None


@dataclass(slots=True)
class _Parsed:
    role: str | None = None
    title: str | None = None
    country: str | None = None
    name_tokens: list[str] = field(default_factory=list)


# Words before a surname that are not given names ("Secretary Kerry", "Sheikh Tamim").
_NOT_GIVEN = frozenset(
    (
        "secretary",
        "minister",
        "senator",
        "governor",
        "general",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "sheikh",
        "shaikh",
        "king",
        "queen",
        "prince",
        "princess",
        "принц",
        "наследный",
        "pope",
        "папа",
        "crown",
        "emir",
        "sultan",
        "premier",
        "president",
        "chancellor",
        "speaker",
        "mayor",
        "marshal",
        "admiral",
        "colonel",
        "judge",
        "justice",
        "ambassador",
        "envoy",
        "господин",
        "госсекретарь",
        "министр",
        "сенатор",
        "губернатор",
        "генерал",
        "шейх",
        "король",
        "принц",
        "эмир",
        "султан",
        "премьер",
        "президент",
        "канцлер",
        "спикер",
        "мэр",
        "маршал",
        "посол",
    )
)


class NameService:
    """Resolves mentions of leaders against the record's names and tenures."""

    def __init__(self, index: LeaderIndex, tenures: dict[str, list[Tenure]]) -> None:
        self.index = index
        self.tenures = tenures
        self.by_country: dict[str, list[Tenure]] = defaultdict(list)
        for items in tenures.values():
            for tenure in items:
                self.by_country[tenure.country].append(tenure)
        self._choices = list(index.names)
        self._names_seen: dict[tuple[str, ...], tuple[list[str], str, float]] = {}
        self._own_words: dict[str, set[str]] = {}
        self._first_words: dict[str, set[str]] = defaultdict(set)
        self._after_bin: set[str] = set()  # "Salman" in "Isa bin Salman": a name, not a given one
        self._single = [name for name in index.names if " " not in name]
        self._last_words: dict[str, set[str]] = defaultdict(set)
        self._words: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[str, set[str]] = defaultdict(set)
        for norm, ids in index.names.items():
            words = norm.split()
            self._last_words[words[-1]] |= ids
            if len(words) >= 2:
                self._first_words[words[0]] |= ids
                if words[-2] in ("bin", "ibn", "bint", "бин", "ибн", "бен", "ben"):
                    self._after_bin.add(words[-1])
            for word in words:
                if len(word) >= 3:
                    self._words[word] |= ids
            self._keys[transliteration_key(norm)] |= ids

    @classmethod
    def load(cls, conn: Connection, without_origin: str | None = None) -> NameService:
        index = LeaderIndex.load(conn, without_origin)
        tenures = {k: v for k, v in tenures_of(conn).items() if k in index.countries}
        return cls(index, tenures)

    def resolve_person(
        self, mention: str, on: str | None = None, context: PersonContext | None = None
    ) -> PersonResolution:
        """The leader a mention names (with the office held on ``on``), or the candidates."""
        if _DEPUTY.search(mention):
            return PersonResolution(mention, on, None, None, NO_OFFICE, 0.0, "a deputy")
        parsed = _parse_once(mention)
        country = parsed.country or (context.country if context else None)
        if parsed.name_tokens:
            key = tuple(parsed.name_tokens)
            if key not in self._names_seen:
                if len(self._names_seen) > 200_000:
                    self._names_seen.clear()
                self._names_seen[key] = self._by_name(parsed.name_tokens)
            ids, method, score = self._names_seen[key]
            whole = self._as_written(mention, parsed) if method != "name" else []
            if whole:  # an alias with its title or country: "King Hussein", "Hussein of Jordan"
                return self._choose(mention, on, whole, parsed, country, "name", 0.98)
            if ids:
                return self._choose(mention, on, ids, parsed, country, method, score)
            if parsed.role is not None and _ends_with_a_name(mention, parsed.name_tokens):
                # "Russian President Ivan Petrov": a name we do not know is not the holder
                return PersonResolution(mention, on, None, None, NO_OFFICE, 0.0, "unknown name")
        if parsed.role is not None and country is not None:
            return self._by_office(mention, on, parsed, country)
        return PersonResolution(mention, on, None, None, NO_OFFICE, 0.0, "no match")

    # -- by name -------------------------------------------------------------------------

    def _as_written(self, mention: str, parsed: _Parsed) -> list[str]:
        """Leaders known by the whole mention, title and country words included, when
        parsing took some of them away."""
        if parsed.role is None and parsed.country is None:
            return []
        words = [t for t in normalize_name(re.sub(r"['’]s\b", "", mention)).split()]
        words = [t for t in words if t not in HONORIFICS]
        if len(words) <= len(parsed.name_tokens) or len(words) > 6:
            return []
        return sorted(self.index.names.get(" ".join(words), ()))

    def _by_name(self, tokens: list[str]) -> tuple[list[str], str, float]:
        for variant, method, score in self._variants(tokens):
            found = self.index.names.get(variant)
            if found:
                return sorted(found), method, score
        key = transliteration_key(" ".join(tokens))
        if key in self._keys:
            return sorted(self._keys[key]), "transliteration variant", 0.85
        if len(tokens[-1]) < 3:
            return [], "", 0.0
        for variant, _method, _score in self._variants(tokens[-1:]):
            if variant in self._last_words:
                given = self._first_words.get(variant, set()) - self._last_words[variant]
                patronym = variant in self._after_bin
                surnamed = self._last_words[variant]
                if len(tokens) == 1 and given and len(given) >= len(surnamed) and not patronym:
                    # "Александр" alone: a given name, not Willem-Alexander; but "Johnson"
                    # is the surname of more leaders than begin a name with it
                    return [], "", 0.0
                ids = self._same_given_name(tokens, self._last_words[variant])
                return sorted(ids), "surname", 0.85 if ids else 0.0
        for variant, _method, _score in self._variants(tokens[-1:]):
            if variant in self._words and variant not in _NOT_GIVEN:
                ids = self._same_given_name(tokens, self._words[variant])
                return sorted(ids), "a word of the name", 0.7 if ids else 0.0
        return self._close(tokens)

    def _same_given_name(self, tokens: list[str], ids: Iterable[str]) -> set[str]:
        """Of the leaders with this surname, those a fuller name does not rule out: "Takeo
        Fukuda" is not Yasuo Fukuda. An initial, a title or a near spelling ("Vladmir")
        rules out nobody."""
        given = [t for t in tokens[:-1] if len(t) >= 4 and t not in _NOT_GIVEN]
        if not given:
            return set(ids)  # an initial, a title, "МУС Путин"
        first = given[-1]  # the word before the surname ("ООН Антониу Гутерриш": Антониу)
        words = [variant for variant, _method, _score in self._variants([first])] or [first]
        return {
            i
            for i in ids
            if any(fuzz.ratio(w, own) >= 75 for w in words for own in self._words_of(i))
        }

    def _words_of(self, leader_id: str) -> set[str]:
        if not self._own_words:
            for norm, found in self.index.names.items():
                for i in found:
                    self._own_words.setdefault(i, set()).update(norm.split())
        return self._own_words.get(leader_id, set())

    def _close(self, tokens: list[str]) -> tuple[list[str], str, float]:
        """A close spelling: strict for one word (where near-namesakes abound), looser for
        full names."""
        text = " ".join(tokens)
        if len(text) < 5:
            return [], "", 0.0
        single = len(tokens) == 1
        choices = self._single if single else self._choices
        cutoff = FUZZY_CUTOFF_ONE_WORD if single else FUZZY_CUTOFF
        match = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if match is None:
            return [], "", 0.0
        return sorted(self.index.names[match[0]]), f"close spelling of {match[0]!r}", 0.75

    def _variants(self, tokens: list[str]) -> Iterable[tuple[str, str, float]]:
        """The name as written, then with Russian case endings undone, word by word."""
        yield " ".join(tokens), "name", 0.98
        named = [t for t in tokens if len(t) > 1]
        if 1 < len(named) < len(tokens):
            yield " ".join(named), "name", 0.95  # "Jacques R. Chirac"
        if not any(_RUSSIAN_WORD.search(t) for t in tokens) or len(tokens) > 3:
            return
        options = [[t, *name_nominatives(t)] for t in tokens]
        for combo in itertools.islice(itertools.product(*options), 1, 64):
            yield " ".join(combo), "Russian case form", 0.93

    def _choose(
        self,
        mention: str,
        on: str | None,
        ids: list[str],
        parsed: _Parsed,
        country: str | None,
        method: str,
        score: float,
    ) -> PersonResolution:
        ranked = self._rank(ids, on, parsed, country)
        best = ranked[0]
        if len(ranked) > 1 and ranked[1][1] == best[1]:
            alts = tuple(i for i, _ in ranked)
            return PersonResolution(
                mention, on, None, None, NO_OFFICE, 0.3, f"{method}: several people fit", alts
            )
        leader_id = best[0]
        office = office_on(self.tenures.get(leader_id, []), on) if on else NO_OFFICE
        alts = tuple(i for i, _ in ranked[1:])
        confidence = score if not alts else score * 0.9
        return PersonResolution(
            mention,
            on,
            leader_id,
            self.index.display.get(leader_id),
            office,
            confidence,
            method,
            alts,
        )

    def _rank(
        self, ids: list[str], on: str | None, parsed: _Parsed, country: str | None
    ) -> list[tuple[str, int]]:
        def points(leader_id: str) -> int:
            tenures = self.tenures.get(leader_id, [])
            value = 0
            if country and (
                self.index.countries.get(leader_id) == country
                or any(t.country == country for t in tenures)
            ):
                value += 4
            office = office_on(tenures, on) if on and tenures else NO_OFFICE
            if office.title is not None:
                value += 2
                if parsed.role and _fits(office, parsed):
                    value += 1
            elif tenures:
                value += 1
            return value

        return sorted(((i, points(i)) for i in ids), key=lambda item: (-item[1], item[0]))

    # -- by title and country ------------------------------------------------------------

    def _by_office(
        self, mention: str, on: str | None, parsed: _Parsed, country: str
    ) -> PersonResolution:
        if on is None:
            return PersonResolution(
                mention, on, None, None, NO_OFFICE, 0.0, "a title without a name needs a date"
            )
        holders = [(t, office_on([t], on)) for t in self.by_country.get(country, [])]
        held = [(t, o) for t, o in holders if o.title is not None and not o.uncertain]
        wanted = [(t, o) for t, o in held if parsed.title and o.title == parsed.title]
        if not wanted and (parsed.title is None or parsed.role == HEAD_OF_STATE):
            wanted = [(t, o) for t, o in held if _fits(o, parsed)]
        role = parsed.role
        if role == LEADER:
            wanted = _leader_of(country, on, held)
        if not wanted:
            return PersonResolution(
                mention,
                on,
                None,
                None,
                NO_OFFICE,
                0.0,
                f"nobody held that office in {country} on {on}",
            )
        tenure, office = wanted[0]
        alts = tuple(t.leader_id for t, _ in wanted[1:])
        confidence = 0.9 if not alts else (0.85 if role == LEADER else 0.5)
        method = f"{role.replace('_', ' ') if role else 'office'} of {country} on {on}"
        return PersonResolution(
            mention,
            on,
            tenure.leader_id,
            self.index.display.get(tenure.leader_id),
            office,
            confidence,
            method,
            alts,
        )


def _fits(office: OfficeAt, parsed: _Parsed) -> bool:
    if parsed.title and office.title and parsed.title.casefold() == office.title.casefold():
        return True
    kind = office.kind
    if parsed.role == HEAD_OF_STATE:
        return kind in (OfficeKind.HEAD_OF_STATE, OfficeKind.BOTH)
    if parsed.role == HEAD_OF_GOVERNMENT:
        return kind in (OfficeKind.HEAD_OF_GOVERNMENT, OfficeKind.BOTH)
    if parsed.role == MINISTER:
        return kind is OfficeKind.MINISTER
    return parsed.role == LEADER and kind is not None and kind.is_leader


def _leader_of(
    country: str, on: str, held: list[tuple[Tenure, OfficeAt]]
) -> list[tuple[Tenure, OfficeAt]]:
    """ "The country's leader": the head of government where the constitution makes the head
    of state ceremonial (data/leader_office.csv), else the head of state."""
    prefer = _leader_office(country, on)
    order = {OfficeKind.BOTH: 0, OfficeKind.HEAD_OF_STATE: 1, OfficeKind.HEAD_OF_GOVERNMENT: 2}
    if prefer == HEAD_OF_GOVERNMENT:
        order = {OfficeKind.HEAD_OF_GOVERNMENT: 0, OfficeKind.BOTH: 1, OfficeKind.HEAD_OF_STATE: 2}
    leaders = [(t, o) for t, o in held if o.kind in order]
    return sorted(
        leaders, key=lambda item: (order[item[1].kind or OfficeKind.OTHER], item[1].acting)
    )


def _leader_office(country: str, on: str) -> str:
    for row in _leader_office_rows():
        if (
            row["country"] == country
            and row["start_date"] <= on
            and (not row["end_date"] or on < row["end_date"])
        ):
            return row["office_kind"]
    return HEAD_OF_STATE


@cache
def _leader_office_rows() -> tuple[dict[str, str], ...]:
    text = resources.files("diplotrack").joinpath("data/leader_office.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))


# Russian case endings of names and the nominative endings they come from.
_NAME_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ий", "ой")), ("ому", ("ий", "ой")), ("ым", ("",)), ("им", ("ий",)),
    ("ом", ("",)), ("ем", ("", "ь", "й")), ("ой", ("а", "ая")), ("ую", ("ая",)), ("ей", ("ь", "я")),
    ("а", ("", "ь")), ("у", ("",)), ("е", ("", "а")), ("ы", ("а",)), ("я", ("ь", "й")),
    ("ю", ("ь", "й")),
)  # fmt: skip


_TRANSLIT = (("gh", "g"), ("kh", "h"), ("zh", "j"), ("yy", "y"), ("iy", "i"), ("yi", "i"),
             ("ye", "e"), ("yo", "o"), ("ya", "a"), ("yu", "u"), ("y", "i"), ("w", "v"),
             ("ck", "k"), ("ou", "u"), ("q", "k"))  # fmt: skip


@lru_cache(maxsize=65536)
def transliteration_key(text: str) -> str:
    """A spelling-insensitive key for Latin transliterations: Erdoghan, Erdogan; Zelenskyy,
    Zelensky; Mirziyoyev, Mirziyoev. Different names keep different keys (Tokarev, Tokaev)."""
    key = text
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def name_nominatives(word: str) -> list[str]:
    """Nominatives a Russian name in another case may come from: Путиным -> Путин,
    Зеленского -> Зеленский, Владимиром -> Владимир."""
    forms: list[str] = []
    for ending, replacements in _NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.extend(word[: -len(ending)] + r for r in replacements)
    return forms


def _ends_with_a_name(mention: str, tokens: list[str]) -> bool:
    """The mention ends on a capitalised word that is one of its name tokens ("… Ivan
    Petrov"), not on a title or an adjective ("федеральный канцлер")."""
    words = mention.split()
    last = words[-1] if words else ""
    return last[:1].isupper() and normalize_name(last) in tokens


@lru_cache(maxsize=100_000)
def _parse_once(mention: str) -> _Parsed:
    """``_parse``, once per distinct mention (the result is not changed by callers)."""
    return _parse(mention)


def _parse(mention: str) -> _Parsed:
    """Split a mention into role/title words, a country and the remaining name words."""
    text = re.sub(r"['’]s\b", "", mention)
    tokens = [t for t in normalize_name(text).split() if t not in HONORIFICS]
    parsed = _Parsed()
    rest: list[str] = []
    i = 0
    while i < len(tokens):
        step = _title_at(tokens, i, parsed) or _country_at(tokens, i, parsed)
        if step:
            i += step
            continue
        if parsed.role == LEADER and tokens[i].startswith(("дипломат", "мид", "ведомств")):
            parsed.role = MINISTER  # "глава американской дипломатии": a foreign minister
        elif parsed.role == LEADER and tokens[i].startswith(("правительств", "государств")):
            # "главы китайского правительства": the head word comes after the country
            state = tokens[i].startswith("государств")
            parsed.role = HEAD_OF_STATE if state else HEAD_OF_GOVERNMENT
        elif tokens[i] not in FILLER and not tokens[i].startswith(FILLER_STEMS):
            rest.append(tokens[i])
        i += 1
    parsed.name_tokens = rest
    return parsed


def _title_at(tokens: list[str], i: int, parsed: _Parsed) -> int:
    if tokens[i].startswith(("председательств", "главн")):
        return 0  # "chairmanship", "main": not titles
    if i > 0 and tokens[i - 1] in _PATRONYMIC:
        return 0  # "Zayed bin Sultan": a father's name, not a title
    for words, role, title in _TITLES:
        window = tokens[i : i + len(words)]
        if len(window) == len(words) and all(
            t.startswith(w) if _RUSSIAN_WORD.search(w) else t == w
            for t, w in zip(window, words, strict=True)
        ):
            if parsed.role is None:
                parsed.role, parsed.title = role, title
            return len(words)
    return 0


def _country_at(tokens: list[str], i: int, parsed: _Parsed) -> int:
    for size in (3, 2, 1):
        phrase = " ".join(tokens[i : i + size])
        if len(tokens[i : i + size]) < size:
            continue
        code = _country_of(phrase)
        if code is not None:
            parsed.country = parsed.country or code
            return size
    return 0


def _country_of(phrase: str) -> str | None:
    if phrase in SHORT_COUNTRIES:
        return SHORT_COUNTRIES[phrase]
    adjective = countries_by_adjective(phrase)
    if len(adjective) == 1:
        return adjective[0]
    country = gazetteer().country(phrase)
    if country is not None and len(phrase) > 3:
        return country.iso3
    if _RUSSIAN_WORD.search(phrase):
        for form in nominatives(phrase):
            found = gazetteer().country(form)
            if found is not None:
                return found.iso3
    return None
