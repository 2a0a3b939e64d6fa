"""What a line that stands alone is: site chrome, copyright, byline, date, credit, or text."""

from __future__ import annotations

import re

from .outlets import BYLINE, COPYRIGHT, DATELINE_CREDIT, PHOTO_CREDIT_LINE, outlet_from_credit
from .published import RELATIVE_DATE_LINE, find_dates, is_date_line

BULLET = re.compile(r"^[-*•·▪►]\s+")
ENDS_SENTENCE = re.compile(r"""[.!?…]["'”’»)\]]*$""")
ENDS_CLAUSE = re.compile(r"""[.!?…:;,—–-]["'”’»)\]]*$""")
# Site chrome, compared after lowercasing and stripping bullets and edge punctuation.
CHROME_EXACT = {
    "watch tv live", "watch live", "live tv", "newsfront", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "share on x", "tweet",
    "email", "print", "comments",
    "advertisement", "sponsored", "skip to content", "skip to main content", "menu", "search",
    "subscribe", "sign in", "log in", "sign up", "newsletter", "read more", "related",
    "related articles", "related stories", "more stories", "more from this section",
    "recommended", "most read", "most popular", "trending", "you may also like", "follow us",
    "back to top", "tags", "topics", "home", "copy link", "listen", "listen to this article",
    "save", "close", "continue reading", "story continues below", "accept", "accept all",
}  # fmt: skip
END_MARKERS = {
    "share", "share this", "share this article", "read more", "related", "related articles",
    "related stories", "more stories", "recommended", "most read", "most popular", "trending",
    "you may also like", "tags", "topics",
}  # fmt: skip
CHROME_PATTERNS = (
    re.compile(r"^(?:tags?|topics?|categories|filed under)\s*[:=|]", re.I),
    re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", re.I),
    re.compile(r"^[\d,.]+\s*[km]?\s+(?:views?|comments?|shares?|reads?)$", re.I),
    re.compile(r"^\[[^\]]*\b(?:column|continued|advertisement|top of)\b[^\]]*\]$", re.I),
    re.compile(r"^[\W_]+$"),
    re.compile(r"^[A-Z]{2,15}(?:\s+[A-Z]{2,15})?$"),  # section label: WORLD, US NEWS
    re.compile(r"^\d+\s+(?:second|minute|hour|day|week)s?\s+ago\b.*\bread\b", re.I),
    re.compile(r"^!\[[^\]]*\]\([^)]*\)$"),  # markdown image
    re.compile(r"\bcookies?\b.*\b(?:accept|consent|privacy|policy)\b", re.I),
)
PHOTO_CREDIT = re.compile(
    r"\([^()]*\b(?:photo|photograph|image|getty images|pool|via (?:ap|reuters|afp|getty))\b"
    r"[^()]*\)\s*$",
    re.I,
)
# The plain-text header of a saved page: "Title / domain | date / URL", one per line.
URL_LINE = re.compile(r"^<?(?:https?://|www\.)\S+?>?$", re.I)
DOMAIN = r"(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}"
SITE_LINE = re.compile(rf"^(?P<domain>{DOMAIN})\s*(?:[|·•]\s*(?P<when>.+))?$", re.I)
CAPTION_START = re.compile(r"^(?:photo|image|caption|photograph|file photo|file)\s*[:\-–—]", re.I)


def line_kind(line: str) -> str | None:
    """The kind of a line that stands alone (never joined with its neighbours), or None for text."""
    if len(line) > 300:  # chrome, credits and date lines are short; a paragraph is text
        return None
    bare = BULLET.sub("", line).strip()
    if is_source_line(bare):
        return "source"
    low = bare.lower().strip(" .:|")
    if low in CHROME_EXACT or any(p.search(bare) for p in CHROME_PATTERNS):
        return "chrome"
    if len(bare) <= 200 and COPYRIGHT.search(bare):
        return "copyright"
    if BYLINE.match(bare) and len(bare.split()) <= 14:
        return "byline"
    if RELATIVE_DATE_LINE.match(bare):
        return "relative_date"
    if is_date_line(bare):
        return "date"
    if outlet_from_credit(bare) or DATELINE_CREDIT.match(bare) or PHOTO_CREDIT_LINE.search(bare):
        return "credit"
    return None


def is_source_line(line: str) -> bool:
    """A bare link, or a bare domain with a date after a bar: 'example.com | 2018-08-03'."""
    if URL_LINE.match(line):
        return True
    site = SITE_LINE.match(line)
    if not site:
        return False
    when = site["when"]
    return not when or bool(find_dates(when)) or bool(RELATIVE_DATE_LINE.match(when.strip()))
