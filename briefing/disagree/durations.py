"""Lengths and ages sources state differently: "the nearly four-year war" and "the
three-and-a-half-year war" are two values of one measure (years of the war), compared in days so
that "a month-long trial" and "a five-week trial" meet; "the 167-year-old bank"; "in its fifth day".
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..ground import evidence
from ..models import Difference, Sentence, Variant
from ..text.amounts import QUALIFIERS
from ..text.dates import WEEKDAY_NAMES
from ..text.numbers import NUMBER_WORDS, ORDINALS
from .words import WORDS

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
    "truce": "truce", "ceasefire": "truce", "cease-fire": "truce",
    "deliberations": "deliberations", "deliberation": "deliberations",
    "deal": "deal", "contract": "deal", "agreement": "deal", "pact": "deal",
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
    rf"\b{QUALIFIER}{NUM}[- ]{UNITS}(?:[- ]long|[- ]old)?(?:\s+of)?(?:\s+|-)(?:\w+\s+)?"
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
# "The trial lasted six weeks", "the strike that has lasted 41 days", "the rule of his family
# which has lasted for 56 years", "the deal is for four years".
LASTED = re.compile(
    rf"\b(?P<noun>{'|'.join(SAME_THING)})\s+(?:(?:of\s+)?(?:[\w'’]+\s+){{0,3}}?(?:that|which)\s+)?"
    r"(?:has\s+|had\s+)?(?P<verb>lasted|lasts|will last|ran for|went on for|took|is for|runs for|"
    r"will run for)\s+"
    rf"(?:for\s+)?{QUALIFIER}{NUM}\s+{UNITS}\b",
    re.I,
)
# A deal's term is what it runs for: "the deal is for four years"; not "an agreement that took
# six weeks" to reach.
TERM_VERBS = {"lasts", "will last", "is for", "runs for", "will run for"}
# What goes on until it ends, so that "40 days into" it tells how long it has lasted; "two days
# into the truce" or "two years into the deal" is time elapsed, not its length.
ONGOING = {"war", "strike", "siege", "blockade", "lockdown", "standoff", "shutdown", "outage",
           "search", "investigation", "campaign", "drought", "crisis"}  # fmt: skip
# "40 days into the union's strike".
INTO = re.compile(
    rf"\b{QUALIFIER}{NUM}\s+{UNITS}\s+into\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+){{0,2}}?"
    rf"(?P<noun>{'|'.join(SAME_THING)})\b",
    re.I,
)
# A family in power, the family the subject: "whose family has ruled for 55 years", "held his
# family's grip on power for 55 years", "the rule of his family which has lasted for 56 years".
# One leader's years are not set against his family's ("Ali Bongo, heir to a family dynasty,
# ruled for 14 years", "The family's patriarch Omar Bongo ruled for 41 years").
FAMILY = r"\b(?:family|dynasty|clan)"
RULED = tuple(
    re.compile(rf"{FAMILY}{shape}\s+for\s+{QUALIFIER}{NUM}\s+{UNITS}\b", re.I)
    for shape in (
        r"\s+(?:has\s+|had\s+)?(?:ruled|reigned|been in power|held power)"
        r"(?:\s+(?:the\s+)?[\w'’-]+)?",
        r"(?:'s|’s)\s+grip on power",
        r"\s+(?:which|that)\s+(?:has|had)\s+lasted",
    )
)
# "The jury deliberated for more than 11 hours", "after deliberating for 9.5 hours".
DELIBERATED = re.compile(rf"\bdeliberat(?:ed|ing)\s+for\s+{QUALIFIER}{NUM}\s+{UNITS}\b", re.I)
# One day's sitting, not the whole: "deliberated for about four hours on Monday before going
# home for the night".
ONE_SITTING = re.compile(
    rf"\s+(?:on|that|this|last)\s+(?:{WEEKDAY_NAMES}|day|morning|afternoon|evening)\b|\s+before\b",
    re.I,
)
# The size of a ship, a bridge or a building, in metres: "the 948-foot vessel", "the
# 985-foot-long vessel", "an almost 300-metre-long vessel", "the 1.6-mile bridge".
METRES = {"foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "metre": 1.0, "meter": 1.0,
          "mile": 1609.344, "kilometre": 1000.0, "kilometer": 1000.0, "km": 1000.0}  # fmt: skip
OBJECTS = {
    "ship": "ship", "vessel": "ship", "tanker": "ship", "freighter": "ship", "ferry": "ship",
    "bridge": "bridge", "building": "building", "tower": "building", "skyscraper": "building",
    "dam": "dam", "tunnel": "tunnel",
}  # fmt: skip
SIZE = re.compile(
    rf"\b{QUALIFIER}(?P<num>\d[\d,]*(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})[- ]"
    r"(?P<unit>foot|feet|ft|metre|meter|mile|kilometre|kilometer|km)s?"
    # up to two words that name the object ("container", "cargo"), not where it is ("two
    # miles from the bridge")
    r"(?:[- ](?P<dim>long|tall|high))?[- ](?:(?!(?:from|of|to|near|off|away|past|beyond|"
    r"below|above|under|over|across|along|into|toward|towards|behind|in|on|at|the|a|an)\b)"
    r"[\w-]+\s+){0,2}?"
    rf"(?P<noun>{'|'.join(OBJECTS)})\b",
    re.I,
)
# A prison term handed down: "sentenced to 12 years in prison", "jailed for ten years", "a 12-year
# sentence". Not what someone faces or asked for ("faces up to 110 years", "asked for 15 years").
PRISON = (
    re.compile(
        rf"\b(?:sentenced to|jailed for|imprisoned for|handed)\s+(?:an?\s+)?{NUM}[- ]years?\b",
        re.I,
    ),
    re.compile(rf"\b{NUM}[- ]year\s+(?:prison\s+|jail\s+)?(?:sentence|term)\b", re.I),
)


def measures(text: str) -> list[tuple[str, str, str, str]]:
    """(thing, unit, value key, verbatim span) for each measure the sentence states."""
    found = []
    for match in MEASURE.finditer(text):
        noun = match.group("noun").lower()
        if noun not in SAME_THING or re.search(r"[- ]old\b", match.group(0), re.I):
            continue
        found.append(measure(SAME_THING[noun], match.group("unit"), value_of(match), match))
    for match in LONG.finditer(text):
        thing = SAME_THING[match.group("noun").lower()]
        found.append(measure(thing, match.group("unit"), 1, match))
    for match in AGE.finditer(text):
        raw = match.group("num").lower()
        value = float(NUMBER_WORDS.get(raw, 0) or raw)
        found.append((f"age of the {AGED[match.group('noun').lower()]}", "year", f"{value:g}",
                      match.group(0)))  # fmt: skip
    for match in LASTED.finditer(text):
        thing = SAME_THING[match.group("noun").lower()]
        if thing != "deal" or match.group("verb").lower() in TERM_VERBS:
            found.append(measure(thing, match.group("unit"), value_of(match), match))
    for match in INTO.finditer(text):
        thing = SAME_THING[match.group("noun").lower()]
        if thing in ONGOING:
            found.append(measure(thing, match.group("unit"), value_of(match), match))
    for match in (m for pattern in RULED for m in pattern.finditer(text)):
        found.append(measure("family's rule", match.group("unit"), value_of(match), match))
    for match in DELIBERATED.finditer(text):
        if not ONE_SITTING.match(text[match.end() :]):
            found.append(measure("deliberations", match.group("unit"), value_of(match), match))
    for match in SIZE.finditer(text):
        dimension = "height" if (match.group("dim") or "").lower() in ("tall", "high") else "length"
        thing = f"{dimension} of the {OBJECTS[match.group('noun').lower()]}"
        raw = match.group("num").lower().replace(",", "")
        metres = float(NUMBER_WORDS.get(raw, 0) or raw) * METRES[match.group("unit").lower()]
        qualifier = (match.group("qual") or "").strip().lower()
        # two figures: 985 feet and 300 m meet, 948 and 985 feet do not
        key = f"{qualifier} {float(f'{metres:.2g}'):g}".strip()
        found.append((thing, "metre", key, match.group(0)))
    for pattern in PRISON:
        for match in pattern.finditer(text):
            found.append(("prison sentence", "year", f"{value_of(match):g}", match.group(0)))
    for match in ORDINAL.finditer(text):
        before = [w.lower() for w in WORDS.findall(text[: match.start()])]
        # "in its fifth day" of a strike; "a 5% raise in the first year" of a deal is no length
        things = [SAME_THING[w] for w in before if w in SAME_THING and SAME_THING[w] != "deal"]
        if things:
            number = ORDINALS[match.group("ord").lower()]
            span = text[max(0, match.start() - 25) : match.end()].split(" ", 1)[-1]
            unit = "day" if match.group("unit").lower() in DAYS else match.group("unit").lower()
            found.append((things[-1], unit, f"in its {number}th", span))
    return found


def value_of(match: re.Match[str]) -> float:
    """The number a MEASURE-like match states, "and a half" included ("three-and-a-half")."""
    raw = match.group("num").lower()
    return float(NUMBER_WORDS.get(raw, 0) or raw) + (0.5 if match.group("half") else 0)


def measure(thing: str, unit: str, value: float, match: re.Match[str]) -> tuple[str, str, str, str]:
    """A duration in days, so that "a month-long trial" and "a five-week trial" are compared.
    A jury's deliberations in the unit written: "two days of deliberations" are two court days,
    not 48 hours, and are no rival of "about 10 hours"."""
    qualifier = (match.groupdict().get("qual") or "").strip().lower()
    if thing == "deliberations":
        return (thing, unit.lower().rstrip("s"), f"{qualifier} {value:g}".strip(), match.group(0))
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
        if len(values) < 2 or len(articles) < 2 or all_compatible(list(values)):
            continue
        variants = [
            Variant(text=found[0][0], evidence=[evidence(s) for _, s in found])
            for found in values.values()
        ]
        named = thing.startswith(("age", "prison", "length of", "height of"))
        about = thing if named else f"length of the {thing}"
        result.append(Difference(about=about, kind="number", variants=variants))
    return result


def reading(key: str) -> tuple[float, float] | None:
    """The range a value key stands for ("nearly 5": 4.5 to 5, "more than 4": 4 to 5.2), or None
    for one that is no number ("in its 4th")."""
    qualifier, _, number = key.rpartition(" ")
    try:
        value = float(number)
    except ValueError:
        return None
    low, high = QUALIFIERS.get(qualifier, (1.0, 1.0))
    return value * low, value * high


def all_compatible(keys: list[str]) -> bool:
    """Whether every two values can both be true: "nearly five hours" and "more than four hours"
    of talks agree; "nearly four-year" and "three-and-a-half-year" do not."""
    ranges = [reading(k) for k in keys]
    if any(r is None for r in ranges):
        return False
    return all(a[0] <= b[1] and b[0] <= a[1] for n, a in enumerate(ranges) for b in ranges[n + 1 :])
