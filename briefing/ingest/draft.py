"""What cleaning makes of one article before it gets an id, and what a format states outright."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Draft:
    """A cleaned article before it gets an id."""

    title: str | None
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: dt.date | None = None
    date_approximate: bool = False
    byline: str | None = None
    url: str | None = None
    repairs: list[str] = field(default_factory=list)
    record: int | None = None


@dataclass
class Known:
    """Metadata a format states outright (HTML meta tags, JSON fields, Markdown front matter)."""

    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    site: str | None = None  # the website; used only when the text names no outlet
    # When a crawler fetched the page: a "publish" date on the same day may be the crawl time.
    crawled: str | None = None
