"""A deterministic synthetic news corpus for the extraction benchmark.

Articles are put together from templates written for this benchmark: economy, weather,
sport, courts, culture and domestic politics, in English and Russian (about 60/40), with
the near misses real news is full of (ministers travelling, phone calls, leaders named at
home, "talks" and "visitors" in other senses). About one article in ten also reports a
leader's trip abroad. Everything comes from one seeded ``random.Random``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

# (name EN, name RU, home ISO3, title EN, title RU, name RU after "с" (instrumental))
LEADERS = (
    ("Vladimir Putin", "Владимир Путин", "RUS", "President", "президент", "Владимиром Путиным"),
    (
        "Kassym-Jomart Tokayev",
        "Касым-Жомарт Токаев",
        "KAZ",
        "President",
        "президент",
        "Касым-Жомартом Токаевым",
    ),
    (
        "Narendra Modi",
        "Нарендра Моди",
        "IND",
        "Prime Minister",
        "премьер-министр",
        "Нарендрой Моди",
    ),
    (
        "Recep Tayyip Erdogan",
        "Реджеп Тайип Эрдоган",
        "TUR",
        "President",
        "президент",
        "Реджепом Тайипом Эрдоганом",
    ),
    ("Xi Jinping", "Си Цзиньпин", "CHN", "President", "председатель КНР", "Си Цзиньпином"),
    (
        "Shavkat Mirziyoyev",
        "Шавкат Мирзиёев",
        "UZB",
        "President",
        "президент",
        "Шавкатом Мирзиёевым",
    ),
    (
        "Nikol Pashinyan",
        "Никол Пашинян",
        "ARM",
        "Prime Minister",
        "премьер-министр",
        "Николом Пашиняном",
    ),
    ("Ilham Aliyev", "Ильхам Алиев", "AZE", "President", "президент", "Ильхамом Алиевым"),
    (
        "Alexander Lukashenko",
        "Александр Лукашенко",
        "BLR",
        "President",
        "президент",
        "Александром Лукашенко",
    ),
    ("Emmanuel Macron", "Эммануэль Макрон", "FRA", "President", "президент", "Эммануэлем Макроном"),
)
# (ISO3, country EN, city EN, city RU in the prepositional case, in the accusative)
PLACES = (
    ("RUS", "Russia", "Moscow", "Москве", "Москву"),
    ("KAZ", "Kazakhstan", "Astana", "Астане", "Астану"),
    ("IND", "India", "New Delhi", "Нью-Дели", "Нью-Дели"),
    ("TUR", "Turkey", "Ankara", "Анкаре", "Анкару"),
    ("CHN", "China", "Beijing", "Пекине", "Пекин"),
    ("UZB", "Uzbekistan", "Tashkent", "Ташкенте", "Ташкент"),
    ("ARM", "Armenia", "Yerevan", "Ереване", "Ереван"),
    ("AZE", "Azerbaijan", "Baku", "Баку", "Баку"),
    ("BLR", "Belarus", "Minsk", "Минске", "Минск"),
    ("FRA", "France", "Paris", "Париже", "Париж"),
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip

FILLER_EN = (
    "The central bank left its key rate at {n} percent, citing slower growth in consumer "
    "prices over the past quarter.",
    "Wheat exports rose by {n} percent in the first half of the year, the agriculture "
    "ministry said in a statement.",
    "Forecasters expect heavy rain across the south on {weekday}, with temperatures falling "
    "to {n} degrees at night.",
    "The home side won {n}-{m} after a late goal from their captain, who had missed most of "
    "the season through injury.",
    "A district court in {city} adjourned the case until next month after the defence asked "
    "for more time to study the evidence.",
    "The museum expects more than {n},000 visitors during the summer exhibition of "
    "nineteenth-century landscape painting.",
    "Trade talks between the two unions broke down late on {weekday} over pension rules and "
    "overtime pay.",
    "Parliament approved the budget in its second reading by {n} votes to {m}, with several "
    "deputies abstaining.",
    "The foreign minister travelled to {city} for a meeting with his counterpart on water "
    "sharing and border crossings.",
    "{leader} spoke by phone with {other} on {weekday} about gas prices and transit fees.",
    "{leader} chaired a meeting of the security council at his residence outside the capital.",
    "Analysts say the new pipeline could carry up to {n} billion cubic metres of gas a year "
    "once it is finished.",
    "Shares in the largest carmaker fell {n} percent after it cut its forecast for the year.",
    "The city council voted to extend the tram line by {n} kilometres to the new housing "
    "estates in the north.",
    "Tourism officials said hotel bookings for the spring holidays were up by a fifth "
    "compared with last year.",
    "The airline will resume flights to {city} from next month, three years after the route "
    "was closed.",
)
FILLER_RU = (
    "Центральный банк сохранил ключевую ставку на уровне {n}% и указал на замедление роста "
    "потребительских цен.",
    "Экспорт пшеницы за первое полугодие вырос на {n}%, сообщили в министерстве сельского "
    "хозяйства.",
    "Синоптики обещают сильные дожди на юге страны, ночью температура опустится до {n} градусов.",
    "Хозяева поля победили со счетом {n}:{m} благодаря голу капитана на последних минутах.",
    "Районный суд отложил рассмотрение дела до следующего месяца по просьбе защиты.",
    "Музей рассчитывает принять более {n} тысяч посетителей за время летней выставки.",
    "Переговоры профсоюзов с руководством завода о пенсиях и сверхурочных зашли в тупик.",
    "Парламент принял бюджет во втором чтении: за проголосовали {n} депутатов, против {m}.",
    "Министр иностранных дел прибыл в {city_acc} на встречу с коллегой, чтобы обсудить "
    "водные ресурсы.",
    "{leader_ru} провел телефонный разговор с {other_ru}, стороны обсудили цены на газ.",
    "{leader_ru} провел совещание с членами правительства по вопросам жилищного строительства.",
    "Аналитики считают, что новый трубопровод сможет прокачивать до {n} млрд кубометров газа "
    "в год.",
    "Акции крупнейшего автопроизводителя подешевели на {n}% после снижения прогноза.",
    "Городской совет продлил трамвайную линию на {n} километров до новых жилых кварталов.",
    "Авиакомпания возобновит рейсы в {city_acc} со следующего месяца.",
)
TRIP_EN = (
    "{title} {leader} arrived in {city} on {weekday} for a two-day state visit to {country}.",
    "{leader} held talks in {city} on {day} {month_en} with the leadership of {country}.",
    "{leader} will travel to {country} next week, his office said on {weekday}.",
    "{title} {leader} is on an official visit to {country}, where he met business leaders "
    "in {city}.",
    "{leader} landed in {city} on {weekday} to attend a regional summit of heads of state.",
)
TRIP_RU = (
    "{title_ru} {leader_ru} прибыл в {city_acc} с государственным визитом {day} {month_ru}.",
    "{leader_ru} находится с официальным визитом в {city_pre}, где проведет переговоры.",
    "{leader_ru} посетит {city_acc} на следующей неделе, сообщила его пресс-служба.",
    "{title_ru} {leader_ru} прилетел в {city_acc} для участия в саммите глав государств.",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NewsArticle:
    id: str
    published: str
    language: str
    text: str
    reports_trip: bool


def articles(megabytes: float, seed: int = 2024, trip_share: float = 0.1) -> Iterator[NewsArticle]:
    """Articles until their UTF-8 text adds up to ``megabytes`` (MiB)."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    size = 0
    n = 0
    while size < target:
        n += 1
        found = _article(rng, n, trip_share)
        size += len(found.text.encode("utf-8"))
        yield found


def _article(rng: random.Random, n: int, trip_share: float) -> NewsArticle:
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    language = "ru" if rng.random() < 0.4 else "en"
    trip = rng.random() < trip_share
    paragraphs = [_paragraph(rng, language, published) for _ in range(rng.randint(4, 9))]
    if trip:
        at = rng.randrange(len(paragraphs))
        paragraphs[at] = _trip(rng, language, published) + " " + paragraphs[at]
    return NewsArticle(f"a{n}", published.isoformat(), language, "\n\n".join(paragraphs), trip)


def _paragraph(rng: random.Random, language: str, published: dt.date) -> str:
    pool = FILLER_RU if language == "ru" else FILLER_EN
    return " ".join(_fill(rng, rng.choice(pool), published) for _ in range(rng.randint(3, 7)))


def _trip(rng: random.Random, language: str, published: dt.date) -> str:
    pool = TRIP_RU if language == "ru" else TRIP_EN
    return _fill(rng, rng.choice(pool), published, abroad=True)


def _fill(rng: random.Random, template: str, published: dt.date, abroad: bool = False) -> str:
    leader, other = rng.sample(LEADERS, 2)
    choices = [p for p in PLACES if p[0] != leader[2]] if abroad else list(PLACES)
    place = rng.choice(choices)
    day = published - dt.timedelta(days=rng.randrange(3))
    values = {
        "n": rng.randint(2, 90),
        "m": rng.randint(0, 9),
        "weekday": WEEKDAYS_EN[day.weekday()],
        "day": day.day,
        "month_en": MONTHS_EN[day.month - 1],
        "month_ru": MONTHS_RU[day.month - 1],
        "leader": leader[0],
        "leader_ru": leader[1],
        "title": f"{_demonym(leader[2])} {leader[3]}",
        "title_ru": leader[4].capitalize(),
        "other": other[0],
        "other_ru": other[5],
        "country": place[1],
        "city": place[2],
        "city_pre": place[3],
        "city_acc": place[4],
    }
    return template.format(**values)


def _demonym(code: str) -> str:
    return {
        "RUS": "Russian",
        "KAZ": "Kazakh",
        "IND": "Indian",
        "TUR": "Turkish",
        "CHN": "Chinese",
        "UZB": "Uzbek",
        "ARM": "Armenian",
        "AZE": "Azerbaijani",
        "BLR": "Belarusian",
        "FRA": "French",
    }[code]
