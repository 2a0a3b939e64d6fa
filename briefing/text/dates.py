"""Dates stated in a sentence, resolved against the article's own date.

"On Tuesday" in an article of Friday 5 December 2025 is Tuesday 2 December 2025; such
resolutions are flagged approximate. Explicit dates win over relative ones.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# The days as written, for the patterns of other modules ("on Monday", "Saturday, June 24").
WEEKDAY_NAMES = "|".join(day.capitalize() for day in WEEKDAYS)
MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
MONTH_DAY_YEAR = re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+{MONTH}(?:,?\s+(\d{{4}}))?\b", re.I)
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WEEKDAY = re.compile(rf"\b({WEEKDAY_NAMES})\b", re.I)
# A weekday that a future cue points at, some words before it: "next Monday", "will meet in
# Geneva on Monday", "would begin identifying the remains through DNA testing ... Tuesday".
# "Said on Tuesday that talks will go on" stays in the past (cue after it), as do "who would
# not give names said Tuesday" (the day belongs to the saying) and "would not comment Monday".
FUTURE_WEEKDAY = re.compile(
    r"\b(?:next|will|would|shall|scheduled|due|expected|set to|plans? to)\b(?!\s+(?:not|never)\b)"
    r"(?:\W+(?!(?:said|says|told|announced|reported|confirmed|warned|added|wrote|stated|"
    r"recalled|noted|declined|tweeted|commented)\b)\w+){0,10}?\W+"
    r"(?:on\s+|next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?![’']s\b)",
    re.I,
)
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
RELATIVE = re.compile(r"\b(yesterday|today|tomorrow)\b", re.I)


def resolve(
    text: str, reference: dt.date | None, *, exact: bool = True
) -> tuple[dt.date | None, bool]:
    """(date, approximate) for the first date the text states, or (None, False). `exact`: the
    reference is the article's own stated date, not one inferred or bounded (then a weekday is
    never the day after it)."""
    explicit = explicit_date(text, reference)
    if explicit:
        return explicit, False
    if reference is None:
        return None, False
    ahead = FUTURE_WEEKDAY.search(text)
    if ahead:
        return next_weekday(reference, WEEKDAYS.index(ahead.group(1).lower())), True
    day = own_day(text, reference, exact=exact)
    if day:
        return day, True
    relative = RELATIVE.search(text)
    if relative:
        return reference + dt.timedelta(days=RELATIVE_DAYS[relative.group(1).lower()]), True
    return None, False


def date_ahead(text: str, reference: dt.date) -> dt.date | None:
    """The day a step is stated to come, from its article's date: a date written out, a weekday
    after "will", "scheduled" or "next", "today" or "tomorrow"; never the weekday of what it
    follows ("After Monday's talks, the envoys will meet again")."""
    explicit = explicit_date(text, reference)
    if explicit:
        return explicit
    ahead = FUTURE_WEEKDAY.search(text)
    if ahead:
        return next_weekday(reference, WEEKDAYS.index(ahead.group(1).lower()))
    relative = RELATIVE.search(text)
    if relative and relative.group(1).lower() != "yesterday":
        return reference + dt.timedelta(days=RELATIVE_DAYS[relative.group(1).lower()])
    return None


def explicit_date(text: str, reference: dt.date | None) -> dt.date | None:
    iso = ISO.search(text)
    if iso:
        return safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    for pattern, month_group, day_group in ((MONTH_DAY_YEAR, 1, 2), (DAY_MONTH_YEAR, 2, 1)):
        match = pattern.search(text)
        if not match:
            continue
        month = MONTHS[match.group(month_group).lower().rstrip(".")]
        day = int(match.group(day_group))
        if match.group(3):
            return safe_date(int(match.group(3)), month, day)
        if reference:
            return nearest(reference, month, day, ahead=bool(AHEAD.search(text[: match.start()])))
    return None


# How far ahead a day named without a year may lie when nothing says it is ahead: "a vote on
# March 5" in an article of 20 February.
AHEAD_DAYS = 21
# Words right before a day that put it ahead however far: "a national mourning period until
# January 4" in an article of 29 December, "MPs will vote on March 20"; not "said it would
# retaliate for the October 7 attack".
AHEAD = re.compile(
    r"\b(?:until|till|through|due|scheduled|expected|set|starting|begins?|takes? effect|will "
    r"\w+|next)\b(?:\s+(?:on|for|by|in|to|be|held|from))*\s*$",
    re.I,
)


def nearest(reference: dt.date, month: int, day: int, *, ahead: bool = False) -> dt.date | None:
    """A day named without a year: the latest such day on or before the reference (news reports
    the past: "the attack on October 7" in July is last October's), unless the next one comes
    within AHEAD_DAYS of it or the sentence puts it ahead."""
    this_year = safe_date(reference.year, month, day)
    past = this_year if this_year and this_year <= reference else None
    past = past or safe_date(reference.year - 1, month, day)
    later = this_year if this_year and this_year > reference else None
    later = later or safe_date(reference.year + 1, month, day)
    if later and (ahead or (later - reference).days <= AHEAD_DAYS or past is None):
        return later
    return past


def own_day(text: str, reference: dt.date, *, exact: bool = True) -> dt.date | None:
    """The day the sentence's own event is on: "The toll from Tuesday's earthquake rose to 14 on
    Wednesday" is Wednesday's news; a possessive weekday names an earlier event. A later day is
    not taken when it falls before that event ("Monday's quake, which followed a tremor on
    Saturday, killed 12" is Monday's)."""
    named = list(WEEKDAY.finditer(text))
    if not named:
        return None
    days = [
        (
            last_weekday(reference, WEEKDAYS.index(d.group(1).lower()), day_after=exact),
            bool(POSSESSIVE.match(text, d.end())),
        )
        for d in named
    ]
    own = [day for day, possessive in days if not possessive]
    earlier = [day for day, possessive in days if possessive]
    if own and (not earlier or earlier[0] <= own[0] <= reference):
        return own[0]
    if not own and ANOTHER_EVENT.search(text[: named[0].start()]):
        return None  # "announced ... after the winner of Saturday's election": not Saturday's
    return days[0][0]


POSSESSIVE = re.compile(r"['’]s\b")
# A possessive weekday after these names another event than the sentence's own: "minutes after
# the Gabonese Election Centre announced Bongo as the winner of Saturday's election".
ANOTHER_EVENT = re.compile(
    r"\b(?:after|since|following|before|ahead of|winner of|results? of|outcome of|aftermath of|"
    r"wake of)\s+(?:the\s+)?$",
    re.I,
)


def next_weekday(reference: dt.date, weekday: int) -> dt.date:
    """The first given weekday after the reference date ("next Monday", "will meet on Monday")."""
    return reference + dt.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def last_weekday(reference: dt.date, weekday: int, *, day_after: bool = True) -> dt.date:
    """The most recent given weekday on or before the reference date (news reports the past),
    except the day after it: "said Monday" in a story dated Sunday was updated on Monday (or
    dated in another time zone); six days back, news writes "last Monday". Not when the
    reference is itself a guess (`day_after` False): a crawl's date bounded by the day briefed
    puts no event after that day."""
    if day_after and (reference + dt.timedelta(days=1)).weekday() == weekday:
        return reference + dt.timedelta(days=1)
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
