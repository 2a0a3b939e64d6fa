"""Where sources differ on the same fact: numbers and durations, and the wording of a quote.

Deterministic: "the nearly four-year war" and "the three-and-a-half-year war" are two values of
one measure (years of the war) in two articles; "rather useful, constructive" and "extremely
useful, constructive" are two wordings of one remark by the same speaker. Every variant cites
the sentences it comes from, so a reader can check each side.

Each kind of fact is compared in its own module: `durations` (lengths and ages: "a month-long
trial"), `counts` (counts, amounts and rates tied to what they count, and the story's key
figures), `answers` (facts such as a ship's flag or the day of an event), `wordings` (the
wording of a quote).
"""

from __future__ import annotations

import datetime as dt

from ..models import Difference, Quote, Sentence, Variant
from .answers import claim_differences
from .counts import ROUNDED, Stated, key_figures, quantity_differences, read_story
from .durations import measure_differences
from .wordings import quote_differences

__all__ = [
    "ROUNDED", "Stated", "differences", "key_figures", "read_story", "sentences_shown",
    "words_shown",
]  # fmt: skip


def story_year(published: dict[str, dt.date | None] | None) -> int | None:
    """The year of the story's latest article, when any is dated."""
    dates = [d for d in (published or {}).values() if d]
    return max(dates).year if dates else None


def differences(
    sentences: list[Sentence],
    quotes: list[Quote],
    published: dict[str, dt.date | None] | None = None,
    stated: Stated | None = None,
) -> list[Difference]:
    """Numbers, claims and quote wordings that differ between articles, each side cited.
    `published` (article id -> date) reads a weekday as a date; `stated` is the story's figures
    when already read (read_story), so that key figures and differences read them once."""
    return [
        *measure_differences(sentences),
        *quantity_differences(sentences, stated, story_year(published)),
        *claim_differences(sentences, published or {}),
        *quote_differences(sentences, quotes),
    ]


def sentences_shown(found: list[Difference]) -> frozenset[str]:
    """The sentences that state a contested figure: the figure, what it counts and its source
    are read on its difference's line. (A quote's wording or a claim is a few words of a
    sentence that says more: "Ushakov called the five-hour conversation 'rather useful' but
    added that ...".)"""
    return frozenset(e.sentence_id for v in figures_of(found) for e in v.evidence)


def words_shown(found: list[Difference]) -> int:
    """About the words the differences take: each value's words and its source and citation."""
    return sum(
        len(v.text.split()) + len(" ".join(v.said_by).split()) + VALUE_OVERHEAD
        for d in found
        for v in d.variants
    )


def figures_of(found: list[Difference]) -> list[Variant]:
    return [v for d in found if d.kind == "number" for v in d.variants]


VALUE_OVERHEAD = 3  # "(AFP) [1:s4]" beside a value
