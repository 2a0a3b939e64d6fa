"""Units -> roles: the headline, photo captions, what follows the story, sub-headings."""

from __future__ import annotations

import re

from ..text.match import normalize_for_match
from ..text.sentences import CAPTION_SENTENCE, ENDS_SENTENCE, split_sentences
from .lines import BULLET, CAPTION_START, END_MARKERS, ENDS_CLAUSE, LIST_HEADER, PHOTO_CREDIT
from .outlets import outlet_from_credit
from .published import find_dates
from .units import Unit


def mark_title(units: list[Unit], title: str | None) -> str | None:
    """Find the headline (unless `title` is known) and mark it and repeats of it as not body.

    A section label above the headline ('COP29', 'Politics') is passed over and marked."""
    body = [u for u in units if u.role == "body"]
    first = 1 if len(body) > 2 and is_label(body[0]) and is_headline(body[1]) else 0
    stamped = headline_above_stamp(units)
    # an offer's teaser ("Which stocks will surge next?") or an app banner ("Focus Taiwan App")
    # above the headline; a headline over its standfirst and byline stays the title
    teaser = bool(body) and (body[first].text.rstrip().endswith("?") or body[first].words <= 3)
    if title is None and cut_copy(body, first) and is_headline(body[first + 1]):
        # a standfirst cut mid-word ("... as some Mi") above the headline, printed in full below
        body[first].role = "above the headline"
        title, body[first + 1].role = body[first + 1].text, "title"
    elif title is None and teaser and stamped is not None and stamped is not body[first]:
        # the headline is the line the date or byline stands under
        for unit in body[: body.index(stamped)]:
            unit.role = "above the headline"
        title, stamped.role = stamped.text, "title"
    elif title is None and body and is_headline(body[first]):
        title = body[first].text
        body[first].role = "title"
        if first:
            body[0].role = "label"
    if title:
        for unit in body:
            if unit.role == "body" and (
                normalize_for_match(unit.text) == normalize_for_match(title)
                or (unit.text.startswith(title) and STAMP_AFTER.match(unit.text[len(title) :]))
            ):
                unit.role = "repeated title"
    return title


# The title again with the page's stamp after it: "Scores killed as truck rams crowd in France
# Updated: 2016-07-15 13:14 By Agencies(China Daily USA)".
STAMP_AFTER = re.compile(r"\s*[|·-]?\s*(?:Updated|Published|Posted|By)\b[^.!?]{0,100}$")


def cut_copy(body: list[Unit], first: int) -> bool:
    """The page opens on a paragraph cut off with no full stop, whose whole text a later
    paragraph gives: a teaser, not the headline (which follows it)."""
    if first + 1 >= len(body) or body[first].words < 8 or ENDS_CLAUSE.search(body[first].text):
        return False
    whole = normalize_for_match(body[first].text)
    start = whole.rsplit(" ", 1)[0]  # the last word may be cut
    # longer than the teaser: a headline printed again is the same length, and stays the title
    return any(
        (later := normalize_for_match(u.text)).startswith(start) and len(later) > len(whole) + 10
        for u in body[first + 1 :]
    )


# How far down a page its headline may stand, in lines.
HEADLINE_WITHIN = 6


def headline_above_stamp(units: list[Unit]) -> Unit | None:
    """The headline a date or byline line stands right under, near the top of the page."""
    for above, unit in zip(units[:HEADLINE_WITHIN], units[1 : HEADLINE_WITHIN + 1], strict=False):
        if unit.role in ("date", "byline") and above.role == "body" and is_headline(above):
            return above
    return None


def mark_repeats(units: list[Unit]) -> None:
    """A paragraph the page prints twice (a standfirst above the photo and again as the first
    paragraph) is read once; the later copy is kept aside."""
    seen: set[str] = set()
    for unit in units:
        if unit.role != "body":
            continue
        key = normalize_for_match(unit.text)
        if key in seen:
            unit.role = "repeated paragraph"
        seen.add(key)


def is_headline(unit: Unit) -> bool:
    """Two to thirty words, no full stop, not starting in lowercase (a tag such as 'debt
    ceiling' is not a headline)."""
    return (
        2 <= unit.words <= 30
        and len(unit.text) <= 250
        and not unit.text.endswith(".")
        and not unit.text[0].islower()
    )


def is_label(unit: Unit) -> bool:
    """One short word or two, no punctuation at the end: a section or topic label; or a
    paper's masthead ("The Daily Telegraph")."""
    if MASTHEAD.match(unit.text):
        return True
    return unit.words <= 2 and len(unit.text) <= 30 and not ENDS_CLAUSE.search(unit.text)


# A paper's name: "The Daily Telegraph", "Washington Post", "The New York Times"; not a
# headline in title case ("Rubio Accepts Cabinet Post") nor a desk ("Breaking News").
MASTHEAD_NAME = (
    r"(?:The (?:[A-Z][\w'&.-]* ){0,3}|(?:[A-Z][\w'&.-]* ){1,2})(?:Daily|Times|Post|Telegraph|"
    r"Guardian|Herald|Tribune|Journal|Gazette|Chronicle|Mail|Express|Independent|Observer|"
    r"Mirror|Standard|Economist)(?: of [A-Z]\w+)?"
)
MASTHEAD = re.compile(rf"^{MASTHEAD_NAME}$")


# Picture agencies credited at the end of a caption: "... Twitter feed (PA)".
PICTURE_DESKS = {
    "pa", "pa wire", "pa media", "pa images", "epa", "epa-efe", "ap photo", "afp photo",
    "getty images", "getty", "rex", "shutterstock", "alamy", "file", "supplied",
}  # fmt: skip
# "... (PA)", "... on Sunday.Ezequiel Becerra / Agence Francepresse"
TRAILING_CREDIT = re.compile(r"\((?P<credit>[^()]{1,30})\)$|\s/\s*(?P<agency>[^/()]{2,30})$")


# A caption's credit after its last sentence: "...winner of the presidential poll. Picture: AFP".
LABELLED_CREDIT = re.compile(
    r"[.!?]\s+(?:picture|photo|photograph|image|pic|credit)s?\s*:\s*[^.:]{2,60}$", re.I
)


# The credit that ends a caption however long it runs: "... universities and colleges. Anna
# Moneymaker/Getty Images", "... on affirmative action. — Photo courtesy of The New York Times",
# "... September 24, 2023. Photo by REUTERS/David Swanson."
CREDITED_CAPTION = re.compile(
    r"(?:\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*(?:Getty Images|AFP|AP|Reuters?|EPA|"
    r"Bloomberg|Shutterstock|Alamy|Pool)(?:/File| via [A-Z][\w ]{1,20})?"
    r"|[—–-]\s*Photo courtesy of [^.]{2,60}|[—–]\s*(?:AFP|AP|Reuters|EPA)/File"
    r"|\bPhoto by (?:REUTERS|Reuters|AFP|AP|EPA|Getty Images)/[A-Z][\w.'’ -]{1,40}"
    # "... in Buenos Aires, November 19, 2023. REUTERS/Adriano Machado/File Photo"
    r"|\b(?:REUTERS|AFP|EPA)/[A-Z][\w.'’ -]{1,40}(?:/File(?: Photo)?)?"
    # "... in Seoul, South Korea, December 4, 2024. — Reuters": a picture's date, then its agency
    r"|\b(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, "
    r"(?:19|20)\d\d\.\s*[—–-]\s*(?:Reuters|REUTERS|AP|AFP|EPA|Getty Images|Bloomberg|Xinhua))"
    r"\.?\)?$"
)


ARTICLE_SOURCE = re.compile(r"^sources?\s*:", re.I)


# A photographer and desk in a caption's credit ("(Stefan Rousseau/PA)"), or a desk and whom
# it credits ("(AP: Ukrainian Presidential Press Office)", "(ABC News: Jane Doe)").
PHOTOGRAPHER_DESK = re.compile(r"\([^()/:]{2,40}/(?P<desk>[^()/:]{2,20})\)$")
DESK_LABEL = re.compile(r"\((?P<desk>[^()/:]{2,20}):\s*[^()]{2,60}\)$")


def is_picture_desk(name: str) -> bool:
    return name.lower() in PICTURE_DESKS or outlet_from_credit(name) is not None


def ends_with_credit(text: str) -> bool:
    credit = TRAILING_CREDIT.search(text)
    if credit and credit["agency"]:
        return outlet_from_credit(credit["agency"]) is not None
    name = credit["credit"].strip() if credit else ""
    if name and is_picture_desk(name):
        return True
    desk = PHOTOGRAPHER_DESK.search(text) or DESK_LABEL.search(text)
    return bool(desk) and is_picture_desk(desk["desk"].strip())


def mark_captions(units: list[Unit]) -> None:
    """Photo captions: a credit in brackets at the end, a 'Photo:' label at the start or after
    the last sentence, a date at the end of a line that is not a sentence, or an unfinished line
    just above a credit line."""
    for i, unit in enumerate(units):
        if unit.role != "body":
            continue
        # "Source: Wafa" under a headline credits the article, not a photo
        followed_by_credit = (
            i + 1 < len(units)
            and units[i + 1].role == "credit"
            and not ARTICLE_SOURCE.match(units[i + 1].text)
        )
        unfinished = not ENDS_SENTENCE.search(unit.text) and unit.words >= 6
        ends_with_date = any(end >= len(unit.text) - 1 for _, end, _ in find_dates(unit.text))
        credited = followed_by_credit or ends_with_credit(unit.text)
        if (
            PHOTO_CREDIT.search(unit.text)
            or LABELLED_CREDIT.search(unit.text)
            or CREDITED_CAPTION.search(unit.text)
            or CAPTION_START.match(unit.text)
            or (CAPTION_SENTENCE.search(unit.text) and len(split_sentences(unit.text)) == 1)
            or (unfinished and (ends_with_date or credited))
        ):
            unit.role = "caption"
    mark_video_titles(units)
    # The first copy of a caption a page prints again with its credit ("Intel shares have
    # fallen more than 40% so far this year." ... the same "(Photo: REUTERS)").
    captions = [normalize_for_match(u.text) for u in units if u.role == "caption"]
    for unit in units:
        key = normalize_for_match(unit.text)
        if unit.role == "body" and unit.words >= 4 and any(c.startswith(key) for c in captions):
            unit.role = "caption"


# A video's running time and source under its title: "01:01 - Source: CNN".
RUNNING_TIME = re.compile(r"^\d{1,2}:\d{2}\s*[-–—]\s*source:", re.I)


def mark_video_titles(units: list[Unit]) -> None:
    """The line just above a video's running time is the video's title ("Funerals begin for
    Sri Lanka victims"), not the story's text."""
    for above, unit in zip(units, units[1:], strict=False):
        short = above.words <= 15 and not ENDS_SENTENCE.search(above.text)
        if above.role == "body" and short and RUNNING_TIME.match(unit.text):
            above.role = "video title"


def mark_tail(units: list[Unit]) -> None:
    """After the story: once a copyright line closes it, everything after goes; after a share
    bar, 'related' heading or byline, only lines that are not sentences (headline lists) go."""
    words_total = sum(u.words for u in units if u.role == "body")
    words_seen = 0
    ended, closed = False, False
    for unit in units:
        if unit.role == "body" and words_seen and unit.words <= 6 and LIST_HEADER.match(unit.text):
            unit.role, ended = "after the story", True  # "Next In Tech News": a list begins
            continue
        if unit.role == "body":
            if closed or (ended and not ENDS_SENTENCE.search(unit.text)):
                unit.role = "after the story"
            else:
                words_seen += unit.words
            continue
        if words_seen == 0:
            continue
        marker = BULLET.sub("", unit.text).lower().strip(" .:|")
        if unit.role == "copyright" and words_seen >= words_total - words_seen:
            closed = True
        elif (
            unit.role == "byline"
            or marker in END_MARKERS
            or marker.startswith("tags")
            or LIST_HEADER.match(unit.text)
        ):
            ended = True


def mark_fragment(units: list[Unit]) -> None:
    """A last word or two with no full stop, where a saved excerpt was cut mid-sentence."""
    body = [u for u in units if u.role == "body"]
    if len(body) > 1 and body[-1].words <= 2 and not ENDS_CLAUSE.search(body[-1].text):
        body[-1].role = "cut off"


def mark_headings(units: list[Unit]) -> None:
    """Sub-headings: short lines that are not sentences, followed by a paragraph of prose."""
    body = [u for u in units if u.role == "body"]
    for unit, following in zip(body, body[1:], strict=False):
        if unit.words <= 12 and not ENDS_CLAUSE.search(unit.text) and following.is_prose:
            unit.role = "heading"
