"""Where sources differ on the same fact: numbers and durations, and the wording of a quote.

Deterministic: "the nearly four-year war" and "the three-and-a-half-year war" are two values of
one measure (years of the war) in two articles; "rather useful, constructive" and "extremely
useful, constructive" are two wordings of one remark by the same speaker. Every variant cites
the sentences it comes from, so a reader can check each side.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict

from . import settings
from .claims import claims
from .ground import evidence
from .models import Difference, KeyFigure, Quote, Sentence, Variant
from .text.match import match_key
from .text.numbers import NUMBER_WORDS, ORDINALS
from .text.quantities import Quantity, quantities_in_order

# Nouns that name the same thing; a measure is compared only with measures of the same thing.
SAME_THING = {
    "war": "war", "conflict": "war", "invasion": "war", "fighting": "war",
    "talks": "talks", "meeting": "talks", "session": "talks", "conversation": "talks",
    "negotiations": "talks", "discussions": "talks", "summit": "talks", "encounter": "talks",
    "plan": "plan", "proposal": "plan", "framework": "plan", "peace": "plan",
    "trial": "trial", "strike": "strike", "siege": "siege", "blockade": "blockade",
    "lockdown": "lockdown", "standoff": "standoff", "shutdown": "shutdown", "outage": "outage",
    "search": "search", "investigation": "investigation", "probe": "investigation",
    "campaign": "campaign", "drought": "drought", "crisis": "crisis",
}  # fmt: skip
# The age of an organisation ("the 167-year-old bank") is a fact sources can disagree on; the
# ages of people are left alone: a story has many people and an age names one of them.
AGED = {
    "bank": "bank", "lender": "bank", "institution": "bank", "company": "company",
    "firm": "company", "group": "company", "business": "company", "newspaper": "company",
    "party": "party", "club": "club", "brand": "company",
}  # fmt: skip
DAYS = {"year": 365, "month": 30, "week": 7, "day": 1, "hour": 1 / 24, "minute": 1 / 1440}
UNITS = r"(?P<unit>year|month|week|day|hour|minute|point)s?"
NUM = r"(?P<num>\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")(?P<half>-and-a-half| and a half)?"
QUALIFIER = r"(?P<qual>(?:nearly|almost|about|around|roughly|more than|over|at least|some)\s+)?"
MEASURE = re.compile(
    rf"\b{QUALIFIER}{NUM}[- ]{UNITS}(?:[- ]long|[- ]old)?(?:\s+of)?\s+(?:\w+\s+)?"
    rf"(?P<noun>{'|'.join(SAME_THING)})\b",
    re.I,
)
AGE = re.compile(
    rf"\b{QUALIFIER}{NUM}[- ]year[- ]old\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{'|'.join(AGED)})\b", re.I
)
# "the month-long trial", "a monthlong trial": one unit, no number written.
LONG = re.compile(
    rf"(?<![\w-])(?P<unit>year|month|week|day)[- ]?long\s+(?:\w+\s+)?"
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


def differences(
    sentences: list[Sentence],
    quotes: list[Quote],
    published: dict[str, dt.date | None] | None = None,
) -> list[Difference]:
    """Numbers, claims and quote wordings that differ between articles, each side cited.
    `published` (article id -> date) reads a weekday as a date."""
    return [
        *measure_differences(sentences),
        *quantity_differences(sentences),
        *claim_differences(sentences, published or {}),
        *quote_differences(sentences, quotes),
    ]


# --- numbers and durations ----------------------------------------------------------------------


def measures(text: str) -> list[tuple[str, str, str, str]]:
    """(thing, unit, value key, verbatim span) for each measure the sentence states."""
    found = []
    for match in MEASURE.finditer(text):
        noun = match.group("noun").lower()
        if noun not in SAME_THING or re.search(r"[- ]old\b", match.group(0), re.I):
            continue
        raw = match.group("num").lower()
        value = float(NUMBER_WORDS.get(raw, 0) or raw) + (0.5 if match.group("half") else 0)
        found.append(measure(SAME_THING[noun], match.group("unit"), value, match))
    for match in LONG.finditer(text):
        thing = SAME_THING[match.group("noun").lower()]
        found.append(measure(thing, match.group("unit"), 1, match))
    for match in AGE.finditer(text):
        raw = match.group("num").lower()
        value = float(NUMBER_WORDS.get(raw, 0) or raw)
        found.append((f"age of the {AGED[match.group('noun').lower()]}", "year", f"{value:g}",
                      match.group(0)))  # fmt: skip
    for match in ORDINAL.finditer(text):
        before = [w.lower() for w in WORDS.findall(text[: match.start()])]
        things = [SAME_THING[w] for w in before if w in SAME_THING]
        if things:
            number = ORDINALS[match.group("ord").lower()]
            span = text[max(0, match.start() - 25) : match.end()].split(" ", 1)[-1]
            unit = "day" if match.group("unit").lower() in DAYS else match.group("unit").lower()
            found.append((things[-1], unit, f"in its {number}th", span))
    return found


def measure(thing: str, unit: str, value: float, match: re.Match[str]) -> tuple[str, str, str, str]:
    """A duration in days, so that "a month-long trial" and "a five-week trial" are compared."""
    qualifier = (match.groupdict().get("qual") or "").strip().lower()
    days = value * DAYS.get(unit.lower(), 1)
    key = f"{qualifier} {days:.4g}".strip() if unit.lower() in DAYS else f"{qualifier} {value:g}"
    return (thing, "day" if unit.lower() in DAYS else unit.lower(), key, match.group(0))


def measure_differences(sentences: list[Sentence]) -> list[Difference]:
    # (thing, unit) -> value key -> [(span, sentence)]
    table: dict[tuple[str, str], dict[str, list[tuple[str, Sentence]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for sentence in sentences:
        for thing, unit, key, span in measures(sentence.text):
            table[(thing, unit)][key].append((span, sentence))
    result = []
    for (thing, _unit), values in table.items():
        articles = {s.article_id for found in values.values() for _, s in found}
        if len(values) < 2 or len(articles) < 2:
            continue
        variants = [
            Variant(text=found[0][0], evidence=[evidence(s) for _, s in found])
            for found in values.values()
        ]
        about = thing if thing.startswith("age") else f"length of the {thing}"
        result.append(Difference(about=about, kind="number", variants=variants))
    return result


# --- counts, amounts and rates -----------------------------------------------------------------

# How a measured thing is named in a briefing line.
LABELS = {
    "dead": "Death toll", "missing": "Missing", "injured": "Injured", "displaced": "Displaced",
    "affected": "People affected", "people": "People", "price": "Deal value", "support": "Support",
    "losses": "Losses", "fine": "Fine", "finance": "Finance", "price per share": "Price per share",
}  # fmt: skip


def stated_quantities(sentences: list[Sentence]) -> list[tuple[Quantity, Sentence]]:
    """Every number with a known measured thing, with the sentence that states it."""
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_article[sentence.article_id].append(sentence)
    found = []
    for mine in by_article.values():
        stated = quantities_in_order([s.text for s in mine])
        for sentence, quantities in zip(mine, stated, strict=True):
            found.extend((q, sentence) for q in quantities if q.thing)
    return found


def quantity_groups(
    found: list[tuple[Quantity, Sentence]],
) -> dict[tuple[str, str | None], list[tuple[Quantity, Sentence]]]:
    """Numbers of the same thing in the same place. A count with no place ("143 million
    people") joins the placed group it agrees with, so it is not compared with Britons."""
    groups: dict[tuple[str, str | None], list[tuple[Quantity, Sentence]]] = defaultdict(list)
    for quantity, sentence in found:
        groups[(quantity.thing, quantity.place)].append((quantity, sentence))
    for (thing, place), members in list(groups.items()):
        if place is not None:
            continue
        for quantity, sentence in list(members):
            home = next(
                (
                    key
                    for key, others in groups.items()
                    if key[0] == thing
                    and key[1] is not None
                    and any(q.unit == quantity.unit and near(q, quantity) for q, _ in others)
                ),
                None,
            )
            if home is not None:
                groups[home].append((quantity, sentence))
                groups[(thing, None)].remove((quantity, sentence))
    return {key: members for key, members in groups.items() if members}


def near(a: Quantity, b: Quantity) -> bool:
    """Within a fifth of each other: the same figure, perhaps revised."""
    ratio = settings.current().same_figure
    return a.value > 0 and b.value > 0 and max(a.value, b.value) / min(a.value, b.value) <= ratio


def conflicting(members: list[tuple[Quantity, Sentence]]) -> bool:
    """Two sources give values of one unit that cannot both be true. One article counts as two
    sources only where it sets a figure against another's ("lower than the 20,000 ... gave")."""
    return any(
        a.unit == b.unit
        and (sa.article_id != sb.article_id or a.rival or b.rival)
        and not a.compatible(b)
        for n, (a, sa) in enumerate(members)
        for b, sb in members[n + 1 :]
    )


def value_key(quantity: Quantity) -> str:
    return f"{quantity.qualifier}|{quantity.low:g}|{quantity.high:g}|{quantity.unit}"


NAME = re.compile(r"(?<=[\w,;:’'”\"]\s)([A-Z][a-z][\w-]*)")
NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "The", "Mr", "Mrs", "Ms", "Dr", "President", "Minister",
    # Words that open sentences without naming anything.
    "A", "An", "This", "These", "That", "Those", "It", "Its", "He", "She", "They", "We", "I",
    "In", "On", "At", "By", "For", "From", "With", "But", "And", "Or", "As", "After", "Before",
    "While", "When", "Since", "So", "Some", "Many", "Most", "All", "Meanwhile", "Earlier",
    "Later", "However", "According", "Even", "If", "Although", "Still", "Yet", "Now", "Then",
    "There", "Here", "What", "Who", "Why", "How", "Last", "Next", "One", "Two", "Three",
    "About", "Around", "Nearly", "Almost", "More", "Over", "Up", "Roughly", "Approximately",
    "Fewer", "Less", "Under", "Only", "Just", "Another", "Further", "Nearby",
}  # fmt: skip


def name_of(word: str) -> str:
    """ "Libya’s" is Libya."""
    return re.sub(r"[’']s?$", "", word)


# News moves to a parallel event with these openers.
TOPIC_SHIFT = re.compile(r"\s*(?:Meanwhile|Separately|Elsewhere|In other news|In a separate)\b")
PREPOSITIONS = {"in", "at", "on", "from", "of", "near", "outside", "inside", "to", "for", "by"}


class StoryNames:
    """The names of a story: those that half its articles mention (what the story is about) and
    those only one article mentions (often another event it recalls)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        seen: dict[str, set[str]] = defaultdict(set)
        self.lower: set[str] = set()
        for sentence in sentences:
            for word in WORDS.findall(sentence.text):
                if word[:1].islower():
                    self.lower.add(word)
                elif word[:1].isupper():
                    seen[name_of(word)].add(sentence.article_id)
        articles = len({s.article_id for s in sentences})
        self.main = {n for n, ids in seen.items() if len(ids) >= max(2, articles / 2)}
        self.once = {n for n, ids in seen.items() if len(ids) == 1}

    def about_the_story(self, sentence: Sentence) -> bool:
        """A sentence that leads with a name no other article knows ("Yahoo disclosed a breach
        that affected one billion accounts") or turns to another event ("Meanwhile, ...") gives
        figures of another event, not rival figures."""
        if TOPIC_SHIFT.match(sentence.text):
            return False
        return self.lead_name(sentence.text) not in self.once

    def elsewhere(self, sentence: Sentence) -> bool:
        """Names only what one article mentions and nothing the story is about: often another
        event the article recalls ("a breach at the hookup site Adult Friend Finder")."""
        named = {n for n in NAME.findall(sentence.text) if n not in NOT_NAMES}
        return bool(named & self.once) and not named & self.main

    def lead_name(self, text: str) -> str | None:
        """The name a sentence opens with (its subject, most often), if any."""
        for word in WORDS.findall(text)[:3]:
            if word.lower() in PREPOSITIONS:
                return None  # "in a Manhattan court": a place, not who the sentence is about
            word = name_of(word)
            capitalized = word[:1].isupper() and word[1:2].islower()  # not "HACKERS" or "AP"
            if capitalized and word.lower() not in self.lower and word not in NOT_NAMES:
                return word
        return None


def quantity_differences(sentences: list[Sentence]) -> list[Difference]:
    """One difference per measured thing that sources state with incompatible values, listing
    every value stated for it with the sentences that state it."""
    names = StoryNames(sentences)
    found = [
        (q, s)
        for q, s in stated_quantities(sentences)
        if q.comparable and not q.increment and names.about_the_story(s)
    ]
    result = []
    for (thing, place), members in quantity_groups(found).items():
        if not conflicting(members):
            continue
        variants: dict[str, Variant] = {}
        for quantity, sentence in sorted(members, key=lambda m: (m[0].unit, m[0].value)):
            key = value_key(quantity)
            old = variants.get(key)
            cited = [*(old.evidence if old else []), evidence(sentence)]
            variants[key] = Variant(text=old.text if old else quantity.phrase, evidence=cited)
        about = label(thing, place)
        result.append(Difference(about=about, kind="number", variants=list(variants.values())))
    return result


def key_figures(sentences: list[Sentence], size: int | None = None) -> list[KeyFigure]:
    """The counts, amounts and rates of a story: one line per measured thing with its most
    cited value (the others are under "Where sources differ"), the most cited things first."""
    names = StoryNames(sentences)
    found = [
        (q, s)
        for q, s in stated_quantities(sentences)
        if q.thing != "people"
        and not q.increment
        and names.about_the_story(s)
        and not names.elsewhere(s)
    ]
    figures = []
    for (thing, place), members in quantity_groups(found).items():
        by_value: dict[str, list[tuple[Quantity, Sentence]]] = defaultdict(list)
        for quantity, sentence in members:
            by_value[value_key(quantity)].append((quantity, sentence))
        best = min(
            by_value.values(),
            key=lambda found: (
                -len({s.article_id for _, s in found}),
                min(s.number for _, s in found),
            ),
        )
        quantity, sentence = best[0]
        figures.append(
            KeyFigure(
                about=label(thing, place),
                value=quantity.phrase,
                text=clause_of(sentence.text, quantity),
                evidence=list({s.id: evidence(s) for _, s in best}.values()),
            )
        )
    size = settings.current().key_figures if size is None else size
    return sorted(figures, key=lambda f: (-len(f.article_ids), first_sentence(f)))[:size]


def label(thing: str, place: str | None) -> str:
    return LABELS.get(thing, thing.capitalize()) + (f" ({place})" if place else "")


def first_sentence(figure: KeyFigure) -> int:
    return min(int(e.sentence_id.rsplit(".s", 1)[1]) for e in figure.evidence)


def clause_of(text: str, quantity: Quantity, limit: int | None = None) -> str:
    """The sentence that states the figure, or the `limit` words around the figure in a long
    one; verbatim."""
    limit = settings.current().figure_words if limit is None else limit
    words = text.split(" ")
    if len(words) <= limit + 4:
        return text
    at = len(text[: quantity.start].split(" ")) - 1
    first = max(0, min(at - limit // 2, len(words) - limit))
    return " ".join(words[first : first + limit]).strip(" ,;")


# --- claims ------------------------------------------------------------------------------------

ATTRIBUTED = re.compile(r"\baccording to\b|\b(?:reported|said|says)\b", re.I)


def claim_differences(
    sentences: list[Sentence], published: dict[str, dt.date | None]
) -> list[Difference]:
    """Facts (a ship's flag, the day of an event) that two sources answer differently. One
    article counts as two sources only where it attributes one answer to someone else."""
    table: dict[str, dict[str, list[tuple[str, Sentence]]]] = defaultdict(lambda: defaultdict(list))
    for sentence in sentences:
        for claim in claims(sentence.text, published.get(sentence.article_id)):
            table[claim.about][claim.value].append((claim.span, sentence))
    result = []
    for about, values in table.items():
        if len(values) < 2 or not two_sources(values):
            continue
        variants = [
            Variant(text=found[0][0], evidence=list({s.id: evidence(s) for _, s in found}.values()))
            for found in values.values()
        ]
        result.append(Difference(about=about, kind="claim", variants=variants))
    return unique(result)


def two_sources(values: dict[str, list[tuple[str, Sentence]]]) -> bool:
    answers = [
        {s.article_id + ("+" if ATTRIBUTED.search(s.text) else "") for _, s in found}
        for found in values.values()
    ]
    return any(a != b or len(a | b) > 1 for n, a in enumerate(answers) for b in answers[n + 1 :])


def unique(found: list[Difference]) -> list[Difference]:
    """One difference per pair of sentences: "the storm hit on Sunday night, the dams collapsed"
    is one disagreement about one night, not two."""
    kept: list[tuple[set[str], Difference]] = []
    for difference in found:
        ids = {e.sentence_id for v in difference.variants for e in v.evidence}
        if all(len(ids & other) < 2 for other, _ in kept):
            kept.append((ids, difference))
    return [difference for _, difference in kept]


# --- wording of a quote -------------------------------------------------------------------------


def content_words(text: str) -> list[str]:
    words = [w.lower().strip("’'-") for w in WORDS.findall(text)]
    return [w for w in dict.fromkeys(words) if len(w) >= 4 and w not in STOPWORDS]


QUOTATION_MARK = re.compile(r"[“\"]")


def wording_in(sentence: str, words: list[str], share: float | None = None) -> str | None:
    """The stretch of the sentence that carries at least half (two or more) of the words, or
    `share` of them (three or more): from two words before the first to the last."""
    tokens = list(WORDS.finditer(sentence))
    hits = [i for i, t in enumerate(tokens) if t.group().lower().strip("’'-") in words]
    needed = max(2, (len(words) + 1) // 2)
    if share is not None:
        needed = max(3, math.ceil(share * len(words)))
    if len({tokens[i].group().lower() for i in hits}) < needed:
        return None
    # Another wording of one remark keeps its words in order and about its length: "a solution
    # has been found to ... protect the Swiss economy" is not "This is not a Swiss solution".
    said = list(dict.fromkeys(tokens[i].group().lower().strip("’'-") for i in hits))
    if said != [w for w in words if w in said] or hits[-1] - hits[0] + 1 > 2 * len(words) + 4:
        return None
    start, end = tokens[max(0, hits[0] - 2)].start(), tokens[hits[-1]].end()
    # Never start before an opening quotation mark that the wording follows.
    opener = max(sentence.rfind(mark, start, tokens[hits[0]].start()) for mark in '“"')
    return sentence[opener + 1 if opener >= 0 else start : end]


def quote_differences(sentences: list[Sentence], quotes: list[Quote]) -> list[Difference]:
    result: list[Difference] = []
    used: set[str] = set()
    unattributed = settings.current().unattributed_share
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
            named = surname in sentence.text or sentence.id in said_by[quote.speaker]
            # An unattributed quotation carries the same remark only if it shares most of it.
            if not named and not QUOTATION_MARK.search(sentence.text):
                continue
            wording = wording_in(sentence.text, words, None if named else unattributed)
            if wording is None or match_key(quote.text) in match_key(sentence.text):
                continue
            if match_key(wording) in match_key(quote.text):
                continue  # a part of the same quotation, not another wording
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
