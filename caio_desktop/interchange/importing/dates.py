"""Dates as clients write them: real date cells, Excel serial numbers, ISO, 25/11/2026, 25.11.26,
25 nov. 2026, 1er mars 2026, November 25, 2026, and 11/25/2026 when the day cannot be the month."""

from __future__ import annotations

import datetime as dt
import re

from caio_desktop.interchange.importing.text import fold

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 with Excel's 1900 leap-year bug absorbed
_MONTHS = {
    **dict.fromkeys(("jan", "janv", "janvier", "january"), 1),
    **dict.fromkeys(("feb", "fev", "fevr", "fevrier", "february"), 2),
    **dict.fromkeys(("mar", "mars", "march"), 3),
    **dict.fromkeys(("apr", "avr", "avril", "april"), 4),
    **dict.fromkeys(("may", "mai"), 5),
    **dict.fromkeys(("jun", "juin", "june"), 6),
    **dict.fromkeys(("jul", "juil", "juillet", "july"), 7),
    **dict.fromkeys(("aug", "aou", "aout", "august"), 8),
    **dict.fromkeys(("sep", "sept", "septembre", "september"), 9),
    **dict.fromkeys(("oct", "octobre", "october"), 10),
    **dict.fromkeys(("nov", "novembre", "november"), 11),
    **dict.fromkeys(("dec", "decembre", "december"), 12),
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+) (\d{2,4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{2,4})$")
_WEEKDAYS = re.compile(r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
                       r"thursday|friday|saturday|sunday|lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|"
                       r"sat|sun) ")


def parse_date(value: object) -> dt.date | None:
    """The date a cell means, or None when it is not recognisably a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _serial(float(value))
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit() and 3 <= len(text) <= 5:
        return _serial(float(text))
    if match := _ISO.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.match(text):
        a, b, c = match[1], match[2], match[3]
        if len(a) == 4:  # 2026/11/25
            return _make(int(a), int(b), int(c))
        year = _year(c)
        first, second = int(a), int(b)
        if second > 12 and first <= 12:  # 11/25/2026: the second number can only be the day
            return _make(year, first, second)
        return _make(year, second, first)  # day first, as in France and most of the world
    words = _WEEKDAYS.sub("", fold(text))
    if match := _DAY_MONTH_YEAR.match(words):
        month = _MONTHS.get(match[2])
        return _make(_year(match[3]), month, int(match[1])) if month else None
    if match := _MONTH_DAY_YEAR.match(words):
        month = _MONTHS.get(match[1])
        return _make(_year(match[3]), month, int(match[2])) if month else None
    return None


def _serial(number: float) -> dt.date | None:
    if not 1 <= number < 2958466:  # Excel's last date is 9999-12-31
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        return 2000 + year if year < 70 else 1900 + year
    return year


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
