"""A small, hand-written travel record that the claim tests check texts against.

Every figure the tests quote can be read off the rows below; the comments give the totals.
The record is "as known today": a trip after a text's publication date is in it, and the
checker must leave it out when judging that text.
"""

from __future__ import annotations

from pathlib import Path

import diplotrack as dt
from tests.conftest import write

HEADER = (
    "leader,leader_country,office,start_date,end_date,country,cities,kind,occasion,status,trip\n"
)

# The day most texts are published: the Tuesday before Putin's planned trip to Astana.
PUBLISHED = "2025-05-27"


def _row(
    leader: str,
    home: str,
    day: str,
    country: str,
    cities: str = "",
    kind: str = "",
    status: str = "",
    trip: str = "",
) -> str:
    return f"{leader},{home},,{day},,{country},{cities},{kind},,{status},{trip}\n"


def _putin(day: str, country: str, cities: str = "", kind: str = "", status: str = "",
           trip: str = "") -> str:  # fmt: skip
    return _row("Vladimir Putin", "RUS", day, country, cities, kind, status, trip)


# --- Putin in Kazakhstan: 34 visits up to 2025-05-27 -----------------------------------
# 3 as Prime Minister, 31 as President; 4 since 2022-02-24 (3 of them to Astana, one to
# Kostanay), 1 in 2025 before publication. A planned trip starts on 2025-05-28 (it would be
# the 35th) and an occurred one on 2025-09-15 (after publication).
PUTIN_KAZ_PM = ["1999-11-01", "2010-03-01", "2011-10-18"]
PUTIN_KAZ_PRESIDENT_PREWAR = [
    "2000-06-19", "2001-10-09", "2002-05-14", "2003-01-09", "2004-01-18", "2005-06-01",
    "2006-06-17", "2007-05-10", "2012-06-07", "2012-09-19", "2013-05-29", "2013-11-11",
    "2014-03-11", "2014-08-29", "2015-03-20", "2015-10-16", "2016-05-31", "2016-12-26",
    "2017-06-09", "2017-11-09", "2018-04-20", "2018-11-08", "2019-05-29", "2019-11-28",
    "2020-02-14", "2021-01-15", "2021-12-10",
]  # fmt: skip
PUTIN_KAZ_SINCE_WAR = [
    ("2022-10-13", "Astana", "summit"),
    ("2023-11-09", "Kostanay", "working"),
    ("2024-11-27", "Astana", "state"),
    ("2025-02-20", "Astana", "working"),
]


def _putin_kazakhstan() -> str:
    rows = [_putin(day, "Kazakhstan", "Astana") for day in PUTIN_KAZ_PM]
    rows += [
        _putin(day, "Kazakhstan", "Almaty" if k % 3 == 0 else "Astana")
        for k, day in enumerate(PUTIN_KAZ_PRESIDENT_PREWAR)
    ]
    rows += [_putin(day, "Kazakhstan", city, kind) for day, city, kind in PUTIN_KAZ_SINCE_WAR]
    rows.append(_putin("2025-05-28", "Kazakhstan", "Astana", "state", "planned"))
    rows.append(_putin("2025-09-15", "Kazakhstan", "Almaty", "working"))
    return "".join(rows)


# --- Putin in Belarus: 24 visits (27 stops: three trips stop in two Belarusian cities) ---
# 4 as Prime Minister, 20 as President; 2 since 2022-02-24; none in 2023.
PUTIN_BLR_PM = ["1999-09-20", "2008-11-14", "2009-11-26", "2011-05-19"]
PUTIN_BLR_PRESIDENT = [
    "2000-06-21", "2001-03-12", "2002-06-14", "2003-09-19", "2004-07-03", "2005-05-12",
    "2006-05-25", "2007-12-13", "2012-05-31", "2013-10-25", "2014-10-10", "2015-07-03",
    "2016-11-30", "2017-09-18", "2018-10-11", "2019-06-27", "2020-09-14", "2021-09-09",
    "2022-07-01", "2024-06-20",
]  # fmt: skip
PUTIN_BLR_TWO_CITIES = {"2003-09-19": "Vitebsk", "2013-10-25": "Grodno", "2018-10-11": "Mogilev"}


def _putin_belarus() -> str:
    rows: list[str] = []
    for day in PUTIN_BLR_PM + PUTIN_BLR_PRESIDENT:
        if day in PUTIN_BLR_TWO_CITIES:
            key = f"blr-{day}"
            rows.append(_putin(day, "Belarus", "Minsk", trip=key))
            rows.append(_putin(day, "Belarus", PUTIN_BLR_TWO_CITIES[day], trip=key))
        else:
            rows.append(_putin(day, "Belarus", "Minsk"))
    return "".join(rows)


# --- Putin in Kyrgyzstan: 8 visits, 5 of them to summits; 2 in 2023 -----------------------
PUTIN_KGZ = [
    ("2000-07-30", "Bishkek", "state"),
    ("2007-08-16", "Bishkek", "summit"),
    ("2012-09-20", "Bishkek", "official"),
    ("2013-05-28", "Bishkek", "summit"),
    ("2016-09-16", "Cholpon-Ata", "summit"),
    ("2019-03-28", "Bishkek", "state"),
    ("2023-10-12", "Bishkek", "summit"),
    ("2023-10-13", "Bishkek", "summit"),
]


def _putin_kyrgyzstan() -> str:
    rows = [_putin(day, "Kyrgyzstan", city, kind) for day, city, kind in PUTIN_KGZ[:-2]]
    # The 2023 CIS and EAEU summits: one trip with two summit stops in Bishkek.
    rows += [
        _putin(day, "Kyrgyzstan", city, kind, trip="kgz-2023") for day, city, kind in PUTIN_KGZ[-2:]
    ]
    rows.append(_putin("2023-03-01", "Kyrgyzstan", "Bishkek", "summit", trip="kgz-2023-03"))
    return "".join(rows)


# --- Putin in Tajikistan: last in 2019, then again on 2022-06-28 ---------------------------
PUTIN_TJK = ["2004-10-16", "2012-10-05", "2017-02-27", "2019-06-15", "2022-06-28"]


def _putin_tajikistan() -> str:
    return "".join(_putin(day, "Tajikistan", "Dushanbe") for day in PUTIN_TJK)


# --- Tokayev in Russia (no coverage declared): 19 visits --------------------------------
# 2 as Prime Minister (2000, 2001), 17 as President since taking office on 2019-03-20,
# 12 of them since 2022-02-24.
TOKAYEV_RUS = [
    ("2000-05-16", "Moscow"), ("2001-11-30", "Moscow"),
    ("2019-04-03", "Moscow"), ("2019-11-07", "Saint Petersburg"), ("2020-06-24", "Moscow"),
    ("2021-05-09", "Moscow"), ("2021-12-28", "Saint Petersburg"),
    ("2022-06-17", "Saint Petersburg"), ("2022-10-07", "Saint Petersburg"),
    ("2022-11-28", "Moscow"), ("2022-12-26", "Saint Petersburg"), ("2023-05-09", "Moscow"),
    ("2023-06-16", "Saint Petersburg"), ("2023-12-26", "Saint Petersburg"),
    ("2024-05-09", "Moscow"), ("2024-10-23", "Kazan"), ("2024-12-26", "Saint Petersburg"),
    ("2025-05-09", "Moscow"), ("2025-05-12", "Sochi"),
]  # fmt: skip


def _tokayev_russia() -> str:
    return "".join(
        _row("Kassym-Jomart Tokayev", "KAZ", day, "Russia", city) for day, city in TOKAYEV_RUS
    )


# --- Lukashenko in Russia: 9 visits since 2022-02-24, complete only from 2022-01-01 --------
LUKASHENKO_RUS = [
    "2021-09-09", "2022-03-11", "2022-04-12", "2022-05-16", "2022-09-16", "2023-04-05",
    "2023-06-08", "2024-02-29", "2024-10-22", "2025-05-09",
]  # fmt: skip


def _lukashenko_russia() -> str:
    return "".join(
        _row("Alexander Lukashenko", "BLR", day, "Russia", "Moscow") for day in LUKASHENKO_RUS
    )


COVERAGE = [
    "Vladimir Putin:1999-08-09:2026-12-31",
    "Alexander Lukashenko:2022-01-01:2026-12-31",
]


def build(rec: dt.Record, tmp_path: Path) -> dt.Record:
    """Import the whole world into ``rec`` (one table file, coverage declared for Putin and
    for Lukashenko since 2022)."""
    rows = (
        _putin_kazakhstan()
        + _putin_belarus()
        + _putin_kyrgyzstan()
        + _putin_tajikistan()
        + _tokayev_russia()
        + _lukashenko_russia()
    )
    path = write(tmp_path / "world.csv", HEADER + rows)
    rec.import_file("table", path, options={"complete_for": COVERAGE})
    return rec
