"""Formats: HTML pages (trafilatura), Markdown with front matter, JSON and JSONL records."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..models import Problem
from .article import clean_article, require_text
from .decode import normalize_unicode
from .draft import Draft, Known
from .files import UnusableFile
from .lines import SITE_LINE, URL_LINE
from .outlets import outlet_from_domain


def clean_html(path: Path, html: str, today: dt.date) -> Draft:
    """The story of an HTML page (trafilatura finds it), then the same cleaning as text."""
    import trafilatura  # a third of a second to import; only HTML input needs it

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "max_date": today.isoformat()},
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise UnusableFile(path, "no article text found in the HTML page; save the article page")
    known = Known(
        title=document.title or None,
        date=document.date or None,
        byline=document.author or None,
        url=document.url or None,
        site=document.sitename or None,
    )
    return require_text(path, clean_article(text, today=today, known=known))


FRONT_MATTER = re.compile(r"\A---\n(?P<fields>.*?)\n---\n", re.S)
MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")


def clean_markdown(path: Path, text: str, today: dt.date) -> Draft:
    """Markdown: front matter fields as metadata, '# Title' as title, link syntax removed."""
    fields: dict[str, str] = {}
    front = FRONT_MATTER.match(text)
    if front:
        for line in front["fields"].splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end() :]
    lines = []
    for line in text.split("\n"):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if heading and "title" not in fields and line.startswith("# "):
            fields["title"] = heading[1]
            continue
        line = heading[1] if heading else line
        lines.append(MD_STRONG.sub(r"\2", MD_LINK.sub(r"\1", line)))
    known = Known(
        title=fields.get("title"),
        date=fields.get("date") or fields.get("published"),
        outlet=fields.get("outlet") or fields.get("source"),
        byline=fields.get("author") or fields.get("byline"),
        url=fields.get("url"),
    )
    return require_text(path, clean_article("\n".join(lines), today=today, known=known))


# Field names of the common exports: news-please (maintext/text, date_publish, source_domain,
# authors, date_download), NewsAPI (content, publishedAt, source.name, author) and trafilatura's
# JSON (text/raw_text, date, sitename/hostname, source = the URL, filedate), plus plain names.
TEXT_FIELDS = ("text", "maintext", "body", "content", "raw_text")
TITLE_FIELDS = ("title", "headline", "title_page", "title_rss")
DATE_FIELDS = ("date_publish", "publishedAt", "published_at", "published", "datePublished", "date")
OUTLET_FIELDS = ("outlet", "publisher", "source", "sitename", "source-hostname", "site")
DOMAIN_FIELDS = ("source_domain", "hostname")
URL_FIELDS = ("url", "link", "source", "canonical_url")
AUTHOR_FIELDS = ("author", "authors", "byline")
# The summary a page prints under its headline (news-please and NewsAPI "description"). It is
# the article's first paragraph when the text does not already tell it: on the development
# corpus, half of the news-please texts lack theirs, and some bodies are only chrome.
STANDFIRST_FIELDS = ("description", "standfirst", "summary", "excerpt")
STANDFIRST_WORDS = 10  # shorter is a teaser: "So much shock. So much joy."
STANDFIRST_TOLD = 0.8  # share of its words in the text's opening that says it is told there
STANDFIRST_REACH = 1500  # characters of the text's opening it is looked for in
# NewsAPI cuts `content` at 200 characters and says how much is missing.
TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def json_records(path: Path, text: str) -> Iterator[tuple[dict[str, Any], int | None] | Problem]:
    """(record, number) for each article record: the line number in JSONL, the position in a
    JSON list. A bad JSONL line or record is a Problem naming it."""
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                reason = f"line {number} is not valid JSON ({err.msg}); fix or remove that line"
                yield Problem(path=str(path), reason=reason)
                continue
            yield checked_record(path, record, f"line {number}", number)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UnusableFile(
            path, f"not valid JSON (line {err.lineno}: {err.msg}); fix the file"
        ) from err
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield checked_record(path, data, "the record", None)
        return
    if not isinstance(data, list):
        raise UnusableFile(path, "expected a JSON object or a list of objects with a text field")
    for number, record in enumerate(data, start=1):
        yield checked_record(path, record, f"record {number}", number)


def checked_record(
    path: Path, record: Any, where: str, number: int | None
) -> tuple[dict[str, Any], int | None] | Problem:
    if not isinstance(record, dict):
        reason = f"{where} is not a JSON object; expected title, text, date and url fields"
        return Problem(path=str(path), reason=reason)
    if not any(as_text(record.get(key)) for key in TEXT_FIELDS):
        reason = f"{where} has no text; expected a non-empty 'text' field"
        return Problem(path=str(path), reason=reason)
    return record, number


def clean_record(path: Path, record: dict[str, Any], number: int | None, today: dt.date) -> Draft:
    text = next(
        value for key in TEXT_FIELDS if (value := as_text(record.get(key), keep_lines=True))
    )
    known = Known(
        title=first_field(record, TITLE_FIELDS),
        date=first_field(record, DATE_FIELDS) or as_text(record.get("date_modify")),
        outlet=record_outlet(record),
        byline=first_field(record, AUTHOR_FIELDS),
        url=next((url for key in URL_FIELDS if is_url(url := as_text(record.get(key)))), None),
        crawled=as_text(record.get("date_download") or record.get("filedate")),
    )
    text = TRUNCATION_MARK.sub("", text)
    standfirst = first_field(record, STANDFIRST_FIELDS)
    if standfirst and len(standfirst.split()) >= STANDFIRST_WORDS and not told(standfirst, text):
        text = f"{standfirst}\n\n{text}"  # the summary under the headline: often the lead
    draft = clean_article(normalize_unicode(text), today=today, known=known)
    if not draft.paragraphs and standfirst:
        # The body was all chrome (a gallery's captions, a copyright notice): the standfirst
        # is what the page says of the story.
        draft = clean_article(normalize_unicode(standfirst), today=today, known=known)
    draft.record = number
    where = f"line {number}" if path.suffix.lower() == ".jsonl" else f"record {number}"
    return require_text(f"{path} ({where})" if number else path, draft)


def told(standfirst: str, text: str) -> bool:
    """Whether the text's opening already tells the standfirst: most of its words are there
    (a lead that the standfirst repeats or paraphrases)."""
    said = set(re.findall(r"\w+", text[:STANDFIRST_REACH].lower()))
    words = re.findall(r"\w+", standfirst.lower())
    return sum(w in said for w in words) >= STANDFIRST_TOLD * len(words)


def record_outlet(record: dict[str, Any]) -> str | None:
    """The outlet a record names ('source': {'name': 'BBC News'}), else its web domain."""
    for key in OUTLET_FIELDS:
        name = as_text(record.get(key))
        if name and not is_url(name):
            return outlet_from_domain(name) if SITE_LINE.fullmatch(name) else name
    for key in DOMAIN_FIELDS:
        if (domain := as_text(record.get(key))) and (outlet := outlet_from_domain(domain)):
            return outlet
    return None


def first_field(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    return next((value for key in keys if (value := as_text(record.get(key)))), None)


def is_url(value: str | None) -> bool:
    return bool(value and URL_LINE.match(value) and "//" in value)


# Crawlers write missing values as the string "None" and lists as their Python repr.
MISSING = {"none", "null", "nan", "n/a", "[]", ""}
LIST_REPR = re.compile(r"""^\[\s*(['"]).*\1\s*\]$""", re.S)


def as_text(value: Any, *, keep_lines: bool = False) -> str | None:
    """A metadata value as text: strings as they are, {'name': ...} objects, lists joined.
    `keep_lines` keeps an article text's line breaks; other values become one line."""
    if isinstance(value, str) and LIST_REPR.match(value.strip()):
        value = re.findall(r"""(['"])(.*?)\1""", value)
        value = [item for _, item in value]
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if isinstance(v, str) and v.strip())
    if not isinstance(value, str) or value.strip().lower() in MISSING:
        return None
    return value if keep_lines else " ".join(value.split())
