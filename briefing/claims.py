"""Claims that contradict each other, found by the fixed forms news writes them in.

Two kinds a rule can read without guessing: the flag a named ship sails under ("the Hong
Kong-flagged Lighthouse Winmore" against "Lighthouse Winmore is registered in the Marshall
Islands"), and the weekday of one physical event ("the storm pounded the coast on Sunday night"
against "... on Monday"). Each claim keeps the verbatim words that state it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import dates

# Saying a claim is untrue: "denied on Sunday that the death toll had reached 11,300", "rejected
# the figures", "dismissed the reports as false".
DENIES = re.compile(
    r"\bden(?:y|ies|ied|ying)\b(?:\s+\w+){0,2}?\s+(?:that|reports?|claims?|allegations?|"
    r"accusations?|the (?:figures?|reports?|claims?|toll|numbers?))\b"
    r"|\b(?:reject|dismiss)\w*\b[^.]{0,40}\bas "
    r"(?:false|untrue|baseless|fake|fabricated|groundless)\b"
    r"|\b(?:is|was|are|were) (?:not|never) (?:true|accurate|correct)\b"
    r"|\bnever (?:released|issued|published|reported|gave)\b",
    re.I,
)

VESSEL = r"(?:ship|vessel|tanker|freighter|boat|carrier|trawler)"
SHIP_NAME = r"(?:[A-Z][\w-]+\s){0,3}[A-Z][\w-]+"
FLAG = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
FLAGS = [
    # "the Lighthouse Winmore, a Hong Kong-flagged ship"
    re.compile(rf"(?P<name>{SHIP_NAME}),\s+an?\s+(?P<flag>{FLAG})-flagged\s+{VESSEL}"),
    # "the Hong Kong-flagged Lighthouse Winmore", "the Panama-flagged tanker KOTI"
    re.compile(rf"(?P<flag>{FLAG})-flagged,?\s+(?:{VESSEL}\s+)?(?P<name>{SHIP_NAME})"),
    # "Lighthouse Winmore is registered in the Marshall Islands"
    re.compile(
        rf"(?P<name>{SHIP_NAME})\s+(?:is|was|has been)\s+(?:registered|flagged)\s+in\s+"
        rf"(?:the\s+)?(?P<flag>{FLAG})(?!\s+until)"
    ),
]
NOT_SHIP_WORDS = {"The", "A", "An", "Its", "Their", "This", "That"}

WEEKDAY = rf"(?:{dates.WEEKDAY_NAMES})"
# Physical events that happen once, at one time: sources that give them different days disagree.
# Announcements, talks and statements are left out: they recur on many days.
EVENT_NOUNS = {
    "storm": "storm", "dam": "dams", "dams": "dams", "plane": "plane", "aircraft": "plane",
    "earthquake": "earthquake", "quake": "earthquake", "explosion": "explosion",
    "blast": "explosion", "hurricane": "storm", "cyclone": "storm", "typhoon": "storm",
    "tornado": "tornado", "bridge": "bridge", "building": "building", "train": "train",
}  # fmt: skip
EVENT_VERBS = {
    "pounded": "hit", "struck": "hit", "hit": "hit", "battered": "hit", "lashed": "hit",
    "collapsed": "collapsed", "burst": "collapsed", "gave way": "collapsed",
    "crashed": "crashed", "exploded": "exploded", "derailed": "derailed",
    "made landfall": "hit",
}  # fmt: skip
EVENT = re.compile(
    rf"\b(?P<noun>{'|'.join(EVENT_NOUNS)})\b(?:\s+[\w’'-]+){{0,4}}?\s+"
    rf"(?P<verb>{'|'.join(EVENT_VERBS)})\b",
    re.I,
)
# A truce's start, set for one day: "The truce is expected to begin Thursday morning", "A
# ceasefire in the Gaza Strip will begin at 7:00 a.m. local time tomorrow, on Friday".
START = re.compile(
    r"\b(?P<noun>truce|ceasefire|cease-fire)\b(?:\s+[\w’'-]+){0,10}?\s+"
    r"(?P<verb>begin|begins|start|starts|take effect|takes effect|come into effect)\b",
    re.I,
)
DAY = re.compile(rf"\b(?:on\s+)?(?P<day>{WEEKDAY})(?:\s+(?:night|morning|evening|afternoon))?\b")


# An agreement reached: a one-time event whose date sources can disagree on.
AGREEMENT = re.compile(
    r"\b(?:(?P<verb1>reached|approved|adopted|agreed|signed|struck|sealed|clinched)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:deal|agreement|accord|pact|treaty)"
    r"|(?:deal|agreement|accord|pact|treaty)\s+(?:was|were|is)\s+"
    r"(?P<verb2>reached|approved|adopted|agreed|signed|struck|sealed|clinched))\b",
    re.I,
)
DATE_WORDS = re.compile(
    rf"{dates.MONTH_DAY_YEAR.pattern}|{dates.DAY_MONTH_YEAR.pattern}|\b{WEEKDAY}\b", re.I
)


# Who someone in the story is: named by one source, not yet released by another.
ROLES = {
    "pilot": "crew", "co-pilot": "crew", "copilot": "crew", "crew": "crew", "captain": "crew",
    "victim": "victims", "victims": "victims", "dead": "victims",
    "suspect": "suspect", "suspects": "suspect", "gunman": "suspect", "attacker": "suspect",
    "shooter": "suspect", "driver": "driver",
}  # fmt: skip
_ROLE = r"(?P<role>" + "|".join(sorted(ROLES, key=len, reverse=True)) + r")"
NAMED = re.compile(
    rf"\b(?:identified|named)\s+the\s+{_ROLE}\s+as\s+[A-Z]"
    rf"|\b(?:the\s+)?{_ROLE.replace('role', 'role2')}\s+(?:was|were|has\s+been)\s+"
    r"(?:identified|named)\s+as\s+[A-Z]"
)
NOT_NAMED = re.compile(
    rf"\bnames?\s+of\s+the\s+{_ROLE}(?:\s+members)?\s+(?:has|have|had)\s+not\s+(?:yet\s+)?"
    r"been\s+(?:formally\s+|officially\s+|publicly\s+)?(?:released|made\s+public|disclosed)"
    rf"|\b(?:have|has|had)\s+not\s+(?:yet\s+)?(?:formally\s+|officially\s+|publicly\s+)?"
    rf"(?:released|named|identified)\s+the\s+{_ROLE.replace('role', 'role2')}\b"
)
# When a scheduled step happens: a set date against "at a later date" / "has not been set".
STEP = r"(?P<step>sentencing|sentence|hearing|verdict|runoff|referendum|vote)"
SET_FOR = re.compile(
    rf"\b{STEP}\b(?:\s+[\w’'-]+){{0,4}}?\s+(?:was|is|will\s+be|has\s+been)\s+"
    r"(?:tentatively\s+)?(?:set|scheduled|due)\s+(?:for|on)\s+(?P<when>"
    + dates.MONTH
    + r"\s+\d{1,2}(?:,?\s+\d{4})?)",
    re.I,
)
NOT_SET = re.compile(
    rf"\b{STEP}\b[^.;]{{0,80}}?\b(?P<when>at\s+a\s+later\s+date|has\s+not\s+(?:yet\s+)?been\s+"
    r"(?:set|scheduled))",
    re.I,
)


# The office a named person holds in an organisation: one person is one organisation's chair or
# its spokesman, not both ("MDC Alliance chairman Morgan Komichi" / "MDC spokesman Morgan
# Komichi"). Offices a person often holds together (president and leader, founder and chief
# executive) are not compared.
OFFICES = {
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "secretary-general": "secretary-general", "secretary general": "secretary-general",
    "treasurer": "treasurer",
}  # fmt: skip
_OFFICE = r"(?P<office>(?i:" + "|".join(sorted(OFFICES, key=len, reverse=True)) + r"))"
# A personal name: two or three capitalised words, not a weekday or month after it, not a
# possessive ("Komichi’s" is the start of another phrase).
PERSON = (
    rf"(?P<name>[A-Z][a-z]+(?:\s(?!{WEEKDAY}\b)"
    r"[A-Z][a-z’'-]+){1,2})\b(?![’']s\b)"
)
ORGANISATION = r"(?:(?:[A-Z][\w&-]*|of|the)\s+){1,4}"
# An office held once, or not yet: "former MDC spokesman", "acting chairman", "deputy chair".
NOT_NOW = re.compile(
    r"\b(?:former|ex|then|one-time|acting|interim|deputy|vice|outgoing|(?-i:new)|incoming)\b", re.I
)
OFFICE_HELD = [
    # "MDC Alliance chairman Morgan Komichi"
    re.compile(rf"\b(?P<org>{ORGANISATION}){_OFFICE}\s+{PERSON}"),
    # "Douglas Mwonzora, MDC secretary-general", not "Tendai Biti, MDC chairman Morgan Komichi"
    re.compile(
        rf"{PERSON},\s+(?:the\s+|its\s+)?(?P<org>{ORGANISATION}){_OFFICE}\b"
        r"(?!\s+[A-Z][a-z]+\s+[A-Z])"
    ),
]


@dataclass(frozen=True)
class Claim:
    """One source's statement of a fact: `about` names the fact, `value` the claimed answer."""

    about: str
    value: str
    span: str


def ship_flags(text: str) -> list[Claim]:
    """The flag each named ship is said to fly, from the sentence's own words."""
    found = []
    for pattern in FLAGS:
        for match in pattern.finditer(text):
            words = [w for w in match.group("name").split() if w not in NOT_SHIP_WORDS]
            if not words or len(" ".join(words)) < 3:
                continue
            flag = match.group("flag").strip()
            span = match.group(0).strip()
            about = f"Flag of the {' '.join(words)}"
            found.append(Claim(about=about, value=flag.lower(), span=span))
    return found


def event_days(text: str) -> list[Claim]:
    """The weekday a one-time event is said to happen on, when the sentence names one day."""
    days = list(DAY.finditer(text))
    if len({d.group("day") for d in days}) != 1:
        return []
    day = days[0]
    if dates_the_saying(text, day):
        return []  # "The authority on Monday said the recorders from the plane that crashed ..."
    found = []
    for match in [*EVENT.finditer(text), *START.finditer(text)]:
        if match.re is START:
            if day.start() < match.end():
                continue  # "On Wednesday, the cabinet approved a truce that is to begin ...":
                # the day before it is another act's
            noun, verb = "truce", "begins"
        else:
            noun = EVENT_NOUNS[match.group("noun").lower()]
            verb = EVENT_VERBS[match.group("verb").lower()]
        start, end = min(match.start(), day.start()), max(match.end(), day.end())
        if end - start > 140 or in_another_clause(text, match, day):
            continue  # the day belongs to another clause
        span = text[start:end]
        found.append(Claim(about=f"When the {noun} {verb}", value=day.group("day"), span=span))
    return found


# A day next to a verb of saying dates the statement, not the event it reports.
SAYING_AFTER = re.compile(
    r"^\s*(?:said|says|told|announced|confirmed|reported|added|stated)\b", re.I
)
SAYING_BEFORE = re.compile(
    r"\b(?:said|says|told \w+|announced|confirmed|reported|added|stated)\s+$", re.I
)


def dates_the_saying(text: str, day: re.Match[str]) -> bool:
    return bool(SAYING_AFTER.match(text[day.end() :]) or SAYING_BEFORE.search(text[: day.start()]))


# Outcomes declared once: an election's winner, a jury's verdict. "Announced" alone recurs (every
# statement is announced); announced in a sentence about who won a vote, it is the declaration.
# (what, the act the day must stand next to, what the sentence must also say)
OUTCOMES = (
    ("When the result was declared",
     re.compile(r"\b(?:declared|announced|proclaimed)\b", re.I),
     re.compile(r"\bwinner\b|\bwon\b.{0,80}?\b(?:election|votes?|poll|presidency|race|ballot|"
                r"runoff)\b|\b(?:election|poll|presidency|race)\b.{0,80}?\bwon\b", re.I)),
    ("When the verdict came",
     re.compile(r"\bfound\b.{0,30}?\bguilty\b|\bconvicted\b|\bguilty verdict\b", re.I),
     None),
)  # fmt: skip
# "Trump, who won the caucuses, announced on Tuesday", "who was found guilty last year": an
# outcome recalled in a relative clause, not the one the sentence dates.
RECALLED = re.compile(r"\bwho\s+(?:was\s+|were\s+|had\s+(?:been\s+)?|has\s+(?:been\s+)?)?$", re.I)
NEXT_TO = 30  # characters between an act and its day: "declared winner early on Friday"
# "found him guilty of all counts, and on Friday his lawyers said": the day is another clause's.
ANOTHER_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|as)\b|;")


def outcome_days(text: str) -> list[Claim]:
    """The weekday an outcome (a declared winner, a verdict) is said to come on: the sentence
    names one day, right next to the act ("was Thursday night declared winner")."""
    days = list(DAY.finditer(text))
    if len({d.group("day") for d in days}) != 1:
        return []
    found = []
    for about, act, context in OUTCOMES:
        if context is not None and not context.search(text):
            continue
        for match in act.finditer(text):
            if RECALLED.search(text[: match.start()]):
                continue
            day = min(days, key=lambda d: gap(d, match))
            start, end = min(match.start(), day.start()), max(match.end(), day.end())
            between = text[min(match.end(), day.end()) : max(match.start(), day.start())]
            if gap(day, match) > NEXT_TO or ANOTHER_CLAUSE.search(between):
                continue
            found.append(Claim(about=about, value=day.group("day"), span=text[start:end]))
            break
    return found


# "approved a deal that will see 50 women ... kidnapped by Hamas on October 7": a date after a
# relative clause opens is the clause's, not the deal's ("On 23 November, CNN reported that
# countries reached a deal" dates the deal).
RELATIVE = re.compile(r"\s*(?:that|which|who|whom|whose)\b")


def in_another_clause(text: str, event: re.Match[str], day: re.Match[str]) -> bool:
    """True when the day stands in another clause than the event: a relative clause opened
    after the event, or a new clause between them."""
    between = text[min(event.end(), day.end()) : max(event.start(), day.start())]
    relative = day.start() > event.end() and RELATIVE.match(between)
    return bool(relative or ANOTHER_CLAUSE.search(between))


def gap(a: re.Match[str], b: re.Match[str]) -> int:
    """Characters between two spans of one text (0 when they touch or overlap)."""
    return max(0, max(a.start(), b.start()) - min(a.end(), b.end()))


def agreement_dates(text: str, published: dt.date | None) -> list[Claim]:
    """The day an agreement was reached, when the sentence states one: a weekday, or a date
    (its weekday), so that "on Sunday" and "On 23 November 2024" (a Saturday) can be compared
    even where an article's own date is unknown."""
    said = list(DATE_WORDS.finditer(text))
    event = AGREEMENT.search(text)
    if event is None or len(said) != 1:
        return []
    weekday = re.fullmatch(WEEKDAY, said[0].group(0), re.I)
    when = dates.explicit_date(said[0].group(0), published) if not weekday else None
    if not weekday and when is None:
        return []
    day = said[0].group(0).capitalize() if weekday else when.strftime("%A")
    start, end = min(event.start(), said[0].start()), max(event.end(), said[0].end())
    if end - start > 140 or in_another_clause(text, event, said[0]):
        return []
    return [Claim(about="When the deal was reached", value=day, span=text[start:end])]


def identities(text: str) -> list[Claim]:
    """Whether the sentence names someone by role ("identified the pilot as ...") or says the
    names have not been released."""
    found = []
    for pattern, value in ((NAMED, "named"), (NOT_NAMED, "not released")):
        for match in pattern.finditer(text):
            role = ROLES[(match.group("role") or match.group("role2")).lower()]
            span = text[match.start() : sentence_end(text, match.end())]
            found.append(Claim(about=f"Who the {role} {'are' if role.endswith('s') else 'is'}",
                               value=value, span=span))  # fmt: skip
    return found


def schedules(text: str) -> list[Claim]:
    """When a scheduled step (a sentencing, a vote) happens: a date, or not yet set."""
    found = []
    for match in SET_FOR.finditer(text):
        step = "sentencing" if match.group("step").lower() == "sentence" else match.group("step")
        found.append(Claim(about=f"When the {step.lower()} is", value="set", span=match.group(0)))
    for match in NOT_SET.finditer(text):
        step = "sentencing" if match.group("step").lower() == "sentence" else match.group("step")
        found.append(Claim(about=f"When the {step.lower()} is", value="not set",
                           span=match.group(0)))  # fmt: skip
    return found


def sentence_end(text: str, at: int, most: int = 60) -> int:
    """Where the clause that began before `at` ends: the name that follows, not the sentence."""
    stop = re.search(r"[,.;]\s|[,.;]$|\s(?:and|but)\s", text[at : at + most])
    return at + stop.start() if stop else min(len(text), at + most)


def offices(text: str) -> list[Claim]:
    """The office a named person holds now, with the organisation named beside it."""
    found = []
    for pattern in OFFICE_HELD:
        for match in pattern.finditer(text):
            if NOT_NOW.search(text[max(0, match.start("org") - 12) : match.end("office")]):
                continue  # "former MDC spokesman", "acting chairman": not the office now
            name = match.group("name")
            office = OFFICES[match.group("office").lower()]
            found.append(Claim(about=f"{name}’s office", value=office, span=match.group(0)))
    return found


def claims(text: str, published: dt.date | None = None) -> list[Claim]:
    return [
        *ship_flags(text),
        *event_days(text),
        *outcome_days(text),
        *agreement_dates(text, published),
        *identities(text),
        *schedules(text),
        *offices(text),
    ]
