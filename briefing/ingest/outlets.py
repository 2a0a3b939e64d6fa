"""Who published an article: known agencies, copyright lines, datelines, bylines, credits."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from ..text.datelines import DATELINE

OUTLETS = {
    "Reuters": ("reuters", "thomson reuters", "thomson/reuters"),
    "Associated Press": ("associated press", "the associated press", "ap"),
    "AFP": ("afp", "agence france-presse", "agence france presse"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "UPI": ("upi", "united press international"),
    "TASS": ("tass",),
    "Interfax": ("interfax",),
    "Xinhua": ("xinhua",),
    "Kyodo": ("kyodo", "kyodo news"),
    "BBC": ("bbc", "bbc news"),
    "CNN": ("cnn",),
    "Al Jazeera": ("al jazeera",),
}
OUTLET_ALIASES = {alias: name for name, aliases in OUTLETS.items() for alias in aliases}
OUTLET_IN_TEXT = re.compile(
    r"\b(" + "|".join(re.escape(a) for a in sorted(OUTLET_ALIASES, key=len, reverse=True)) + r")\b",
    re.I,
)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.I)
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:(?:19|20)\d\d\s*)?(?P<holder>[^.©|]+)", re.I
)
NOT_AN_AGENCY = re.compile(r"\b(?:photo|file|image|getty|pictured|video|update[sd]?)\b", re.I)


def dateline_outlet(paragraph: str) -> str | None:
    """The outlet a wire's tag names at the start of a story: a known agency by its name, any
    other as written ("MT Newswires"; "CBSNewYork/CBS News" is CBS News)."""
    match = DATELINE.match(paragraph)
    if not match or NOT_AN_AGENCY.search(match["agency"]):
        return None
    agency = match["agency"].strip()
    known = OUTLET_ALIASES.get(agency.lower())
    return known or agency.rsplit("/", 1)[-1].strip()


BYLINE = re.compile(
    r"^(?i:by|author|written by|words by|reporting by|reported by)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:(?:and|de|van|von|der|al|bin)\s+)?[A-Z][\w.'’-]*){0,5})"
    r"\s*(?:[|,;—–-]\s*(?P<rest>.*))?$"
)
# A place and the agency that filed from it, as a line of its own: "Baku, Azerbaijan | AFP".
DATELINE_CREDIT = re.compile(
    r"^[A-Z][\w .,'’-]{0,60}?\s*[|/—–-]\s*(?P<agency>"
    + "|".join(re.escape(a) for a in sorted(OUTLET_ALIASES, key=len, reverse=True))
    + r")$",
    re.I,
)
PHOTO_CREDIT_LINE = re.compile(
    r"^(?:photos?|images?|pictures?|credit|source|photograph)\s*(?:credit)?\s*:"
    r"|^(?:reuters|ap|afp|epa|getty images)\s*/|\bgetty images$|^ap photo\b",
    re.I,
)


def outlet_from_copyright(line: str) -> str | None:
    known = OUTLET_IN_TEXT.search(line)
    if known:
        return OUTLET_ALIASES[known.group(1).lower()]
    holder = COPYRIGHT_HOLDER.search(line)
    if not holder:
        return None
    name = re.sub(r"\ball rights reserved\b", "", holder["holder"], flags=re.I)
    name = re.sub(r",?\s*\b(?:inc|ltd|llc|plc|gmbh)\b\.?", "", name, flags=re.I).strip(" ,.-")
    return name if 0 < len(name.split()) <= 5 else None


# Agency names as credits spell them, without spaces and hyphens: "Agence Francepresse".
COMPACT_ALIASES = {re.sub(r"[\s-]", "", alias): name for alias, name in OUTLET_ALIASES.items()}


def outlet_from_credit(line: str) -> str | None:
    """The outlet named by a line that is only an agency name ('Reuters', '(AP)', 'Source:
    Aljazeera')."""
    name = re.sub(r"^(?:sources?|credit|via)\s*:\s*", "", line.strip(" ()[]-—–").lower())
    return OUTLET_ALIASES.get(name) or COMPACT_ALIASES.get(re.sub(r"[\s-]", "", name))


# Host names carry prefixes that are not the outlet: "www.npr.org", "edition.cnn.com".
HOST_PREFIXES = (
    "www",
    "www1",
    "www2",
    "edition",
    "m",
    "mobile",
    "amp",
    "en",
    "english",
    "uk",
    "us",
)


def outlet_from_domain(domain_or_url: str) -> str | None:
    """The outlet named by a web address: its host name without 'www.' and similar prefixes."""
    text = domain_or_url.strip().lower()
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    parts = host.split(".")
    while len(parts) > 2 and parts[0] in HOST_PREFIXES:
        parts = parts[1:]
    return ".".join(parts) if len(parts) >= 2 and all(parts) else None


# Query parameters that say how a reader arrived (campaign, click and mail ids), not which page.
TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|smid|smtyp|__twitter_impression)$",
    re.I,
)


def without_tracking(url: str | None) -> str | None:
    """The address without its tracking parameters: '…story.html?utm_term=.e52f8203b852' is
    '…story.html', the page every reader reaches."""
    if not url or "?" not in url:
        return url
    parts = urlsplit(url)
    pieces = parts.query.split("&")
    kept = [p for p in pieces if not TRACKING.match(p.split("=", 1)[0])]
    if len(kept) == len(pieces):
        return url  # as written: "?ids=1,2" stays, not "?ids=1%2C2"
    return urlunsplit(parts._replace(query="&".join(kept)))
