"""An article's byline, outlet and date, read from its units and the metadata its format states."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from ..text.dates import MONTHS, safe_date
from .draft import Draft, Known
from .lines import BULLET, DOMAIN, SITE_LINE, SOCIAL, URL_LINE
from .outlets import (
    BYLINE,
    DATELINE,
    DATELINE_CREDIT,
    dateline_outlet,
    outlet_from_copyright,
    outlet_from_credit,
    outlet_from_domain,
)
from .published import date_in_url, find_dates, infer_date, parse_date_value, resolve_relative
from .roles import MASTHEAD_NAME
from .units import Unit

FILE_PHOTO = re.compile(r"\b(?:file|archive|archival) (?:photo|picture|image|pic)\b", re.I)


def first_byline(units: list[Unit]) -> str | None:
    for unit in units:
        match = BYLINE.match(BULLET.sub("", unit.text)) if unit.role == "byline" else None
        if match:
            return match["name"]
    return None


def outlet_in(units: list[Unit]) -> str | None:
    """Outlet named by the text: a copyright line, a '(Reuters) -' dateline, an agency credit."""
    for unit in units:
        if unit.role == "copyright" and (outlet := outlet_from_copyright(unit.text)):
            return outlet
    body = [u for u in units if u.role == "body"]
    # The wire's tag opens the lead, perhaps under a standfirst or a caption.
    for unit in body[:3]:
        if outlet := dateline_outlet(unit.text):
            return outlet
    for unit in units:
        if unit.role in ("credit", "byline"):
            bare = BULLET.sub("", unit.text)
            byline = BYLINE.match(bare)
            credit = outlet_from_credit(byline["rest"] or "") if byline else None
            placed = DATELINE_CREDIT.match(bare)
            if outlet := credit or outlet_from_credit(placed["agency"] if placed else bare):
                return outlet
    return None


def page_header(units: list[Unit]) -> list[Unit]:
    """The header lines of a saved page ('domain | date', a URL) above the story's first
    paragraph; the same lines further down are links in the page, not its address."""
    header = []
    for unit in units:
        if unit.role == "body" and unit.is_prose:
            break
        if unit.role == "source":
            header.append(unit)
    return header


# A link to a social network, a link shortener, a search engine, a video site or a news reader
# is an embed, a share button or the way to the page, not the page.
NOT_A_PAGE = re.compile(
    rf"(?:^|\.)(?:{SOCIAL}|t|bit|pic|bing|google|youtu|apple|feedproxy|lnkd|ow|buff)\.[a-z.]+$",
    re.I,
)
# What a news page's address looks like: a slug of words, a date, or a page name; not a bare
# number or a section ("kremlin.ru/events/president/news/78123" is a source the story cites).
ARTICLE_PATH = re.compile(
    r"/[^/?#]*[-_][^/?#]*[-_][^/?#]*(?:[/?#]|$)|/(?:19|20)\d\d[/-]\d{1,2}|\.(?:s?html?|ece|cms)\b"
    r"|/(?:article|story)s?/\d+|[?&]p=\d+",  # "trtworld.com/article/12780649", WordPress's "?p="
    re.I,
)


def page_footer(units: list[Unit]) -> list[Unit]:
    """A saved page's own address on its last line, below the story, where some ways of saving
    a page put it ('…the vote was a cause for celebration.' then 'https://www.newser.com/…')."""
    last = next((u for u in reversed(units) if u.text.strip()), None)
    if not (last and last.role == "source" and URL_LINE.match(last.text)):
        return []
    address = last.text.strip("<>")
    if (urlsplit(address).hostname or "").endswith(("bing.com", "web.archive.org")):
        address = redirected_to(address)  # a news reader's redirect, an archived copy
    parts = urlsplit(address)
    if NOT_A_PAGE.search(parts.hostname or "") or not ARTICLE_PATH.search(
        f"{parts.path}?{parts.query}"
    ):
        return []
    return [Unit(text=address, role="source")]


def redirected_to(url: str) -> str:
    """The page a news reader's redirect or an archive's copy leads to: Bing News's
    'apiclick.aspx?...&url=https%3A%2F%2Fasia.nikkei.com%2F...' is the Nikkei's page,
    'web.archive.org/web/2023.../https://www.reuters.com/...' the Reuters page."""
    archived = re.search(r"/web/\d+\w*/(https?://.+)$", url)
    if archived:
        return archived.group(1)
    query = parse_qs(urlsplit(url).query)
    target = next((v[0] for k in ("url", "u") for v in [query.get(k)] if v), "")
    return target if target.startswith(("http://", "https://")) else url


def url_in(header: list[Unit]) -> str | None:
    return next((u.text.strip("<>") for u in header if URL_LINE.match(u.text)), None)


# A page title with its site after a bar or dash: "Talks end without a deal | example.com".
TITLE_WITH_SITE = re.compile(rf"^(?P<title>.{{10,}}?)\s+[|·•—–-]\s+(?P<domain>{DOMAIN})$", re.I)


# ... or with the paper's name: "Mexico anxiously awaits ... – Washington Post".
TITLE_WITH_MASTHEAD = re.compile(rf"^(?P<title>.{{10,}}?)\s+[|·•—–-]\s+(?P<paper>{MASTHEAD_NAME})$")


WIRE_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})\b")


def dateline_day(units: list[Unit], today: dt.date) -> dt.date | None:
    """The day a wire tag names ("Oct. 29 (UPI) --", "MANTA, Ecuador, April 19 (UPI) --"), in
    the latest year that puts it on or before `today`: approximate, the year being a guess."""
    for unit in [u for u in units if u.role == "body"][:3]:
        tag = DATELINE.match(unit.text)
        day = WIRE_DAY.search(tag.group(0)) if tag else None
        month = MONTHS.get(day[1].lower()) if day else None
        if day and month:
            for year in (today.year, today.year - 1):
                date = safe_date(year, month, int(day[2]))
                if date and date <= today:
                    return date
    return None


def title_and_site(title: str | None) -> tuple[str | None, str | None]:
    """A headline without the web domain or paper's name a saved page appended to it, and the
    outlet that names."""
    match = TITLE_WITH_SITE.match(title or "")
    if match:
        return match["title"], outlet_from_domain(match["domain"])
    match = TITLE_WITH_MASTHEAD.match(title or "")
    if match:
        return match["title"], match["paper"].removeprefix("The ")
    return title, None


def site_in(header: list[Unit], url: str | None) -> str | None:
    """The outlet a page header names: its domain, else the domain of its URL."""
    for unit in header:
        site = SITE_LINE.match(unit.text)
        if site:
            return outlet_from_domain(site["domain"])
    return outlet_from_domain(url) if url else None


def set_date(draft: Draft, units: list[Unit], known: Known, today: dt.date) -> None:
    """Stated date first (metadata, a date line or page header), then the date in the URL
    ('/2016/11/10/'), then a relative one ('2 days ago', resolved against `today`), then one
    inferred from the story; the last two are approximate.

    A stated date that may be when the page was fetched or copied (a crawler's 'publish' date
    on its own download day, a saved page's header) gives way to an earlier URL date: a news
    URL is made when the story is first published and never changes. With no URL date, a
    crawler's date is approximate, and an earlier date inferred from the story is taken."""
    date, approximate = parse_date_value(known.date, today)
    fetched = bool(date) and fetched_on(date, known.crawled, today)
    for unit in units:
        if date:
            break
        if unit.role in ("date", "byline", "source") and (stated := date_stated(unit, today)):
            date, approximate = stated, False
            fetched = unit.role == "source"
    url_date = date_in_url(draft.url)
    if url_date and url_date <= today and (not date or (fetched and url_date < date)):
        date, approximate, fetched = url_date, False, False
    # An archive photo's caption ("FILE PHOTO: ... October 21, 2019.") dates the photo only.
    context = "\n".join(u.text for u in units if not FILE_PHOTO.search(u.text))
    # A date after the day being briefed is a crawler's or an editor's later timestamp (an RT
    # page's date_publish weeks after its story), not when the page was published.
    if date and ((fetched and known.crawled) or date > today):
        # No URL date to check a crawler's date against: the crawl day is only an upper bound,
        # so a date the story itself points to ('Thursday' after 'Dec. 28') is preferred.
        # The briefing's own date bounds it too: a page crawled after the day being briefed was
        # published by then ("said Wednesday" in it is the Wednesday before the brief).
        inferred = infer_date("\n".join(draft.paragraphs), context, today)
        date, approximate = min(date, inferred or date, today), True
    for unit in units:
        if date:
            break
        if unit.role == "relative_date":
            date, approximate = resolve_relative(BULLET.sub("", unit.text).strip(), today), True
    if not date:
        date = infer_date("\n".join(draft.paragraphs), context, today)
        approximate = date is not None
    if not date:
        date = dateline_day(units, today)
        approximate = date is not None
    draft.published, draft.date_approximate = date, approximate


def date_stated(unit: Unit, today: dt.date) -> dt.date | None:
    """The date stated by a date line, a byline or a page header ('x.com | 2018-08-03T10:31')."""
    bare = BULLET.sub("", unit.text).strip()
    site = SITE_LINE.match(bare) if unit.role == "source" else None
    if site and site["when"] and (date := parse_date_value(site["when"], today)[0]):
        return date
    found = find_dates(bare)
    return found[0][2] if found else None


def fetched_on(date: dt.date, crawled: str | None, today: dt.date) -> bool:
    """Whether a crawler's 'publish' date falls on (or the day before) its download day."""
    download, _ = parse_date_value(crawled, today)
    return download is not None and dt.timedelta(0) <= download - date <= dt.timedelta(days=1)
