"""Figures a sentence states ("11,300 dead", "300 troops"), read with what they count.

Used to see figures that changed between briefs (changes.py): "11,300 dead" in one brief and
"3,958 people have died" in the next are one count that changed.
"""

from __future__ import annotations

import re

from .models import Item

# A figure: digits (thousands separated), maybe "million"; what it counts is read around it.
FIGURE = re.compile(
    r"(?<![\w.,:/-])([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion|thousand))?"
    r"(?![\w%]|[.,:/-]\d|\s*(?:%|percent|per cent))",  # not a part of a date, time or score
    re.I,
)
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}

# News counts the same toll in many words: each group is one thing counted.
COUNTED = {
    "dead": {"dead", "deaths", "death", "died", "killed", "fatalities", "casualties", "toll",
             "lives", "bodies"},
    "missing": {"missing", "unaccounted"},
    "injured": {"injured", "wounded", "hurt", "injuries"},
    "displaced": {"displaced", "homeless", "evacuated"},
}  # fmt: skip
SUBJECT_OF = {word: subject for subject, words in COUNTED.items() for word in words}

# Words between a figure and the noun it counts: "300 more troops", "$100 billion a year".
FILLERS = {"more", "other", "additional", "extra", "new", "a", "an", "per", "of", "the", "some"}
MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.I)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?", re.I)
CALENDAR = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
                      r"sat|sun|am$|pm$|gmt$|utc$)", re.I)  # fmt: skip


def figures(text: str) -> list[tuple[str, float, str]]:
    """(what is counted, value, figure as shown) for each count a sentence states.

    Years, dates, percentages and numbers under 10 are not counts. A toll counted in other words
    ("3,958 people have died", "the death toll rose to 11,300") is one subject ("dead"); any other
    count is of the noun right after it ("300 troops"). A general, simple reading, meant to be
    replaced by the shared quantity parser when there is one."""
    found = []
    for match in FIGURE.finditer(text):
        raw, scale = match.group(2), (match.group(3) or "").strip().lower()
        value = float(raw.replace(",", "")) * MULTIPLIERS.get(scale, 1)
        year = "," not in raw and 1900 <= value <= 2100 and not match.group(1) and not scale
        if (value < 10 and not match.group(1)) or year or MONTHS.search(text[: match.start()]):
            continue
        after = WORD.findall(re.split(r"[,;:.()\d]", text[match.end() :], maxsplit=1)[0])
        before = WORD.findall(re.split(r"[,;:.()]|\d", text[: match.start()])[-1])
        figure = match.group(0).strip()
        counted = [SUBJECT_OF[w.lower()] for w in after[:5] if w.lower() in SUBJECT_OF]
        named_before = [SUBJECT_OF[w.lower()] for w in before[-12:] if w.lower() in SUBJECT_OF]
        counted = counted or named_before[-1:]
        if counted:
            found.append((counted[0], value, f"{figure} {counted[0]}"))
            continue
        nouns = [w for w in after[:3] if w.lower() not in FILLERS]
        if nouns and len(nouns[0]) > 2 and not CALENDAR.match(nouns[0]):
            span = " ".join(after[: after.index(nouns[0]) + 1])
            found.append((nouns[0].lower().removesuffix("s"), value, f"{figure} {span}"))
    return found


def first_change(
    stated: list[tuple[str, float, str]], earlier: dict[str, list[tuple[float, str, Item]]]
) -> tuple[tuple[str, Item], tuple[str, str]] | None:
    """((earlier figure, its finding), (subject, figure now)) of the first count that changed."""
    for subject, value, written in stated:
        before = earlier.get(subject, [])
        if before and all(v != value for v, _, _ in before):
            return (before[0][1], before[0][2]), (subject, written)
    return None
