"""Amounts read from news text: a number in digits or words, its scale ("2.5bn", "3 billion"),
its qualifier ("at least", "about", "up to") and the range a reader takes it to mean, a range
("5-7"), and its unit (a currency, a percent, a count); dates, times, years, ages and list
numbers are not amounts. What an amount counts is read in `text.quantities`.
"""

from __future__ import annotations

import re

from .. import settings
from .dates import MONTHS
from .numbers import NUMBER_IN_WORDS, ROUND_WORDS, words_value

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# Currency words and signs -> ISO-like code; a value is compared only with one in its currency.
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "sterling": "GBP",
    "chf": "CHF", "sfr": "CHF", "francs": "CHF", "franc": "CHF", "swiss francs": "CHF",
    "centimes": "CHF-cent", "rappen": "CHF-cent", "cents": "USD-cent",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rmb": "CNY", "rupees": "INR", "won": "KRW",
}  # fmt: skip
# Qualifier -> (low, high) factors around the stated value: the range a reader takes it to mean.
# "more than 5,200" says little above 5,200 and "nearly four" little below four; wider readings
# would make every pair of figures compatible. Two approximations are read closer (APPROXIMATE).
QUALIFIERS = {
    "at least": (1.0, 1.3), "more than": (1.0, 1.3), "over": (1.0, 1.3), "exceeding": (1.0, 1.3),
    "in excess of": (1.0, 1.3), "upwards of": (1.0, 1.3), "above": (1.0, 1.3),
    "about": (0.9, 1.1), "around": (0.9, 1.1), "roughly": (0.9, 1.1), "some": (0.9, 1.1),
    "approximately": (0.9, 1.1), "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15),
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0), "just under": (0.9, 1.0),
    "up to": (0.7, 1.0), "as many as": (0.7, 1.0), "as much as": (0.7, 1.0),
    "fewer than": (0.7, 1.0), "less than": (0.7, 1.0), "under": (0.7, 1.0),
}  # fmt: skip

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "3 billion", "US$44-billion", "2.5bn"
_SCALE = r"(?:[\s-]?(?:thousand|million|billion|trillion)|(?:k|m|mn|mln|bn|b|tn)(?![\w-]))"
_CURRENCY_BEFORE = r"(?:US\$|\$|€|£|¥|CHF|SFr\.?|USD|EUR|GBP)\s?"
_CURRENCY_AFTER = (
    r"\s(?:Swiss\s)?(?:francs?|dollars?|euros?|pounds(?:\ssterling)?|yuan|yen|rupees|won"
    r"|centimes|rappen|cents)\b"
)
_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_NUM = rf"(?:{_DIGITS}|{NUMBER_IN_WORDS})"
QUANTITY = re.compile(
    rf"(?<![\w$€£.,-])(?:(?P<qual>{_QUALIFIER})\s+|(?P<between>between)\s+)?"
    rf"(?P<cur>{_CURRENCY_BEFORE})?(?P<num>{_NUM})(?P<scale>{_SCALE})?"
    # A range: "5-7", "18,000 to 20,000", and "between five and seven".
    rf"(?:(?:\s?(?:-|–|to)\s?|(?(between)\s+and\s+|(?!)))"
    rf"(?:{_CURRENCY_BEFORE})?(?P<num2>{_NUM})(?P<scale2>{_SCALE})?)?"
    rf"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?(?P<cur2>{_CURRENCY_AFTER})?",
    re.I,
)

TIME_WORDS = re.compile(
    r"^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)"
    r"|a\.m\.|p\.m\.|am|pm|GMT|UTC|BST|CET)\b",
    re.I,
)
# The month names and abbreviations of the one date grammar.
_MONTH = r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
MONTH_BEFORE = re.compile(_MONTH + r"\.?\s*$", re.I)
MONTH_AFTER = re.compile(_MONTH, re.I)


def number_value(raw: str) -> float | None:
    raw = raw.lower().replace(",", "")
    if raw[:1].isalpha():
        return words_value(raw)
    try:
        return float(raw)
    except ValueError:
        return None


def precision(raw: str, scale: float) -> float:
    """Half a unit of the last digit written: "11,300" reads 11,250-11,350; "145.5m" is exact to
    50,000. A number written as a word is exact ("twelve"), a round word about that many
    ("a dozen", "fifteen hundred")."""
    raw = raw.replace(",", "")
    if not raw[:1].isdigit():
        value = words_value(raw) or 0.0
        return 0.1 * value * scale if ROUND_WORDS.search(raw) else 0.0
    if "." in raw:
        half = 0.5 * 10 ** -len(raw.split(".")[1]) * scale
    else:
        zeros = len(raw) - len(raw.rstrip("0")) if raw != "0" else 0
        half = 0.5 * 10 ** min(zeros, 2) * scale
    # "3 billion" is not "2.5 to 3.5 billion": a round figure is still within a few percent.
    return min(half, settings.current().figure_tolerance * float(raw) * scale)


def unit_of(match: re.Match[str]) -> str:
    if match.group("pct"):
        return "percent"
    for group in ("cur", "cur2"):
        raw = (match.group(group) or "").strip().lower().rstrip(".")
        raw = re.sub(r"\s+", " ", raw)
        if raw:
            return CURRENCIES.get(raw, CURRENCIES.get(raw.split()[-1], raw))
    return "count"


# A sentence that weighs something: its "pounds" are a weight ("weighs about 8,000 pounds", "a
# mass of 19,000 pounds"), where "fined 8,000 pounds" is money.
WEIGHED = re.compile(r"\b(?:weigh\w*|mass of|payload)\b", re.I)


def not_a_measure(sentence: str, match: re.Match[str]) -> bool:
    """Dates, times, years, ages, sizes and list numbers are not measures of a thing."""
    after = sentence[match.end() : match.end() + 14].lstrip(" -")
    before = sentence[max(0, match.start() - 12) : match.start()]
    if WEIGHED.search(sentence) and re.search(r"pounds", match.group("cur2") or "", re.I):
        return True  # "the station weighs about 8,000 pounds": a weight, not money
    if match.group("cur") or match.group("cur2") or match.group("pct") or match.group("scale"):
        return False
    if re.fullmatch(r"(?:1[89]|20)\d\d", match.group("num")):
        return True  # a year ("2000"; "2,000" is a count)
    if MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
        return True  # "Sept. 7", "7 September"
    if TIME_WORDS.match(after) or re.match(r"[:/]\d", sentence[match.end() : match.end() + 2]):
        # Durations are read by disagree/durations.py; clock times and dates are not figures.
        return True
    if re.match(r"-?year-old|-?(?:st|nd|rd|th)\b", after, re.I):
        return True
    if re.match(r"-seat(?:er)?\b", sentence[match.end() :], re.I):
        return True  # "a 72-seater aircraft": its size, not the people aboard
    # "Irene Steinberg, 51;": an age
    return bool(re.search(r"[A-Z][\w.’'-]*,\s*$", before) and re.match(r"[,;.)]", after or "."))
