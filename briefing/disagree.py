"""Where sources differ on the same fact: numbers and durations, and the wording of a quote.

Deterministic: "the nearly four-year war" and "the three-and-a-half-year war" are two values of
one measure (years of the war) in two articles; "rather useful, constructive" and "extremely
useful, constructive" are two wordings of one remark by the same speaker. Every variant cites
the sentences it comes from, so a reader can check each side.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .ground import evidence
from .models import Difference, Quote, Sentence, Variant
from .text.match import match_key
from .text.numbers import NUMBER_WORDS, ORDINALS

# Nouns that name the same thing; a measure is compared only with measures of the same thing.
SAME_THING = {
    "war": "war", "conflict": "war", "invasion": "war", "fighting": "war",
    "talks": "talks", "meeting": "talks", "session": "talks", "conversation": "talks",
    "negotiations": "talks", "discussions": "talks", "summit": "talks", "encounter": "talks",
    "plan": "plan", "proposal": "plan", "framework": "plan", "peace": "plan",
}  # fmt: skip
UNITS = r"(?P<unit>year|month|week|day|hour|minute|point)s?"
NUM = r"(?P<num>\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")(?P<half>-and-a-half| and a half)?"
QUALIFIER = r"(?P<qual>(?:nearly|almost|about|around|roughly|more than|over|at least|some)\s+)?"
MEASURE = re.compile(
    rf"\b{QUALIFIER}{NUM}[- ]{UNITS}(?:[- ]long|[- ]old)?(?:\s+of)?\s+(?:\w+\s+)?"
    rf"(?P<noun>{'|'.join(SAME_THING)})\b",
    re.I,
)
ORDINAL = re.compile(rf"\b(?P<ord>{'|'.join(ORDINALS)})\s+{UNITS}\b", re.I)
STOPWORDS = {
    "that", "this", "with", "have", "been", "were", "from", "they", "their", "there", "what",
    "which", "would", "could", "should", "about", "some", "than", "then", "also", "only",
    "into", "more", "much", "very", "said", "will", "just", "both", "such", "them", "these",
    "those", "your", "ours", "hasn", "didn", "doesn", "don’t", "it’s", "that’s",
}  # fmt: skip
WORDS = re.compile(r"[\w’'-]+")


def differences(sentences: list[Sentence], quotes: list[Quote]) -> list[Difference]:
    """Numbers and quote wordings that differ between articles, each side cited."""
    return [*measure_differences(sentences), *quote_differences(sentences, quotes)]


# --- numbers and durations ----------------------------------------------------------------------


def measures(text: str) -> list[tuple[str, str, str, str]]:
    """(thing, unit, value key, verbatim span) for each measure the sentence states."""
    found = []
    for match in MEASURE.finditer(text):
        noun = match.group("noun").lower()
        if noun not in SAME_THING:
            continue
        raw = match.group("num").lower()
        value = float(NUMBER_WORDS.get(raw, 0) or raw) + (0.5 if match.group("half") else 0)
        qualifier = (match.group("qual") or "").strip().lower()
        key = f"{qualifier} {value:g}".strip()
        found.append((SAME_THING[noun], match.group("unit").lower(), key, match.group(0)))
    for match in ORDINAL.finditer(text):
        before = [w.lower() for w in WORDS.findall(text[: match.start()])]
        things = [SAME_THING[w] for w in before if w in SAME_THING]
        if things:
            number = ORDINALS[match.group("ord").lower()]
            span = text[max(0, match.start() - 25) : match.end()].split(" ", 1)[-1]
            found.append((things[-1], match.group("unit").lower(), f"in its {number}th", span))
    return found


def measure_differences(sentences: list[Sentence]) -> list[Difference]:
    # (thing, unit) -> value key -> [(span, sentence)]
    table: dict[tuple[str, str], dict[str, list[tuple[str, Sentence]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for sentence in sentences:
        for thing, unit, key, span in measures(sentence.text):
            table[(thing, unit)][key].append((span, sentence))
    result = []
    for (thing, unit), values in table.items():
        articles = {s.article_id for found in values.values() for _, s in found}
        if len(values) < 2 or len(articles) < 2:
            continue
        variants = [
            Variant(text=found[0][0], evidence=[evidence(s) for _, s in found])
            for found in values.values()
        ]
        result.append(Difference(about=f"the {thing} ({unit}s)", kind="number", variants=variants))
    return result


# --- wording of a quote -------------------------------------------------------------------------


def content_words(text: str) -> list[str]:
    words = [w.lower().strip("’'-") for w in WORDS.findall(text)]
    return [w for w in dict.fromkeys(words) if len(w) >= 4 and w not in STOPWORDS]


def wording_in(sentence: str, words: list[str]) -> str | None:
    """The stretch of the sentence that carries at least half (two or more) of the words: from
    two words before the first to the last."""
    tokens = list(WORDS.finditer(sentence))
    hits = [i for i, t in enumerate(tokens) if t.group().lower().strip("’'-") in words]
    if len({tokens[i].group().lower() for i in hits}) < max(2, (len(words) + 1) // 2):
        return None
    start, end = tokens[max(0, hits[0] - 2)].start(), tokens[hits[-1]].end()
    # Never start before an opening quotation mark that the wording follows.
    opener = max(sentence.rfind(mark, start, tokens[hits[0]].start()) for mark in '“"')
    return sentence[opener + 1 if opener >= 0 else start : end]


def quote_differences(sentences: list[Sentence], quotes: list[Quote]) -> list[Difference]:
    result: list[Difference] = []
    used: set[str] = set()
    said_by: dict[str | None, set[str]] = defaultdict(set)
    for quote in quotes:
        said_by[quote.speaker] |= {e.sentence_id for e in quote.evidence}
    for quote in quotes:
        words = content_words(quote.text)
        if len(words) < 2 or len(words) > 8 or not quote.speaker:
            continue
        surname = quote.speaker.split()[-1]
        home = {e.article_id for e in quote.evidence}
        variants = {match_key(quote.text): Variant(text=quote.text, evidence=quote.evidence)}
        for sentence in sentences:
            if sentence.article_id in home:
                continue
            if surname not in sentence.text and sentence.id not in said_by[quote.speaker]:
                continue
            wording = wording_in(sentence.text, words)
            if wording is None or match_key(quote.text) in match_key(sentence.text):
                continue
            key = match_key(wording)
            old = variants.get(key)
            cited = [*(old.evidence if old else []), evidence(sentence)]
            variants[key] = Variant(text=old.text if old else wording, evidence=cited)
        ids = {e.sentence_id for v in variants.values() for e in v.evidence}
        if len(variants) < 2 or ids & used:
            continue
        used |= ids
        about = f"{quote.speaker}’s words"
        result.append(Difference(about=about, kind="quote", variants=list(variants.values())))
    return result
