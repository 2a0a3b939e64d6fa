"""Datelines: the place, day and wire that open a story ("ANKARA (Reuters) - ", "COLOMBO: ",
"SAN JOSE, Costa Rica — "). Ingest reads the outlet from them and keeps them out of titles; the
figures of a sentence are read after them."""

from __future__ import annotations

import re

# The wire's tag at the start of the first paragraph: "MOSCOW (Reuters) -", "(RTTNews) -",
# "MANTA, Ecuador, April 19 (UPI) --", "04:27 PM EDT, 09/18/2024 (MT Newswires) --".
DATELINE = re.compile(
    r"^(?:\d{1,2}:\d{2}\s*[AP]M(?:\s+[A-Z]{2,4})?,\s*\d{1,2}/\d{1,2}/\d{4}\s*)?"
    # the place, in capitals, perhaps with its country and day: "MANTA, Ecuador, April 19";
    # or the day alone: "Oct. 29 (UPI) --"
    r"(?:[A-Z][A-Z.'’/-]+(?: [A-Z][A-Z.'’/-]+)*(?:,? [A-Za-z0-9 .,'’/-]{0,40}?)?\s*"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?"
    r"\((?P<agency>[A-Z][\w&.'’/ -]{1,40}?)\)\s*(?:--|[-—–])\s*(?=[A-Z“\"‘'])"
)


# A place in capitals and a dash or colon: "WASHINGTON — President Joe Biden announced ...",
# "COLOMBO: The death toll ...", and a place with the day: "Dhaka, Dec 30: There was ...".
PLACE_DASH = re.compile(
    r"^(?:[A-Z][A-Z .,'’-]{2,40}\s+(?:--?|[—–])|[A-Z][A-Z .'’-]{2,40}:|[A-Z][a-z]+, [A-Z][a-z]{2,8}"
    r"\.? \d{1,2}:)\s+(?=[A-Z“\"])"
)


# A wire story's dateline with the place's country or day: "SAN JOSE, Costa Rica — ", "SAN
# JOSE, Calif. — ", "ANKARA, Feb 6 (Reuters) - ", "DHAKA, Bangladesh: ". The place is in capitals
# and the rest follows a comma ("US President Joe Biden — flanked by aides —" is no dateline);
# the dash stands between spaces ("US-led" is none).
OPENER = re.compile(
    r"^[A-ZÀ-Ý]{2,}(?: [A-ZÀ-Ý]{2,}){0,3}(?:, [A-Z][\w’'-]*\.?(?: [A-Z][\w’'-]*\.?){0,2})?"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? )?\d{1,2})?(?:\s*\([^()]{1,30}\))?(?:\s+[-—–]+|:)\s+"
)


# The site's name and a spaced dash before the lead: "Islam Times - A humanitarian ceasefire".
SITE_DASH = re.compile(
    r"^(?:[A-Z][\w.&'’]*\s){0,2}[A-Z][\w.&'’]*\s+[-—–]\s+(?=[A-Z])(?![^-—–]{1,80}\s[-—–]\s)"
)  # not a name before an aside: "Elon Musk - Tesla's chief executive - said"


# An aggregator's tag after the place: "Niamey, (UrduPoint / Pakistan Point News - 27th Jul,
# 2023 ) :Niger's armed forces chief ...".
TAGGED_PLACE = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2},\s*\([^()]{3,80}\)\s*[:—–-]+\s*")


# The place in words and the broadcaster with no dash: "West Palm Beach, Florida (CNN) President
# Donald Trump said ...".
PLACE_AGENCY = re.compile(
    r"^(?!(?:On|In|At|As|After|Before|Last|Since|During|Until|By|For)\b)"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}, [A-Z][\w.]*(?: [A-Z][\w.]*)?\s*"
    r"\((?:CNN|AP|AFP|Reuters|UPI|BBC|Xinhua|dpa|ANI|IANS|PTI)\)\s+(?=[A-Z“\"])"
)
# An outlet and its section before a colon: "Iran Press/ Europe: Switzerland's largest bank ...".
SITE_SECTION = re.compile(
    r"^[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,2}\s*/\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s+(?=[A-Z“\"])"
)


def without_dateline(paragraph: str, placed: bool = False) -> str:
    """The paragraph without the wire's tag, the place or the site's name that opens it; with
    `placed`, only a wire's dateline that names its place with a country or an agency ("SAN
    JOSE, Costa Rica — "), which no paragraph inside a story opens on ("UPDATE: " does)."""
    opener = OPENER.match(paragraph)
    if placed:
        match = (
            DATELINE.match(paragraph)
            or PLACE_AGENCY.match(paragraph)
            or (opener if opener and "," in opener.group() else None)
        )
    else:
        match = (
            DATELINE.match(paragraph)
            or PLACE_DASH.match(paragraph)
            or opener
            or SITE_DASH.match(paragraph)
            or TAGGED_PLACE.match(paragraph)
            or PLACE_AGENCY.match(paragraph)
            or SITE_SECTION.match(paragraph)
        )
    return paragraph[match.end() :].lstrip() if match else paragraph
