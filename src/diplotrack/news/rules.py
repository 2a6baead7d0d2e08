"""The rule tables of news extraction (data/news/rules.csv), compiled once per language.

>>> rules("en").find("Putin arrived in Astana.".casefold())[0].role
'go'
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from diplotrack.news.anchors import AnchoredPattern

ROLES = ("go", "noun", "host", "passive", "plan", "cancel", "deny", "neg", "former", "past")
TRAVEL = frozenset(("go", "noun", "host", "passive"))
LANGUAGES = ("en", "ru")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Hit:
    role: str
    start: int
    end: int
    pattern: str


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's rules: a pattern per role, and one cheap pattern for the prefilter."""

    lang: str
    by_role: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    travel: re.Pattern[str]
    scan: AnchoredPattern  # the travel pattern, over a whole article

    def find(self, folded: str) -> list[Hit]:
        """Every rule that matches a casefolded sentence (overlapping travel rules: see
        `_drop_overlapping_travel`)."""
        hits: list[Hit] = []
        for role, pattern, _sources in self.by_role:
            for match in pattern.finditer(folded):
                if match.end() > match.start():
                    hits.append(Hit(role, match.start(), match.end(), match.group()))
        return _drop_overlapping_travel(hits)

    def mentions_travel(self, folded: str) -> bool:
        return self.travel.search(folded) is not None


def _drop_overlapping_travel(hits: list[Hit]) -> list[Hit]:
    """Where travel rules overlap, the first listed wins, except that a passive ("had been
    received in Moscow") beats the active verb inside it."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: h.role != "passive"):
        if hit.role in TRAVEL and any(
            k.role in TRAVEL and k.start < hit.end and hit.start < k.end for k in kept
        ):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("diplotrack").joinpath("data/news/rules.csv").read_text("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = []
    for row in csv.DictReader(io.StringIO(body)):
        if None in row or row["role"] not in ROLES:  # an unquoted comma split the pattern
            raise ValueError(f"data/news/rules.csv: bad row {list(row.values())!r}")
        rows.append((row["lang"], row["role"], row["pattern"]))
    return tuple(rows)


@cache
def women() -> frozenset[str]:
    """Registry ids of the leaders who are women (``data/news/women.csv``): a "she" means
    one of them, a "he" none of them."""
    text = resources.files("diplotrack").joinpath("data/news/women.csv").read_text("utf-8")
    return frozenset(row["leader_id"] for row in csv.DictReader(io.StringIO(text)))


@cache
def rules(lang: str) -> Rules:
    """The compiled rules of ``lang`` (en or ru)."""
    by_role = []
    for role in ROLES:
        sources = tuple(p for lg, rl, p in _rows() if lg == lang and rl == role)
        if sources:
            joined = "|".join(f"(?:{p})" for p in sources)
            by_role.append((role, re.compile(rf"(?<!\w)(?:{joined})"), sources))
    joined = "|".join(f"(?:{p})" for lg, rl, p in _rows() if lg == lang and rl in TRAVEL)
    travel = re.compile(rf"(?<!\w)(?:{joined})")
    return Rules(lang, tuple(by_role), travel, AnchoredPattern(travel))


@cache
def host_only(lang: str, phrase: str) -> bool:
    """Whether a phrase the travel pattern found is only a host's verb ("принял",
    "welcomed"), whose guest must be named after it."""
    roles = [r for r, p, _s in rules(lang).by_role if r in TRAVEL and p.fullmatch(phrase)]
    return roles == ["host"]


# The prefilter: stems that any reported trip is written with, in every language. A text
# without one is not parsed at all; most news is not about leaders' travel.
_PREFILTER = re.compile(
    r"visit|trip|travel|arriv|landed|summit|talks|tour|welcom|host|receiv|attend|flew|fly|"
    r"flies|headed|jetted|stopover|journey|in town|due in|визит|поездк|прибы|прилет|посет|"
    r"посещ|саммит|переговор|турне|отправи|побыва|принял|встрет|участи|находится|приед|"
    r"приезд|вылет|пребыва|depart|leaves for|left for|touched down|set foot|boycott|остановк|"
    r"по пути|летевш|направ|съехал|собрал| met | meets |meeting with|встреча|парад|parade|"
    r"funeral|похорон|ceremony|церемони|inaugurat|инаугурац|находил|участием|mourners|"
    r"подписали (?:\w+ ){0,2}в |signed (?:\w+ ){0,2}in |приеха|приезжа|поехал|уехал|выехал|"
    r"ездил|поедет|заед|вернул|пожаловал|бывал|(?:был|была|были) на |выступил|возложил|"
    r"совершил|совершит|ожида|открыл|возглавил|went |came |goes to|go to|comes to|"
    r"returned|stop in|stopped in|stops in|leg in|took part|takes part|taking part|joined|"
    r"addressed|turned up|showed up|sailed|drove|crossed|stood |sat |spent|spends|wreath|"
    r"expected|among|began|ended|opened|inaugurated| due |heads |heading |moves on|flying |"
    r"участв|принима|примет|come to|comes to|coming to|was last|greet|приветств|join|"
    r"is in |was in |присутств|прибуд|едет|встречу|stop at|stop over|подписал| address|"
    r"был принят|была принята|были приняты|been to|had last|took him|takes him|is already in|"
    r"take part|stay in|standing|stand in|meet |нанес|signed|leaving|находящ|отправля|"
    r"on to |spend|land|flown|left |(?:был|была|были) в |завершил|itinerar|schedule|маршрут|"
    r"приземл|график|reache|полет|летит|летят|выступал|(?:is|are|was|were) (?:also |all )?here|"
    r"здесь|присоедин|собира|проведет|проведёт|перелет|red carpet|stays in|been in|leaves |"
    r"находятся|audience|провел|провёл|провела|проведя"
)  # over casefolded text: a case-blind pattern costs five times as much


# "He was in Minsk in May", "будет в Пекине": a place right after "was in" / "был в".
_BEEN_IN = re.compile(
    r"\b(?:is|was|were|be|been|are) in [A-Z]|(?:был|была|были|будет|будут) в [А-ЯЁ]"
)


_PREFILTER_SCAN = AnchoredPattern(_PREFILTER)


def worth_reading(text: str, folded: str | None = None) -> bool:
    """Whether ``text`` has any word a reported trip is written with (``folded``: the text
    casefolded, when the caller has it)."""
    folded = text.casefold() if folded is None else folded
    return _PREFILTER_SCAN.found_in(folded) or _BEEN_IN.search(text) is not None


def language_of(text: str) -> str:
    """``ru`` when Cyrillic letters outnumber Latin ones, else ``en``."""
    sample = text[:2000]
    return "ru" if len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample)) else "en"
