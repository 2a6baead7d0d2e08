"""The words that make a figure a claim about visits, in English and Russian."""

from __future__ import annotations

# Word stems (casefolded prefixes) that make a sentence about visits.
VISIT_STEMS = (
    "visit", "trip", "travel", "been to", "came to", "come to", "gone to", "went to",
    "stopped in", "arriv", "tour",
    "визит", "посет", "посещ", "побыва", "приезжа", "приезд", "поездк", "бывал", "ездил",
    "прилет", "прилета", "наведыва", "был в", "была в", "побывал",
)  # fmt: skip
# Units after a number: "35 visits", "12 times" (whole English words), "12 раз", "27 визитов",
# "12 поездок" (Russian stems).
COUNT_UNITS_EN = frozenset(("times", "visits", "trips", "occasions", "visit", "trip"))
COUNT_UNITS = ("раз", "раза", "визит", "визита", "визитов", "поездк", "поездок", "посещени")
TIMES = frozenset(("times", "time", "раз", "раза"))
# Words after "N times" that make it a multiplier ("three times more", "в три раза больше").
MULTIPLIER_AFTER = frozenset(
    (
        "more",
        "larger",
        "higher",
        "bigger",
        "as",
        "less",
        "fewer",
        "больше",
        "выше",
        "меньше",
        "ниже",
        "быстрее",
    )
)
# Verbs of meeting, not travel: "have met 14 times", "встречались 14 раз".
MEETING_STEMS = (
    " met ", "have met", "has met", "meet ", "meetings", "talked", "spoke", "phoned", "called",
    "встречал", "встретил", "встречались", "встречи с", "разговаривал", "созванивал",
    "говорили", "переговоры",
)  # fmt: skip
# Numerals that carry their unit: "twice", "трижды".
ADVERBIAL = ("once", "twice", "thrice", "однажды", "дважды", "трижды", "четырежды")
VISIT_NOUNS = ("visit", "trip", "визит", "поездк", "поездок", "посещени")
ORDINAL_TIME = ("time", "раз")
# Words before a number that bound it.
BOUNDS = {
    "more than": "more", "over": "more", "at least": "at_least", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "roughly": "about",
    "fewer than": "less", "less than": "less", "only": "exact", "just": "exact",
    "some": "about", "approximately": "about", "more than two": "more",
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
    "more than to any other country", "more than to any other", "more often than to any",
    "more than anywhere else", "чаще, чем куда-либо", "чаще чем куда-либо", "чаще всего",
    "чаще, чем в любую", "больше всего раз", "самым посещаемым",
)  # fmt: skip
# Windows that need no event table.
TAKING_OFFICE = (
    "taking office", "he took office", "she took office", "took office", "becoming president",
    "becoming prime minister", "his inauguration", "her inauguration",
    "момента вступления в должность", "вступления в должность", "инаугурации",
    "прихода к власти", "избрания",
)  # fmt: skip
THIS_YEAR = ("this year", "в этом году", "в текущем году", "с начала года", "since january")
LAST_YEAR = ("last year", "в прошлом году")
SINCE = ("since", "с", "со", "после")
# Sentence openings that leave any window behind: "In all, ...", "Всего же ...".
ALL_TIME = (
    "in all",
    "in total",
    "altogether",
    "overall",
    "all told",
    "всего",
    "в общей сложности",
    "в целом",
    "итого",
)
# An office stated before the figures: "As president, ...", "Будучи президентом, ...".
LEADING_OFFICE = ("as", "будучи", "в качестве", "в статусе")
PRONOUNS = ("he", "his", "him", "she", "her", "он", "его", "ему", "им", "она", "её", "ее")
HOST_WORDS = ("his host", "her host", "the host", "their host", "хозяин", "его гость",
              "принимающая сторона", "хозяина")  # fmt: skip
