"""The words that make a figure a claim about visits, in English and Russian."""

from __future__ import annotations

# Word stems (casefolded prefixes) that make a sentence about visits.
VISIT_STEMS = (
    "visit", "trip", "travel", "been to", "came to", "come to", "gone to", "went to",
    "stopped in", "arriv", "tour",
    "визит", "посет", "посещ", "побыва", "приезжа", "приезд", "поездк", "бывал", "ездил",
    "прилет", "прилета", "наведыва", "был в", "была в", "побывал",
)  # fmt: skip
# Units after a number: "35 visits", "12 times", "12 раз", "27 визитов".
COUNT_UNITS = (
    "times", "visits", "trips", "occasions", "visit", "trip",
    "раз", "раза", "визит", "визита", "визитов", "поездк", "посещени",
)  # fmt: skip
# Numerals that carry their unit: "twice", "трижды".
ADVERBIAL = ("once", "twice", "thrice", "однажды", "дважды", "трижды", "четырежды")
VISIT_NOUNS = ("visit", "trip", "визит", "поездк", "посещени")
# Words before a number that bound it.
BOUNDS = {
    "more than": "more", "over": "more", "at least": "at_least", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "roughly": "about",
    "fewer than": "less", "less than": "less", "only": "exact", "just": "exact",
    "более": "more", "больше": "more", "свыше": "more", "почти": "about",
    "около": "about", "не менее": "at_least", "менее": "less", "меньше": "less",
    "всего": "exact", "лишь": "exact", "только": "exact",
}  # fmt: skip
DOZENS = ("dozens", "десятки", "десятков")
# "as president", "в качестве президента", "будучи премьером".
OFFICE_MARKERS = ("as", "в качестве", "будучи", "в статусе", "в должности")
OFFICE_WORDS = (
    ("prime minister", "Prime Minister"), ("premier", "Prime Minister"),
    ("president", "President"), ("chancellor", "Chancellor"),
    ("премьер-министр", "Prime Minister"), ("премьер", "Prime Minister"),
    ("глав правительств", "Prime Minister"), ("председател правительств", "Prime Minister"),
    ("президент", "President"), ("канцлер", "Chancellor"),
)  # fmt: skip
SUPERLATIVES = (
    "more often than anywhere else", "more than any other country", "more often than any",
    "most visited", "most frequent destination", "most frequently visited",
    "more than anywhere else", "чаще, чем куда-либо", "чаще чем куда-либо", "чаще всего",
    "чаще, чем в любую", "больше всего раз", "самым посещаемым",
)  # fmt: skip
# Windows that need no event table.
TAKING_OFFICE = (
    "taking office", "he took office", "she took office", "took office", "becoming president",
    "becoming prime minister", "his inauguration", "her inauguration",
    "вступления в должность", "инаугурации", "прихода к власти", "избрания",
)  # fmt: skip
THIS_YEAR = ("this year", "в этом году", "в текущем году", "с начала года", "since january")
LAST_YEAR = ("last year", "в прошлом году")
SINCE = ("since", "с", "со", "после")
PRONOUNS = ("he", "his", "him", "she", "her", "он", "его", "ему", "им", "она", "её", "ее")
HOST_WORDS = ("his host", "her host", "the host", "their host", "хозяин", "его гость",
              "принимающая сторона", "хозяина")  # fmt: skip
