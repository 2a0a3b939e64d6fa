"""Numbers written as words, as news copy states durations and counts."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS})"
# A number in words as news writes counts: "twelve", "twenty-five", "three hundred", "one hundred
# and twelve", "a dozen", "two dozen" ("hundreds", "dozens" are no number).
NUMBER_IN_WORDS = (
    rf"(?:(?:a|{_SMALL})\s+hundred(?:\s+(?:and\s+)?{_SMALL}(?!\s+(?:hundred|dozen)\b))?(?![\w-])"
    rf"|(?:half\s+a|a|{_SMALL})\s+dozen(?![\w-])|{_SMALL}(?![\w-])|hundred(?![\w-]))"
    # not the first word of "two and a half million": a number this grammar does not read
    r"(?!\s+and\s+a\s+half\b)"
)
# Round words: "a dozen", "a hundred", "fifteen hundred" are about that many ("five hundred and
# six" is exact).
ROUND_WORDS = re.compile(r"\b(?:dozen|hundred)$", re.I)


def words_value(text: str) -> float | None:
    """The value of a number in words: "one hundred and twelve" is 112, "two dozen" 24."""
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["half", "a"]:  # "half a dozen"
        rest = words_value(" ".join(words[2:]))
        return None if rest is None else rest / 2
    total = 0.0
    for word in words:
        if word == "and":
            continue
        if word == "a":
            total += 1
        elif word == "hundred":
            total = (total or 1) * 100
        elif word == "dozen":
            total = (total or 1) * 12
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS[word]
        else:
            return None
    return total
