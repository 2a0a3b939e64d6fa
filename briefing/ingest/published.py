"""When an article was published: explicit dates, date lines, relative dates, inferred dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..text.dates import MONTHS, WEEKDAYS, safe_date
from ..text.numbers import NUMBER_WORDS

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<mnum>\d\d?)[-/](?P<day>\d\d?)\b"),
    re.compile(rf"\b(?P<day>\d\d?)(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b{MONTH}\s+(?P<day>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # CNN's stamp with a two-digit year, which only the time after it marks as a date:
    # "Originally Published: 22 NOV 23 01:05 GMT"
    re.compile(r"\b(?P<day>\d\d?)\s+(?P<month>[A-Z]{3})\s+(?P<yy>\d\d)\s+(?=\d\d?:\d\d\b)"),
)
# "11/21/2023, 06:24 AM", "17/10/2019 | 17:25": day and month in either order, read only when
# the order shows (one of them above 12, or both the same); "03.08.2018" is left unread.
NUMERIC_DATE = re.compile(r"\b(?P<a>\d\d?)([/.])(?P<b>\d\d?)\2(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(r"(?:19|20)\d\d|\b[A-Z]{3} \d\d \d\d?:")
# "a day ago", "an hour ago", "two weeks ago"
COUNT_WORDS = {"a": 1, "an": 1, **NUMBER_WORDS}
UNIT_DAYS = {"second": 0, "minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}
AGO = (
    rf"(?P<n>\d+|{'|'.join(COUNT_WORDS)})\s+"
    r"(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago"
)
RELATIVE_DATE_LINE = re.compile(
    rf"^(?:(?:last\s+)?updated?|published|posted|date)?\s*:?\s*(?:{AGO}|(?P<word>yesterday|today))"
    r"\.?$",
    re.I,
)
# What may surround a date on a line that is only a date: weekday, time, zone, a label.
DATE_LINE_FILLER = re.compile(
    r"\b(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|published|updated?|last|posted|date|dated|modified|on|at|[AP]\.?M\.?|[A-Z]{2,4}T|UTC|GMT)\b"
    r"|\d\d?:\d\d(?::\d\d)?",
    re.I,
)
WEEKDAY_CUE = re.compile(r"\b(yesterday|" + "|".join(WEEKDAYS) + r")\b", re.I)


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Explicit calendar dates in `text` as (start, end, date), in order of appearance."""
    found: list[tuple[int, int, dt.date]] = []
    if not YEAR.search(text):  # cheap test first: most lines have no date
        return found
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower())
            year = int(parts["year"]) if parts.get("year") else 2000 + int(parts["yy"])
            date = safe_date(year, month, int(parts["day"])) if month else None
            if date is not None:
                found.append((match.start(), match.end(), date))
    for match in NUMERIC_DATE.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if a > 12 >= b or a == b:
            date = safe_date(year, b, a)
        else:
            date = safe_date(year, a, b) if b > 12 >= a else None
        if date is not None:
            found.append((match.start(), match.end(), date))
    return sorted(found)


def is_date_line(line: str) -> bool:
    """True for a short line that only states a date (plus weekday, time, a label or a few
    words of site chrome, e.g. ' date 2025-12-05 WATCH TV LIVE')."""
    if len(line) > 100:
        return False
    dates = find_dates(line)
    if not dates:
        return False
    # "Last Updated on August 3, 2018 8:00 am by INDIAN AWAAZ": the desk after the date.
    rest = re.sub(r"\s+by\s+[A-Z][\w.’' -]{1,40}$", " ", line) if dates[-1][1] < len(line) else line
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = re.findall(r"\w+", DATE_LINE_FILLER.sub(" ", rest))
    # A few capitalised words of chrome may share the line; lowercase words mean a sentence
    # ("launched its war on Feb. 24, 2022.").
    return len(rest) <= 3 and not any(word[0].islower() for word in rest)


def resolve_relative(line: str, today: dt.date) -> dt.date | None:
    match = RELATIVE_DATE_LINE.match(line)
    if not match:
        return None
    if match["word"]:
        return today - dt.timedelta(days=1 if match["word"].lower() == "yesterday" else 0)
    count = COUNT_WORDS.get(match["n"].lower()) or int(match["n"])
    unit = match["unit"].lower()
    days = count * UNIT_DAYS[unit] if unit not in ("second", "minute", "hour") else 0
    if unit == "hour":
        days = count // 24
    return today - dt.timedelta(days=days)


def infer_date(body: str, context: str, today: dt.date) -> dt.date | None:
    """Publication date from the story itself when the file states none.

    Ledes put the news day first, so the first day cue in the body ("yesterday", a weekday) is
    resolved against the latest explicit date anywhere in the file (captions included): the
    weekday on or after it (within a week), or the day after it for "yesterday". No cue or no
    explicit date: None. Always approximate.
    """
    anchors = [date for _, _, date in find_dates(context) if date <= today]
    if not anchors:
        return None
    anchor = max(anchors)
    cue = WEEKDAY_CUE.search(strip_dates(body))
    if not cue:
        return None
    word = cue.group(1).lower()
    if word == "yesterday":
        guess = anchor + dt.timedelta(days=1)
    else:
        guess = anchor + dt.timedelta(days=(WEEKDAYS.index(word) - anchor.weekday()) % 7)
    return guess if guess <= today else None  # no page is published after the day briefed


WEEKDAY_BEFORE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"),?\s*$", re.I)


def strip_dates(text: str) -> str:
    """`text` without explicit dates and the weekday written with them ("Tuesday, Dec. 2, 2025")."""
    for start, end, _ in reversed(find_dates(text)):
        weekday = WEEKDAY_BEFORE.search(text, 0, start)
        text = text[: weekday.start() if weekday else start] + " " + text[end:]
    return text


def parse_date_value(value: Any, today: dt.date) -> tuple[dt.date | None, bool]:
    """A date from metadata (ISO string, datetime string, '5 December 2025', '2 days ago')."""
    if not isinstance(value, str) or not value.strip():
        return None, False
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]), False
    except ValueError:
        pass
    dates = find_dates(value)
    if dates:
        return dates[0][2], False
    relative = resolve_relative(value, today)
    return (relative, True) if relative else (None, False)


# "/2016/11/10/", "/2017-11-14/", "/2016-01/11/": the date a news URL was made with.
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>\d\d?)[/-](?P<day>\d\d?)(?=[/_.-]|$)")


def date_in_url(url: str | None) -> dt.date | None:
    """The publication date written in a news URL's path, if any."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    return safe_date(int(match["year"]), int(match["month"]), int(match["day"]))


# " date 2023-09-14 09/14/2023 September 14, 2023 Headline...": a page's date label run into the
# paragraph after it; the label and the same date in other spellings come off as a line of its own.
DATE_PREFIX = re.compile(
    r"^date:?\s+(?:19|20)\d\d-\d\d-\d\d\b"
    r"(?:\s+\d\d?/\d\d?/(?:19|20)\d\d\b)?"
    rf"(?:\s+{MONTH}\s+\d\d?,?\s+(?:19|20)\d\d\b)?\s+(?=\S)",
    re.I,
)


def split_date_prefix(line: str) -> list[str]:
    """A line that starts with a date label, split into the label and the text after it; any
    other line (a line that is only a date included) as it is."""
    prefix = DATE_PREFIX.match(line)
    if not prefix or is_date_line(line):
        return [line]
    return [line[: prefix.end()].rstrip(), line[prefix.end() :]]
